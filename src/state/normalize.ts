// Wire → model. REST pages are only checked to be lists and socket payloads only to be objects,
// so every field is guarded here and nothing throws, whatever shape arrives.
import {isJsonObject, type JsonObject} from '../api/types.js';
import type {
  ArticleItem,
  Attachment,
  AttachmentKind,
  CardItem,
  ChoiceItem,
  Message,
  MessageBody,
  Sender,
  SenderRole,
  SenderType,
  SubmittedAnswer,
} from './model.js';

const EMPTY: JsonObject = {};
/** The object itself, or an empty one for anything else (null, primitives, arrays). */
export const fieldsOf = (value: unknown): JsonObject => (isJsonObject(value) ? value : EMPTY);
const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** A string; numbers are written out, anything else is ''. */
export const str = (value: unknown): string => (typeof value == 'string' ? value : typeof value == 'number' ? String(value) : '');
export const num = (value: unknown): number | null => (typeof value == 'number' && Number.isFinite(value) ? value : null);
/** Only http(s) URLs survive; anything else (javascript:, data:, garbage) becomes ''. */
export const url = (value: unknown): string => {
  const text = str(value);
  return /^https?:\/\//i.test(text) ? text : '';
};
/** `identifierHash` → `identifier_hash`: the server's name for a model field. */
export const snake = (name: string): string => name.replace(/[A-Z]/g, (letter) => '_' + letter.toLowerCase());

const ATTACHMENT_KINDS: readonly AttachmentKind[] = ['image', 'audio', 'video', 'file', 'location'];

/** By message_type: 2 (activity) never reaches a contact and is dropped; 3 (template: greeting,
 * CSAT, out-of-office) is 'system', with the sender when there is one. */
const ROLE_BY_MESSAGE_TYPE = new Map<unknown, SenderRole>([
  [0, 'visitor'],
  [1, 'agent'],
  [3, 'system'],
]);

const SENDER_TYPES: readonly SenderType[] = ['contact', 'user', 'agent_bot', 'captain_assistant'];
const senderType = (value: unknown): SenderType => SENDER_TYPES.find((type) => type === value) ?? '';

/**
 * The senders made lately, by what they hold: a conversation's messages come from a handful of
 * people, and 10,000 messages each with its own copy of the same sender (and of its name and
 * avatar address, which each parsed frame holds anew) weighed about a tenth of the widget's heap.
 * Senders are never changed once made, so one object serves every message of the same sender.
 */
const recentSenders = new Map<string, Sender>();
/** More distinct senders than this (a hostile stream of them) starts the map afresh. */
const RECENT_SENDERS_HELD = 256;

export function sender(value: unknown): Sender | null {
  if (!isJsonObject(value)) return null;
  const made: Sender = {
    type: senderType(value.type),
    id: num(value.id),
    name: str(value.available_name) || str(value.name),
    avatarUrl: url(value.avatar_url) || url(value.thumbnail),
  };
  const key = JSON.stringify([made.type, made.id, made.name, made.avatarUrl]);
  const known = recentSenders.get(key);
  if (known) return known;
  if (recentSenders.size >= RECENT_SENDERS_HELD) recentSenders.clear();
  recentSenders.set(key, made);
  return made;
}

/** The body of every plain text message (one object for all: bodies are never changed). */
const TEXT_BODY: MessageBody = Object.freeze({type: 'text'});
/** The attachments of every message without any. */
const NO_ATTACHMENTS: readonly Attachment[] = Object.freeze([]);

/** The last path segment of a URL, decoded when it can be. */
function fileNameOf(address: string): string {
  const name = address.split(/[?#]/)[0].split('/').pop() ?? '';
  try {
    return decodeURIComponent(name);
  } catch {
    return name; // a malformed escape: show it as it is
  }
}

function attachment(value: unknown): Attachment {
  const fields = fieldsOf(value);
  const address = url(fields.data_url);
  return {
    kind: ATTACHMENT_KINDS.find((kind) => kind === fields.file_type) ?? 'other',
    url: address,
    thumbUrl: url(fields.thumb_url),
    fileName: str(fields.fallback_title) || fileNameOf(address),
    size: num(fields.file_size),
  };
}

const choice = (value: unknown): ChoiceItem => {
  const fields = fieldsOf(value);
  return {title: str(fields.title), value: str(fields.value)};
};

const card = (value: unknown): CardItem => {
  const fields = fieldsOf(value);
  return {
    title: str(fields.title),
    description: str(fields.description),
    mediaUrl: url(fields.media_url),
    actions: listOf(fields.actions).map((action) => {
      const actionFields = fieldsOf(action);
      return {text: str(actionFields.text), uri: url(actionFields.uri)};
    }),
  };
};

const article = (value: unknown): ArticleItem => {
  const fields = fieldsOf(value);
  return {title: str(fields.title), description: str(fields.description), link: url(fields.link)};
};

/** The body of a message and the visitor's answer to it, by content_type; other types are text. */
function bodyAndAnswer(contentType: unknown, attributes: JsonObject): [MessageBody, SubmittedAnswer | null] {
  const submitted = attributes.submitted_values;
  switch (contentType) {
    case 'input_select': {
      const values = listOf(submitted);
      return [{type: 'input_select', items: listOf(attributes.items).map(choice)}, values.length ? {kind: 'select', values: values.map(choice)} : null];
    }
    case 'input_email': {
      const fromForm = listOf(submitted).find((item) => fieldsOf(item).name == 'email');
      const email = str(attributes.submitted_email) || str(fieldsOf(fromForm).value);
      return [{type: 'input_email'}, email ? {kind: 'email', email} : null];
    }
    case 'input_csat': {
      const response = fieldsOf(fieldsOf(submitted).csat_survey_response);
      const rating = num(response.rating);
      const display = attributes.display_type == 'star' ? 'star' : 'emoji';
      return [{type: 'input_csat', display}, rating == null ? null : {kind: 'csat', rating, feedback: str(response.feedback_message)}];
    }
    case 'cards':
      return [{type: 'cards', items: listOf(attributes.items).map(card)}, null];
    case 'article':
      return [{type: 'article', items: listOf(attributes.items).map(article)}, null];
    default:
      return [TEXT_BODY, null];
  }
}

/** The attachments that can be shown (those with an address). */
function attachmentsOf(value: unknown): readonly Attachment[] {
  const attachments = listOf(value)
    .map(attachment)
    .filter((item) => item.url);
  return attachments.length ? attachments : NO_ATTACHMENTS;
}

/** A wire message (REST or socket) as a model message; null when it must not be shown. */
export function toMessage(value: unknown): Message | null {
  const wire = fieldsOf(value);
  const id = num(wire.id);
  const role = ROLE_BY_MESSAGE_TYPE.get(wire.message_type);
  if (id == null || !role) return null;
  const attributes = fieldsOf(wire.content_attributes);
  const [body, answer] = bodyAndAnswer(wire.content_type, attributes);
  const createdAtSeconds = num(wire.created_at);
  return {
    key: String(id),
    id,
    echoId: str(wire.echo_id) || null,
    conversationId: num(wire.conversation_id),
    role,
    sender: sender(wire.sender),
    content: str(wire.content),
    body,
    attachments: attachmentsOf(wire.attachments),
    // (0 when absent or beyond what a Date can show)
    createdAt: createdAtSeconds == null ? 0 : new Date(createdAtSeconds * 1000).getTime() || 0,
    status: 'sent',
    deleted: Boolean(attributes.deleted),
    read: wire.status == 'read',
    answer,
    error: null,
    updatedAt: typeof wire.updated_at == 'string' ? Date.parse(wire.updated_at) || 0 : 0,
    inReplyTo: num(attributes.in_reply_to),
  };
}

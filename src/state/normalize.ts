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

export function sender(value: unknown): Sender | null {
  if (!isJsonObject(value)) return null;
  return {
    type: senderType(value.type),
    id: num(value.id),
    name: str(value.available_name) || str(value.name),
    avatarUrl: url(value.avatar_url) || url(value.thumbnail),
  };
}

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
      return [{type: 'text'}, null];
  }
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
    attachments: listOf(wire.attachments)
      .map(attachment)
      .filter((item) => item.url),
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

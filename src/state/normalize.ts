// Wire → model. REST pages are only checked to be lists, so every field is guarded; nothing throws.
import {isObj} from '../api/client.js';
import type {Attachment, AttachmentKind, ConversationStatus, Message, MessageBody, Sender, SenderRole, SubmittedAnswer} from './model.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (isObj(v) ? v : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
export const str = (v: unknown): string => (typeof v == 'string' ? v : typeof v == 'number' ? '' + v : '');
export const num = (v: unknown): number | null => (typeof v == 'number' && isFinite(v) ? v : null);
/** Only http(s) URLs survive; anything else (javascript:, data:, garbage) becomes ''. */
export const url = (v: unknown): string => (typeof v == 'string' && /^https?:\/\//i.test(v) ? v : '');
/** `identifierHash` → `identifier_hash`: the server's name for a model field. */
export const snake = (k: string) => k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

const KINDS = ['image', 'audio', 'video', 'file', 'location'];
const STATUSES = ['open', 'pending', 'resolved', 'snoozed'];
/** By message_type: 2 (activity) never reaches a contact and is dropped; 3 (template: greeting,
 * CSAT, out-of-office) is 'system', with the sender when there is one. */
const ROLES: (SenderRole | undefined)[] = ['visitor', 'agent', , 'system'];

export const status = (v: unknown): ConversationStatus | null => (STATUSES.includes(v as string) ? (v as ConversationStatus) : null);

export function sender(v: unknown): Sender | null {
  if (!v || typeof v != 'object') return null;
  const s = v as Obj;
  return {id: num(s.id), name: str(s.available_name) || str(s.name), avatarUrl: url(s.avatar_url) || url(s.thumbnail), type: str(s.type)};
}

function attachment(a: Obj): Attachment {
  const u = url(a.data_url);
  let name = u.split(/[?#]/)[0].split('/').pop()!;
  try {
    name = decodeURIComponent(name);
  } catch {
    // a malformed escape: show it as it is
  }
  return {
    id: num(a.id) ?? 0,
    kind: (KINDS.includes(a.file_type as string) ? a.file_type : 'other') as AttachmentKind,
    url: u,
    thumbUrl: url(a.thumb_url),
    fileName: str(a.fallback_title) || name,
    size: num(a.file_size),
  };
}

/** The items of a rich message: each field read from its snake_case wire name, as a string,
 * links (`…Url`, `uri`, `link`) as http(s) URLs only, `actions` as a nested list. */
const items = (v: unknown, fields: string): any[] =>
  arr(v).map((i) => {
    const r: Obj = {};
    for (const k of fields.split(' '))
      r[k] = k == 'actions' ? items(i[k], 'text uri payload type') : (/Url|uri|link/.test(k) ? url : str)(i[snake(k)]);
    return r;
  });
const choices = (v: unknown) => items(v, 'title value');

/** content_type → [the body's fields, the visitor's answer]. Other types are shown as text. */
const TYPES: Record<string, (ca: Obj, sv: unknown) => [object, (SubmittedAnswer | null)?]> = {
  input_select: (ca, sv) => [{items: choices(ca.items)}, arr(sv).length ? {kind: 'select', values: choices(sv)} : null],
  input_email: (ca, sv, email = str(ca.submitted_email) || str(arr(sv).find((i) => i.name == 'email')?.value)) => [
    {},
    email ? {kind: 'email', email} : null,
  ],
  input_csat: (ca, sv, r = obj(obj(sv).csat_survey_response), rating = num(r.rating)) => [
    {display: ca.display_type == 'star' ? 'star' : 'emoji'},
    rating == null ? null : {kind: 'csat', rating, feedback: str(r.feedback_message)},
  ],
  cards: (ca) => [{items: items(ca.items, 'title description mediaUrl actions')}],
  article: (ca) => [{items: items(ca.items, 'title description link')}],
};

/** A wire message (REST or socket) as a model message; null when it must not be shown. */
export function toMessage(v: unknown): Message | null {
  const w = obj(v);
  const id = num(w.id);
  const role = ROLES[num(w.message_type)!];
  if (id == null || !role) return null;
  const ca = obj(w.content_attributes);
  const t = str(w.content_type);
  const [b, answer] = Object.hasOwn(TYPES, t) ? TYPES[t](ca, ca.submitted_values) : [];
  return {
    key: '' + id,
    id,
    echoId: str(w.echo_id) || null,
    conversationId: num(w.conversation_id),
    role,
    sender: sender(w.sender),
    content: str(w.content),
    body: (b ? {type: t, ...b} : {type: 'text'}) as MessageBody,
    attachments: arr(w.attachments).map(attachment).filter((a) => a.url),
    createdAt: (num(w.created_at) ?? 0) * 1000,
    status: 'sent',
    deleted: !!ca.deleted,
    read: w.status == 'read',
    answer: answer ?? null,
    error: null,
    updatedAt: Date.parse(str(w.updated_at)) || 0,
  };
}

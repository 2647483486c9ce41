// Wire → model. REST pages are only checked to be lists, so every field is guarded; nothing throws.
// Reads go through optional chaining, which finds nothing on null, primitives or arrays.
import {isObj} from '../api/client.js';
import type {Attachment, Message, Sender, SenderRole, SenderType} from './model.js';

const arr = (v: unknown): any[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string => (typeof v == 'string' ? v : typeof v == 'number' ? '' + v : '');
export const num = (v: unknown): number | null => (Number.isFinite(v) ? (v as number) : null);
/** Only http(s) URLs survive; anything else (javascript:, data:, garbage) becomes ''. */
export const url = (v: unknown): string => (/^https?:\/\//i.test((v = str(v)) as string) ? (v as string) : '');
/** `identifierHash` → `identifier_hash`: the server's name for a model field. */
export const snake = (k: string) => k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

const KINDS = 'image audio video file location'.split(' ');
/** By message_type: 2 (activity) never reaches a contact and is dropped; 3 (template: greeting,
 * CSAT, out-of-office) is 'system', with the sender when there is one. */
const ROLES: (SenderRole | undefined)[] = ['visitor', 'agent', , 'system'];

const SENDER_TYPES: readonly SenderType[] = ['contact', 'user', 'agent_bot', 'captain_assistant'];
const senderType = (v: unknown): SenderType => SENDER_TYPES.find((t) => t === v) ?? '';

export const sender = (s: unknown): Sender | null =>
  isObj(s) ? {type: senderType(s.type), id: num(s.id), name: str(s.available_name) || str(s.name), avatarUrl: url(s.avatar_url) || url(s.thumbnail)} : null;

function attachment(a: any): Attachment {
  const u = url(a?.data_url);
  let name = u.split(/[?#]/)[0].split('/').pop()!;
  try {
    name = decodeURIComponent(name);
  } catch {
    // a malformed escape: show it as it is
  }
  return {
    kind: KINDS.includes(a?.file_type) ? a.file_type : 'other',
    url: u,
    thumbUrl: url(a?.thumb_url),
    fileName: str(a?.fallback_title) || name,
    size: num(a?.file_size),
  };
}

/** The items of a rich message: each field read from its snake_case wire name, as a string,
 * links (`…Url`, `uri`, `link`) as http(s) URLs only, `actions` as a nested list. */
const items = (v: unknown, fields: string): any[] =>
  arr(v).map((i) =>
    Object.fromEntries(fields.split(' ').map((k) => [k, k == 'actions' ? items(i?.[k], 'text uri') : (/Url|uri|link/.test(k) ? url : str)(i?.[snake(k)])]))
  );
const CHOICE = 'title value';

/** A wire message (REST or socket) as a model message; null when it must not be shown. */
export function toMessage(w: any): Message | null {
  const id = num(w?.id);
  const role = ROLES[num(w?.message_type)!];
  if (id == null || !role) return null;
  const ca = w.content_attributes;
  const t = w.content_type;
  const sv = ca?.submitted_values;
  const r = sv?.csat_survey_response;
  const email = str(ca?.submitted_email) || str(arr(sv).find((i) => i?.name == 'email')?.value);
  // The body's fields and the visitor's answer, by content_type; other types are shown as text.
  const [body, answer] =
    t == 'input_select'
      ? [{items: items(ca?.items, CHOICE)}, arr(sv).length && {kind: 'select', values: items(sv, CHOICE)}]
      : t == 'input_email'
      ? [{}, email && {kind: 'email', email}]
      : t == 'input_csat'
      ? [{display: ca?.display_type == 'star' ? 'star' : 'emoji'}, num(r?.rating) != null && {kind: 'csat', rating: r.rating, feedback: str(r.feedback_message)}]
      : t == 'cards' || t == 'article'
      ? [{items: items(ca?.items, 'title description ' + (t == 'cards' ? 'mediaUrl actions' : 'link'))}]
      : [];
  return {
    key: '' + id,
    id,
    echoId: str(w.echo_id) || null,
    conversationId: num(w.conversation_id),
    role,
    sender: sender(w.sender),
    content: str(w.content),
    body: body ? {type: t, ...body} : {type: 'text'},
    attachments: arr(w.attachments).map(attachment).filter((a) => a.url),
    // (0 when absent or beyond what a Date can show)
    createdAt: +new Date(num(w.created_at)! * 1000) || 0,
    status: 'sent',
    deleted: !!ca?.deleted,
    read: w.status == 'read',
    answer: (answer as Message['answer']) || null,
    error: null,
    updatedAt: Date.parse(w.updated_at) || 0,
  };
}

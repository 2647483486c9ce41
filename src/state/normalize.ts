// Wire → model. Everything from the server is untrusted: every field is guarded, nothing throws.
import type {Attachment, AttachmentKind, ConversationStatus, Message, MessageBody, Sender, SenderRole, SubmittedAnswer} from './model.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v == 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
export const str = (v: unknown): string => (typeof v == 'string' ? v : typeof v == 'number' ? '' + v : '');
export const num = (v: unknown): number | null => (typeof v == 'number' && isFinite(v) ? v : null);
/** Only http(s) URLs survive; anything else (javascript:, data:, garbage) becomes ''. */
export const url = (v: unknown): string => (typeof v == 'string' && /^https?:\/\//i.test(v) ? v : '');

const KINDS = ['image', 'audio', 'video', 'file', 'location'];
const STATUSES = ['open', 'pending', 'resolved', 'snoozed'];
/** message_type → role. 2 (activity) never reaches a contact and is dropped; 3 (template:
 * greeting, CSAT, out-of-office) is 'system', with the sender when there is one. */
const ROLES: Record<number, SenderRole> = {0: 'visitor', 1: 'agent', 3: 'system'};

export const status = (v: unknown): ConversationStatus | null =>
  STATUSES.includes(v as string) ? (v as ConversationStatus) : null;

export function sender(v: unknown): Sender | null {
  if (!v || typeof v != 'object') return null;
  const s = obj(v);
  return {
    id: num(s.id),
    name: str(s.available_name) || str(s.name),
    avatarUrl: url(s.avatar_url) || url(s.thumbnail),
    type: str(s.type),
  };
}

function attachment(a: Obj): Attachment {
  const u = url(a.data_url);
  return {
    id: num(a.id) ?? 0,
    kind: (KINDS.includes(a.file_type as string) ? a.file_type : 'other') as AttachmentKind,
    url: u,
    thumbUrl: url(a.thumb_url),
    fileName: str(a.fallback_title) || decodeName(u),
    size: num(a.file_size),
  };
}

function decodeName(u: string): string {
  const last = u.split(/[?#]/)[0].split('/').pop() || '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

const choices = (v: unknown) => arr(v).map((i) => ({title: str(i.title), value: str(i.value)}));

function body(type: unknown, ca: Obj): MessageBody {
  switch (type) {
    case 'input_select':
      return {type, items: choices(ca.items)};
    case 'input_email':
      return {type};
    case 'input_csat':
      return {type, display: ca.display_type == 'star' ? 'star' : 'emoji'};
    case 'cards':
      return {
        type,
        items: arr(ca.items).map((i) => ({
          title: str(i.title),
          description: str(i.description),
          mediaUrl: url(i.media_url),
          actions: arr(i.actions).map((x) => ({text: str(x.text), uri: url(x.uri), payload: str(x.payload), type: str(x.type)})),
        })),
      };
    case 'article':
      return {type, items: arr(ca.items).map((i) => ({title: str(i.title), description: str(i.description), link: url(i.link)}))};
  }
  return {type: 'text'};
}

function answer(b: MessageBody, ca: Obj): SubmittedAnswer | null {
  const sv = ca.submitted_values;
  if (b.type == 'input_csat') {
    const r = obj(obj(sv).csat_survey_response);
    const rating = num(r.rating);
    return rating == null ? null : {kind: 'csat', rating, feedback: str(r.feedback_message)};
  }
  if (b.type == 'input_email') {
    const email = str(ca.submitted_email) || str(arr(sv).find((i) => i.name == 'email')?.value);
    return email ? {kind: 'email', email} : null;
  }
  if (b.type == 'input_select' && Array.isArray(sv) && sv.length) return {kind: 'select', values: choices(sv)};
  return null;
}

/** A wire message (REST or socket) as a model message; null when it must not be shown. */
export function toMessage(v: unknown): Message | null {
  const w = obj(v);
  const id = num(w.id);
  const t = num(w.message_type);
  const role = t == null ? null : ROLES[t];
  if (id == null || !role) return null;
  const ca = obj(w.content_attributes);
  const b = body(w.content_type, ca);
  return {
    key: '' + id,
    id,
    echoId: str(w.echo_id) || null,
    conversationId: num(w.conversation_id),
    role,
    sender: sender(w.sender),
    content: str(w.content),
    body: b,
    attachments: arr(w.attachments).map(attachment).filter((a) => a.url),
    createdAt: (num(w.created_at) ?? 0) * 1000,
    status: 'sent',
    deleted: !!ca.deleted,
    read: w.status == 'read',
    answer: answer(b, ca),
    error: null,
  };
}

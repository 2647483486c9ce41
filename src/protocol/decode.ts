// Runtime validation of server frames: nothing from the socket is trusted or allowed to throw.
import type {AkeceEvent} from './payloads.js';
import {MAX_FRAME_CHARS} from './constants.js';

type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

const num = (v: unknown) => Number.isFinite(v);

/**
 * JSON.parse for untrusted text: undefined for non-strings, oversize or invalid text, and for any
 * document with a `__proto__` key (harmless to JSON.parse itself, but a trap for later merges).
 */
export const parse = (text: unknown): unknown => {
  if (typeof text != 'string' || text.length > MAX_FRAME_CHARS) return;
  let hostile = false;
  try {
    const v: unknown = JSON.parse(text, (k, v: unknown) => ((hostile ||= k == '__proto__'), v));
    return hostile ? undefined : v;
  } catch {
    return;
  }
};

const message = (d: Obj) => num(d.id) && num(d.conversation_id) && num(d.message_type) && num(d.created_at);
const conversation = (d: Obj) => num(d.id);
const typing = (d: Obj) => isObj(d.conversation) && num(d.conversation.id);

// A Map, not an object literal, so names like 'toString' or '__proto__' find nothing.
const checks = new Map<string, (d: Obj) => boolean>([
  ['message.created', message],
  ['message.updated', message],
  ['conversation.created', conversation],
  ['conversation.status_changed', conversation],
  ['conversation.updated', conversation],
  ['conversation.typing_on', typing],
  ['conversation.typing_off', typing],
  ['presence.update', (d) => isObj(d.users)],
  ['contact.updated', () => true],
]);

/**
 * Decodes the `message` of a data frame (`{event, data}`, either part possibly a JSON string)
 * into an AkeceEvent, or null for unknown events (e.g. `notification.created`) and bad shapes.
 */
export const decodeEvent = (message: unknown): AkeceEvent | null => {
  const m = typeof message == 'string' ? parse(message) : message;
  if (!isObj(m)) return null;
  const {event} = m;
  const data = typeof m.data == 'string' ? parse(m.data) : m.data;
  const check = typeof event == 'string' && checks.get(event);
  return check && isObj(data) && check(data) ? ({event, data} as AkeceEvent) : null;
};

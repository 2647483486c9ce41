// Runtime validation of server frames: nothing from the socket is trusted or allowed to throw.
import type {AkeceEvent} from './payloads.js';

type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => !!v && typeof v == 'object' && !Array.isArray(v);

const num: (v: unknown) => boolean = Number.isFinite;

/**
 * JSON.parse for untrusted text: undefined for non-strings, oversize (a real frame is a few KB)
 * or invalid text, and for any document with a `__proto__` key (harmless to JSON.parse itself,
 * but a trap for later merges).
 */
export const parse = (text: unknown): unknown => {
  try {
    return typeof text == 'string' && text.length <= 2e6
      ? (JSON.parse(text, (k, v: unknown) => {
          if (k == '__proto__') throw 0;
          return v;
        }) as unknown)
      : undefined;
  } catch {
    return; // invalid or hostile
  }
};

/** Either part of a data frame may arrive as JSON text. */
const json = (v: unknown) => (typeof v == 'string' ? parse(v) : v);

// The events a contact's token can receive; others (e.g. notification.created) are dropped. A
// regular expression, not an object lookup, so names like 'toString' or '__proto__' find nothing.
const EVENTS = /^(message\.(created|updated)|conversation\.(created|status_changed|updated|typing_on|typing_off)|presence\.update|contact\.updated)$/;

/**
 * Decodes the `message` of a data frame (`{event, data}`) into an AkeceEvent, or null for
 * unknown events and bad shapes.
 */
export const decodeEvent = (message: unknown): AkeceEvent | null => {
  // Optional chaining reads nothing from primitives and arrays either.
  const m = json(message) as Obj | undefined;
  const event = m?.event;
  const d = json(m?.data);
  if (typeof event != 'string' || !EVENTS.test(event) || !isObj(d)) return null;
  const [kind, action] = event.split('.');
  const ok =
    kind == 'message'
      ? [d.id, d.conversation_id, d.message_type, d.created_at].every(num)
      : kind == 'presence'
        ? isObj(d.users)
        : kind == 'contact' || num(((action.startsWith('typing') ? d.conversation : d) as Obj | undefined)?.id);
  return ok ? ({event, data: d} as AkeceEvent) : null;
};

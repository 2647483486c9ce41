// Reading what arrives on the socket. Nothing from it is trusted, and nothing here throws: text that
// is not JSON, too big, or shaped in an unexpected way decodes to `undefined`, and the cable counts
// it as a dropped frame.
import {MAX_FRAME_CHARS} from './constants.js';
import type {AkeceEvent, AkeceEventName} from './payloads.js';

/** A plain JSON object (not null, not an array). */
export type JsonObject = Record<string, unknown>;

/**
 * True for the objects JSON.parse makes (and object literals of this page). Objects from other
 * realms or with odd prototypes are refused; they cannot come out of a frame.
 */
export const isJsonObject = (value: unknown): value is JsonObject => value instanceof Object && !Array.isArray(value);

/**
 * JSON.parse for untrusted text; anything but a string is returned as is (a data frame's message
 * and data may each be an object or JSON text). Undefined for invalid or oversize text and for any
 * document with a `__proto__` key: harmless to JSON.parse itself, but a trap for a later merge.
 */
export function parse(text: unknown): unknown {
  if (typeof text != 'string') return text;
  if (text.length > MAX_FRAME_CHARS) return undefined;
  let hasProtoKey = false;
  try {
    const value: unknown = JSON.parse(text, (key, nested: unknown) => {
      if (key == '__proto__') hasProtoKey = true;
      return nested;
    });
    return hasProtoKey ? undefined : value;
  } catch {
    // Not JSON.
    return undefined;
  }
}

/** A frame from the server, parsed: an object whose fields are still unchecked. */
export type Frame = JsonObject;

/** Parses a socket message into a frame, or undefined (not JSON, not an object, binary, too big). */
export function parseFrame(data: unknown): Frame | undefined {
  const frame = parse(data);
  return isJsonObject(frame) ? frame : undefined;
}

/** The check for one event's data: true when the state layer can read it without tripping. */
type DataCheck = (data: JsonObject) => boolean;

const anyObject: DataCheck = () => true;
/** Conversation events carry the conversation, whose `id` (display id) the state layer matches on. */
const conversationWithId: DataCheck = (data) => Number.isFinite(data.id);
/** Typing events carry the conversation under `conversation`. */
const typingInConversation: DataCheck = (data) => isJsonObject(data.conversation) && Number.isFinite(data.conversation.id);
/** Presence carries a map of agent id to status. */
const presenceWithUsers: DataCheck = (data) => isJsonObject(data.users);

/**
 * The events a contact's token can receive, each with the check of its data. Others (agent-only
 * ones such as notification.created) are dropped. A Map, not an object literal, so that names like
 * `toString` or `__proto__` find nothing. Messages pass as any object: state/normalize.ts checks
 * every message field itself. Contacts are not read beyond being an object.
 */
const EVENT_CHECKS: ReadonlyMap<string, DataCheck> = new Map<AkeceEventName, DataCheck>([
  ['message.created', anyObject],
  ['message.updated', anyObject],
  ['contact.updated', anyObject],
  ['conversation.created', conversationWithId],
  ['conversation.updated', conversationWithId],
  ['conversation.status_changed', conversationWithId],
  ['conversation.typing_on', typingInConversation],
  ['conversation.typing_off', typingInConversation],
  ['presence.update', presenceWithUsers],
]);

/**
 * Decodes the `message` of a data frame (`{event, data}`, either part possibly JSON text) into an
 * AkeceEvent. Undefined for unknown events and for shapes the state layer would trip on: data not
 * an object, presence without `users`, a conversation event without its numeric `id` (or
 * `conversation.id`).
 */
export function decodeEvent(message: unknown): AkeceEvent | undefined {
  const envelope = parse(message);
  if (!isJsonObject(envelope)) return undefined;
  const name = envelope.event;
  const check = typeof name == 'string' ? EVENT_CHECKS.get(name) : undefined;
  const data = parse(envelope.data);
  if (!check || !isJsonObject(data) || !check(data)) return undefined;
  // The name is one of the table's and its data passed the table's check: that makes this cast true.
  return {event: name, data} as AkeceEvent;
}

// Whether the visitor is known at page start (a contact or unsent messages kept from an earlier
// visit), read without loading the session's chunk: a known visitor connects at once, a new one
// loads nothing until the chat is used.
//
// It reads the session's storage format of today (`{k: contact, o: outbox}` under
// `akece-chat:<base-url>:<inbox>`) and the versioned one that replaces it (`{version: 2, contact,
// outbox}`). When src/state/persisted-session.ts lands (storageKey() and readPersistedSession(),
// which read both), this function becomes a call of those two.
import type {StorageLike} from '../state/chat-session.js';

/** True when `storage` holds a contact or unsent messages for this installation and inbox. */
export function hasStoredVisitor(storage: StorageLike | null, baseUrl: string, inboxIdentifier: string): boolean {
  try {
    const stored: unknown = JSON.parse(storage?.getItem(`akece-chat:${baseUrl}:${inboxIdentifier}`) || 'null');
    if (!stored || typeof stored != 'object') return false;
    const {k, o, contact = k, outbox = o} = stored as {k?: unknown; o?: unknown; contact?: unknown; outbox?: unknown};
    return Boolean(contact) || (Array.isArray(outbox) && outbox.length > 0);
  } catch {
    return false; // unreadable: the session starts afresh anyway
  }
}

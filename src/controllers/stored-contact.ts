// Whether the visitor is known at page start (a contact or unsent messages kept from an earlier
// visit), read without loading the session's chunk: a known visitor connects at once, a new one
// loads nothing until the chat is used. persisted-session.ts imports nothing, so reading it here
// keeps the page-start chunk small, and there is one reader of the storage format (both versions).
import {readPersistedSession, storageKey, type StorageLike} from '../state/persisted-session.js';

/** True when `storage` holds a contact or unsent messages for this installation and inbox. */
export function hasStoredVisitor(storage: StorageLike | null, baseUrl: string, inboxIdentifier: string): boolean {
  const stored = readPersistedSession(storage, storageKey(baseUrl, inboxIdentifier));
  return Boolean(stored?.contact) || (stored?.outbox.length ?? 0) > 0;
}

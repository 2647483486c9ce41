// Whether the visitor is known at page start (a contact or unsent messages kept from an earlier
// visit), read without loading the session's chunk: a known visitor connects at once, a new one
// loads nothing until the chat is used.
//
// The storage format belongs to src/state/persisted-session.ts, which validates and migrates it
// when the session starts. This only looks for a contact or an outbox entry in either version
// (version 2: `{version: 2, contact, outbox}`; version 1: `{k: contact, o: outbox}`), because
// importing that module would put its reader into every page's first download.
import type {StorageLike} from '../state/persisted-session.js';
import {storageKey} from '../state/storage-key.js';

/** True when `storage` holds a contact or unsent messages for this installation and inbox. */
export function hasStoredVisitor(storage: StorageLike | null, baseUrl: string, inboxIdentifier: string): boolean {
  try {
    const stored: unknown = JSON.parse(storage?.getItem(storageKey(baseUrl, inboxIdentifier)) || 'null');
    if (!stored || typeof stored != 'object') return false;
    const {k, o, contact = k, outbox = o} = stored as {k?: unknown; o?: unknown; contact?: unknown; outbox?: unknown};
    return Boolean(contact) || (Array.isArray(outbox) && outbox.length > 0);
  } catch {
    return false; // unreadable or blocked: the session starts afresh anyway
  }
}

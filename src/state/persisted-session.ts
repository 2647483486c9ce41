// What the widget keeps in the page's storage between visits: the contact it created and the
// visitor's messages not yet on the server. The element reads this at page start, before the rest
// of the session is loaded, to decide whether a contact is known (then it connects at once), so
// this file imports nothing.

/** localStorage / sessionStorage, or anything shaped like them. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The contact this browser acts as: REST credential and socket token. */
export interface StoredContact {
  readonly sourceId: string;
  readonly pubsubToken: string;
}

/** A visitor's message not yet confirmed by the server. */
export interface StoredOutboxEntry {
  /** The echo_id it is (re)sent with, so that the server's copy is recognised. */
  readonly echoId: string;
  readonly content: string;
  /** Unix ms, local clock: when the visitor sent it (orders the pending messages). */
  readonly createdAt: number;
  /** The highest server message id in view when it was sent (0: none): a copy of it on the
   * server must have a higher id. */
  readonly maxServerIdThen: number;
  /** A POST of it may have reached the server without an answer: look before sending again. */
  readonly outcomeUnknown: boolean;
  /** The server refused it for good: shown failed, sent again only by the visitor's retry. */
  readonly failedForGood: boolean;
  /** How many files go with it (absent: none). The files themselves are kept in IndexedDB under
   * its echo id (src/state/outbox-files.ts): storage holds only strings. */
  readonly fileCount?: number;
  /**
   * The conversation it was written in (null: a new one, which it creates); it is sent there and
   * shown only there. Absent in entries stored before conversations were recorded: those go to
   * whichever conversation is shown when they are sent, as they always did. Read as stored (the
   * writer checks it, so that the session's chunk, which loads at page start, stays small).
   */
  readonly conversationId?: unknown;
}

export interface PersistedSession {
  /** The contact the widget created (a contact given by the page is never stored). */
  readonly contact: StoredContact | null;
  /** In the order typed. */
  readonly outbox: readonly StoredOutboxEntry[];
}

/** The version written today. Version 1 (unversioned, one-letter keys) is read and migrated.
 * An entry's `conversationId` is optional within version 2 (older code ignores it, so it needs no
 * new version: a page that goes back to an older build keeps its contact and messages). */
export const STORAGE_FORMAT_VERSION = 2;

export {storageKey} from './storage-key.js';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value == 'object' && value != null && !Array.isArray(value);
const nonEmptyString = (value: unknown): value is string => typeof value == 'string' && value != '';
const finiteOrZero = (value: unknown): number => (typeof value == 'number' && Number.isFinite(value) ? value : 0);

function readContact(sourceId: unknown, pubsubToken: unknown): StoredContact | null {
  return nonEmptyString(sourceId) && nonEmptyString(pubsubToken) ? {sourceId, pubsubToken} : null;
}

/** An outbox entry from its stored fields; the fields of `stored` this does not know pass on as
 * stored (the writer's own, which it reads when it takes the entry over: conversationId). */
function readEntry(
  echoId: unknown,
  content: unknown,
  createdAt: unknown,
  maxServerIdThen: unknown,
  outcomeUnknown: unknown,
  failedForGood: unknown,
  stored?: Json
): StoredOutboxEntry | null {
  const fileCount = finiteOrZero(stored?.fileCount);
  // (a message of files only has no text)
  if (!nonEmptyString(echoId) || typeof content != 'string' || !(content || fileCount > 0)) return null;
  return {
    ...stored,
    echoId,
    content,
    createdAt: finiteOrZero(createdAt),
    maxServerIdThen: finiteOrZero(maxServerIdThen),
    outcomeUnknown: outcomeUnknown === true,
    failedForGood: failedForGood === true,
    ...(fileCount > 0 && {fileCount}),
  };
}

const present = <T>(value: T | null): value is T => value != null;

/** Version 2: `{version: 2, contact: {sourceId, pubsubToken} | null, outbox: [{echoId, content, …, fileCount?}]}`. */
function readVersion2(stored: Json): PersistedSession {
  const contact = isRecord(stored.contact) ? readContact(stored.contact.sourceId, stored.contact.pubsubToken) : null;
  const entries = Array.isArray(stored.outbox) ? stored.outbox : [];
  const outbox = entries
    .filter(isRecord)
    .map((entry) => readEntry(entry.echoId, entry.content, entry.createdAt, entry.maxServerIdThen, entry.outcomeUnknown, entry.failedForGood, entry))
    .filter(present);
  return {contact, outbox};
}

/** Version 1 (before the rewrite): `{k: {sourceId, pubsubToken} | null, o: [{e: echoId,
 * c: content, t: createdAt, m: maxServerIdThen, u?: outcomeUnknown, x?: failedForGood}]}`. */
function readVersion1(stored: Json): PersistedSession {
  const contact = isRecord(stored.k) ? readContact(stored.k.sourceId, stored.k.pubsubToken) : null;
  const entries = Array.isArray(stored.o) ? stored.o : [];
  const outbox = entries
    .filter(isRecord)
    .map((entry) => readEntry(entry.e, entry.c, entry.t, entry.m, entry.u, entry.x))
    .filter(present);
  return {contact, outbox};
}

/**
 * What is stored under `key`, in either version; null when nothing readable is there (no storage,
 * nothing stored, storage that throws, or a version this code does not know).
 */
export function readPersistedSession(storage: StorageLike | null, key: string): PersistedSession | null {
  let stored: unknown;
  try {
    stored = JSON.parse(storage?.getItem(key) ?? 'null');
  } catch {
    return null; // unreadable or blocked: start afresh
  }
  if (!isRecord(stored)) return null;
  if (stored.version === STORAGE_FORMAT_VERSION) return readVersion2(stored);
  if (stored.version === undefined) return readVersion1(stored);
  return null;
}

/**
 * Writes `session` under `key` in today's version (which migrates a version 1 value on the first
 * write), or removes the key when there is nothing to keep. Full or blocked storage is ignored:
 * the session goes on in memory.
 */
export function writePersistedSession(storage: StorageLike | null, key: string, session: PersistedSession): void {
  if (!storage) return;
  try {
    if (session.contact || session.outbox.length) {
      storage.setItem(key, JSON.stringify({version: STORAGE_FORMAT_VERSION, contact: session.contact, outbox: session.outbox}));
    } else {
      storage.removeItem(key);
    }
  } catch {
    // full or blocked storage: keep going in memory
  }
}

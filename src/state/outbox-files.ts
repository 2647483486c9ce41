// The files of the visitor's unsent messages, kept across a reload. The outbox itself is kept in
// the page's storage (persisted-session.ts), which holds only strings; files go to IndexedDB,
// which keeps File objects as they are, one record per queued message, under its echo id.
// Loaded on demand by the visitor's writer (src/state/visitor-writer.ts) with the first message
// that has files, or the first restored one that had them: text-only visitors never load it.

const DATABASE = 'akece-chat';
const STORE = 'outbox-files';

/** A record no outbox has claimed for this long is left over (a tab whose sessionStorage ended). */
const LEFT_OVER_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** One queued message's files, as stored. */
interface KeptFiles {
  readonly echoId: string;
  readonly files: readonly File[];
  /** Unix ms: when they were kept. */
  readonly keptAt: number;
}

/** Resolves with a request's result, or rejects with its error. */
function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves once a write transaction has committed (a full disk fails it only here, at commit). */
function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/**
 * The files of queued messages, by echo id. Every operation waits for the one before it, so a
 * removal asked for right after a save (a message delivered while its files were being kept)
 * never runs first. Each method rejects when IndexedDB cannot do it: none at all (some private
 * modes), no room left (quota), or blocked.
 */
export class OutboxFiles {
  /** The open database, once asked for (undefined: not yet, or it closed). */
  #database: Promise<IDBDatabase> | undefined;
  #last: Promise<unknown> = Promise.resolve();

  /** Keeps `files` for the message sent with `echoId` (replacing any kept before). */
  save(echoId: string, files: readonly File[]): Promise<void> {
    const record: KeptFiles = {echoId, files: [...files], keptAt: Date.now()};
    return this.#write((store) => store.put(record));
  }

  /** The files kept for `echoId`; undefined when none are. */
  load(echoId: string): Promise<File[] | undefined> {
    return this.#queue(async () => {
      const store = (await this.#open()).transaction(STORE).objectStore(STORE);
      const record = (await requestDone(store.get(echoId))) as KeptFiles | undefined;
      return record?.files ? [...record.files] : undefined;
    });
  }

  /** Forgets the files of `echoId` (sent, or thrown away). */
  remove(echoId: string): Promise<void> {
    return this.#write((store) => store.delete(echoId));
  }

  /** Forgets the records older than a week that none of `claimed` (echo ids still queued) owns. */
  removeLeftOvers(claimed: readonly string[]): Promise<void> {
    const oldest = Date.now() - LEFT_OVER_AFTER_MS;
    return this.#write((store) => {
      const cursor = store.openCursor();
      cursor.onsuccess = () => {
        const current = cursor.result;
        if (!current) return;
        const record = current.value as KeptFiles;
        if (record.keptAt < oldest && !claimed.includes(record.echoId)) current.delete();
        current.continue();
      };
    });
  }

  /** Runs `change` in a write transaction; resolves once it has committed. */
  #write(change: (store: IDBObjectStore) => unknown): Promise<void> {
    return this.#queue(async () => {
      const transaction = (await this.#open()).transaction(STORE, 'readwrite');
      const done = committed(transaction);
      change(transaction.objectStore(STORE));
      await done;
    });
  }

  #queue<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#last.then(operation);
    this.#last = result.catch(() => undefined);
    return result;
  }

  #open(): Promise<IDBDatabase> {
    return (this.#database ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB == 'undefined') throw new Error('No IndexedDB here');
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, {keyPath: 'echoId'});
      request.onblocked = () => reject(new Error('IndexedDB is blocked'));
      requestDone(request).then((database) => {
        // Another page deletes or upgrades the database: let it, and open again when next needed.
        database.onversionchange = database.onclose = () => {
          database.close();
          this.#database = undefined;
        };
        resolve(database);
      }, reject);
    }).catch((error: unknown) => {
      this.#database = undefined; // the next operation tries again
      throw error;
    }));
  }
}

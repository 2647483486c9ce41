// The visitor's messages that the server does not have yet, in the order typed. Each one is
// shown at once (pending, or failed with a retry), kept in storage so a reload loses nothing,
// and sent once, in order, when the connection allows.

import {ApiError, isAbort} from '../api/errors.js';
import type {Message} from './model.js';
import type {StoredOutboxEntry} from './persisted-session.js';

/** A queued message. The stored fields survive a reload (its files through IndexedDB); the caller's promise does not. */
export class QueuedMessage implements StoredOutboxEntry {
  outcomeUnknown = false;
  failedForGood = false;
  /** Attached files, in memory (storage keeps their count; IndexedDB keeps them: outbox-files.ts). */
  files: readonly File[] | undefined;
  /** How many files go with it, whether or not they are at hand. */
  fileCount = 0;
  /** Its files are being read back after a reload: the queue waits for them. */
  filesPending = false;
  /** Its files could not be kept for after a reload (see `Message.filesNotKept`). */
  filesNotKept: 'at-risk' | 'lost' | undefined;
  /** The failure it was last shown with (undefined: shown pending), to show it again as it was. */
  shownFailure: string | undefined;
  /**
   * The conversation it was written in, where it is sent and shown: an id, null for a new one
   * (the id once its first message created it), undefined for an entry stored before this was
   * recorded (sent to whichever conversation is shown then).
   */
  conversationId: number | null | undefined;
  /** Settles the promise of the latest sendMessage()/retry() of this message. */
  private attempt: {resolve(message: Message): void; reject(error: unknown): void} | null = null;

  constructor(
    readonly echoId: string,
    readonly content: string,
    readonly createdAt: number,
    readonly maxServerIdThen: number
  ) {}

  static restore(stored: StoredOutboxEntry): QueuedMessage {
    const entry = new QueuedMessage(stored.echoId, stored.content, stored.createdAt, stored.maxServerIdThen);
    entry.outcomeUnknown = stored.outcomeUnknown;
    entry.failedForGood = stored.failedForGood;
    entry.fileCount = stored.fileCount ?? 0;
    const conversationId = stored.conversationId;
    // (anything else than an id or null was not written by this code: sent as an entry without one)
    if (conversationId === null || (typeof conversationId == 'number' && conversationId > 0)) entry.conversationId = conversationId;
    return entry;
  }

  /** The key of its message in the view. */
  get key(): string {
    return 'echo:' + this.echoId;
  }

  /** A new attempt: returns the promise the caller waits on. */
  startAttempt(): Promise<Message> {
    this.failedForGood = false;
    return new Promise<Message>((resolve, reject) => {
      this.attempt = {resolve, reject};
    });
  }

  delivered(message: Message): void {
    this.attempt?.resolve(message);
  }

  attemptFailed(error: unknown): void {
    this.attempt?.reject(error);
  }

  toStored(): StoredOutboxEntry {
    const {echoId, content, createdAt, maxServerIdThen, outcomeUnknown, failedForGood, fileCount, conversationId} = this;
    const stored = {echoId, content, createdAt, maxServerIdThen, outcomeUnknown, failedForGood, ...(fileCount > 0 && {fileCount})};
    return conversationId === undefined ? stored : {...stored, conversationId};
  }

  /** Whether it is shown, and sent, in `shownConversation` (the one in view; null: a new one). */
  belongsTo(shownConversation: number | null): boolean {
    return this.conversationId === undefined || this.conversationId === shownConversation;
  }

  /** Its copy in the view: pending, or failed (with `error`, '' when none to say). */
  toMessage(failure: string | null = this.failedForGood ? '' : null): Message {
    return {
      key: this.key,
      id: null,
      echoId: this.echoId,
      // (which conversation shows it is the writer's choice: src/state/visitor-writer.ts)
      conversationId: null,
      role: 'visitor',
      sender: null,
      content: this.content,
      body: {type: 'text'},
      // Its files by name and size (no address yet), so that a failed one shows what a retry sends.
      attachments: this.files?.map((file) => ({kind: 'file' as const, url: '', thumbUrl: '', fileName: file.name, size: file.size})) ?? [],
      createdAt: this.createdAt,
      status: failure == null ? 'pending' : 'failed',
      deleted: false,
      read: false,
      answer: null,
      error: failure,
      updatedAt: 0,
      ...(this.filesNotKept && {filesNotKept: this.filesNotKept}),
    };
  }
}

/** What the outbox needs from the session to send. */
export interface OutboxDelivery {
  /** False while offline or reconnecting: sending waits for the connection. */
  canSend(): boolean;
  /**
   * Makes sure there is a contact (and a socket), and waits until this tab is the one that sends;
   * rejects when there cannot be a contact now.
   */
  prepare(): Promise<void>;
  /** The last POST of `entry` may have reached the server: find its copy there and adopt it. */
  adoptEarlierCopy(entry: QueuedMessage): Promise<void>;
  /** Shows `entry` in the view: pending, or failed with `failure`. */
  show(entry: QueuedMessage, failure?: string): void;
  /** Posts `entry` and merges the answer (which settles it through `settleDelivered`). */
  post(entry: QueuedMessage): Promise<void>;
  /** Reports a failed attempt to the page. */
  failed(error: unknown): void;
}

/** Random enough to tell one browser's sends apart; the server only echoes it back. */
export const newEchoId = (): string => Math.random().toString(36).slice(2);

export class Outbox {
  private queue: QueuedMessage[] = [];
  /** Sends run one after another on this chain. */
  private sending: Promise<void> = Promise.resolve();
  /** A run is waiting on the chain (a second request during it runs once more after it). */
  private runQueued = false;

  constructor(
    private readonly delivery: OutboxDelivery,
    /** Called after every change worth storing. */
    private readonly changed: () => void,
    /** Called for each entry that leaves the queue (delivered, or cleared). */
    private readonly left: (entry: QueuedMessage) => void = () => undefined
  ) {}

  get entries(): readonly QueuedMessage[] {
    return this.queue;
  }

  has(entry: QueuedMessage): boolean {
    return this.queue.includes(entry);
  }

  find(key: string): QueuedMessage | undefined {
    return this.queue.find((entry) => entry.key == key);
  }

  /** Puts stored entries back (after any held) and shows them. */
  restore(stored: readonly StoredOutboxEntry[]): void {
    for (const entry of stored.map(QueuedMessage.restore)) {
      this.queue.push(entry);
      this.delivery.show(entry);
    }
  }

  /** Holds a message another tab of this visitor queued: shown and stored here, and sent by
   * whichever tab sends for them all (src/tabs/outbox-mirror.ts). */
  hold(entry: QueuedMessage): void {
    this.queue.push(entry);
    this.delivery.show(entry);
    this.changed();
  }

  /** Queues a new message and sends it; the promise settles with this attempt. */
  add(entry: QueuedMessage): Promise<Message> {
    this.queue.push(entry);
    this.changed();
    return this.send(entry);
  }

  /** (Re)sends `entry`; the promise settles with this attempt. */
  send(entry: QueuedMessage): Promise<Message> {
    const attempt = entry.startAttempt();
    this.delivery.show(entry);
    this.flush();
    return attempt;
  }

  /** Settles and drops the entries the server now has (REST answer, socket echo or adoption). */
  settleDelivered(deliveredCopy: (entry: QueuedMessage) => Message | undefined): void {
    const before = this.queue.length;
    this.queue = this.queue.filter((entry) => {
      const copy = deliveredCopy(entry);
      if (copy) {
        entry.delivered(copy);
        this.left(entry);
      }
      return !copy;
    });
    if (this.queue.length < before) this.changed();
  }

  /** Rejects every waiting caller (reset, dispose). */
  rejectAll(reason: string): void {
    for (const entry of this.queue) entry.attemptFailed(new Error(reason));
  }

  clear(): void {
    for (const entry of this.queue) this.left(entry);
    this.queue = [];
  }

  toStored(): StoredOutboxEntry[] {
    return this.queue.map((entry) => entry.toStored());
  }

  /** Sends what is queued, one run at a time; a call during a run runs again after it. */
  flush(): void {
    if (this.runQueued) return;
    this.runQueued = true;
    this.sending = this.sending
      .then(() => {
        this.runQueued = false;
        return this.sendAll();
      })
      .catch(() => undefined); // every failure is reported inside sendAll
  }

  /**
   * Sends the queue once, in order; stops at the first failure that may pass later. It reads the
   * queue as it is at each step, not as it was when the run began: prepare() may wait long (for
   * this tab's turn to send, src/tabs/outbox-mirror.ts), and what was queued or held meanwhile
   * goes in the same run.
   */
  private async sendAll(): Promise<void> {
    const tried = new Set<QueuedMessage>();
    for (let entry = this.nextToTry(tried); entry; entry = this.nextToTry(tried)) {
      tried.add(entry);
      // Its files are still being read back after a reload: the rest waits, in order.
      if (entry.filesPending || !this.delivery.canSend()) return;
      try {
        await this.delivery.prepare();
        // Another tab may have sent it (or had it refused) while this one waited to send.
        if (!this.has(entry) || entry.failedForGood) continue;
        if (entry.outcomeUnknown) {
          // The last POST may have reached the server: look before sending it twice.
          await this.delivery.adoptEarlierCopy(entry);
          if (!this.has(entry)) continue; // its echo came in meanwhile, or it was adopted
        }
        this.delivery.show(entry);
        await this.delivery.post(entry);
      } catch (error) {
        if (!this.has(entry) || isAbort(error)) return;
        const stop = this.attemptFailed(entry, error);
        if (stop) return;
      }
    }
  }

  /** The first entry this run has not tried yet, if any (a refused one waits for a retry). */
  private nextToTry(tried: ReadonlySet<QueuedMessage>): QueuedMessage | undefined {
    return this.queue.find((entry) => !tried.has(entry) && !entry.failedForGood);
  }

  /** Marks a failed attempt; true when the rest of the queue must wait (the failure may pass). */
  private attemptFailed(entry: QueuedMessage, error: unknown): boolean {
    const apiError = error instanceof ApiError ? error : null;
    // No HTTP answer: the POST may have arrived all the same.
    if (!apiError?.status) entry.outcomeUnknown = true;
    entry.failedForGood = apiError?.retryable === false;
    this.changed();
    this.delivery.show(entry, error instanceof Error ? error.message : String(error));
    entry.attemptFailed(error);
    this.delivery.failed(error);
    return !entry.failedForGood;
  }
}

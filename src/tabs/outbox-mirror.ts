// The visitor's unsent messages, the same in every tab of a browser (contract §10, "Several
// tabs"): a message written in one tab shows, pending, in the others; once sent it shows once in
// each; a failed one can be retried from any of them. So that nothing is sent twice, one tab
// sends for all of them: the one whose writer holds a Web Lock named after the contact. The
// others hand it what their visitor writes or retries over a BroadcastChannel, and hear back
// what it shows and what the server has. When that tab goes, the browser gives the lock to the
// next tab, which holds the same queue and sends the rest; a message the first tab was posting
// as it went is looked for on the server before it is sent again. A sending tab that freezes or
// hangs loses the turn the same way as the leading tab of the socket (src/tabs/tab-lead.ts).
//
// The sending tab is not simply the tab that holds the socket: that tab may have no writer (its
// visitor never opened the chat there, contract §8), and loading the writer's chunk in it only
// to send for the others would load it where nobody writes. So the writers queue for a lock of
// their own, under the same rules.
//
// Only tabs whose writer has loaded take part (src/state/visitor-writer.ts: the panel was seen,
// the visitor wrote, or storage holds unsent messages): a tab that only counts unread replies
// shows no messages. A tab that joins asks the sending tab for the queue as it is.
import {ApiError} from '../api/errors.js';
import type {Message} from '../state/model.js';
import {QueuedMessage} from '../state/outbox.js';
import type {StoredOutboxEntry} from '../state/persisted-session.js';
import type {OutboxPeers, VisitorWriter} from '../state/visitor-writer.js';
import {TabLead, type LeadPage} from './tab-lead.js';

/** An entry as one tab tells the others of it: what storage keeps, its files, how it shows. */
interface SharedEntry {
  stored: StoredOutboxEntry;
  files?: readonly File[];
  /** Null: pending; else failed, with what to say ('' for nothing). */
  failure: string | null;
}

/** What the writers of one contact's tabs say to each other. */
type MirrorMessage =
  /** A writer joined: the sending tab answers it (`to`) with the queue. */
  | {kind: 'hello'; from: string}
  /** The sending tab's queue, and the messages it sent last (for a tab that missed them). */
  | {kind: 'queue'; to?: string; entries: SharedEntry[]; delivered: Message[]}
  | {kind: 'queued'; entry: SharedEntry}
  | {kind: 'retry'; echoId: string}
  /** The sending tab posts it now: should that tab go, the next one looks on the server first. */
  | {kind: 'posting'; echoId: string}
  | {kind: 'shown'; entry: SharedEntry}
  | {kind: 'delivered'; message: Message};

/** How many sent messages the sending tab remembers for tabs that join late. */
const REMEMBERED_DELIVERIES = 20;

export interface MirrorOptions {
  /** The contact this tab writes as (its socket token, one per contact); undefined before there is one. */
  contact(): string | undefined;
  /** Where the lead runs (a test hangs or freezes one tab of a page). */
  page?: LeadPage;
}

/** One contact's channel and lock, for as long as this tab writes as that contact. */
interface Scope {
  readonly contact: string;
  readonly channel: BroadcastChannel;
  /** This tab's place in the queue for the turn to send. */
  lead: TabLead | null;
  /** This tab holds the lock: it sends for every tab. */
  sending: boolean;
  /** Settles when this tab may send, or when the scope ends (the waiter looks again). */
  turn: Promise<void>;
  endWait(): void;
}

const sharedEntry = (entry: QueuedMessage, failure: string | null = entry.failedForGood ? '' : null): SharedEntry => ({
  stored: entry.toStored(),
  files: entry.files,
  failure,
});

/** Mirrors one writer's outbox with the writers of the other tabs of the same contact. */
export class OutboxMirror implements OutboxPeers {
  readonly #writer: VisitorWriter;
  readonly #options: MirrorOptions;
  /** This tab, for the answer to its hello. */
  readonly #id = Math.random().toString(36).slice(2);
  #scope: Scope | null = null;
  /** Sends of this tab waiting in mayPost() for its turn (they go on when it comes). */
  #waiting = 0;
  /** The latest messages this tab sent, newest last. */
  #delivered: Message[] = [];
  #disposed = false;

  constructor(writer: VisitorWriter, options: MirrorOptions) {
    this.#writer = writer;
    this.#options = options;
    this.#follow();
  }

  /** Resolves once this tab holds the lock of its contact (at once without a contact: nobody shares it yet). */
  async mayPost(): Promise<void> {
    for (;;) {
      this.#follow();
      if (this.#disposed) throw new ApiError('Aborted', 'aborted', {method: 'POST', url: ''});
      const scope = this.#scope;
      if (!scope || scope.sending) return;
      this.#waiting++;
      try {
        await scope.turn;
      } finally {
        this.#waiting--;
      }
    }
  }

  queued(entry: QueuedMessage): void {
    this.#follow();
    this.#post({kind: 'queued', entry: sharedEntry(entry)});
  }

  retried(entry: QueuedMessage): void {
    this.#post({kind: 'retry', echoId: entry.echoId});
  }

  posting(entry: QueuedMessage): void {
    if (this.#scope?.sending) this.#post({kind: 'posting', echoId: entry.echoId});
  }

  shown(entry: QueuedMessage, failure?: string): void {
    if (this.#scope?.sending) this.#post({kind: 'shown', entry: sharedEntry(entry, failure ?? null)});
  }

  delivered(message: Message): void {
    if (!this.#scope?.sending) return;
    this.#delivered = [...this.#delivered, message].slice(-REMEMBERED_DELIVERIES);
    this.#post({kind: 'delivered', message});
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#leave();
  }

  /** Joins the channel and lock of the contact this tab now writes as (the contact may come, go or change). */
  #follow() {
    const contact = this.#disposed ? undefined : this.#options.contact();
    if (contact === this.#scope?.contact) return;
    this.#leave();
    if (contact) this.#join(contact);
  }

  #join(contact: string) {
    const name = `akece-chat:outbox:${contact}`;
    const channel = new BroadcastChannel(name);
    const scope: Scope = {contact, channel, lead: null, sending: false, turn: Promise.resolve(), endWait: () => {}};
    const waitForTurn = () => (scope.turn = new Promise<void>((resolve) => (scope.endWait = resolve)));
    waitForTurn();
    this.#scope = scope;
    channel.onmessage = ({data}: MessageEvent<MirrorMessage>) => this.#hear(data);
    this.#post({kind: 'hello', from: this.#id});
    scope.lead = new TabLead(
      name,
      {
        lead: () => {
          scope.sending = true;
          this.#takeOver();
          scope.endWait();
        },
        // Frozen, or another tab took the turn while this one hung: the sends of this tab wait
        // again (a POST under way goes on; the next sender looks for it on the server first).
        follow: () => {
          scope.sending = false;
          waitForTurn();
          this.#post({kind: 'hello', from: this.#id});
        },
        resumed: () => this.#post({kind: 'hello', from: this.#id}),
      },
      this.#options.page
    );
  }

  #leave() {
    const scope = this.#scope;
    if (!scope) return;
    this.#scope = null;
    scope.lead?.dispose(); // the next tab in the queue sends
    scope.channel.close();
    scope.endWait();
  }

  /**
   * This tab sends from now on: the others hear its queue, and it sends what is left. (What the
   * previous sender was posting as it went is marked: it is looked for on the server first.)
   * When a send of this tab waits for the turn (as the first send of a new contact does: the lock
   * is asked for once the contact exists), that send goes on and sends the rest in order; a
   * second run queued behind it would post again, at once, a message whose attempt just failed,
   * though nobody asked for a retry.
   */
  #takeOver() {
    this.#sendQueue();
    if (this.#waiting == 0) this.#writer.flush();
  }

  #sendQueue(to?: string) {
    this.#post({kind: 'queue', to, entries: this.#writer.queue.map((entry) => sharedEntry(entry)), delivered: this.#delivered});
  }

  #hear(message: MirrorMessage) {
    const sending = this.#scope?.sending ?? false;
    switch (message.kind) {
      case 'hello':
        if (sending) this.#sendQueue(message.from);
        break;
      case 'queue':
        if (!sending && (message.to == null || message.to == this.#id)) this.#adoptQueue(message.entries, message.delivered);
        break;
      case 'queued':
        if (!this.#find(message.entry.stored.echoId)) this.#writer.hold(this.#entryOf(message.entry));
        if (sending) this.#writer.flush();
        break;
      case 'retry': {
        const entry = this.#find(message.echoId);
        if (entry && sending) this.#writer.resend(entry);
        else if (entry) this.#writer.showAsElsewhere(entry);
        break;
      }
      case 'posting': {
        const entry = this.#find(message.echoId);
        if (entry) entry.outcomeUnknown = true;
        break;
      }
      case 'shown':
        this.#showAsSender(message.entry);
        if (message.entry.failure) this.#writer.failedElsewhere(message.entry.failure);
        break;
      case 'delivered':
        this.#writer.deliveredElsewhere(message.message);
        break;
    }
  }

  /** The sending tab's queue: what it sent is merged, what it holds is shown as it shows it. */
  #adoptQueue(entries: readonly SharedEntry[], delivered: readonly Message[]) {
    for (const message of delivered) this.#writer.deliveredElsewhere(message);
    const held = new Set(entries.map((shared) => shared.stored.echoId));
    // Not in its queue, not sent: unknown to that tab, or sent before it led. Look before sending.
    for (const entry of this.#writer.queue) if (!held.has(entry.echoId)) entry.outcomeUnknown = true;
    for (const shared of entries) this.#showAsSender(shared);
  }

  /** Shows an entry as the sending tab shows it (holding it first if this tab missed it). */
  #showAsSender(shared: SharedEntry) {
    let entry = this.#find(shared.stored.echoId);
    if (!entry) this.#writer.hold((entry = this.#entryOf(shared)));
    entry.outcomeUnknown = shared.stored.outcomeUnknown;
    entry.failedForGood = shared.stored.failedForGood;
    this.#writer.showAsElsewhere(entry, shared.failure ?? undefined);
    if (shared.failure != null) entry.attemptFailed(new Error(shared.failure || 'Not sent'));
  }

  #entryOf(shared: SharedEntry): QueuedMessage {
    const entry = QueuedMessage.restore(shared.stored);
    entry.files = shared.files;
    return entry;
  }

  #find(echoId: string): QueuedMessage | undefined {
    return this.#writer.queue.find((entry) => entry.echoId === echoId);
  }

  #post(message: MirrorMessage) {
    this.#scope?.channel.postMessage(message);
  }
}

// What the visitor writes: their messages (through the outbox), retries, answers to bot and CSAT
// messages, and typing. Reading a conversation needs none of it, so it is a part of its own that
// ChatSession is given when the visitor may write (src/controllers/session-binding.ts loads it
// when the panel is first seen, on the first call that writes, or when storage holds unsent
// messages): a known contact who never opens the chat does not download it (contract §8).
import {newMessageBody} from '../api/contact-api.js';
import type {ContactApi} from '../api/contact-api.js';
import type {ConversationDto, SubmittedValuesDto} from '../api/types.js';
import type {ChatAction, ChatState} from './chat-state.js';
import type {MessageTimeline} from './message-timeline.js';
import type {Message, SubmittedAnswer} from './model.js';
import type {OutboxFiles} from './outbox-files.js';
import {toMessage} from './normalize.js';
import {newEchoId, Outbox, QueuedMessage, type OutboxDelivery} from './outbox.js';
import type {StoredOutboxEntry} from './persisted-session.js';
import type {ReadableStore} from './store.js';
import {VisitorTyping, type TimerSlot} from './typing.js';

/** What the writer uses of its session (ChatSession gives it these). */
export interface WriterContext {
  readonly api: ContactApi;
  timeline(): MessageTimeline;
  dispatch(action: ChatAction): void;
  /** The session's state (and its changes, to follow which conversation is in view). */
  readonly store: ReadableStore<ChatState>;
  /** Makes contact, socket and conversation ready; rejects when they cannot be now. */
  ensureReady(): Promise<void>;
  /** Loads the messages newer than those held (after a send whose outcome is unknown). */
  backfill(): Promise<void>;
  /** Merges wire messages as the socket would deliver them. */
  receive(wireMessages: readonly unknown[]): void;
  conversationReceived(conversation: ConversationDto): void;
  /** Creates a conversation (with the custom attributes the page set for it). */
  createConversation(): Promise<ConversationDto>;
  /** Stores the session (contact and outbox). */
  persist(): void;
  /** Whether the outbox is kept in storage (false with `storage="none"`: nor are its files). */
  readonly storesOutbox: boolean;
  /** Shows a failure and tells the page. */
  report(code: string, error: unknown): void;
  typingTimer: TimerSlot;
}

/**
 * The other tabs of this visitor, told of every change of the outbox (src/tabs/outbox-mirror.ts);
 * no one when the tab is alone. One tab sends for them all, so that a message is sent once.
 */
export interface OutboxPeers {
  /** Resolves once this tab is the one that sends (at once when it is alone). */
  mayPost(): Promise<void>;
  /** The visitor queued `entry` in this tab. */
  queued(entry: QueuedMessage): void;
  /** The visitor asked, in this tab, to send `entry` again. */
  retried(entry: QueuedMessage): void;
  /** This tab posts `entry` now. */
  posting(entry: QueuedMessage): void;
  /** This tab shows `entry` pending, or failed with `failure`. */
  shown(entry: QueuedMessage, failure?: string): void;
  /** The server has the visitor's message `message` (it carries the echo id of its entry). */
  delivered(message: Message): void;
  dispose(): void;
}

const ignore = () => undefined;

/** A tab on its own. */
const ALONE: OutboxPeers = {
  mayPost: () => Promise.resolve(),
  queued: ignore,
  retried: ignore,
  posting: ignore,
  shown: ignore,
  delivered: ignore,
  dispose: ignore,
};

/** The wire shape of an answer, by kind. */
function submittedValues(answer: SubmittedAnswer): SubmittedValuesDto {
  switch (answer.kind) {
    case 'csat':
      return {csat_survey_response: {rating: answer.rating, feedback_message: answer.feedback}};
    case 'email':
      return [{name: 'email', title: answer.email, value: answer.email}];
    case 'select':
      return answer.values;
  }
}

export class VisitorWriter {
  readonly #context: WriterContext;
  readonly #outbox: Outbox;
  readonly #typing: VisitorTyping;
  /** Where the files of queued messages are kept across a reload: its module loads with the first files. */
  #keptFiles: Promise<OutboxFiles> | undefined;
  /** The conversation in view when last looked (its queued messages are shown when it changes). */
  #shown: number | null;
  /**
   * Whether the session has picked the conversation it shows. Until then (a reload, messages
   * restored from storage, the server not answering yet) every queued message is shown, as the
   * visitor left them; the pick is almost always the conversation they were written in.
   */
  #viewDecided: boolean;
  readonly #unsubscribe: () => void;
  #peers = ALONE;

  constructor(context: WriterContext) {
    this.#context = context;
    this.#outbox = new Outbox(
      this.#delivery(),
      () => context.persist(),
      (entry) => this.#forgetFiles(entry)
    );
    this.#typing = new VisitorTyping(context.typingTimer, (typing) => this.#sendTyping(typing));
    this.#shown = this.#state.conversationId;
    this.#viewDecided = this.#shown != null;
    this.#unsubscribe = context.store.subscribe(({conversationId}) => {
      if (conversationId === this.#shown) return;
      const firstPick = !this.#viewDecided;
      this.#shown = conversationId;
      this.#viewDecided = true;
      // Another conversation in view (chosen, picked at start, or just created): the messages
      // still queued for it are shown there again (after this change has reached every listener).
      queueMicrotask(() => {
        if (firstPick) this.#leaveOnlyOwnMessages();
        for (const entry of this.#outbox.entries) this.#show(entry);
      });
    });
  }

  /**
   * The session picked a conversation while the view showed every restored message: if some of
   * them belong to another one, the view starts again from the picked conversation (its messages
   * are still on their way: the session loads its page after the pick), keeping what the pick said.
   */
  #leaveOnlyOwnMessages(): void {
    const {conversationId, conversationStatus: status, lastSeenAt} = this.#state;
    const strangers = this.#outbox.entries.some((entry) => !entry.belongsTo(conversationId) && this.#context.timeline().placeOfKey(entry.key));
    if (conversationId == null || !strangers) return;
    this.#context.dispatch({type: 'conversation-shown', conversationId});
    this.#context.dispatch({type: 'conversation-changed', conversationId, status, lastSeenAt});
  }

  get #state(): ChatState {
    return this.#context.store.getState();
  }

  /** From now on, the outbox is the same in every tab of this visitor, and one of them sends. */
  share(peers: OutboxPeers): void {
    this.#peers = peers;
  }

  /** Puts the stored unsent messages back in the view and in the queue; their files follow. */
  restore(stored: readonly StoredOutboxEntry[]): void {
    this.#outbox.restore(stored);
    const withFiles = this.#outbox.entries.filter((entry) => entry.fileCount > 0 && !entry.files);
    for (const entry of withFiles) void this.#readFiles(entry);
    if (withFiles.length) {
      const claimed = this.#outbox.entries.map((entry) => entry.echoId);
      this.#fileStore().then((files) => files.removeLeftOvers(claimed), ignore);
    }
  }

  /** Queues a message and sends it; settles once the server has it (or this attempt failed). */
  send(content: string, files?: readonly File[]): Promise<Message> {
    const entry = new QueuedMessage(newEchoId(), content, Date.now(), this.#context.timeline().highestId);
    entry.files = files;
    entry.fileCount = files?.length ?? 0;
    // Sent to the conversation it was written in, whatever is in view by the time it can be sent.
    entry.conversationId = this.#state.conversationId;
    const sent = this.#outbox.add(entry);
    if (entry.fileCount) void this.#keepFiles(entry);
    this.#peers.queued(entry);
    return sent;
  }

  /** Sends a failed message again, with the same echo id. */
  retry(key: string): Promise<Message> {
    const entry = this.#outbox.find(key);
    if (!entry) return Promise.reject(new Error('Unknown message'));
    const sent = this.#outbox.send(entry);
    this.#peers.retried(entry);
    return sent;
  }

  /** Answers a bot or CSAT message; the updated message is merged. */
  async answer(key: string, answer: SubmittedAnswer): Promise<void> {
    const context = this.#context;
    // A message with an id came with the current contact and conversation.
    const messageId = context.timeline().placeOfKey(key)?.message.id;
    const conversationId = this.#state.conversationId;
    if (messageId == null || conversationId == null) throw new Error('Unknown message');
    const updated = await context.api.submitAnswer(conversationId, messageId, submittedValues(answer)).catch((error: unknown) => {
      context.report('update-failed', error);
      throw error;
    });
    context.receive([updated]);
  }

  /** The visitor is typing: `on` once, then `off` after 4 s without a call, or at once. */
  setTyping(typing: boolean): void {
    if (this.#state.conversationId != null) this.#typing.set(typing);
  }

  /** Sends what is queued, when the connection allows. */
  flush(): void {
    this.#outbox.flush();
  }

  /** Settles queued sends the server now has (REST answer, socket echo or adoption). */
  settleDelivered(): void {
    this.#outbox.settleDelivered((entry) => {
      const copy = this.#serverCopy(entry);
      if (copy) this.#peers.delivered(copy);
      return copy;
    });
  }

  /**
   * The contact is gone. With a reason (reset) the queue is rejected and emptied; without (the
   * server forgot the contact) it is kept for the next contact and shown again.
   */
  forgetContact(reason?: string): void {
    this.#typing.forget();
    if (reason) {
      this.#outbox.rejectAll(reason);
      this.#outbox.clear();
    }
    for (const entry of this.#outbox.entries) {
      // The old contact's conversations are not the next one's: they start a new one.
      entry.conversationId = null;
      this.#show(entry);
    }
  }

  /** Rejects every waiting caller: the session is disposed of. */
  dispose(): void {
    this.#unsubscribe();
    this.#peers.dispose();
    this.#outbox.rejectAll('Disposed');
  }

  // ── what the other tabs of this visitor do here (src/tabs/outbox-mirror.ts) ────────────

  /** The unsent messages, in order. */
  get queue(): readonly QueuedMessage[] {
    return this.#outbox.entries;
  }

  /** Holds a message queued in another tab: shown and stored here too (unless its server copy is here already). */
  hold(entry: QueuedMessage): void {
    if (!this.#serverCopy(entry)) this.#outbox.hold(entry);
  }

  /** Shows `entry` as another tab shows it: pending, or failed with `failure` (a late word never hides its server copy). */
  showAsElsewhere(entry: QueuedMessage, failure?: string): void {
    if (!this.#serverCopy(entry)) this.#show(entry, failure);
  }

  /** Another tab's attempt to send failed: shown and told to the page here too, as if this tab had sent it. */
  failedElsewhere(failure: string): void {
    this.#context.report('send-failed', new Error(failure));
  }

  /** Sends `entry` again (asked in another tab; nobody waits on it here). */
  resend(entry: QueuedMessage): void {
    this.#outbox.send(entry).catch(ignore);
  }

  /** Another tab sent the message whose server copy is `message`: merged, and its entry settled. */
  deliveredElsewhere(message: Message): void {
    if (!this.#outbox.entries.some((entry) => entry.echoId === message.echoId)) return;
    this.#context.dispatch({type: 'messages-received', messages: [message]});
    this.#outbox.settleDelivered((entry) => (entry.echoId === message.echoId ? message : undefined));
  }

  /** The queue as storage keeps it. */
  toStored(): StoredOutboxEntry[] {
    return this.#outbox.toStored();
  }

  #serverCopy(entry: QueuedMessage): Message | undefined {
    return this.#context.timeline().firstWithEchoId(entry.echoId, (held) => held.id != null)?.message;
  }

  /**
   * Shows `entry` (pending, or failed with `failure`) if its conversation is the one in view (a
   * change of conversation clears the view, and the writer shows what belongs to the next one).
   */
  #show(entry: QueuedMessage, failure?: string): void {
    entry.shownFailure = failure;
    if (!this.#viewDecided || entry.belongsTo(this.#state.conversationId)) this.#context.dispatch({type: 'messages-received', messages: [entry.toMessage(failure)]});
  }

  /**
   * The conversation `entry` goes to: the one it was written in; the one in view for an entry
   * stored before that was recorded; for one written in a new conversation, that conversation,
   * created now (with this message) and then the destination of every other message queued for it.
   */
  async #destination(entry: QueuedMessage): Promise<number> {
    const context = this.#context;
    const written = entry.conversationId === undefined ? this.#state.conversationId : entry.conversationId;
    if (written != null) return written;
    const conversation = await context.createConversation();
    const queuedForIt = this.#outbox.entries.filter((queued) => queued.conversationId === null || queued === entry);
    for (const queued of queuedForIt) queued.conversationId = conversation.id;
    context.persist();
    // The visitor still looks at the new conversation: it is this one from now on.
    if (this.#state.conversationId == null) context.conversationReceived(conversation);
    return conversation.id;
  }

  /** After a POST without answer: whether the conversation of `entry`, if not in view, has a copy of it. */
  async #adoptFromElsewhere(entry: QueuedMessage): Promise<void> {
    const conversationId = entry.conversationId;
    if (conversationId == null) return; // never created: nothing of it can be on the server
    const page = (await this.#context.api.getMessages(conversationId)).map(toMessage);
    const copy = page.find((message) => message != null && this.#isCopyOf(message, entry));
    if (copy) this.#outbox.settleDelivered((queued) => (queued === entry ? copy : undefined));
  }

  /** A visitor message without echo id, newer than what was held when `entry` was sent, with its text. */
  #isCopyOf(message: Message, entry: QueuedMessage): boolean {
    return message.role == 'visitor' && !message.echoId && (message.id ?? 0) > entry.maxServerIdThen && message.content == entry.content;
  }

  /** Shows `entry` again as it was last shown (its files or their note changed). */
  #showAgain(entry: QueuedMessage): void {
    if (this.#outbox.has(entry)) this.#show(entry, entry.shownFailure);
  }

  #fileStore(): Promise<OutboxFiles> {
    return (this.#keptFiles ??= import('./outbox-files.js').then(
      ({OutboxFiles}) => new OutboxFiles(),
      (error: unknown) => {
        this.#keptFiles = undefined; // the next message with files tries again
        throw error;
      }
    ));
  }

  /**
   * Keeps a new message's files for after a reload (when the outbox is stored at all). When they
   * cannot be kept, the message says so: leaving the page before it is sent would lose them.
   */
  async #keepFiles(entry: QueuedMessage): Promise<void> {
    if (!this.#context.storesOutbox || !entry.files) return;
    try {
      const store = await this.#fileStore();
      await store.save(entry.echoId, entry.files);
      // Delivered while they were being kept: they are not needed any more.
      if (!this.#outbox.has(entry)) await store.remove(entry.echoId);
    } catch {
      entry.filesNotKept = 'at-risk';
      this.#showAgain(entry);
    }
  }

  /**
   * Reads a restored message's files back; the queue waits for them. Files that were not kept
   * (no room, private mode, or the store emptied) leave the message failed with a note saying so:
   * it is not sent without them behind the visitor's back, and a retry sends what is left.
   */
  async #readFiles(entry: QueuedMessage): Promise<void> {
    entry.filesPending = true;
    const files = await this.#fileStore()
      .then((store) => store.load(entry.echoId))
      .catch(() => undefined);
    entry.filesPending = false;
    if (files?.length) {
      entry.files = files;
    } else {
      entry.filesNotKept = 'lost';
      entry.failedForGood = true;
      entry.shownFailure = '';
      this.#context.persist();
    }
    this.#showAgain(entry);
    this.#outbox.flush();
  }

  /** An entry left the queue (delivered or thrown away): its kept files go too. */
  #forgetFiles(entry: QueuedMessage): void {
    if (entry.fileCount && this.#context.storesOutbox) this.#fileStore().then((store) => store.remove(entry.echoId), ignore);
  }

  #sendTyping(typing: boolean): void {
    const conversationId = this.#state.conversationId;
    if (conversationId != null) this.#context.api.toggleTyping(conversationId, {typing_status: typing ? 'on' : 'off'}).catch(() => undefined);
  }

  #delivery(): OutboxDelivery {
    const context = this.#context;
    return {
      canSend: () => this.#state.connection != 'offline' && this.#state.connection != 'reconnecting',
      prepare: async () => {
        await context.ensureReady();
        await this.#peers.mayPost();
      },
      adoptEarlierCopy: async (entry) => {
        if (!entry.belongsTo(this.#state.conversationId)) return this.#adoptFromElsewhere(entry);
        await context.backfill();
        const copy = [...context.timeline()].find((message) => this.#isCopyOf(message, entry));
        if (copy && this.#outbox.has(entry)) {
          context.dispatch({type: 'messages-received', messages: [{...copy, echoId: entry.echoId}]});
          this.settleDelivered();
        }
      },
      show: (entry, failure) => {
        this.#show(entry, failure);
        this.#peers.shown(entry, failure);
      },
      post: async (entry) => {
        this.#peers.posting(entry);
        const conversationId = await this.#destination(entry);
        const created = await context.api.postMessage(conversationId, newMessageBody(entry.content, entry.echoId, entry.files));
        const answer = {...created, echo_id: entry.echoId};
        context.receive([answer]);
        // Sent to a conversation not in view, whose messages the view does not hold: the answer settles it.
        const delivered = toMessage(answer);
        if (delivered) this.#outbox.settleDelivered((queued) => (queued === entry ? delivered : undefined));
      },
      failed: (error) => context.report('send-failed', error),
    };
  }
}

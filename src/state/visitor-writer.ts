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
import {newEchoId, Outbox, QueuedMessage, type OutboxDelivery} from './outbox.js';
import type {StoredOutboxEntry} from './persisted-session.js';
import {VisitorTyping, type TimerSlot} from './typing.js';

/** What the writer uses of its session (ChatSession gives it these). */
export interface WriterContext {
  readonly api: ContactApi;
  state(): ChatState;
  timeline(): MessageTimeline;
  dispatch(action: ChatAction): void;
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
  #peers = ALONE;

  constructor(context: WriterContext) {
    this.#context = context;
    this.#outbox = new Outbox(this.#delivery(), () => context.persist());
    this.#typing = new VisitorTyping(context.typingTimer, (typing) => this.#sendTyping(typing));
  }

  /** From now on, the outbox is the same in every tab of this visitor, and one of them sends. */
  share(peers: OutboxPeers): void {
    this.#peers = peers;
  }

  /** Puts the stored unsent messages back in the view and in the queue. */
  restore(stored: readonly StoredOutboxEntry[]): void {
    this.#outbox.restore(stored);
  }

  /** Queues a message and sends it; settles once the server has it (or this attempt failed). */
  send(content: string, files?: readonly File[]): Promise<Message> {
    const entry = new QueuedMessage(newEchoId(), content, Date.now(), this.#context.timeline().highestId);
    entry.files = files;
    const sent = this.#outbox.add(entry);
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
    const conversationId = context.state().conversationId;
    if (messageId == null || conversationId == null) throw new Error('Unknown message');
    const updated = await context.api.submitAnswer(conversationId, messageId, submittedValues(answer)).catch((error: unknown) => {
      context.report('update-failed', error);
      throw error;
    });
    context.receive([updated]);
  }

  /** The visitor is typing: `on` once, then `off` after 4 s without a call, or at once. */
  setTyping(typing: boolean): void {
    if (this.#context.state().conversationId != null) this.#typing.set(typing);
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
    for (const entry of this.#outbox.entries) this.#show(entry);
  }

  /** Rejects every waiting caller: the session is disposed of. */
  dispose(): void {
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

  #show(entry: QueuedMessage, failure?: string): void {
    this.#context.dispatch({type: 'messages-received', messages: [entry.toMessage(failure)]});
  }

  #sendTyping(typing: boolean): void {
    const conversationId = this.#context.state().conversationId;
    if (conversationId != null) this.#context.api.toggleTyping(conversationId, {typing_status: typing ? 'on' : 'off'}).catch(() => undefined);
  }

  #delivery(): OutboxDelivery {
    const context = this.#context;
    return {
      canSend: () => context.state().connection != 'offline' && context.state().connection != 'reconnecting',
      prepare: async () => {
        await context.ensureReady();
        await this.#peers.mayPost();
      },
      adoptEarlierCopy: async (entry) => {
        await context.backfill();
        // A visitor message without echo id, newer than what was held then, with the same text.
        const copy = [...context.timeline()].find(
          (message) => message.role == 'visitor' && !message.echoId && (message.id ?? 0) > entry.maxServerIdThen && message.content == entry.content
        );
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
        if (context.state().conversationId == null) context.conversationReceived(await context.createConversation());
        const conversationId = context.state().conversationId ?? 0;
        const created = await context.api.postMessage(conversationId, newMessageBody(entry.content, entry.echoId, entry.files));
        context.receive([{...created, echo_id: entry.echoId}]);
      },
      failed: (error) => context.report('send-failed', error),
    };
  }
}

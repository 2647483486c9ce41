import {RestClient} from '../api/client.js';
import {ContactApi} from '../api/contact-api.js';
import {ApiError, isAbort} from '../api/errors.js';
import type {ContactAttributesDto, ConversationDto} from '../api/types.js';
import type {AkeceEvent, WireConversation, WireTyping} from '../protocol/payloads.js';
import {backoff} from '../utils/backoff.js';
import {chatReducer, initialState, type ChatAction, type ChatError, type ChatState} from './chat-state.js';
import {CONTACT_REFUSED, ContactLifecycle} from './contact.js';
import {lastSeenAtOf, latestConversation, statusOf} from './conversation-facts.js';
import {Emitter} from './emitter.js';
import {History} from './history.js';
import {MessageTimeline} from './message-timeline.js';
import type {ConnectionState, ConversationStatus, Message, SubmittedAnswer, VisitorUser} from './model.js';
import {fieldsOf, num, sender, snake, toMessage} from './normalize.js';
import {readPersistedSession, storageKey, writePersistedSession, type StorageLike, type StoredOutboxEntry} from './persisted-session.js';
import {Store, type ReadableStore, type Unsubscribe} from './store.js';
import {NamedTimers} from './timers.js';
import {AgentTyping, type TimerSlot} from './typing.js';
import type {VisitorWriter, WriterContext} from './visitor-writer.js';
import type {Handover} from './contact-watch.js';

export type {StorageLike} from './persisted-session.js';

/** What the session needs from protocol/cable.ts's `Cable` (structural, so tests use a fake). */
export interface CableLike {
  readonly state: ConnectionState;
  connect(): void;
  perform(action: string, data?: Record<string, unknown>): boolean;
  on<K extends keyof CableLikeEvents>(type: K, listener: (detail: CableLikeEvents[K]) => void): () => void;
  reconnect(): void;
  /** Closes the socket and removes every listener and timer. */
  dispose(): void;
}

export interface CableLikeEvents {
  state: {state: ConnectionState; previous: ConnectionState};
  event: AkeceEvent;
  /** `resumed` is true when the socket came back after a drop: time to backfill. */
  subscribed: {resumed: boolean};
  error: {code: 'subscription-timeout' | 'subscription-rejected' | 'server-disconnect' | 'socket-error'; message: string; fatal: boolean};
}

export interface SessionOptions {
  baseUrl: string;
  websocketUrl: string;
  inboxIdentifier?: string;
  /** With contactIdentifier: a contact created elsewhere (never written to storage). */
  pubsubToken?: string;
  contactIdentifier?: string;
  conversationId?: number;
  /** Where the contact and the outbox are kept; null writes nothing. */
  storage: StorageLike | null;
  /** Passed to createCable as given. */
  presenceInterval: number;
  createCable: (options: {url: string; pubsubToken: string; presenceInterval: number}) => CableLike;
  /**
   * Makes the part that writes (src/state/visitor-writer.ts), at once or once its chunk has
   * arrived: the session asks for it only when the visitor may write.
   */
  createWriter: (context: WriterContext) => VisitorWriter | Promise<VisitorWriter>;
  /**
   * Asked before a new contact is created, with the visitor's details (as `setUser` last gave
   * them, read when needed): resolves with the details to create it with, once the visitor may
   * have a contact (identity check, pre-chat form: src/controllers/contact-gate.ts). Without it
   * the contact is created at once.
   */
  prepareContact?: (user: () => ContactAttributesDto) => Promise<ContactAttributesDto>;
  /**
   * What the quiet start of a known contact (contact-watch.ts) hands over: its cable, used
   * instead of a new one, and what it fetched and heard, used instead of asking again.
   */
  handover?: Handover;
}

export interface SessionEvents {
  /** Once per message newly on the server and in the view, live (not history pages). */
  message: Message;
  error: ChatError;
  /** Every event from the socket, whichever conversation it is about (for the conversation list). */
  event: AkeceEvent;
  /** `setUser` gave new details (before the contact exists, prepareContact may be waiting for them). */
  user: ContactAttributesDto;
}

type TimerName = 'mark-seen' | 'agent-typing' | 'visitor-typing' | 'contact-retry';

/** How long the panel must stay visible before the visitor counts as having seen the messages. */
const MARK_SEEN_DELAY_MS = 1000;

const ignore = () => undefined;
/** For calls whose failure is reported elsewhere or does not matter. */
const quietly = (promise: Promise<unknown>) => void promise.catch(ignore);
const present = <T>(value: T | null | undefined): value is T => value != null;
const byDisplayOrder = (first: Message, second: Message) => first.createdAt - second.createdAt || (first.id ?? 0) - (second.id ?? 0);

/** What an error says: an Error's message, or the `message` of the cable's error events. */
function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error == 'object' && error != null && 'message' in error) return String(error.message);
  return String(error);
}

/** A conversation's status change, shown in the stream where it happened. */
function statusNote(status: ConversationStatus, at: number): Message {
  return {
    key: 'status:' + at,
    id: null,
    echoId: null,
    conversationId: null,
    role: 'system',
    sender: null,
    content: '',
    body: {type: 'status', status},
    attachments: [],
    createdAt: at,
    status: 'sent',
    deleted: false,
    read: false,
    answer: null,
    error: null,
    updatedAt: 0,
  };
}

/**
 * The chat's single stateful object, and the composition root of the state layer: turns the
 * visitor's intents, REST answers and cable events into actions on the store. Quiet until
 * needed: nothing is requested, stored or opened until a contact is known or the visitor opens
 * the panel or sends.
 *
 * Its parts: {@link ContactLifecycle} (who the widget acts as), {@link History} (pages and
 * backfill), {@link AgentTyping}, and {@link VisitorWriter} (the outbox, answers and the
 * visitor's typing: made only when the visitor may write, see `SessionOptions.createWriter`);
 * the reducer in chat-state.ts; the stored session in persisted-session.ts.
 */
export class ChatSession {
  /** The view's state: `getState()`, and `subscribe()` to hear of every change. */
  readonly store: ReadableStore<ChatState>;

  private readonly chatStore = new Store<ChatState, ChatAction>(chatReducer, initialState);
  private readonly events = new Emitter<SessionEvents>();
  private readonly timers = new NamedTimers<TimerName>();
  /** The public API as this contact (the conversation list reads the contact's conversations through it). */
  readonly api: ContactApi;
  private readonly contact: ContactLifecycle;
  private readonly history: History;
  private readonly agentTyping: AgentTyping;
  /** The part that writes, once made. */
  private writer: VisitorWriter | null = null;
  /** Its chunk on the way (undefined: not asked for yet, or it failed). */
  private writerArriving: Promise<VisitorWriter> | undefined;
  /** Unsent messages read from storage while there is no writer to hold them. */
  private storedOutbox: readonly StoredOutboxEntry[] = [];
  private readonly storageKey: string;
  /** Every request's signal: dropping the connection aborts them all. */
  private requests = new AbortController();
  private cable: CableLike | undefined;
  /** The visitor's details (setUser), in the server's field names. */
  /** What `setUser` last gave (read by the contact gate, src/controllers/contact-gate.ts). */
  userAttributes: ContactAttributesDto = {};
  /** The page's custom attributes for the contact (setCustomAttributes), kept for its creation. */
  private customAttributes: Record<string, unknown> = {};
  /** Custom attributes for the next conversation created (setConversationCustomAttributes). */
  private conversationAttributes: Record<string, unknown> | undefined;
  /** Contact, socket and conversation being made ready (undefined: not started or failed). */
  private ready: Promise<void> | undefined;
  /** Failed attempts in a row to make them ready. */
  private readyAttempts = 0;
  /** `dispose()` was called. */
  private disposed = false;
  /** What the quiet start handed over, until the first connection uses it. */
  private handover: Handover | undefined;

  constructor(private readonly options: SessionOptions) {
    this.store = this.chatStore;
    this.handover = options.handover;
    this.storageKey = storageKey(options.baseUrl, options.inboxIdentifier);
    this.api = new ContactApi(new RestClient(options), {
      contactId: () => this.state.contact?.sourceId,
      signal: () => this.requests.signal,
    });
    this.contact = new ContactLifecycle(this.api);
    this.history = new History(this.api, {
      conversationId: () => this.state.conversationId,
      highestIdHeld: () => this.timeline.highestId,
      receive: (wire, {live, hasOlder}) => this.receive(wire, live, hasOlder),
      conversationReceived: (conversation) => this.conversationReceived(conversation),
    });
    this.agentTyping = new AgentTyping(this.timerSlot('agent-typing'), (typist) => this.dispatch({type: 'agent-typing', typist}));
  }

  /** Subscribes to `message` or `error`; returns the unsubscribe function. */
  on<Type extends keyof SessionEvents>(type: Type, listener: (detail: SessionEvents[Type]) => void): Unsubscribe {
    return this.events.on(type, listener);
  }

  /** Restores the outbox; connects at once only when a contact is already known. Call once. */
  start(): void {
    const saved = readPersistedSession(this.options.storage, this.storageKey);
    this.storedOutbox = saved?.outbox ?? [];
    // Unsent messages wait in storage: the writer holds, shows and sends them.
    if (this.storedOutbox.length) quietly(this.withWriter(async () => undefined));
    // A contact given by the page wins over the stored one, and is never stored.
    const {pubsubToken, contactIdentifier} = this.options;
    const given = pubsubToken && contactIdentifier ? {sourceId: contactIdentifier, pubsubToken} : null;
    const known = given ?? saved?.contact;
    // A handed cable speaks for the contact the quiet start watched: if storage says otherwise by
    // now (another tab reset or replaced it meanwhile), it is closed and this session starts afresh.
    if (this.handover && known?.pubsubToken !== this.handover.pubsubToken) this.dropHandover();
    if (!known) return;
    this.contact.adopt(given ? 'page' : 'widget');
    this.dispatch({type: 'contact-changed', contact: known});
    quietly(this.ensureReady());
  }

  /** The panel is open AND the page is visible: creates what is missing, marks messages seen. */
  setPanelVisible(visible: boolean): void {
    this.dispatch({type: 'panel-visibility-changed', visible});
    if (!visible) return;
    this.ensureReady().then(() => this.markSeenSoon(), ignore);
    // The visitor sees the conversation and may write: make the writer ready meanwhile.
    quietly(this.withWriter(async () => undefined));
  }

  /**
   * The visitor saw `conversationId` up to `lastSeenAt` (unix ms) somewhere else: in another tab
   * of this browser (src/tabs/tab-sync.ts). The unread count follows; the time never goes back.
   */
  seenElsewhere(conversationId: number, lastSeenAt: number): void {
    const {conversationId: shown, conversationStatus: status} = this.state;
    if (conversationId == shown) this.dispatch({type: 'conversation-changed', conversationId, status, lastSeenAt});
  }

  /** Sends as the visitor. Resolves once the server has it; rejects when this attempt failed
   * (the message stays, failed, and can be retried). Offline, it waits, pending. */
  sendMessage(content: string, files?: readonly File[]): Promise<Message> {
    return this.withWriter((writer) => writer.send(content, files));
  }

  /** Sends a failed message again, with the same echo id. */
  retry(key: string): Promise<Message> {
    return this.withWriter((writer) => writer.retry(key));
  }

  /**
   * Shows another of the contact's conversations, or (null) a new one that the next message
   * creates. Resolves once its latest page is shown.
   */
  async showConversation(conversationId: number | null): Promise<void> {
    await this.ensureReady();
    this.agentTyping.stopped();
    this.dispatch({type: 'conversation-shown', conversationId});
    if (conversationId == null) return;
    const conversation = await this.api.getConversation(conversationId);
    // Another was shown meanwhile (a choice in another tab followed, then one here): it stays.
    if (this.state.conversationId !== conversationId) return;
    this.conversationReceived(conversation);
    await this.history.loadPage();
  }

  /** Resolves the conversation in view (`toggle_status`); resolves once the server has it. */
  async endConversation(): Promise<void> {
    const conversationId = this.state.conversationId;
    if (conversationId != null) this.conversationReceived(await this.api.toggleStatus(conversationId));
  }

  /** Agent messages unseen in the contact's other conversations: the unread count adds them. */
  setOtherUnread(count: number): void {
    this.dispatch({type: 'other-unread-changed', count});
  }

  /** Loads the page before the oldest message held. */
  async loadOlder(): Promise<void> {
    // hasOlder is only ever set by a page of the current contact and conversation.
    const {loadingOlder, hasOlder} = this.state;
    if (loadingOlder || !hasOlder) return;
    this.dispatch({type: 'older-loading', loading: true});
    await this.history.loadPage(this.oldestServerId()).catch((error) => this.report('load-failed', error));
    this.dispatch({type: 'older-loading', loading: false});
  }

  /** Answers a bot or CSAT message (`submitted_values` in the shape its type needs). */
  answer(key: string, answer: SubmittedAnswer): Promise<void> {
    return this.withWriter((writer) => writer.answer(key, answer));
  }

  /** The visitor is typing: sends `on` once, then `off` after 4 s without a call, or at once. */
  setTyping(typing: boolean): void {
    if (this.state.conversationId == null) return;
    quietly(this.withWriter(async (writer) => writer.setTyping(typing)));
  }

  /** Identifies the visitor; before a contact exists, the details go into its creation. */
  setUser(user: VisitorUser): Promise<void> {
    const attributes: ContactAttributesDto = {};
    for (const [field, value] of Object.entries(user)) attributes[snake(field)] = value;
    this.userAttributes = attributes;
    this.events.emit('user', attributes);
    return this.sendUser();
  }

  /** Merges into the contact's custom attributes: sent at once when a contact exists, else with its creation. */
  async setCustomAttributes(attributes: Record<string, unknown>): Promise<void> {
    this.customAttributes = {...this.customAttributes, ...attributes};
    if (this.state.contact) await this.api.updateContact({custom_attributes: attributes}).catch((error) => this.updateFailed(error));
  }

  /** Custom attributes for the next conversation: sent when it is created (merged into any set before). */
  setConversationCustomAttributes(attributes: Record<string, unknown>): void {
    this.conversationAttributes = {...this.conversationAttributes, ...attributes};
  }

  /** Logout: forgets the contact, outbox and view; disconnects. Pending sends reject. */
  reset(): void {
    this.forgetContact('Reset');
    // The visitor still sees the chat: it starts again as it does for a new visitor opening it
    // (the pre-chat form or the sign-in notice first, when the inbox asks for them).
    if (this.state.panelVisible) this.setPanelVisible(true);
  }

  /** Stops everything: socket, timers, requests, listeners. */
  dispose(): void {
    this.disposed = true;
    this.dropConnection();
    this.writer?.dispose();
    this.events.clear();
    this.chatStore.clearListeners();
  }

  // ── state ──────────────────────────────────────────────────────────────────────────────

  private get state(): ChatState {
    return this.chatStore.getState();
  }

  private get timeline(): MessageTimeline {
    const {messages} = this.state;
    return messages instanceof MessageTimeline ? messages : MessageTimeline.of(messages);
  }

  /** The server id of the oldest message held that has one (status notes and pending sends have none). */
  private oldestServerId(): number | undefined {
    for (const message of this.timeline) if (message.id != null) return message.id;
    return undefined;
  }

  private dispatch(action: ChatAction): void {
    this.chatStore.dispatch(action);
  }

  private timerSlot(name: TimerName): TimerSlot {
    return {start: (delay, callback) => this.timers.start(name, delay, callback), stop: () => this.timers.stop(name)};
  }

  /** Shows a failure and tells the page; a missing inbox identifier stops the chat. */
  private report(code: string, error: unknown): void {
    if (isAbort(error)) return;
    const isConfig = error instanceof ApiError && error.reason == 'config';
    const shown: ChatError = {code: isConfig ? 'config' : code, message: messageOf(error)};
    this.dispatch(isConfig ? {type: 'error-changed', error: shown, connection: 'error'} : {type: 'error-changed', error: shown});
    this.events.emit('error', shown);
  }

  /** Reports a failed update and passes the error on. */
  private updateFailed(error: unknown): never {
    this.report('update-failed', error);
    throw error;
  }

  /** Stores the widget's own contact and the outbox (or removes them when there is neither). */
  private persist(): void {
    const contact = this.contact.ownedByWidget ? this.state.contact : null;
    writePersistedSession(this.options.storage, this.storageKey, {contact, outbox: this.writer?.toStored() ?? [...this.storedOutbox]});
  }

  // ── the writer ─────────────────────────────────────────────────────────────────────────

  /** Runs `use` with the writer: at once when it is there (or made at once), else once it has arrived. */
  private withWriter<T>(use: (writer: VisitorWriter) => Promise<T>): Promise<T> {
    const writer = this.writer ?? this.makeWriter();
    return writer instanceof Promise ? writer.then(use) : use(writer);
  }

  private makeWriter(): VisitorWriter | Promise<VisitorWriter> {
    if (this.writerArriving) return this.writerArriving;
    const made = this.options.createWriter(this.writerContext());
    if (!(made instanceof Promise)) return this.attachWriter(made);
    this.writerArriving = made.then(
      (writer) => {
        if (this.disposed) {
          // The element went while the writer's chunk was coming: the writer would join the
          // other tabs (their lock, their channel) for a session that is gone.
          writer.dispose();
          throw new ApiError('Aborted', 'aborted', {method: 'POST', url: ''});
        }
        return this.writer ?? this.attachWriter(writer);
      },
      (error: unknown) => {
        this.writerArriving = undefined; // the next write asks again
        this.report('module-refused', error);
        throw error;
      }
    );
    return this.writerArriving;
  }

  /** The writer takes over the stored unsent messages and sends them if the chat is ready. */
  private attachWriter(writer: VisitorWriter): VisitorWriter {
    this.writer = writer;
    writer.restore(this.storedOutbox);
    this.storedOutbox = [];
    if (this.state.connection == 'connected') writer.flush();
    return writer;
  }

  private writerContext(): WriterContext {
    return {
      api: this.api,
      timeline: () => this.timeline,
      dispatch: (action) => this.dispatch(action),
      store: this.chatStore,
      ensureReady: () => this.ensureReady(),
      backfill: () => this.history.backfill(),
      receive: (wireMessages) => this.receive(wireMessages, true),
      conversationReceived: (conversation) => this.conversationReceived(conversation),
      createConversation: async () => {
        const conversation = await this.api.createConversation(this.conversationAttributes);
        this.conversationAttributes = undefined; // sent with this conversation, not the next
        return conversation;
      },
      persist: () => this.persist(),
      storesOutbox: this.options.storage != null,
      report: (code, error) => this.report(code, error),
      typingTimer: this.timerSlot('visitor-typing'),
    };
  }

  // ── contact, socket and conversation ───────────────────────────────────────────────────

  /** Makes contact, socket and conversation ready, once; a failure that may pass is tried again
   * with backoff (creating a contact twice leaves at most one unused contact, nothing seen). */
  private ensureReady(): Promise<void> {
    // Disposed of: nothing is made any more (a send still under way in the writer asks for it).
    if (this.disposed) return Promise.reject(new ApiError('Aborted', 'aborted', {method: 'GET', url: ''}));
    this.ready ??= this.makeReady().then(
      () => {
        this.readyAttempts = 0;
      },
      (error: unknown) => {
        this.ready = undefined;
        this.report('connect-failed', error);
        if (error instanceof ApiError && error.retryable) {
          this.timers.start('contact-retry', backoff(this.readyAttempts++), () => quietly(this.ensureReady()));
        }
        throw error;
      }
    );
    return this.ready;
  }

  private async makeReady(): Promise<void> {
    if (!this.state.contact) {
      const attributes = this.userAttributes;
      const requests = this.requests;
      const prepared = this.options.prepareContact ? await this.options.prepareContact(() => this.userAttributes) : attributes;
      // Reset or disposed of while the visitor was being asked: this contact is no longer wanted.
      this.throwIfLetGo(requests);
      const custom = {...this.customAttributes, ...prepared.custom_attributes};
      const contact = await this.contact.create(Object.keys(custom).length ? {...prepared, custom_attributes: custom} : prepared);
      // Reset or disposed of while the server made it (its answer was in, the abort came too
      // late): it is not used. (Stored after a dispose, it could overwrite what a newer start of
      // the element stores.) Nobody saw it: it stays an unused contact on the server.
      this.throwIfLetGo(requests);
      this.dispatch({type: 'contact-changed', contact});
      this.persist();
      // The visitor's details changed while the contact was being created; or an identity to
      // verify, which the server does only on an update (then it lists every device's conversations).
      // (a failed update is reported by sendUser, and does not stop the chat)
      if (attributes != this.userAttributes || attributes.identifier_hash) await this.sendUser().catch(ignore);
    }
    const handover = this.handover;
    this.handover = undefined;
    this.connectCable(handover?.cable);
    if (!this.api.configured) return;
    let conversation: ConversationDto | undefined | null;
    if (handover?.looked) conversation = handover.looked.conversation ?? undefined;
    else conversation = await this.fetchShownConversation();
    if (conversation === null) return; // the contact was replaced or refused
    if (conversation) this.conversationReceived(conversation);
    // (the conversation list, once the panel shows it, keeps this count from then on)
    if (handover?.looked?.otherUnread) this.setOtherUnread(handover.looked.otherUnread);
    // What the socket said while the quiet start held it, in order: a message new since then is
    // announced as live (as it would have been), and its later edits apply once the page is in.
    const heard = handover?.events ?? [];
    for (const event of heard) if (event.event != 'message.updated') this.handleCableEvent(event);
    if (handover?.looked && conversation) this.history.receivePage(handover.looked.page);
    else if (this.state.conversationId != null) await this.history.loadPage();
    for (const event of heard) if (event.event == 'message.updated') this.handleCableEvent(event);
    this.writer?.flush();
  }

  /** Throws an abort when the session was reset or disposed of since `requests` were its requests. */
  private throwIfLetGo(requests: AbortController): void {
    if (requests != this.requests) throw new ApiError('Aborted', 'aborted', {method: 'POST', url: ''});
  }

  /**
   * The conversation to show: the one the page gave, else the contact's latest (undefined: none
   * yet). Null when the contact turned out to be gone: then it was replaced or refused.
   */
  private async fetchShownConversation(): Promise<ConversationDto | undefined | null> {
    const wanted = this.options.conversationId;
    try {
      return wanted == null ? latestConversation(await this.api.listConversations()) : await this.api.getConversation(wanted);
    } catch (error) {
      const contactGone = error instanceof ApiError && error.notFound && wanted == null && !this.contact.createdUnconfirmed;
      if (!contactGone) throw error;
      // A contact of the widget's own is replaced; one the page gave is the page's to fix.
      if (this.contact.ownedByWidget) await this.replaceContact();
      else this.refuseContact();
      return null;
    }
  }

  /** Opens the socket, or (`handed`) takes over one already open and reports its state. */
  private connectCable(handed?: CableLike): void {
    const contact = this.state.contact;
    // (disposed of: a socket opened now would never be closed, and would lead the other tabs)
    if (this.cable || !contact || this.disposed) {
      if (handed && handed !== this.cable) handed.dispose(); // not needed: never left open
      return;
    }
    const {websocketUrl: url, presenceInterval} = this.options;
    const cable = handed ?? this.options.createCable({url, pubsubToken: contact.pubsubToken, presenceInterval});
    this.cable = cable;
    // (its dispose() removes these listeners)
    cable.on('state', ({state}) => {
      this.dispatch({type: 'connection-changed', connection: state});
      // 'connected' means subscribed.
      if (state == 'connected') this.writer?.flush();
    });
    cable.on('event', (event) => this.handleCableEvent(event));
    cable.on('subscribed', ({resumed}) => {
      this.contact.confirmed();
      this.dispatch({type: 'error-changed', error: null});
      if (resumed) this.history.backfill().catch((error) => this.report('load-failed', error));
    });
    cable.on('error', (error) => {
      const checkable = this.api.configured || this.contact.origin == 'page';
      if (error.code == 'subscription-timeout' && checkable) {
        quietly(this.handleUnconfirmedSubscription(cable));
        return;
      }
      if (error.fatal) this.dispatch({type: 'connection-changed', connection: 'error'});
      this.report(error.code, error);
    });
    if (handed) {
      // Its events so far went to the quiet start: this session begins where the cable is now.
      this.dispatch({type: 'connection-changed', connection: handed.state});
      if (handed.state == 'connected') this.contact.confirmed();
    }
    cable.connect(); // (a handed cable is connecting or connected already: nothing happens)
  }

  /** The server answered the subscription with silence: ask REST what is wrong with the contact. */
  private async handleUnconfirmedSubscription(cable: CableLike): Promise<void> {
    const contact = this.state.contact;
    if (!contact) return;
    const verdict = await this.contact.afterSilence(contact);
    if (cable !== this.cable) return; // reset, replaced or disposed meanwhile
    switch (verdict.action) {
      case 'use-token':
        this.dispatch({type: 'contact-changed', contact: verdict.contact});
        this.persist();
        this.closeCable();
        this.connectCable();
        break;
      case 'reconnect':
        cable.reconnect();
        break;
      case 'replace':
        quietly(this.replaceContact());
        break;
      case 'refuse':
        this.refuseContact();
        break;
    }
  }

  /** A contact the page gave is not accepted: an error for this contact (retrying would not
   * change that), shown to the visitor and reported to the page. */
  private refuseContact(): void {
    this.closeCable();
    this.dispatch({type: 'error-changed', error: CONTACT_REFUSED, connection: 'error'});
    this.events.emit('error', CONTACT_REFUSED);
  }

  /** What the quiet start handed over is not used: its cable is closed. */
  private dropHandover(): void {
    this.handover?.cable.dispose();
    this.handover = undefined;
  }

  private closeCable(): void {
    this.cable?.dispose();
    this.cable = undefined;
  }

  /** Closes the socket (and one handed over but not taken yet), stops every timer and aborts every request. */
  private dropConnection(): void {
    this.closeCable();
    this.dropHandover();
    this.timers.stopAll();
    this.requests.abort();
    this.requests = new AbortController();
  }

  /** Forgets the contact and the view. A reason (reset) also rejects and forgets the outbox;
   * without one (the contact is gone on the server) the outbox is kept for the next contact. */
  private forgetContact(reason?: string): void {
    this.dropConnection();
    this.ready = undefined;
    this.contact.forget();
    if (reason) {
      this.storedOutbox = [];
      this.userAttributes = {};
    }
    this.dispatch({type: 'session-reset'});
    this.writer?.forgetContact(reason);
    this.persist();
  }

  private replaceContact(): Promise<void> {
    this.forgetContact();
    return this.ensureReady();
  }

  private async sendUser(): Promise<void> {
    if (this.state.contact) await this.api.updateContact(this.userAttributes).catch((error) => this.updateFailed(error));
  }

  // ── what arrives ───────────────────────────────────────────────────────────────────────

  private handleCableEvent(event: AkeceEvent): void {
    this.events.emit('event', event);
    switch (event.event) {
      case 'message.created':
        this.receive([event.data], true);
        break;
      case 'message.updated':
        if (!this.isInHistoryNotLoaded(event.data)) this.receive([event.data], true);
        break;
      case 'presence.update':
        this.dispatch({type: 'availability-changed', availability: Object.values(event.data.users ?? {}).includes('online') ? 'online' : 'away'});
        break;
      case 'conversation.typing_on':
        if (this.isPublicTypingHere(event.data)) this.agentTyping.started({name: '', id: null, ...this.typistOf(event.data)});
        break;
      case 'conversation.typing_off':
        if (this.isPublicTypingHere(event.data)) this.agentTyping.stopped();
        break;
      case 'conversation.created':
        if (this.isOurNewConversation(event.data)) this.conversationReceived(event.data);
        break;
      case 'conversation.status_changed':
      case 'conversation.updated':
        if (event.data.id === this.state.conversationId) this.conversationReceived(event.data);
        break;
      case 'contact.updated':
        break; // nothing the view shows
    }
  }

  /**
   * An edit or read receipt of a message older than every message held, while older pages are
   * still on the server: the page that holds it brings it as it is then. Merged alone it would
   * stand before a gap, and "load older" would page back from it, past what lies between. (The
   * visitor reading a long conversation makes the server send one such receipt per agent message.)
   */
  private isInHistoryNotLoaded(wire: unknown): boolean {
    const id = num(fieldsOf(wire).id);
    const oldest = this.oldestServerId();
    return id != null && this.state.hasOlder && oldest != null && id < oldest;
  }

  private isPublicTypingHere(typing: WireTyping): boolean {
    return !typing.is_private && typing.conversation?.id === this.state.conversationId;
  }

  private typistOf(typing: WireTyping): {name: string; id: number | null} | undefined {
    const typist = sender(typing.user);
    return typist ? {name: typist.name, id: typist.id} : undefined;
  }

  /** A conversation created for this contact while none is in view. */
  private isOurNewConversation(conversation: WireConversation): boolean {
    const contactInbox = conversation.contact_inbox;
    const sourceId = typeof contactInbox == 'object' && contactInbox != null ? (contactInbox as {source_id?: unknown}).source_id : undefined;
    return this.state.conversationId == null && sourceId == this.state.contact?.sourceId;
  }

  /** The conversation in view changed (or was chosen): status, and when the visitor last saw it. */
  private conversationReceived(conversation: ConversationDto): void {
    const {conversationStatus: previous, conversationId: previousId} = this.state;
    const status = statusOf(conversation) ?? previous;
    const lastSeenAt = lastSeenAtOf(conversation);
    this.dispatch({type: 'conversation-changed', conversationId: conversation.id, status, lastSeenAt});
    // Resolved or reopened shows in the stream, where it happened.
    if (conversation.id == previousId && previous && status && status != previous) {
      this.dispatch({type: 'messages-received', messages: [statusNote(status, Date.now())]});
    }
  }

  /** Merges wire messages; `live` ones newly on the server are announced (not history pages). */
  private receive(wireMessages: readonly unknown[], live: boolean, hasOlder?: boolean): void {
    const messages = wireMessages.map(toMessage);
    // Ids never change once set, so "newly on the server" is "its id was not in the view".
    const before = this.timeline;
    const newIds = live ? new Set(messages.map((message) => message?.id).filter(present).filter((id) => !before.placeOfId(id))) : new Set<number>();
    this.dispatch({type: 'messages-received', messages, hasOlder});
    if (live) {
      const timeline = this.timeline;
      const arrived = [...newIds].map((id) => timeline.placeOfId(id)?.message).filter(present);
      for (const message of arrived.sort(byDisplayOrder)) this.events.emit('message', message);
      if (this.state.panelVisible) this.markSeenSoon();
    }
    this.writer?.settleDelivered();
  }

  /** While the panel stays visible, tells the server the visitor has seen the conversation. */
  private markSeenSoon(): void {
    this.timers.start('mark-seen', MARK_SEEN_DELAY_MS, () => {
      const conversationId = this.state.conversationId;
      // (a conversation implies a contact)
      if (this.state.panelVisible && conversationId != null) quietly(this.api.updateLastSeen(conversationId));
    });
  }
}

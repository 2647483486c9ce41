// The session's first chunk: what a known contact needs at page start (contract §8: it "connects
// at load, counts unread") and the binding of the session to the element. A known contact
// starts quietly (src/state/contact-watch.ts: the socket, the conversation that would be shown,
// its unread count); the full session (chat-session-binding.ts, a chunk of its own) is loaded
// once the visitor or the conversation needs it, and takes over the watch's cable and what it
// fetched and heard. A visitor without a contact, or with unsent messages, gets the full session
// at once. The visitor choosing a conversation in another tab (contract §10: every tab shows the
// same) needs the full session too, when the watch would show another: it follows the choice.
import {RestClient} from '../api/client.js';
import {ContactApi} from '../api/contact-api.js';
import {emit} from '../events/public-events.js';
import type {ChatState, ContactRef} from '../state/chat-state.js';
import {emptyChatState} from '../state/empty-state.js';
import type {ChatSession, SessionOptions} from '../state/chat-session.js';
import {ContactWatch, type WatchState} from '../state/contact-watch.js';
import type {Message} from '../state/model.js';
import {readPersistedSession, storageKey} from '../state/persisted-session.js';
import {shownChannel, type ShownMessage} from '../tabs/shown-channel.js';
import {cableFactory, sharesAcrossTabs} from './cable-factory.js';
import {LazyModule} from './lazy-module.js';
import type {Announcement} from './live-region.js';
import type {SessionHost} from './session-controller.js';
import {reportStateChanges} from './state-events.js';

type FullSessionModule = typeof import('./chat-session-binding.js');
type FullSession = InstanceType<FullSessionModule['ChatSessionBinding']>;
export type BindingOptions = Omit<SessionOptions, 'createCable' | 'createWriter'>;

const noop = () => {};

/** The state before the watch has said anything (chat-state.ts's own initial state holds a
 * timeline, which only the full session needs). */
const QUIET_START = emptyChatState([]);

/**
 * The session bound to the element, quiet or full (see the file's header): what the element
 * reads (state, messages, what the live region says, the previews) and tells (the panel's
 * visibility, calls to run on the session), whichever holds it now.
 */
export class SessionBinding {
  readonly #host: SessionHost;
  readonly #options: BindingOptions;
  readonly #fullModule: LazyModule<FullSessionModule>;
  #full: FullSession | null = null;
  #watch: ContactWatch | null = null;
  /** The state while the watch holds it. */
  #quietState: ChatState = QUIET_START;
  /** The watch's requests, aborted when it is disposed of. */
  readonly #requests = new AbortController();
  /** Where the watch hears of the conversation chosen in another tab (src/tabs/shown-channel.ts). */
  #choices: BroadcastChannel | null = null;
  /** That conversation (null: a new one), undefined until a tab says. */
  #chosenElsewhere: number | null | undefined;
  #panelVisible = false;
  /** The session is needed: `fresh` when the watch's cable and findings are not to be used. */
  #needed: {fresh: boolean} | null = null;
  #disposed = false;

  constructor(host: SessionHost, options: BindingOptions) {
    this.#host = host;
    this.#options = options;
    this.#fullModule = new LazyModule(host, () => import('./chat-session-binding.js'), (error) => {
      const code = 'code' in error && typeof error.code == 'string' ? error.code : 'module-failed';
      emit(host, 'akece-error', {code, message: error.message});
    });
    const {pubsubToken, contactIdentifier, storage, baseUrl, inboxIdentifier} = options;
    const saved = readPersistedSession(storage, storageKey(baseUrl, inboxIdentifier));
    // A contact given by the page wins over the stored one.
    const contact: ContactRef | null | undefined = pubsubToken && contactIdentifier ? {sourceId: contactIdentifier, pubsubToken} : saved?.contact;
    // Without a contact the visitor is about to write; unsent messages need the writer at once.
    if (!contact || saved?.outbox.length) this.#need(true);
    else this.#startWatch(contact);
    emit(host, 'akece-ready', {});
  }

  /** The full session, once it runs (null while the watch holds the state). */
  get session(): ChatSession | null {
    return this.#full?.session ?? null;
  }

  get state(): ChatState {
    return this.#full?.state ?? this.#quietState;
  }

  /** The conversation as a real read-only array. */
  get messages(): readonly Message[] {
    return this.#full ? this.#full.messages : (this.#quietState.messages as readonly Message[]);
  }

  /** What the live region says now (the full session's: the watch announces nothing). */
  get announcement(): Announcement | null {
    return this.#full?.liveRegion.announcement ?? null;
  }

  /** The full session's chunk while it is on its way, else null. */
  get pending(): Promise<unknown> | null {
    return this.#fullModule.pending;
  }

  /** What the reach chunk draws beside the launcher (the previews). */
  renderReach(): unknown {
    return this.#full?.renderReach();
  }

  /** The panel is open and the page visible (or not): the visitor is about to read and write. */
  setPanelVisible(visible: boolean): void {
    this.#panelVisible = visible;
    if (this.#full) this.#full.session.setPanelVisible(visible);
    else if (visible) this.#need(false);
  }

  /** Runs `call` with the full session, at once or once it runs. */
  use(call: (session: ChatSession) => void): void {
    if (this.#full) call(this.#full.session);
    else this.#need(false).then((full) => call(full.session), noop);
  }

  dispose(): void {
    this.#disposed = true;
    this.#choices?.close();
    this.#watch?.dispose();
    this.#requests.abort();
    this.#full?.dispose();
  }

  #startWatch(contact: ContactRef): void {
    const {baseUrl, inboxIdentifier, websocketUrl, presenceInterval, storage, conversationId} = this.#options;
    const api = new ContactApi(new RestClient({baseUrl, inboxIdentifier}), {contactId: () => contact.sourceId, signal: () => this.#requests.signal});
    const cable = cableFactory(storage)({url: websocketUrl, pubsubToken: contact.pubsubToken, presenceInterval});
    const watch = (this.#watch = new ContactWatch(api, cable, {pubsubToken: contact.pubsubToken, conversationId}));
    this.#quietState = {...QUIET_START, contact};
    watch.on('change', (state) => this.#commitQuiet(state));
    watch.on('needs-session', ({fresh}) => void this.#need(fresh).catch(noop));
    watch.start();
    if (sharesAcrossTabs(storage)) {
      const choices = (this.#choices = shownChannel(contact.pubsubToken));
      choices.onmessage = ({data}: MessageEvent<ShownMessage>) => {
        if (data.kind == 'shown') this.#chosenElsewhere = data.conversationId;
        this.#followChoice();
      };
      choices.postMessage({kind: 'ask'} satisfies ShownMessage);
    }
  }

  /** Another tab shows a conversation the watch, having looked, would not: the full session follows it (its ShownConversationSync asks). */
  #followChoice(): void {
    const chosen = this.#chosenElsewhere;
    if (chosen !== undefined && this.#watch?.hasLooked && chosen !== this.#quietState.conversationId) void this.#need(false).catch(noop);
  }

  #commitQuiet(watched: WatchState): void {
    const previous = this.#quietState;
    this.#quietState = {...previous, ...watched};
    reportStateChanges(this.#host, this.#quietState, previous, (conversationId) => (this.#host.conversationId = conversationId));
    this.#followChoice();
  }

  /**
   * Loads the full session (once) and starts it with what the watch hands over; `fresh`, the
   * watch's cable and findings are dropped and the session starts as it would without them.
   * A chunk that cannot load is reported; the next need asks for it again.
   */
  #need(fresh: boolean): Promise<FullSession> {
    if (this.#needed) this.#needed.fresh ||= fresh;
    else this.#needed = {fresh};
    return this.#fullModule.load({again: true}).then((module) => this.#full ?? this.#startFull(module));
  }

  #startFull(module: FullSessionModule): FullSession {
    if (this.#disposed) throw new Error('Disposed');
    const handover = this.#watch?.handOver(!this.#needed?.fresh) ?? undefined;
    this.#watch = null;
    this.#choices?.close();
    const full = (this.#full = new module.ChatSessionBinding(this.#host, this.#options, {handover, previous: this.#quietState}));
    if (this.#panelVisible) full.session.setPanelVisible(true);
    return full;
  }
}

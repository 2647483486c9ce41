// The session's chunk: everything a conversation needs (state, protocol, REST) and the binding
// of one ChatSession to the element. The SessionController loads it only when a contact is known
// or the visitor first uses the chat, so a page whose visitor never opens the chat never
// downloads it.
import type {ReactiveController} from 'lit';
import type {SessionHost} from './session-controller.js';
import {Cable} from '../protocol/cable.js';
import {ChatSession, type SessionOptions} from '../state/chat-session.js';
import type {ChatState} from '../state/chat-state.js';
import type {Message, MessageSequence} from '../state/model.js';
import {emit} from '../events/public-events.js';
import {LiveRegion} from './live-region.js';
import {TabCable, canShareAcrossTabs} from '../tabs/tab-cable.js';
import {TabSync} from '../tabs/tab-sync.js';

type Reach = import('../reach/reach.js').Reach;
type CableOptions = Parameters<SessionOptions['createCable']>[0];

const noop = () => {};

/** A real, frozen array of a message sequence (state.messages may be a view, not an array). */
function toArray(messages: MessageSequence): readonly Message[] {
  return Array.isArray(messages) ? (messages as readonly Message[]) : Object.freeze([...messages]);
}

/**
 * One ChatSession bound to the element: started at once, its state committed to the element
 * (re-rendering it), its changes reported as the contract's public events, its messages read out
 * by its live region; `dispose()` undoes all of it.
 */
export class SessionBinding {
  readonly session: ChatSession;
  /** The session's latest state. */
  state: ChatState;
  /** What the element's live region says. */
  readonly liveRegion: LiveRegion;
  readonly #host: SessionHost;
  readonly #unsubscribe: (() => void)[];
  /** The element's `conversationId` as last written or seen: the page setting another asks to show it. */
  #askedConversation: number | null;
  /** The materialised `messages` of `#listedFrom`. */
  #listed: readonly Message[] = [];
  #listedFrom: MessageSequence | null = null;
  /** Previews, chime and notifications (src/reach/): loaded once the other side writes or has unread messages. */
  #reach: Promise<Reach> | undefined;
  #reachLoaded: Reach | undefined;

  constructor(host: SessionHost, options: Omit<SessionOptions, 'createCable' | 'createWriter'>) {
    this.#host = host;
    this.#askedConversation = host.conversationId;
    const liveRegion = (this.liveRegion = new LiveRegion(host));
    // One socket per browser for a contact (src/tabs/), unless the page keeps nothing (`storage="none"`) or the browser cannot share.
    const ownCable = (cableOptions: CableOptions) => new Cable(cableOptions);
    const shared = options.storage != null && canShareAcrossTabs();
    const session: ChatSession = (this.session = new ChatSession({
      ...options,
      createCable: shared ? (cableOptions) => new TabCable(cableOptions, ownCable) : ownCable,
      // What writing needs is a chunk of its own (contract §8: a known contact who only reads never
      // loads it), with what the visitor's tabs share of it (the outbox, the conversation shown).
      createWriter: (context) => import('../tabs/tab-writer.js').then(({createWriter}) => createWriter(context, shared && session)),
      // Who may have a contact, and with what details (identity check, pre-chat form): its own
      // chunk, which only a visitor without a contact needs.
      prepareContact: (user) => import('./contact-gate.js').then((gate) => gate.prepareContact(host, session, user)),
    }));
    const tabs = shared ? new TabSync(session, options) : null;
    this.state = session.store.getState();
    this.#unsubscribe = [
      session.store.subscribe((next) => this.#commit(next)),
      session.on('message', (message) => {
        emit(host, 'akece-message', {message});
        liveRegion.announceMessage(message);
        if (message.role != 'visitor') this.#withReach((reach) => reach.heard(message));
      }),
      session.on('error', ({code, message}) => emit(host, 'akece-error', {code, message})),
    ];
    const followPage: ReactiveController = {hostUpdate: () => this.#followConversationId()};
    host.addController(followPage);
    this.#unsubscribe.push(() => host.removeController(followPage));
    if (tabs) this.#unsubscribe.push(() => tabs.dispose());
    const before = this.state;
    session.start();
    this.#commit(session.store.getState(), {...before, connection: 'idle', unreadCount: 0, conversationStatus: null});
    emit(host, 'akece-ready', {});
  }

  /** The conversation as a real read-only array, made once per state. */
  get messages(): readonly Message[] {
    const messages = this.state.messages;
    if (messages !== this.#listedFrom) {
      this.#listedFrom = messages;
      this.#listed = toArray(messages);
    }
    return this.#listed;
  }

  /** What the reach chunk draws beside the launcher (the previews); undefined until it is there. */
  renderReach(): unknown {
    return this.#reachLoaded?.render();
  }

  /** Stops the session; the element shows `idle` until a new one starts. */
  dispose() {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.session.dispose();
    this.liveRegion.dispose();
    this.#reach?.then((reach) => {
      reach.dispose();
      this.#reachLoaded = undefined;
    }, noop);
    this.#commit({...this.state, connection: 'idle'});
  }

  /** The page set `conversationId` (or the `conversation-id` attribute): show that one. */
  #followConversationId() {
    const asked = this.#host.conversationId;
    if (asked === this.#askedConversation) return;
    this.#askedConversation = asked;
    if (asked !== this.state.conversationId) this.session.showConversation(asked).catch(() => {});
  }

  /** Commits a new state, then reports what changed to the page. */
  #commit(next: ChatState, previous = this.state) {
    const host = this.#host;
    this.state = next;
    host.requestUpdate();
    if (next.connection != previous.connection) emit(host, 'akece-connection-change', {state: next.connection, previous: previous.connection});
    if (next.unreadCount != previous.unreadCount) emit(host, 'akece-unread-change', {count: next.unreadCount});
    if (next.conversationId !== previous.conversationId) {
      // `conversationId` follows the conversation shown.
      this.#askedConversation = host.conversationId = next.conversationId;
      emit(host, 'akece-conversation-change', {conversationId: next.conversationId});
    }
    if (next.conversationStatus && next.conversationStatus != previous.conversationStatus) emit(host, 'akece-conversation-status', {status: next.conversationStatus});
    this.liveRegion.follow(next, previous);
    if (next.unreadCount) this.#withReach();
  }

  /** Loads the reach chunk once; `use` is called with it once it is there (in the order asked). */
  #withReach(use?: (reach: Reach) => void) {
    if (!this.#reach) {
      this.#reach = import('../reach/reach.js').then(({attachReach}) => (this.#reachLoaded = attachReach(this.#host, this.session)));
      this.#reach.catch(noop); // a chunk that cannot load leaves the chat as it was, without previews or sound
    }
    if (use) this.#reach.then(use, noop);
  }
}

// The full session's chunk: the conversation's state, history and recovery, and the binding of
// one ChatSession to the element. src/controllers/session-binding.ts loads it once the visitor
// or the conversation needs it (a known contact starts quietly without it).
import type {ReactiveController} from 'lit';
import type {SessionHost} from './session-controller.js';
import {ChatSession, type SessionOptions} from '../state/chat-session.js';
import type {ChatState} from '../state/chat-state.js';
import type {Message, MessageSequence} from '../state/model.js';
import {emit} from '../events/public-events.js';
import {LiveRegion} from './live-region.js';
import {ShownConversationSync} from '../tabs/shown-conversation.js';
import {TabSync} from '../tabs/tab-sync.js';
import {cableFactory, sharesAcrossTabs} from './cable-factory.js';
import {reportStateChanges} from './state-events.js';

type Reach = import('../reach/reach.js').Reach;

const noop = () => {};

/** A real, frozen array of a message sequence (state.messages may be a view, not an array). */
function toArray(messages: MessageSequence): readonly Message[] {
  return Array.isArray(messages) ? (messages as readonly Message[]) : Object.freeze([...messages]);
}

/** Where the full session begins: what the quiet start hands over, and the state it showed. */
export interface SessionStart {
  handover?: SessionOptions['handover'];
  /** The state on view until now (the page heard of it already). */
  previous: ChatState;
}

/**
 * One ChatSession bound to the element: started at once, its state committed to the element
 * (re-rendering it), its changes reported as the contract's public events, its messages read out
 * by its live region; `dispose()` undoes all of it.
 */
export class ChatSessionBinding {
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

  constructor(host: SessionHost, options: Omit<SessionOptions, 'createCable' | 'createWriter'>, start: SessionStart) {
    this.#host = host;
    this.#askedConversation = host.conversationId;
    const liveRegion = (this.liveRegion = new LiveRegion(host));
    const shared = sharesAcrossTabs(options.storage);
    const session: ChatSession = (this.session = new ChatSession({
      ...options,
      handover: start.handover,
      createCable: cableFactory(options.storage),
      // What writing needs is a chunk of its own (contract §8: a known contact who only reads never
      // loads it), with what the visitor's tabs share of it (the outbox).
      createWriter: (context) => import('../tabs/tab-writer.js').then(({createWriter}) => createWriter(context, shared && session)),
      // Who may have a contact, and with what details (identity check, pre-chat form): its own
      // chunk, which only a visitor without a contact needs.
      prepareContact: (user) => import('./contact-gate.js').then((gate) => gate.prepareContact(host, session, user)),
    }));
    // The read state and the conversation shown are the same in every tab, writing or not.
    const tabs = shared ? [new TabSync(session, options), new ShownConversationSync(session)] : [];
    // What is on view now: the session's changes are told to the page against it.
    this.state = start.previous;
    this.#unsubscribe = [
      session.on('message', (message) => {
        emit(host, 'akece-message', {message});
        liveRegion.announceMessage(message);
        if (message.role != 'visitor') this.#withReach((reach) => reach.heard(message));
      }),
      session.on('error', ({code, message}) => emit(host, 'akece-error', {code, message})),
      // (the reach chunk counts a message of another conversation on the launcher; one of this
      // conversation loads it anyway: a reply is unread until seen, and the visitor writing is rare with the panel never opened)
      session.on('event', (event) => event.event == 'message.created' && this.#withReach((reach) => reach.heardCreated(event))),
    ];
    const followPage: ReactiveController = {hostUpdate: () => this.#followConversationId()};
    host.addController(followPage);
    this.#unsubscribe.push(() => host.removeController(followPage));
    for (const shared of tabs) this.#unsubscribe.push(() => shared.dispose());
    session.start();
    // What starting changed is told at once, as one change (taking over from the quiet start,
    // the state passes through the session's empty one, which the page must not hear of).
    this.#commit(session.store.getState());
    this.#unsubscribe.push(session.store.subscribe((next) => this.#commit(next)));
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
    this.state = next;
    // `conversationId` follows the conversation shown.
    reportStateChanges(this.#host, next, previous, (conversationId) => (this.#askedConversation = this.#host.conversationId = conversationId));
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

// The session's chunk: everything a conversation needs (state, protocol, REST) and the binding
// of one ChatSession to the element. The SessionController loads it only when a contact is known
// or the visitor first uses the chat, so a page whose visitor never opens the chat never
// downloads it.
import type {SessionHost} from './session-controller.js';
import {Cable} from '../protocol/cable.js';
import {ChatSession, type SessionOptions} from '../state/chat-session.js';
import type {ChatState} from '../state/chat-state.js';
import type {Message, MessageSequence} from '../state/model.js';
import {emit} from '../events/public-events.js';
import {LiveRegion} from './live-region.js';

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
  /** The materialised `messages` of `#listedFrom`. */
  #listed: readonly Message[] = [];
  #listedFrom: MessageSequence | null = null;

  constructor(host: SessionHost, options: Omit<SessionOptions, 'createCable' | 'createWriter'>) {
    this.#host = host;
    const liveRegion = (this.liveRegion = new LiveRegion(host));
    const session: ChatSession = (this.session = new ChatSession({
      ...options,
      createCable: (cableOptions) => new Cable(cableOptions),
      // What writing needs is a chunk of its own (contract §8: a known contact who only reads never loads it).
      createWriter: (context) => import('../state/visitor-writer.js').then(({VisitorWriter}) => new VisitorWriter(context)),
      // Who may have a contact, and with what details (identity check, pre-chat form): its own
      // chunk, which only a visitor without a contact needs.
      prepareContact: (user) => import('./contact-gate.js').then((gate) => gate.prepareContact(host, session, user)),
    }));
    this.state = session.store.getState();
    this.#unsubscribe = [
      session.store.subscribe((next) => this.#commit(next)),
      session.on('message', (message) => {
        emit(host, 'akece-message', {message});
        liveRegion.announceMessage(message);
      }),
      session.on('error', ({code, message}) => emit(host, 'akece-error', {code, message})),
    ];
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

  /** Stops the session; the element shows `idle` until a new one starts. */
  dispose() {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.session.dispose();
    this.liveRegion.dispose();
    this.#commit({...this.state, connection: 'idle'});
  }

  /** Commits a new state, then reports what changed to the page. */
  #commit(next: ChatState, previous = this.state) {
    const host = this.#host;
    this.state = next;
    host.requestUpdate();
    if (next.connection != previous.connection) emit(host, 'akece-connection-change', {state: next.connection, previous: previous.connection});
    if (next.unreadCount != previous.unreadCount) emit(host, 'akece-unread-change', {count: next.unreadCount});
    if (next.conversationStatus && next.conversationStatus != previous.conversationStatus) emit(host, 'akece-conversation-status', {status: next.conversationStatus});
    this.liveRegion.follow(next, previous);
  }
}

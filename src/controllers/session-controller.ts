import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {Cable} from '../protocol/cable.js';
import {ChatSession, type StorageLike} from '../state/chat-session.js';
import {initialState, type ChatState, type ContactRef} from '../state/chat-state.js';
import {emit} from '../chat/public-events.js';
import type {Message} from '../state/model.js';

/** What the controller reads from its host: the element's configuration. */
export interface SessionHost extends ReactiveControllerHost, HTMLElement {
  baseUrl: string;
  websocketUrl: string;
  inboxIdentifier: string;
  pubsubToken: string;
  contactIdentifier: string;
  conversationId: number | null;
  storage: 'local' | 'session' | 'none';
  presenceInterval: number;
  /** Panel open and page visible. */
  readonly panelVisible: boolean;
}

type Call = (session: ChatSession) => unknown;

/** The chosen Web Storage, or null for `none` or where the page forbids storage (sandboxed frames). */
function pickStorage(kind: SessionHost['storage']): StorageLike | null {
  try {
    return kind == 'none' ? null : kind == 'session' ? sessionStorage : localStorage;
  } catch {
    return null;
  }
}

/**
 * Owns the ChatSession for the element's connected lifetime: builds it from the element's
 * configuration (again whenever that changes), re-renders the host on every state change, turns
 * state changes into the contract's public events, and disposes of everything on disconnect.
 * Calls made before a session exists are queued and carried out in order.
 */
export class SessionController implements ReactiveController {
  session: ChatSession | null = null;
  state: ChatState = initialState;
  /** What the root's live region reads out: the latest message from the other side, or the
   * name of an agent who just started typing ('' unnamed). One text at a time, so a burst
   * (a backfill after a reconnect) is one announcement, not a flood. */
  said: Message | string | null = null;
  #config = '';
  #offs: (() => void)[] = [];
  #queue: Call[] = [];
  /** The contact in use when the element was removed: a re-append goes on with it. */
  #kept: ContactRef | null = null;

  readonly #host: SessionHost;

  constructor(host: SessionHost) {
    (this.#host = host).addController(this);
  }

  hostConnected() {
    this.#host.requestUpdate();
  }

  hostDisconnected() {
    this.#kept = this.state.contact;
    this.#stop();
    // Out of the page there is no socket: say so until a re-append connects again.
    this.#changed({...this.state, connection: 'idle'});
  }

  /** Before each render: (re)build the session when the configuration changed. */
  hostUpdate() {
    const h = this.#host;
    const config = JSON.stringify([h.baseUrl, h.websocketUrl, h.inboxIdentifier, h.pubsubToken, h.contactIdentifier, h.conversationId, h.storage, h.presenceInterval]);
    if (!h.isConnected || config == this.#config) return;
    if (this.#config) this.#kept = null; // a new configuration starts afresh
    this.#stop();
    this.#config = config;
    const kept = this.#kept;
    // `wss://host/cable` for an `https://host` base URL (contract §2); a base URL that is not a URL fails in the session.
    const ws = h.websocketUrl || h.baseUrl.replace(/^http/, 'ws').replace(/\/*$/, '/cable');
    const s = (this.session = new ChatSession({
      baseUrl: h.baseUrl,
      websocketUrl: ws,
      inboxIdentifier: h.inboxIdentifier || undefined,
      pubsubToken: h.pubsubToken || kept?.pubsubToken,
      contactIdentifier: h.contactIdentifier || kept?.sourceId,
      conversationId: h.conversationId ?? undefined,
      storage: pickStorage(h.storage),
      presenceInterval: h.presenceInterval,
      createCable: (o) => new Cable(o),
    }));
    this.#offs = [
      s.store.subscribe((next) => this.#changed(next)),
      s.on('message', (message) => {
        if (message.role != 'visitor') this.said = message;
        emit(h, 'akece-message', {message});
      }),
      s.on('error', ({code, message}) => emit(h, 'akece-error', {code, message})),
    ];
    s.start();
    this.#changed(s.store.getState());
    this.syncVisibility();
    emit(h, 'akece-ready', {});
    for (const call of this.#queue.splice(0)) call(s);
  }

  /** Runs `call` on the session now, or once one exists. */
  run<T>(call: (session: ChatSession) => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const go: Call = (s) => Promise.resolve().then(() => call(s)).then(resolve, reject);
      this.session ? go(this.session) : this.#queue.push(go);
    });
  }

  /** Tells the session whether the visitor can see the conversation. */
  syncVisibility() {
    this.session?.setPanelVisible(this.#host.panelVisible);
  }

  #stop() {
    for (const off of this.#offs) off();
    this.session?.dispose();
    this.session = null;
    this.#config = '';
  }

  /** Commits a new state, then reports what changed to the page. */
  #changed(next: ChatState) {
    const prev = this.state;
    const h = this.#host;
    this.state = next;
    if (next.agentTyping && !prev.agentTyping) this.said = next.agentTyping.name;
    h.requestUpdate();
    if (next.connection != prev.connection) emit(h, 'akece-connection-change', {state: next.connection, previous: prev.connection});
    if (next.unreadCount != prev.unreadCount) emit(h, 'akece-unread-change', {count: next.unreadCount});
    if (next.conversationStatus && next.conversationStatus != prev.conversationStatus) emit(h, 'akece-conversation-status', {status: next.conversationStatus});
  }
}

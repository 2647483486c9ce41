import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {Cable} from '../protocol/cable.js';
import {ChatSession, type SessionOptions, type StorageLike} from '../state/chat-session.js';
import {initialState, type ChatState} from '../state/chat-state.js';
import {emit} from '../chat/public-events.js';

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

/** `wss://host/cable` for an `https://host` base URL (contract §2). */
export const cableUrl = (baseUrl: string) => {
  const url = new URL('/cable', baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
};

/** The chosen Web Storage, or null for `none` or where the page forbids storage (sandboxed frames). */
function pickStorage(kind: SessionHost['storage']): StorageLike | null {
  try {
    return kind === 'none' ? null : kind === 'session' ? sessionStorage : localStorage;
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
  private config = '';
  private offs: (() => void)[] = [];
  private queue: Call[] = [];
  /** What survives a remove + re-append: the contact and the conversation on screen. */
  private carried: ChatState | null = null;

  constructor(private readonly host: SessionHost) {
    host.addController(this);
  }

  hostConnected() {
    this.host.requestUpdate();
  }

  hostDisconnected() {
    this.carried = this.state;
    this.stop();
  }

  /** Before each render: (re)build the session when the configuration changed. */
  hostUpdate() {
    const h = this.host;
    const config = JSON.stringify([h.baseUrl, h.websocketUrl, h.inboxIdentifier, h.pubsubToken, h.contactIdentifier, h.conversationId, h.storage, h.presenceInterval]);
    if (!h.isConnected || (config === this.config && this.session)) return;
    if (this.session) this.carried = null; // a new configuration starts afresh
    this.stop();
    this.config = config;
    this.start();
  }

  /** Runs `call` on the session now, or once one exists. */
  run<T>(call: (session: ChatSession) => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const go: Call = (s) => Promise.resolve().then(() => call(s)).then(resolve, reject);
      if (this.session) go(this.session);
      else this.queue.push(go);
    });
  }

  /** Tells the session whether the visitor can see the conversation. */
  syncVisibility() {
    const s = this.session;
    s?.setPanelVisible(this.host.panelVisible);
  }

  private start() {
    const h = this.host;
    const carried = this.carried;
    const contact = carried?.contact;
    const options: SessionOptions = {
      baseUrl: h.baseUrl,
      websocketUrl: h.websocketUrl || cableUrl(h.baseUrl),
      inboxIdentifier: h.inboxIdentifier || undefined,
      pubsubToken: h.pubsubToken || contact?.pubsubToken || undefined,
      contactIdentifier: h.contactIdentifier || contact?.sourceId || undefined,
      conversationId: h.conversationId ?? carried?.conversationId ?? undefined,
      storage: pickStorage(h.storage),
      presenceInterval: h.presenceInterval,
      createCable: (o) => new Cable(o),
    };
    let session: ChatSession;
    try {
      new URL(options.websocketUrl);
      session = new ChatSession(options);
    } catch {
      this.state = {...initialState, connection: 'error', error: {code: 'config', message: 'Invalid base-url or websocket-url'}};
      emit(h, 'akece-error', this.state.error!);
      return;
    }
    this.session = session;
    const store = session.store;
    if (carried?.messages.length) {
      store.dispatch({type: 'set', patch: {conversationId: carried.conversationId, conversationStatus: carried.conversationStatus}});
      store.dispatch({type: 'merge', messages: carried.messages.filter((m) => m.id != null)});
    }
    this.carried = null;
    this.offs.push(
      store.subscribe(() => this.changed(store.getState())),
      session.on('message', (message) => emit(h, 'akece-message', {message})),
      session.on('error', (error) => emit(h, 'akece-error', {code: error.code, message: error.message}))
    );
    session.start();
    this.changed(store.getState());
    this.syncVisibility();
    emit(h, 'akece-ready', {});
    for (const call of this.queue.splice(0)) call(session);
  }

  private stop() {
    for (const off of this.offs.splice(0)) off();
    this.session?.dispose();
    this.session = null;
    this.config = '';
  }

  /** Commits a new state, then reports what changed to the page. */
  private changed(next: ChatState) {
    const prev = this.state;
    if (next === prev) return;
    this.state = next;
    this.host.requestUpdate();
    const h = this.host;
    if (next.connection !== prev.connection) emit(h, 'akece-connection-change', {state: next.connection, previous: prev.connection});
    if (next.unreadCount !== prev.unreadCount) emit(h, 'akece-unread-change', {count: next.unreadCount});
    if (next.conversationStatus && next.conversationStatus !== prev.conversationStatus)
      emit(h, 'akece-conversation-status', {status: next.conversationStatus});
  }
}

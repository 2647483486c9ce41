// Test doubles for the cable's seams: the WebSocket constructor (FakeWebSocket, under the real
// WebSocketTransport), the transport itself (FakeTransport) and the page (FakeEnvironment).
// Not part of the shipped bundle: nothing outside tests imports this file.
import type {CableEnvironment} from './monitor.js';
import type {Transport, TransportHandlers} from './transport.js';

/** A frame as the tests read it back: JSON-decoded. */
export type SentFrame = Record<string, unknown>;

const decodeAll = (texts: readonly string[]): SentFrame[] => texts.map((text) => JSON.parse(text) as SentFrame);

/** A WebSocket the test drives: it records `sent` frames and delivers open/message/close on demand. */
export class FakeWebSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState: number = FakeWebSocket.CONNECTING;
  binaryType = 'blob';
  bufferedAmount = 0;
  extensions = '';
  protocol = '';
  /** Raw text frames the client sent, oldest first. */
  readonly sent: string[] = [];
  /** The close code the client used, if it closed the socket. */
  closedWith?: number;

  constructor(
    readonly url: string,
    readonly protocols?: string | string[]
  ) {
    super();
  }

  /** `sent`, JSON-decoded. */
  get frames(): SentFrame[] {
    return decodeAll(this.sent);
  }

  send(data: string): void {
    if (this.readyState != FakeWebSocket.OPEN) throw new Error('InvalidStateError: not open');
    this.sent.push(data);
  }

  close(code = 1000, reason = ''): void {
    if (this.readyState > FakeWebSocket.OPEN) return;
    this.closedWith = code;
    this.#finish(code, reason);
  }

  /** Server side: accept the connection, selecting the first offered subprotocol. */
  accept(): void {
    this.readyState = FakeWebSocket.OPEN;
    this.protocol = [this.protocols ?? []].flat()[0] ?? '';
    this.dispatchEvent(new Event('open'));
  }

  /**
   * Server side: deliver a frame (objects are JSON-encoded, anything else is sent as is).
   * Resolves once the transport has handed it over (WebSocketTransport does so in a task of its
   * own, with the frames that arrived meanwhile): await it, or the last of several, before
   * looking at what the frame did.
   */
  receive(frame: unknown): Promise<void> {
    const data = typeof frame == 'string' || frame instanceof ArrayBuffer ? frame : JSON.stringify(frame);
    this.dispatchEvent(new MessageEvent('message', {data}));
    return afterPostedTasks();
  }

  /** Server or network side: the connection is gone (no close frame). */
  drop(code = 1006): void {
    if (this.readyState < FakeWebSocket.CLOSED) this.#finish(code, '');
  }

  /** Connection failed: error then close, as browsers report it. */
  fail(): void {
    this.dispatchEvent(new Event('error'));
    this.drop();
  }

  #finish(code: number, reason: string) {
    this.readyState = FakeWebSocket.CLOSED;
    this.dispatchEvent(Object.assign(new Event('close'), {code, reason, wasClean: code == 1000}));
  }
}

/**
 * A fresh FakeWebSocket class per call, so tests don't share state: pass `WebSocket` to the
 * Cable and read the sockets it opened from `sockets` (newest is `last`).
 */
export function fakeSockets() {
  const sockets: FakeWebSocket[] = [];
  class WebSocket extends FakeWebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      sockets.push(this);
    }
  }
  return {
    WebSocket,
    sockets,
    get last(): FakeWebSocket | undefined {
      return sockets[sockets.length - 1];
    },
  };
}

/**
 * A Transport the test drives, for a Cable built with
 * `transport: (handlers) => (transport = new FakeTransport(handlers))`. Like WebSocketTransport it
 * asks for its first socket, and for the next one after each close, asynchronously (a microtask
 * here); `proceed()` then starts a connection attempt that the test accepts, drops or fails.
 */
export class FakeTransport implements Transport {
  /** Text the cable sent on any socket, oldest first. */
  readonly sent: string[] = [];
  /** Connection attempts started so far (one per `proceed()` that found the transport waiting). */
  attempts = 0;
  /** `close()` was called: the transport is finished. */
  closed = false;
  readonly #handlers: TransportHandlers;
  #waiting = false;
  #socket: 'none' | 'connecting' | 'open' = 'none';

  constructor(handlers: TransportHandlers) {
    this.#handlers = handlers;
    this.#askForNextSocket();
  }

  /** `sent`, JSON-decoded. */
  get frames(): SentFrame[] {
    return decodeAll(this.sent);
  }

  get waiting(): boolean {
    return this.#waiting;
  }

  get isOpen(): boolean {
    return this.#socket == 'open';
  }

  /** True while a connection attempt waits for the test to `accept()` (or `fail()`) it. */
  get connecting(): boolean {
    return this.#socket == 'connecting';
  }

  proceed(): void {
    if (!this.#waiting) return;
    this.#waiting = false;
    this.#socket = 'connecting';
    this.attempts++;
  }

  send(text: string): void {
    if (this.isOpen) this.sent.push(text);
  }

  restart(): void {
    if (this.#socket != 'none') this.#closeSocket();
  }

  close(): void {
    this.closed = true;
    this.#waiting = false;
    this.#socket = 'none';
  }

  /** Server side: the connection attempt succeeds. */
  accept(): void {
    if (this.#socket != 'connecting') throw new Error('FakeTransport: no connection attempt to accept');
    this.#socket = 'open';
    this.#handlers.onOpen();
  }

  /** Server side: a frame on the open socket (objects are JSON-encoded). Ignored once closed. */
  receive(frame: unknown): void {
    if (this.closed) return;
    if (!this.isOpen) throw new Error('FakeTransport: no open socket to receive on');
    this.#handlers.onMessage(typeof frame == 'string' ? frame : JSON.stringify(frame));
  }

  /** Network side: the socket (or attempt) is gone. */
  drop(): void {
    if (this.#socket != 'none') this.#closeSocket();
  }

  /** The socket (or attempt) failed: closed, then an error, in reconnecting-websocket's order. */
  fail(): void {
    if (this.#socket == 'none') return;
    this.#closeSocket();
    this.#handlers.onError();
  }

  #closeSocket(): void {
    this.#socket = 'none';
    this.#handlers.onClose();
    this.#askForNextSocket();
  }

  #askForNextSocket(): void {
    queueMicrotask(() => {
      if (this.closed || this.#waiting) return;
      this.#waiting = true;
      this.#handlers.onWaiting();
    });
  }
}

/**
 * A page the test controls (a CableEnvironment): set `online`/`hidden`, then `fire()` the event.
 * `online`/`offline` go to the page itself, `visibilitychange` to its `document`.
 */
export class FakeEnvironment extends EventTarget implements CableEnvironment {
  online = true;
  hidden = false;
  /** Listeners currently registered on the page and its document (aborted or removed ones leave). */
  listenerCount = 0;
  readonly navigator: {readonly onLine: boolean};
  readonly document: EventTarget & {readonly hidden: boolean};

  constructor() {
    super();
    this.navigator = Object.defineProperty({}, 'onLine', {get: () => this.online}) as {readonly onLine: boolean};
    this.document = Object.defineProperty(new EventTarget(), 'hidden', {get: () => this.hidden}) as EventTarget & {hidden: boolean};
    for (const target of [this, this.document]) this.#countListeners(target);
  }

  /** Sets the matching flag and dispatches: 'online', 'offline', 'hidden' or 'visible'. */
  fire(signal: 'online' | 'offline' | 'hidden' | 'visible'): void {
    if (signal == 'online' || signal == 'offline') {
      this.online = signal == 'online';
      this.dispatchEvent(new Event(signal));
    } else {
      this.hidden = signal == 'hidden';
      this.document.dispatchEvent(new Event('visibilitychange'));
    }
  }

  /** Makes `target` keep listenerCount up to date. */
  #countListeners(target: EventTarget) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    const typesByListener = new Map<unknown, Set<string>>();
    const forget = (type: string, listener: unknown) => {
      if (typesByListener.get(listener)?.delete(type)) this.listenerCount--;
    };
    target.addEventListener = (type, listener, options) => {
      const types = typesByListener.get(listener) ?? new Set();
      if (listener && !types.has(type)) {
        typesByListener.set(listener, types.add(type));
        this.listenerCount++;
        if (typeof options == 'object') options.signal?.addEventListener('abort', () => forget(type, listener));
      }
      add(type, listener, options);
    };
    target.removeEventListener = (type, listener, options) => {
      forget(type, listener);
      remove(type, listener, options);
    };
  }
}

/**
 * Resolves after the tasks posted so far through MessagePorts (the transport's hand-over among
 * them) have run: a task posted now runs after them. (No timer: tests fake the clock.)
 */
export function afterPostedTasks(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

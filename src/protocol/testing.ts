// Test doubles for the cable's seams (the WebSocket constructor and the page environment).
// Not part of the shipped bundle: nothing outside tests imports this file.
import type {CableEnvironment} from './cable.js';

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
  readyState = 0;
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
  get frames(): Record<string, unknown>[] {
    return this.sent.map((s) => JSON.parse(s) as Record<string, unknown>);
  }

  send(data: string): void {
    if (this.readyState != 1) throw new Error('InvalidStateError: not open');
    this.sent.push(data);
  }

  close(code = 1000, reason = ''): void {
    if (this.readyState > 1) return;
    this.closedWith = code;
    this.finish(code, reason);
  }

  /** Server side: accept the connection, selecting the first offered subprotocol. */
  accept(): void {
    this.readyState = 1;
    this.protocol = [this.protocols ?? []].flat()[0] ?? '';
    this.dispatchEvent(new Event('open'));
  }

  /** Server side: deliver a frame (objects are JSON-encoded, anything else is sent as is). */
  receive(frame: unknown): void {
    const data = typeof frame == 'string' || frame instanceof ArrayBuffer ? frame : JSON.stringify(frame);
    this.dispatchEvent(new MessageEvent('message', {data}));
  }

  /** Server or network side: the connection is gone (no close frame). */
  drop(code = 1006): void {
    if (this.readyState < 3) this.finish(code, '');
  }

  /** Connection failed: error then close, as browsers report it. */
  fail(): void {
    this.dispatchEvent(new Event('error'));
    this.drop();
  }

  private finish(code: number, reason: string) {
    this.readyState = 3;
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
    const env = this;
    this.navigator = {
      get onLine() {
        return env.online;
      },
    };
    this.document = Object.defineProperty(new EventTarget(), 'hidden', {get: () => env.hidden}) as EventTarget & {hidden: boolean};
    for (const target of [this, this.document]) this.count(target);
  }

  /** Makes `target` keep listenerCount up to date. */
  private count(target: EventTarget) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    const live = new Map<unknown, Set<string>>();
    const drop = (type: string, fn: unknown) => live.get(fn)?.delete(type) && this.listenerCount--;
    target.addEventListener = (type, fn, options) => {
      const types = live.get(fn) ?? new Set();
      if (fn && !types.has(type)) {
        live.set(fn, types.add(type));
        this.listenerCount++;
        if (typeof options == 'object') options.signal?.addEventListener('abort', () => drop(type, fn));
      }
      add(type, fn, options);
    };
    target.removeEventListener = (type, fn, options) => {
      drop(type, fn);
      remove(type, fn, options);
    };
  }

  /** Sets the matching flag and dispatches: 'online', 'offline', 'hidden' or 'visible'. */
  fire(what: 'online' | 'offline' | 'hidden' | 'visible'): void {
    if (what == 'online' || what == 'offline') {
      this.online = what == 'online';
      this.dispatchEvent(new Event(what));
    } else {
      this.hidden = what == 'hidden';
      this.document.dispatchEvent(new Event('visibilitychange'));
    }
  }
}

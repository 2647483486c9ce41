// The ActionCable v1 JSON client for Akece's RoomChannel (shared/protocol/README.md §2): welcome,
// subscribe, confirm, presence heartbeat, staleness, backoff and browser network triggers.
import RWS from 'reconnecting-websocket';
import type {AkeceEvent} from './payloads.js';
import type {ConnectionState} from './constants.js';
import {
  CHANNEL,
  CONFIRM,
  CONFIRM_TIMEOUT_MS,
  DISCONNECT,
  PING,
  PRESENCE_INTERVAL_S,
  REJECT,
  STALE_AFTER_MS,
  SUBPROTOCOL,
  WELCOME,
} from './constants.js';
import {backoff} from './backoff.js';
import {decodeEvent, isObj, parse} from './decode.js';

export type {ConnectionState};

/** The page signals the cable reacts to; injectable so tests and Node need no DOM. */
export interface CableEnvironment {
  isOnline(): boolean;
  isHidden(): boolean;
  /** Adds a listener and returns its remover. */
  listen(type: 'online' | 'offline' | 'visibilitychange', fn: () => void): () => void;
}

export interface CableOptions {
  /** ActionCable endpoint, e.g. `wss://dash.akece.com/cable`. */
  url: string;
  pubsubToken: string;
  /** Seconds between `update_presence` heartbeats (default 30, at least 1). */
  presenceInterval?: number;
  /** WebSocket constructor (default `globalThis.WebSocket`; `ws` in Node). */
  WebSocket?: unknown;
  /** Default: the global window/document when present. */
  environment?: CableEnvironment;
  /** Jitter source for backoff (default Math.random). */
  random?: () => number;
  staleAfterMs?: number;
  confirmTimeoutMs?: number;
}

export interface CableError {
  code: 'subscription-timeout' | 'subscription-rejected' | 'server-disconnect' | 'socket-error';
  message: string;
  /** True when the cable stopped retrying (state 'error') until `reconnect()`. */
  fatal: boolean;
}

export interface CableEventMap {
  state: {state: ConnectionState; previous: ConnectionState};
  event: AkeceEvent;
  /** Every confirm_subscription; `resumed` is false only for the first one. */
  subscribed: {resumed: boolean};
  error: CableError;
}

type Listener = (detail: never) => void;
type Timer = 'stale' | 'confirm' | 'beat' | 'retry';

const SOCKET_EVENTS = ['open', 'message', 'close', 'error'] as const;

const browser: CableEnvironment = {
  isOnline: () => globalThis.navigator?.onLine !== false,
  isHidden: () => globalThis.document?.visibilityState == 'hidden',
  listen(type, fn) {
    const target = type == 'visibilitychange' ? globalThis.document : globalThis.window;
    target?.addEventListener(type, fn);
    return () => target?.removeEventListener(type, fn);
  },
};

/**
 * One contact's RoomChannel subscription over a reconnecting WebSocket.
 *
 * Timing is ours, not reconnecting-websocket's: its own delays are pinned to 0
 * (`maxReconnectionDelay: 0`) and its URL provider is a gate, a promise this class resolves when
 * it wants the next socket (at once, after our jittered backoff, or only once back online / on
 * `reconnect()`). RWS still owns the socket plumbing: connection timeout, listener rebinding,
 * closing the old socket. A gate that never opens is how the cable stops retrying, because
 * RWS's `close()` leaves it unable to reconnect when called during its wait.
 */
export class Cable {
  /** The exact subscribe identifier; frames are matched against it by string equality. */
  readonly identifier: string;
  private s: ConnectionState = 'idle';
  private dropped = 0;
  private ws?: RWS;
  private env: CableEnvironment;
  private ls = new Map<string, Set<Listener>>();
  private timers: Partial<Record<Timer, ReturnType<typeof setTimeout>>> = {};
  private disposers: (() => void)[] = [];
  /** Resolves the pending gate: RWS is waiting for our go-ahead to open a socket. */
  private go?: () => void;
  /** The next gate opens without backoff. */
  private now = true;
  /** Retries since the last confirmed subscription (the backoff exponent). */
  private attempts = 0;
  private sockets = 0;
  private subs = 0;
  /** Stop retrying until reconnect(): rejected, told not to reconnect, or disposed. */
  private fatal = false;
  private disposed = false;
  private seen = 0;
  private hiddenAt = 0;
  private beatMs: number;
  private staleMs: number;

  constructor(private o: CableOptions) {
    this.identifier = JSON.stringify({channel: CHANNEL, pubsub_token: o.pubsubToken});
    this.env = o.environment ?? browser;
    this.beatMs = (Math.max(o.presenceInterval ?? PRESENCE_INTERVAL_S, 1) || PRESENCE_INTERVAL_S) * 1e3;
    this.staleMs = o.staleAfterMs ?? STALE_AFTER_MS;
  }

  /** Frames dropped as malformed, unknown, or for another identifier. */
  get droppedFrames(): number {
    return this.dropped;
  }

  /** 'idle' until connect(); 'connected' once the subscription is confirmed. */
  get state(): ConnectionState {
    return this.s;
  }

  /** Opens the socket and subscribes (idempotent). */
  connect(): void {
    if (this.ws || this.disposed) return;
    this.fatal = false;
    this.set(this.waiting());
    let ws: RWS;
    try {
      ws = this.ws = new RWS(() => this.gate(), [SUBPROTOCOL], {
        WebSocket: this.o.WebSocket,
        maxReconnectionDelay: 0,
        maxEnqueuedMessages: 0,
        // A handshake gets as long as an open socket may stay silent.
        connectionTimeout: this.staleMs,
      });
    } catch (e) {
      return this.fail('socket-error', String(e));
    }
    for (const t of SOCKET_EVENTS) ws.addEventListener(t, this.handle);
    const env = this.env;
    if (env.isHidden()) this.hiddenAt = Date.now();
    this.disposers.push(
      () => {
        for (const t of SOCKET_EVENTS) ws.removeEventListener(t, this.handle);
        ws.close();
      },
      env.listen('online', () => {
        if (!this.fatal && this.s != 'connected') {
          this.set(this.waiting());
          this.kick();
        }
      }),
      env.listen('offline', () => {
        if (!this.fatal) {
          this.set('offline');
          this.drop();
        }
      }),
      env.listen('visibilitychange', () => this.visibility())
    );
  }

  /** Sends a channel action; `data` is JSON-encoded as ActionCable requires. False unless subscribed. */
  perform(action: string, data?: Record<string, unknown>): boolean {
    if (this.s != 'connected') return false;
    this.send({command: 'message', identifier: this.identifier, data: JSON.stringify({...data, action})});
    return true;
  }

  /** Subscribes to a cable event; returns the unsubscriber. */
  on<K extends keyof CableEventMap>(type: K, listener: (detail: CableEventMap[K]) => void): () => void {
    const set = this.ls.get(type) ?? new Set();
    this.ls.set(type, set.add(listener as Listener));
    return () => void set.delete(listener as Listener);
  }

  /** Drops the socket and reconnects now, also after a fatal error. */
  reconnect(): void {
    if (!this.ws) return this.connect();
    this.fatal = false;
    this.set(this.waiting());
    this.kick();
  }

  /** Closes the socket and removes every listener and timer. */
  dispose(): void {
    this.disposed = this.fatal = true;
    this.s = 'idle';
    this.go = this.ws = undefined;
    this.stop();
    this.disposers.splice(0).forEach((f) => f());
    this.ls.clear();
  }

  private handle = (e: {type: string; data?: unknown}) => {
    if (e.type == 'close') {
      this.stop();
      if (!this.fatal) this.set(this.waiting());
    } else if (e.type == 'error') {
      this.emit('error', {code: 'socket-error', message: 'WebSocket error', fatal: false});
    } else {
      this.seen = Date.now();
      this.arm('stale', () => this.drop(), this.staleMs);
      if (e.type == 'message') this.frame(parse(e.data));
    }
  };

  private frame(f: unknown) {
    const id = this.identifier;
    if (isObj(f))
      switch (f.type) {
        case PING:
          return;
        case WELCOME:
          // A new socket: ActionCable forgets subscriptions with the connection.
          this.send({command: 'subscribe', identifier: id});
          return this.arm(
            'confirm',
            () => {
              this.emit('error', {code: 'subscription-timeout', message: 'Subscription not confirmed', fatal: false});
              // Resubscribing on this socket is a no-op server-side, so take a new one.
              this.drop();
            },
            this.o.confirmTimeoutMs ?? CONFIRM_TIMEOUT_MS
          );
        case DISCONNECT:
          if (f.reconnect !== false) return this.drop();
          return this.fail('server-disconnect', `Server disconnected: ${f.reason}`);
        case CONFIRM:
          if (f.identifier != id) break;
          clearTimeout(this.timers.confirm);
          this.attempts = 0;
          this.set('connected');
          // Right away: the presence.update sent on subscribe is often lost (README §2.5).
          this.beat();
          return this.emit('subscribed', {resumed: this.subs++ > 0});
        case REJECT:
          if (f.identifier == id) return this.fail('subscription-rejected', 'Subscription rejected');
          break;
        default: {
          const ev = f.identifier === id && decodeEvent(f.message);
          if (ev) return this.emit('event', ev);
        }
      }
    this.dropped++;
  }

  private beat = () => {
    this.perform('update_presence');
    this.arm('beat', this.beat, this.beatMs);
  };

  /** RWS's URL provider: resolves when the next socket may open. */
  private gate() {
    return new Promise<string>((resolve) => {
      this.go = () => {
        this.go = undefined;
        this.sockets++;
        resolve(this.o.url);
      };
      this.schedule();
    });
  }

  private schedule() {
    clearTimeout(this.timers.retry);
    const go = this.go;
    if (!go || this.fatal || !this.env.isOnline()) return;
    if (this.now) {
      this.now = false;
      go();
    } else this.arm('retry', go, backoff(this.attempts++, this.o.random));
  }

  /** Abandons the current socket; the gate decides when the next one opens. */
  private drop() {
    if (this.go) this.schedule();
    else this.ws?.reconnect();
  }

  private kick() {
    this.now = true;
    this.drop();
  }

  private visibility() {
    const t = Date.now();
    const ms = this.staleMs;
    if (this.env.isHidden()) this.hiddenAt ||= t;
    else {
      // Hidden tabs throttle timers, so the stale timer may not have fired yet.
      if (this.hiddenAt && t - this.hiddenAt > ms && t - this.seen > ms && !this.fatal) this.kick();
      this.hiddenAt = 0;
    }
  }

  private fail(code: CableError['code'], message: string) {
    this.fatal = true;
    this.set('error');
    this.emit('error', {code, message, fatal: true});
    this.drop();
  }

  private waiting(): ConnectionState {
    return !this.env.isOnline() ? 'offline' : this.sockets ? 'reconnecting' : 'connecting';
  }

  private set(state: ConnectionState) {
    const previous = this.s;
    if (state != previous) {
      this.s = state;
      this.emit('state', {state, previous});
    }
  }

  private emit<K extends keyof CableEventMap>(type: K, detail: CableEventMap[K]) {
    this.ls.get(type)?.forEach((fn) => {
      try {
        (fn as (d: CableEventMap[K]) => void)(detail);
      } catch (e) {
        // A throwing listener must not break the protocol state machine; report it unhandled.
        queueMicrotask(() => {
          throw e;
        });
      }
    });
  }

  private send(frame: object) {
    this.ws!.send(JSON.stringify(frame));
  }

  private arm(k: Timer, fn: () => void, ms: number) {
    clearTimeout(this.timers[k]);
    if (!this.disposed) this.timers[k] = setTimeout(fn, ms);
  }

  private stop() {
    for (const t of Object.values(this.timers)) clearTimeout(t);
  }
}

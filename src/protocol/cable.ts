// The ActionCable v1 JSON client for Akece's RoomChannel (shared/protocol/README.md §2): welcome,
// subscribe, confirm, presence heartbeat, staleness, backoff and browser network triggers.
import RWS from 'reconnecting-websocket';
import type {AkeceEvent} from './payloads.js';
import {backoff} from './backoff.js';
import {decodeEvent, parse} from './decode.js';

/** Connection states of the contract (`connectionState`); 'connected' means subscribed. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'error';

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
  /** Silence after which a socket counts as dead (default 6 s: two missed 3 s pings, as Rails' monitor). */
  staleAfterMs?: number;
  /** The server answers a bad token with silence, so an unconfirmed subscribe times out (default 10 s). */
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

// Timer slots.
const STALE = 0;
const CONFIRM = 1;
const BEAT = 2;
const RETRY = 3;

// One alias: the minifier cannot shorten global names.
const g = globalThis;
const browser: CableEnvironment = {
  isOnline: () => g.navigator?.onLine !== false,
  isHidden: () => !!g.document?.hidden,
  listen(type, fn) {
    const target = type == 'visibilitychange' ? g.document : g.window;
    target?.addEventListener(type, fn);
    return () => target?.removeEventListener(type, fn);
  },
};

/**
 * One contact's RoomChannel subscription over a reconnecting WebSocket.
 *
 * Timing is ours, not reconnecting-websocket's: its own delays are pinned to 0
 * (`maxReconnectionDelay: 0`) and its URL provider is a gate, a promise the cable resolves when
 * it wants the next socket (at once, after our jittered backoff, or only once back online / on
 * `reconnect()`). RWS still owns the socket plumbing: connection timeout, listener rebinding,
 * closing the old socket. A gate that never opens is how the cable stops retrying, because
 * RWS's `close()` leaves it unable to reconnect when called during its wait.
 *
 * The state lives in the constructor's closure (short, private, minifiable names); the methods
 * are instance properties.
 */
export class Cable {
  /** The exact subscribe identifier; frames are matched against it by string equality. */
  readonly identifier: string;
  /** 'idle' until connect(); 'connected' once the subscription is confirmed. */
  readonly state: ConnectionState = 'idle';
  /** Frames dropped as malformed, unknown, or for another identifier. */
  readonly droppedFrames: number = 0;
  /** Opens the socket and subscribes (idempotent). */
  declare readonly connect: () => void;
  /** Sends a channel action; `data` is JSON-encoded as ActionCable requires. False unless subscribed. */
  declare readonly perform: (action: string, data?: Record<string, unknown>) => boolean;
  /** Subscribes to a cable event; returns the unsubscriber. */
  declare readonly on: <K extends keyof CableEventMap>(type: K, listener: (detail: CableEventMap[K]) => void) => () => void;
  /** Drops the socket and reconnects now, also after a fatal error. */
  declare readonly reconnect: () => void;
  /** Closes the socket and removes every listener and timer. */
  declare readonly dispose: () => void;

  constructor(o: CableOptions) {
    const self: {state: ConnectionState; droppedFrames: number} = this;
    const id = (this.identifier = JSON.stringify({channel: 'RoomChannel', pubsub_token: o.pubsubToken}));
    const env = o.environment ?? browser;
    const beatMs = (Math.max(o.presenceInterval ?? 30, 1) || 30) * 1e3;
    const staleMs = o.staleAfterMs ?? 6e3;
    const listeners = new Set<[string, Listener]>();
    const timers: ReturnType<typeof setTimeout>[] = [];
    let offs: (() => void)[] = [];
    let ws: RWS | undefined;
    /** Resolves the pending gate: RWS is waiting for our go-ahead to open a socket. */
    let go: (() => void) | undefined;
    /** The next gate opens without backoff. */
    let now = true;
    /** Retries since the last confirmed subscription (the backoff exponent). */
    let attempts = 0;
    /** A socket was requested before: waiting is 'reconnecting', not 'connecting'. */
    let opened = false;
    /** Confirmed subscriptions so far. */
    let subs = 0;
    /** Stop retrying (and arming timers) until reconnect(): rejected, told not to reconnect, or disposed. */
    let stopped = false;
    let disposed = false;
    /** When the last frame arrived. */
    let seen = 0;

    const emit = <K extends keyof CableEventMap>(type: K, detail: CableEventMap[K]) => {
      for (const [t, fn] of listeners)
        if (t == type)
          try {
            (fn as (d: CableEventMap[K]) => void)(detail);
          } catch (e) {
            // A throwing listener must not break the protocol state machine; report it unhandled.
            queueMicrotask(() => {
              throw e;
            });
          }
    };
    const set = (state: ConnectionState) => {
      const previous = self.state;
      if (state != previous) {
        self.state = state;
        emit('state', {state, previous});
      }
    };
    const setWaiting = () => set(!env.isOnline() ? 'offline' : opened ? 'reconnecting' : 'connecting');
    /** Clears timer slot `k`, then arms it when given a callback. */
    const arm = (k: number, fn?: () => void, ms?: number) => {
      clearTimeout(timers[k]);
      if (fn && !stopped) timers[k] = setTimeout(fn, ms);
    };
    const stop = () => timers.forEach(clearTimeout);
    const send = (command: string, data?: string) => ws!.send(JSON.stringify({command, identifier: id, data}));
    const fail = (code: CableError['code'], message: string, fatal = false) => {
      if (fatal) {
        stopped = true;
        set('error');
      }
      emit('error', {code, message, fatal});
    };
    /** Moves on to the next socket: abandons the current one, or opens the gate now / after backoff. */
    const drop = () => {
      if (!go) return ws?.reconnect();
      arm(RETRY);
      if (stopped || !env.isOnline()) return;
      if (!now) return arm(RETRY, go, backoff(attempts++, o.random));
      now = false;
      go();
    };
    /** Opens the next socket without backoff (and resumes after a fatal error). */
    const kick = () => {
      stopped = false;
      now = true;
      setWaiting();
      drop();
    };
    /** Any frame is a sign of life. */
    const alive = () => {
      seen = Date.now();
      arm(STALE, drop, staleMs);
    };
    const beat = () => {
      this.perform('update_presence');
      arm(BEAT, beat, beatMs);
    };
    // Optional chaining reads nothing from primitives and arrays, which end up dropped.
    const frame = (f?: Record<string, unknown>) => {
      const mine = f?.identifier === id;
      switch (f?.type) {
        case 'ping':
          return;
        case 'welcome':
          // A new socket: ActionCable forgets subscriptions with the connection.
          send('subscribe');
          return arm(
            CONFIRM,
            () => {
              fail('subscription-timeout', 'Not confirmed');
              // Resubscribing on this socket is a no-op server-side, so take a new one.
              drop();
            },
            o.confirmTimeoutMs ?? 1e4
          );
        case 'disconnect':
          if (f.reconnect === false) fail('server-disconnect', String(f.reason), true);
          return drop();
        case 'confirm_subscription':
          if (!mine) break;
          arm(CONFIRM);
          attempts = 0;
          set('connected');
          // Right away: the presence.update sent on subscribe is often lost (README §2.5).
          beat();
          return emit('subscribed', {resumed: subs++ > 0});
        case 'reject_subscription':
          if (!mine) break;
          fail('subscription-rejected', 'Rejected', true);
          return drop();
        default: {
          const ev = mine && decodeEvent(f.message);
          if (ev) return emit('event', ev);
        }
      }
      self.droppedFrames++;
    };

    this.connect = () => {
      if (ws || disposed) return;
      stopped = false;
      setWaiting();
      try {
        ws = new RWS(
          // RWS's URL provider: resolves when the next socket may open.
          () =>
            new Promise<string>((resolve) => {
              go = () => {
                go = undefined;
                opened = true;
                resolve(o.url);
              };
              drop();
            }),
          ['actioncable-v1-json'],
          // Our options carry RWS's `WebSocket`; it ignores the others. A handshake gets as long as
          // an open socket may stay silent.
          {...o, maxReconnectionDelay: 0, maxEnqueuedMessages: 0, connectionTimeout: staleMs}
        );
      } catch (e) {
        return fail('socket-error', String(e), true);
      }
      ws.onopen = alive;
      ws.onmessage = (e) => {
        alive();
        frame(parse(e.data) as Record<string, unknown> | undefined);
      };
      ws.onclose = () => {
        stop();
        if (!stopped) setWaiting();
      };
      ws.onerror = () => fail('socket-error', 'Socket error');
      offs = [
        env.listen('online', () => {
          if (!stopped && self.state != 'connected') kick();
        }),
        env.listen('offline', () => {
          if (!stopped) {
            set('offline');
            drop();
          }
        }),
        // Hidden tabs throttle timers, so on becoming visible an open socket silent for longer
        // than staleMs is dead even if the stale timer has not fired yet.
        env.listen('visibilitychange', () => {
          if (!env.isHidden() && ws!.readyState == 1 && Date.now() - seen > staleMs) kick();
        }),
      ];
    };

    this.perform = (action, data) =>
      self.state == 'connected' && (send('message', JSON.stringify({...data, action})), true);

    this.on = (type, listener) => {
      const l: [string, Listener] = [type, listener as Listener];
      listeners.add(l);
      return () => listeners.delete(l);
    };

    this.reconnect = () => (ws ? kick() : this.connect());

    this.dispose = () => {
      disposed = stopped = true;
      self.state = 'idle';
      ws?.close();
      ws = undefined;
      stop();
      offs.forEach((f) => f());
      listeners.clear();
    };
  }
}

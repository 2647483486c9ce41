// The ActionCable v1 JSON client for Akece's RoomChannel (shared/protocol/README.md §2): welcome,
// subscribe, confirm, presence heartbeat, staleness, backoff, browser network triggers, and the
// run-time validation of every frame (nothing from the socket is trusted or allowed to throw).
import RWS from 'reconnecting-websocket';
import type {AkeceEvent} from './payloads.js';
import {backoff} from '../utils/backoff.js';

/** Connection states of the contract (`connectionState`); 'connected' means subscribed. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'error';

type Target = {addEventListener?(type: string, fn: (e: Event) => void, options: AddEventListenerOptions): void};

/**
 * The page whose signals the cable follows (default `globalThis`): `online`/`offline` on it,
 * `visibilitychange` on its document. Every part is optional, so `{}` (or a bare EventTarget)
 * serves in Node: always online and visible.
 */
export interface CableEnvironment extends Target {
  navigator?: {onLine: boolean};
  document?: Target & {hidden: boolean};
}

export interface CableOptions {
  /** ActionCable endpoint, e.g. `wss://dash.akece.com/cable`. */
  url: string;
  pubsubToken: string;
  /** Seconds between `update_presence` heartbeats (default 30, at least 1). */
  presenceInterval?: number;
  /** WebSocket constructor (default `globalThis.WebSocket`; `ws` in Node). */
  WebSocket?: unknown;
  environment?: CableEnvironment;
  /** Jitter source for backoff (default Math.random). */
  random?: () => number;
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


/**
 * JSON.parse for untrusted text; anything but a string is returned as is (a data frame's message
 * and data may each be an object or JSON text). Undefined for invalid or oversize text (a real
 * frame is a few KB) and for any document with a `__proto__` key (harmless to JSON.parse itself,
 * but a trap for later merges).
 */
export const parse = (text: unknown): any => {
  try {
    return typeof text == 'string'
      ? // JSON.parse('') throws.
        JSON.parse(text.length > 2e6 ? '' : text, (k, v: unknown) => (k == '__proto__' ? JSON.parse('') : v))
      : text;
  } catch {
    // invalid or hostile
  }
};

const json = JSON.stringify;
// JSON values only: no objects from other realms or with odd prototypes reach this.
const isObj = (v: unknown): v is Record<string, any> => v instanceof Object && !Array.isArray(v);

// The events a contact's token can receive; others (e.g. notification.created) are dropped. A
// regular expression, not an object lookup, so names like 'toString' or '__proto__' find nothing.
// Groups used below: 2 message or contact (any object: state/normalize.ts checks every message
// field itself, contacts are not read), 6 typing, 8 presence.
const EVENTS = /^((message\.(cre|upd)|contact\.upd)ated|conversation\.((cre|upd)ated|status_changed|(t)yping_o(n|ff))|(p)resence\.update)$/;

/**
 * Decodes the `message` of a data frame (`{event, data}`) into an AkeceEvent, or a falsy value for
 * unknown events and for shapes the state layer would trip on: data not an object, presence
 * without `users`, a conversation event without its numeric `id` (or `conversation.id`).
 */
export const decodeEvent = (message: unknown): AkeceEvent | false | null => {
  // Optional chaining reads nothing from primitives and arrays either.
  const m = parse(message);
  const d = parse(m?.data);
  // exec() reads a non-string as its string form; the event emitted is the matched string.
  const x = EVENTS.exec(m?.event);
  return (x && isObj(d) && (x[8] ? isObj(d.users) : x[2] || Number.isFinite((x[6] ? d.conversation : d)?.id)) && {event: x[0], data: d}) as
    | AkeceEvent
    | false
    | null;
};

/** Silence after which a socket counts as dead: two missed 3 s pings, as Rails' monitor. */
const STALE_MS = 6e3;

// Timer slots.
const STALE = 0;
const RETRY = 1;
/** Shared: the heartbeat starts where the confirmation wait ends, and a welcome restarts the wait. */
const CONFIRM = 2;
const BEAT = 2;

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
 * The state lives in the closure of `Cable` (short, private, minifiable names); the object it
 * returns holds the public state and the methods.
 */
export interface Cable {
  /** 'idle' until connect(); 'connected' once the subscription is confirmed. */
  readonly state: ConnectionState;
  /** Frames dropped as malformed, unknown, or for another identifier. */
  readonly droppedFrames: number;
  /** Opens the socket and subscribes (idempotent). */
  connect(): void;
  /** Sends a channel action; `data` is JSON-encoded as ActionCable requires. False unless subscribed. */
  perform(action: string, data?: Record<string, unknown>): boolean;
  /** Subscribes to a cable event; returns the unsubscriber. */
  on<K extends keyof CableEventMap>(type: K, listener: (detail: CableEventMap[K]) => void): () => void;
  /** Drops the socket and reconnects now, also after a fatal error. */
  reconnect(): void;
  /** Closes the socket and removes every listener and timer. */
  dispose(): void;
}

// The constructor returns the object it builds (state and methods over a closure), so `this` is
// never used. A class, not a function: the minifier turns function expressions into arrows,
// which `new` rejects.
export class Cable {
  constructor(o: CableOptions) {
    // Frames are matched against this exact string (README §2.2).
    const id = json({channel: 'RoomChannel', pubsub_token: o.pubsubToken});
    const w: CableEnvironment = o.environment ?? globalThis;
    // NaN (also from undefined) falls back to 30 s.
    const beatMs = (Math.max(o.presenceInterval!, 1) || 30) * 1e3;
    const timers: ReturnType<typeof setTimeout>[] = [];
    // Its `signal` removes the page listeners on dispose (an AbortController is a valid options object).
    const page = new AbortController();
    const self: {-readonly [K in keyof Cable]: Cable[K]} = {
      state: 'idle',
      droppedFrames: 0,

      connect: () => {
        if (ws || stopped > 1) return;
        set();
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
            'actioncable-v1-json',
            // Our options carry RWS's `WebSocket`; it ignores the others. A handshake gets as long as
            // an open socket may stay silent. RWS may queue a send() made while its socket closes
            // and deliver it before the next subscribe; the server ignores such a frame (README §2.3).
            {...o, maxReconnectionDelay: 0, connectionTimeout: STALE_MS}
          );
        } catch {
          // RWS throws when there is no WebSocket to use.
          return fail('socket-error', true);
        }
        ws.onopen = alive;
        ws.onmessage = (e) => {
          alive();
          // Optional chaining reads nothing from primitives, arrays and ArrayBuffers, which end up dropped.
          const f = parse(e.data);
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
                  fail('subscription-timeout');
                  // Resubscribing on this socket is a no-op server-side, so take a new one.
                  drop();
                },
                // The server answers a bad token with silence (README §2.4).
                1e4
              );
            case 'disconnect':
              if (f.reconnect === false) fail('server-disconnect', true, '' + f.reason);
              return drop();
            case 'confirm_subscription':
              if (!mine) break;
              // beat() ends the confirmation wait.
              attempts = 0;
              set('connected');
              // Right away: the presence.update sent on subscribe is often lost (README §2.5).
              beat();
              return emit('subscribed', {resumed: subs++ > 0});
            case 'reject_subscription':
              if (!mine) break;
              fail('subscription-rejected', true);
              return drop();
            default: {
              const ev = mine && decodeEvent(f.message);
              if (ev) return emit('event', ev);
            }
          }
          self.droppedFrames++;
        };
        ws.onclose = () => {
          stop();
          if (!stopped) set();
        };
        ws.onerror = () => fail('socket-error');
        for (const type of ['online', 'offline', 'visibilitychange']) (type[0] == 'v' ? w.document : w)?.addEventListener?.(type, wake, page);
      },

      // send() returns nothing: `!send()` is true.
      perform: (action, data) => self.state == 'connected' && !send('message', json({...data, action})),

      on: (type, fn) => ((listeners[type] ??= new Set()).add(fn as Listener), () => listeners[type]!.delete(fn as Listener)),

      reconnect: () => (ws ? kick() : self.connect()),

      dispose: () => {
        stopped = 2;
        self.state = 'idle';
        ws?.close();
        ws = undefined;
        stop();
        page.abort();
        listeners = {};
      },
    };
    let listeners: {[K in keyof CableEventMap]?: Set<Listener>} = {};
    let ws: RWS | undefined;
    /** Resolves the pending gate: RWS is waiting for our go-ahead to open a socket. */
    let go: (() => void) | undefined;
    /** Retries since the last confirmed subscription (the backoff exponent); -1: the next gate opens at once. */
    let attempts = -1;
    /** A socket was requested before: waiting is 'reconnecting', not 'connecting'. */
    let opened = false;
    /** Confirmed subscriptions so far. */
    let subs = 0;
    /** 1: stop retrying (and arming timers) until reconnect(), after a reject or a final disconnect. 2: disposed. */
    let stopped = 0;
    /** When the last frame arrived. */
    let seen = 0;

    const emit = <K extends keyof CableEventMap>(type: K, detail: CableEventMap[K]) =>
      listeners[type]?.forEach((fn) => {
        try {
          fn(detail as never);
        } catch (e) {
          // A throwing listener must not break the protocol state machine; report it unhandled.
          queueMicrotask(() => {
            throw e;
          });
        }
      });
    const online = () => w.navigator?.onLine !== false;
    /** Without a state: the waiting one, 'offline', 'reconnecting' or 'connecting'. */
    const set = (state: ConnectionState = !online() ? 'offline' : opened ? 'reconnecting' : 'connecting') => {
      const previous = self.state;
      if (state != previous) {
        self.state = state;
        emit('state', {state, previous});
      }
    };
    /** Clears timer slot `k`, then arms it when given a callback. */
    const arm = (k: number, fn?: () => void, ms?: number) => {
      clearTimeout(timers[k]);
      if (fn && !stopped) timers[k] = setTimeout(fn, ms);
    };
    const stop = () => timers.forEach(clearTimeout);
    const send = (command: string, data?: string) => ws!.send(json({command, identifier: id, data})) as undefined;
    // The message is the code unless there is more to say.
    const fail = (code: CableError['code'], fatal?: boolean, message: string = code) => {
      if (fatal) {
        stopped = 1;
        set('error');
      }
      emit('error', {code, message, fatal: !!fatal});
    };
    /** Moves on to the next socket: abandons the current one, or opens the gate now / after backoff. */
    const drop = () => {
      if (!go) return ws?.reconnect();
      arm(RETRY);
      if (stopped || !online()) return;
      if (attempts < 0) {
        attempts = 0;
        go();
      } else arm(RETRY, go, backoff(attempts++, o.random));
    };
    /** Opens the next socket without backoff, and backs off from scratch after it (resumes after a fatal error too). */
    const kick = () => {
      stopped = 0;
      attempts = -1;
      set();
      drop();
    };
    /** Any frame is a sign of life. */
    const alive = () => {
      seen = Date.now();
      arm(STALE, drop, STALE_MS);
    };
    const beat = () => {
      self.perform('update_presence');
      arm(BEAT, beat, beatMs);
    };
    // One listener for the page's signals. Going offline drops the socket and waits for 'online'
    // (kick() sees the browser offline); coming online reconnects at once unless subscribed.
    // Hidden tabs throttle timers, so on becoming visible an open socket silent for longer than
    // STALE_MS is dead even if the stale timer has not fired yet (a pending backoff is left alone).
    const wake = (e: Event) => {
      if (
        !stopped &&
        (e.type[0] == 'v' ? !w.document!.hidden && ws!.readyState == 1 && Date.now() - seen > STALE_MS : !online() || self.state != 'connected')
      )
        kick();
    };

    return self;
  }
}

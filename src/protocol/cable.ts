// The ActionCable v1 JSON client for Akece's RoomChannel (shared/protocol/README.md §2): welcome,
// subscribe, confirm, presence heartbeat, and what to do when any of it goes wrong. The socket is a
// Transport (transport.ts), liveness and reconnect timing are the monitor's (monitor.ts), frames
// are decoded and checked in decode.ts, and the channel's wire format is channel.ts's.
import {CONFIRM_TIMEOUT_MS, DEFAULT_PRESENCE_INTERVAL_S, FrameType, MIN_PRESENCE_INTERVAL_S, PRESENCE_ACTION, STALE_AFTER_MS} from './constants.js';
import {RoomChannel} from './channel.js';
import {parseFrame, type Frame} from './decode.js';
import {CableError, ServerDisconnectError, SocketError, SubscriptionRejectedError, SubscriptionTimeoutError} from './errors.js';
import {ConnectionMonitor, type CableEnvironment, type MonitoredConnection} from './monitor.js';
import {Timer} from './timer.js';
import {WebSocketTransport, type Transport, type TransportFactory, type TransportHandlers} from './transport.js';
import type {AkeceEvent} from './payloads.js';

// Moved out of this file; exported here too, so existing imports keep working.
export {decodeEvent, parse} from './decode.js';
export {CableError, type CableErrorCode} from './errors.js';
export type {CableEnvironment} from './monitor.js';

/** Connection states of the contract (`connectionState`); 'connected' means subscribed. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'error';

export interface CableOptions {
  /** ActionCable endpoint, e.g. `wss://dash.akece.com/cable`. */
  url: string;
  /** The contact's token; the subscription's identifier carries it. */
  pubsubToken: string;
  /** Seconds between `update_presence` heartbeats (default 30, at least 1). */
  presenceInterval?: number;
  /** WebSocket constructor (default `globalThis.WebSocket`; `ws` in Node). */
  WebSocket?: unknown;
  /** The page whose online/offline and visibility signals the cable follows (default `globalThis`). */
  environment?: CableEnvironment;
  /** Jitter source for backoff (default Math.random). */
  random?: () => number;
  /** Builds the transport instead of a WebSocketTransport over `url` and `WebSocket` (tests). */
  transport?: TransportFactory;
}

/** The cable's events and what each one carries. */
export interface CableEventMap {
  /** Every change of `state`. */
  state: {state: ConnectionState; previous: ConnectionState};
  /** A decoded, checked socket event for this contact. */
  event: AkeceEvent;
  /** Every confirm_subscription; `resumed` is false only for the first one. */
  subscribed: {resumed: boolean};
  /** Something went wrong; `fatal` ones leave the cable in state 'error' until `reconnect()`. */
  error: CableError;
}

type Listener<Type extends keyof CableEventMap> = (detail: CableEventMap[Type]) => void;
type ListenerSets = {[Type in keyof CableEventMap]: Set<Listener<Type>>};

/** The heartbeat period: NaN (or none) falls back to the default, anything else is at least the minimum. */
function presenceIntervalMs(seconds: number | undefined): number {
  const atLeastMinimum = Math.max(seconds ?? NaN, MIN_PRESENCE_INTERVAL_S);
  return (Number.isNaN(atLeastMinimum) ? DEFAULT_PRESENCE_INTERVAL_S : atLeastMinimum) * 1000;
}

/**
 * One contact's RoomChannel subscription over a socket that is replaced whenever it is lost.
 *
 * States: 'idle' until `connect()`; 'connecting' until the first subscription is confirmed;
 * 'connected' while it is; 'reconnecting' between sockets after that; 'offline' while the browser
 * is; 'error' after a fatal error (a rejected subscription, a `reconnect: false` disconnect, no
 * WebSocket) until `reconnect()`.
 *
 * Each socket: open → `welcome` → the cable subscribes → `confirm_subscription` within 10 s →
 * heartbeat at once and every `presenceInterval`. Any frame is a sign of life; 6 s without one,
 * the socket is given up. A lost socket is replaced after a jittered backoff (monitor.ts).
 */
export class Cable {
  readonly #options: CableOptions;
  readonly #channel: RoomChannel;
  readonly #monitor: ConnectionMonitor;
  readonly #presenceIntervalMs: number;
  readonly #listeners: ListenerSets = {state: new Set(), event: new Set(), subscribed: new Set(), error: new Set()};
  /** Runs out when a subscribe has gone unanswered for CONFIRM_TIMEOUT_MS. */
  readonly #confirmTimer = new Timer();
  /** The next `update_presence`. */
  readonly #heartbeatTimer = new Timer();
  /** Everything `dispose()` undoes: timers, the monitor, the transport, the listeners. */
  readonly #disposers: (() => void)[] = [];
  #state: ConnectionState = 'idle';
  #droppedFrames = 0;
  #transport: Transport | undefined;
  /** A socket was asked for before: waiting between sockets is 'reconnecting', not 'connecting'. */
  #socketRequested = false;
  /** Confirmed subscriptions so far. */
  #confirmations = 0;
  /** A fatal error stopped the cable until `reconnect()`. */
  #stoppedByError = false;
  #disposed = false;

  constructor(options: CableOptions) {
    this.#options = options;
    this.#channel = new RoomChannel(options.pubsubToken);
    this.#presenceIntervalMs = presenceIntervalMs(options.presenceInterval);
    this.#monitor = new ConnectionMonitor(this.#monitoredConnection(), {environment: options.environment ?? globalThis, random: options.random ?? Math.random});
    this.#disposers.push(
      () => this.#confirmTimer.cancel(),
      () => this.#heartbeatTimer.cancel(),
      () => this.#monitor.dispose(),
      () => Object.values(this.#listeners).forEach((listeners) => listeners.clear())
    );
  }

  /** 'idle' until connect(); 'connected' once the subscription is confirmed. */
  get state(): ConnectionState {
    return this.#state;
  }

  /** Frames dropped as malformed, unknown, or for another identifier. */
  get droppedFrames(): number {
    return this.#droppedFrames;
  }

  /** Stopped by a fatal error, or disposed: no timer starts. */
  get #halted(): boolean {
    return this.#stoppedByError || this.#disposed;
  }

  /** Opens the socket and subscribes (idempotent; nothing after dispose()). */
  connect(): void {
    if (this.#transport || this.#disposed) return;
    this.#setState(this.#waitingState());
    let transport: Transport;
    try {
      transport = this.#createTransport();
    } catch {
      // WebSocketTransport throws when there is no WebSocket constructor to use.
      this.#fail(new SocketError(true));
      return;
    }
    this.#transport = transport;
    this.#disposers.push(() => transport.close());
    this.#monitor.watch();
  }

  /** Sends a channel action; `data` is JSON-encoded as ActionCable requires. False unless subscribed. */
  perform(action: string, data?: Record<string, unknown>): boolean {
    if (this.#state != 'connected' || !this.#transport) return false;
    this.#transport.send(this.#channel.performCommand(action, data));
    return true;
  }

  /** Subscribes to a cable event; returns the unsubscriber. */
  on<Type extends keyof CableEventMap>(type: Type, listener: Listener<Type>): () => void {
    const listeners: Set<Listener<Type>> = this.#listeners[type];
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }

  /** Drops the socket and reconnects now, also after a fatal error; connects if never connected. */
  reconnect(): void {
    if (this.#transport) this.#reconnectNow();
    else this.connect();
  }

  /** Closes the socket and removes every listener and timer. Final: connect() does nothing afterwards. */
  dispose(): void {
    this.#disposed = true;
    // Silently: nobody is listening any more.
    this.#state = 'idle';
    this.#transport = undefined;
    for (const dispose of this.#disposers.splice(0)) dispose();
  }

  /** Replaces the socket now, resuming after a fatal error too, and backs off from scratch after it. */
  #reconnectNow(): void {
    this.#stoppedByError = false;
    this.#monitor.resetBackoff();
    this.#setState(this.#waitingState());
    this.#moveOn();
  }

  /** What the monitor may ask of the cable. */
  #monitoredConnection(): MonitoredConnection {
    return {
      isHalted: () => this.#halted,
      isSubscribed: () => this.#state == 'connected',
      isSocketOpen: () => this.#transport?.isOpen ?? false,
      dropSocket: () => this.#moveOn(),
      reconnectNow: () => this.#reconnectNow(),
    };
  }

  #createTransport(): Transport {
    const handlers: TransportHandlers = {
      onWaiting: () => this.#moveOn(),
      onOpen: () => this.#monitor.signOfLife(),
      onMessage: (data) => this.#handleMessage(data),
      onClose: () => this.#handleClose(),
      onError: () => this.#fail(new SocketError()),
    };
    if (this.#options.transport) return this.#options.transport(handlers);
    // A handshake gets as long as an open socket may stay silent.
    return new WebSocketTransport({url: this.#options.url, WebSocket: this.#options.WebSocket, handshakeTimeoutMs: STALE_AFTER_MS}, handlers);
  }

  /**
   * Moves on to the next socket. With a socket (or an attempt) in hand, gives it up: the transport
   * closes it and then waits for the go-ahead, which brings us back here. While the transport
   * waits, the monitor gives the go-ahead at once or after the backoff (never while stopped or offline).
   */
  #moveOn(): void {
    const transport = this.#transport;
    if (!transport) return;
    if (!transport.waiting) {
      transport.restart();
      return;
    }
    this.#monitor.scheduleRetry(() => {
      this.#socketRequested = true;
      transport.proceed();
    });
  }

  #handleMessage(data: unknown): void {
    // Any frame is a sign of life, even one we cannot read.
    this.#monitor.signOfLife();
    const frame = parseFrame(data);
    if (!frame || !this.#handleFrame(frame)) this.#droppedFrames++;
  }

  /** Acts on a frame; false when it is not for us or not understood (it is then counted as dropped). */
  #handleFrame(frame: Frame): boolean {
    switch (frame.type) {
      case FrameType.ping:
        return true;
      case FrameType.welcome:
        this.#handleWelcome();
        return true;
      case FrameType.disconnect:
        if (frame.reconnect === false) this.#fail(new ServerDisconnectError(String(frame.reason)));
        this.#moveOn();
        return true;
      case FrameType.confirm:
        if (!this.#channel.owns(frame)) return false;
        this.#handleConfirm();
        return true;
      case FrameType.reject:
        if (!this.#channel.owns(frame)) return false;
        this.#fail(new SubscriptionRejectedError());
        this.#moveOn();
        return true;
      default: {
        const event = this.#channel.decode(frame);
        if (!event) return false;
        this.#emit('event', event);
        return true;
      }
    }
  }

  /** A new connection: ActionCable forgets subscriptions with the connection, so subscribe (again). */
  #handleWelcome(): void {
    this.#transport?.send(this.#channel.subscribeCommand());
    // A repeated welcome restarts the wait, and no heartbeat runs until the confirmation.
    this.#heartbeatTimer.cancel();
    this.#startTimer(this.#confirmTimer, () => this.#handleConfirmTimeout(), CONFIRM_TIMEOUT_MS);
  }

  #handleConfirmTimeout(): void {
    this.#fail(new SubscriptionTimeoutError());
    // Subscribing again on this socket is a no-op on the server, so take a new one.
    this.#moveOn();
  }

  #handleConfirm(): void {
    this.#confirmTimer.cancel();
    this.#monitor.recordSuccess();
    this.#setState('connected');
    // Right away: the presence.update sent on subscribe is often lost (README §2.5).
    this.#sendHeartbeat();
    this.#emit('subscribed', {resumed: this.#confirmations++ > 0});
  }

  #sendHeartbeat(): void {
    this.perform(PRESENCE_ACTION);
    this.#startTimer(this.#heartbeatTimer, () => this.#sendHeartbeat(), this.#presenceIntervalMs);
  }

  #handleClose(): void {
    this.#stopTimers();
    if (!this.#halted) this.#setState(this.#waitingState());
  }

  /** Reports an error; a fatal one stops the cable (state 'error') until reconnect(). */
  #fail(error: CableError): void {
    if (error.fatal) {
      this.#stoppedByError = true;
      this.#setState('error');
    }
    this.#emit('error', error);
  }

  /** The state while no subscription is live: 'offline', else 'reconnecting' or 'connecting'. */
  #waitingState(): ConnectionState {
    if (!this.#monitor.online) return 'offline';
    return this.#socketRequested ? 'reconnecting' : 'connecting';
  }

  #setState(state: ConnectionState): void {
    const previous = this.#state;
    if (state == previous) return;
    this.#state = state;
    this.#emit('state', {state, previous});
  }

  /** Starts one of the cable's own timers, unless stopped. */
  #startTimer(timer: Timer, callback: () => void, ms: number): void {
    timer.cancel();
    if (!this.#halted) timer.start(callback, ms);
  }

  #stopTimers(): void {
    this.#confirmTimer.cancel();
    this.#heartbeatTimer.cancel();
    this.#monitor.stopTimers();
  }

  #emit<Type extends keyof CableEventMap>(type: Type, detail: CableEventMap[Type]): void {
    const listeners: Set<Listener<Type>> = this.#listeners[type];
    for (const listener of listeners) {
      try {
        listener(detail);
      } catch (error) {
        // A throwing listener must not break the state machine; report it as unhandled instead.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

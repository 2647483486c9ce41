// Keeping a connection alive, in the manner of Rails' connection_monitor.js and anycable-client's
// monitor: a socket that goes quiet is declared dead, a lost one is replaced after a jittered
// backoff, and the browser's own signals (online, offline, a tab becoming visible) cut waits short.
import {STALE_AFTER_MS} from './constants.js';
import {Timer} from './timer.js';
import {Deadline} from '../utils/deadline.js';
import {backoff} from '../utils/backoff.js';

/** Something that can carry event listeners (window, document, or a test's stand-in). */
export interface ListenerTarget {
  addEventListener?(type: string, listener: (event: Event) => void, options: AddEventListenerOptions): void;
}

/**
 * The page whose signals the cable follows (default `globalThis`): `online`/`offline` on it,
 * `visibilitychange` on its document. Every part is optional, so `{}` (or a bare EventTarget)
 * serves in Node: always online and visible.
 */
export interface CableEnvironment extends ListenerTarget {
  navigator?: {onLine: boolean};
  document?: ListenerTarget & {hidden: boolean};
}

/** What the monitor watches over: the cable. */
export interface MonitoredConnection {
  /** Stopped (a fatal error, until `reconnect()`, or disposed): no timer starts, no signal acts. */
  isHalted(): boolean;
  /** Subscribed: state 'connected'. */
  isSubscribed(): boolean;
  /** A socket is open (it may be waiting for its welcome or confirmation). */
  isSocketOpen(): boolean;
  /** Gives up the current socket; the next one comes after the backoff. */
  dropSocket(): void;
  /** Replaces the socket now, and backs off from scratch after that. */
  reconnectNow(): void;
}

export interface MonitorOptions {
  environment: CableEnvironment;
  /** The jitter source of the backoff (Math.random unless a test pins it). */
  random: () => number;
}

/** Staleness, backoff and browser triggers for one connection. */
export class ConnectionMonitor {
  readonly #connection: MonitoredConnection;
  readonly #environment: CableEnvironment;
  readonly #random: () => number;
  /** Runs out when the open socket has said nothing for STALE_AFTER_MS (pushed back by every frame). */
  readonly #staleCountdown = new Deadline(() => {
    if (!this.#connection.isHalted()) this.#connection.dropSocket();
  });
  /** The backoff before the next socket. */
  readonly #retryTimer = new Timer();
  /** Everything `dispose()` undoes: page listeners and timers. */
  readonly #disposers: (() => void)[] = [];
  /** When the last frame arrived (or the socket opened). */
  #lastSignOfLife = 0;
  /** Retries since the last confirmed subscription, the backoff's exponent; -1: the next goes at once. */
  #retries = -1;

  constructor(connection: MonitoredConnection, options: MonitorOptions) {
    this.#connection = connection;
    this.#environment = options.environment;
    this.#random = options.random;
    this.#disposers.push(
      () => this.#staleCountdown.cancel(),
      () => this.#retryTimer.cancel()
    );
  }

  /** The browser's opinion; true where there is no navigator. */
  get online(): boolean {
    return this.#environment.navigator?.onLine !== false;
  }

  /** The open socket has been silent for longer than a live server allows. */
  get stale(): boolean {
    return Date.now() - this.#lastSignOfLife > STALE_AFTER_MS;
  }

  /** Any frame (pings included) or the socket opening: restarts the stale countdown. */
  signOfLife(): void {
    this.#lastSignOfLife = Date.now();
    if (this.#connection.isHalted()) this.#staleCountdown.cancel();
    else this.#staleCountdown.setFromNow(STALE_AFTER_MS);
  }

  /**
   * Opens the next socket through `open`: at once for the first one after a reset, else after the
   * jittered backoff, which grows with every retry. Nothing while halted or offline: `online`
   * or `reconnect()` resumes.
   */
  scheduleRetry(open: () => void): void {
    this.#retryTimer.cancel();
    if (this.#connection.isHalted() || !this.online) return;
    if (this.#retries < 0) {
      this.#retries = 0;
      open();
    } else {
      this.#retryTimer.start(open, backoff(this.#retries++, this.#random));
    }
  }

  /** A subscription was confirmed: the next loss backs off from the first step again. */
  recordSuccess(): void {
    this.#retries = 0;
  }

  /** The next socket opens without waiting (connect(), reconnect(), the browser's signals). */
  resetBackoff(): void {
    this.#retries = -1;
  }

  /** The socket closed: nothing to watch until the next one, no retry pending. */
  stopTimers(): void {
    this.#staleCountdown.cancel();
    this.#retryTimer.cancel();
  }

  /** Starts following the page's online/offline and visibility signals (call once). */
  watch(): void {
    const listeners = new AbortController();
    const options = {signal: listeners.signal};
    this.#environment.addEventListener?.('online', this.#handleNetworkChange, options);
    this.#environment.addEventListener?.('offline', this.#handleNetworkChange, options);
    this.#environment.document?.addEventListener?.('visibilitychange', this.#handleVisibilityChange, options);
    this.#disposers.push(() => listeners.abort());
  }

  /** Removes every listener and timer. */
  dispose(): void {
    for (const dispose of this.#disposers.splice(0)) dispose();
  }

  /**
   * Going offline drops the socket and waits for 'online' (the cable sees the browser offline and
   * opens nothing); coming online reconnects at once unless subscribed (a pending backoff is cut short).
   */
  readonly #handleNetworkChange = (): void => {
    if (this.#connection.isHalted()) return;
    if (!this.online || !this.#connection.isSubscribed()) this.#connection.reconnectNow();
  };

  /**
   * Hidden tabs throttle timers, so on becoming visible an open socket silent for longer than
   * STALE_AFTER_MS is dead even if the stale timer has not fired yet. A pending backoff is left alone.
   */
  readonly #handleVisibilityChange = (): void => {
    if (this.#connection.isHalted() || this.#environment.document?.hidden) return;
    if (this.#connection.isSocketOpen() && this.stale) this.#connection.reconnectNow();
  };
}

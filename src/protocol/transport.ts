// The socket under the cable. The cable talks to a Transport; WebSocketTransport is the real one
// (over reconnecting-websocket), testing.ts's FakeTransport the double.
import ReconnectingWebSocket, {type Options as ReconnectingWebSocketOptions} from 'reconnecting-websocket';
import {SUB_PROTOCOL} from './constants.js';

/** What a transport tells its owner. Never called during the call that creates the transport. */
export interface TransportHandlers {
  /**
   * The transport is ready to open its next socket (the first, or the one after a close) and waits
   * for `proceed()`. The owner decides when: at once, after a backoff, once back online, or never
   * (which is how it stops for good).
   */
  onWaiting(): void;
  /** The socket opened. */
  onOpen(): void;
  /**
   * A message arrived: its raw data, not yet trusted in any way. Messages come in the order they
   * arrived, all of them before the `onClose` of their socket; not necessarily in the task in
   * which the socket received them (WebSocketTransport hands over those of a burst together in a
   * task of their own).
   */
  onMessage(data: unknown): void;
  /** The socket closed, or failed to open; `onWaiting` follows. */
  onClose(): void;
  /** The socket reported an error (after its `onClose`). */
  onError(): void;
}

/** A socket that is replaced when it closes, on its owner's say-so. */
export interface Transport {
  /** True while waiting for `proceed()` (between `onWaiting` and the next socket). */
  readonly waiting: boolean;
  /** True while the current socket is open and can send. */
  readonly isOpen: boolean;
  /** Lets a waiting transport open its next socket; nothing when it is not waiting. */
  proceed(): void;
  /** Sends text on the open socket; text sent while none is open is dropped. */
  send(text: string): void;
  /** Gives up the current socket (or connection attempt); the transport then waits again. */
  restart(): void;
  /** Closes for good: no handler is called afterwards. */
  close(): void;
}

/** Builds the transport a cable uses (tests pass one that builds a FakeTransport). */
export type TransportFactory = (handlers: TransportHandlers) => Transport;

export interface WebSocketTransportOptions {
  /** The ActionCable endpoint, e.g. `wss://dash.akece.com/cable`. */
  url: string;
  /** WebSocket constructor (default `globalThis.WebSocket`; `ws` in Node). */
  WebSocket?: unknown;
  /** How long a socket may take to open before it counts as failed. */
  handshakeTimeoutMs: number;
}

/**
 * The real transport: a WebSocket offering `actioncable-v1-json`, through reconnecting-websocket.
 *
 * What reconnecting-websocket does here is its plumbing: it builds each socket from the injected
 * constructor, times out a handshake that hangs (`connectionTimeout`), moves its handlers from
 * one socket to the next, and closes the old socket on `reconnect()`.
 *
 * What it does not do is decide when to reconnect, for two reasons:
 * - Its delays grow without jitter (`minReconnectionDelay * reconnectionDelayGrowFactor^n`), so
 *   every client that lost the same server would come back in the same millisecond. The cable's
 *   monitor waits a jittered backoff instead (utils/backoff.ts).
 * - It cannot stop retrying cleanly: `close()` during its wait before a retry leaves it unable to
 *   reconnect later, and the cable must stop (after a rejected subscription, a `reconnect: false`
 *   disconnect, or while offline) and still resume on `reconnect()` or `online`.
 * So its delays are pinned to 0 and its URL provider is a gate: a promise that resolves only when
 * the owner calls `proceed()`. A gate that never opens is how the cable stops.
 *
 * The messages of a burst are handed over together, in a task of their own (see ArrivedMessages).
 */
export class WebSocketTransport implements Transport {
  readonly #url: string;
  readonly #socket: ReconnectingWebSocket;
  readonly #arrived: ArrivedMessages;
  /** Opens the pending gate: set while reconnecting-websocket waits for our go-ahead. */
  #openGate: (() => void) | undefined;
  #closed = false;

  /** Throws when there is no WebSocket constructor to use. */
  constructor(options: WebSocketTransportOptions, handlers: TransportHandlers) {
    this.#url = options.url;
    const socketOptions: ReconnectingWebSocketOptions = {
      WebSocket: options.WebSocket,
      connectionTimeout: options.handshakeTimeoutMs,
      // Our backoff decides when the next socket opens (through the gate); its own waits are 0.
      minReconnectionDelay: 0,
      maxReconnectionDelay: 0,
      // Never give up on its own: stopping is the gate's job.
      maxRetries: Infinity,
      // A frame sent while no socket is open would reach the next socket before its subscribe,
      // where the server ignores it (README §2.3): drop it instead of queueing it.
      maxEnqueuedMessages: 0,
    };
    this.#socket = new ReconnectingWebSocket(() => this.#nextUrl(handlers), SUB_PROTOCOL, socketOptions);
    const arrived = (this.#arrived = new ArrivedMessages((data) => handlers.onMessage(data)));
    this.#socket.onopen = () => handlers.onOpen();
    this.#socket.onmessage = (message) => arrived.add(message.data);
    this.#socket.onclose = () => {
      arrived.handOver(); // what the socket said before it closed comes first
      handlers.onClose();
    };
    this.#socket.onerror = () => handlers.onError();
  }

  get waiting(): boolean {
    return this.#openGate !== undefined;
  }

  get isOpen(): boolean {
    return this.#socket.readyState === ReconnectingWebSocket.OPEN;
  }

  proceed(): void {
    this.#openGate?.();
  }

  send(text: string): void {
    this.#socket.send(text);
  }

  restart(): void {
    // What the old socket said after the owner gave it up is not read (as if it had closed then).
    this.#arrived.drop();
    this.#socket.reconnect();
  }

  close(): void {
    this.#closed = true;
    this.#openGate = undefined;
    this.#socket.onopen = this.#socket.onmessage = this.#socket.onclose = this.#socket.onerror = null;
    this.#socket.close();
    this.#arrived.dispose();
  }

  /** reconnecting-websocket's URL provider: a gate that resolves when the owner says so. */
  #nextUrl(handlers: TransportHandlers): Promise<string> {
    return new Promise((resolve) => {
      // After close() the gate stays shut, and nobody is told.
      if (this.#closed) return;
      this.#openGate = () => {
        this.#openGate = undefined;
        resolve(this.#url);
      };
      handlers.onWaiting();
    });
  }
}

/**
 * Messages taken in from the socket and handed to their reader: the first at once, and those that
 * arrive while it is read and until the task after it (a burst) together, in that task, in order.
 *
 * The browser runs each WebSocket message in a task of its own, one after another. Reading each
 * frame of a burst in its own task (decoding it, merging the message, telling the page) held the
 * next ones back: a burst of 1,000 messages took the widget 1.7× as long as a bare socket that
 * only appends each message, and 1.4× read this way (bench/burst.mjs, back-to-back runs). A message that comes alone (a reply, or the
 * 50 a second of the latency benchmark) is still read in its own task: put off to a later one,
 * it could miss the frame being drawn, which the browser may run first.
 *
 * The later task is a posted message, not a timer: a hidden tab's timers run once a second at
 * most, and its visitor would hear of a reply that late.
 */
class ArrivedMessages {
  readonly #read: (data: unknown) => void;
  readonly #channel = new MessageChannel();
  #messages: unknown[] = [];
  /** The next of `#messages` to read (a reader may hand over again from within, on a close). */
  #cursor = 0;
  /** The task that reads what arrives meanwhile is on its way. */
  #batching = false;

  constructor(read: (data: unknown) => void) {
    this.#read = read;
    this.#channel.port1.onmessage = () => {
      this.#batching = false;
      this.handOver();
    };
    // (in Node, an open port would keep the process running; the socket does that while it is needed)
    unref(this.#channel.port1);
  }

  add(data: unknown): void {
    if (this.#batching) {
      this.#messages.push(data);
      return;
    }
    // Read at once; what arrives before the next task waits for it.
    this.#batching = true;
    this.#channel.port2.postMessage(null);
    this.#read(data);
  }

  /**
   * Hands over the messages that arrived, oldest first (at once: before the socket's close, say).
   * One at a time, from a cursor: a reader may restart or close the transport while it reads one
   * (which drops the rest), and the socket's close hands over again from within.
   */
  handOver(): void {
    while (this.#cursor < this.#messages.length) {
      const data = this.#messages[this.#cursor++];
      try {
        this.#read(data);
      } catch (error) {
        // As if each had had its task: a reader that throws on one loses none of the others.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    this.drop();
  }

  /** Forgets the messages not yet handed over (their socket was given up). */
  drop(): void {
    this.#messages = [];
    this.#cursor = 0;
  }

  /** Drops the messages not yet handed over; none is handed over any more. */
  dispose(): void {
    this.drop();
    this.#channel.port1.onmessage = null;
    this.#channel.port1.close();
    this.#channel.port2.close();
  }
}

/** Node's ports keep the process alive unless unreferenced (browsers have no such method). */
function unref(port: MessagePort): void {
  (port as MessagePort & {unref?(): void}).unref?.();
}

// One WebSocket per browser for a contact, however many tabs show the widget (contract §10,
// "Several tabs"). The tabs of a contact queue for one Web Lock: the tab holding it leads (it
// opens the one real cable and repeats everything it hears on a BroadcastChannel); the others
// follow (they hear the leader's state, events, subscriptions and errors as if from their own
// socket). When the leader's tab closes, the browser hands the lock to the next tab at once; it
// opens a socket and reports its first subscription as resumed, so that every tab backfills
// what arrived in between: nothing is lost, and merging by id shows nothing twice.
//
// Both are the page's own APIs, so this works from a CDN's script too (a SharedWorker would
// have to be same-origin with the page). Where either is missing, each tab keeps its own socket.
import type {CableLike, CableLikeEvents} from '../state/chat-session.js';
import type {ConnectionState} from '../state/model.js';

export type CableOptions = Parameters<TabCableFactory>[0];
type TabCableFactory = (options: {url: string; pubsubToken: string; presenceInterval: number}) => CableLike;

/** What the tabs of one contact say to each other. */
type TabMessage =
  /** A tab began to follow: the leader answers it (`to`) with its state. */
  | {kind: 'hello'; from: string}
  /** A follower asks the leader to reconnect (the session found the subscription unanswered). */
  | {kind: 'reconnect'}
  | {kind: 'state'; state: ConnectionState; to?: string}
  | {kind: 'event'; event: CableLikeEvents['event']}
  | {kind: 'subscribed'; resumed: boolean; to?: string}
  | {kind: 'error'; error: CableLikeEvents['error']};

type Listeners = {[Type in keyof CableLikeEvents]: Set<(detail: CableLikeEvents[Type]) => void>};

/** The page has what sharing needs. */
export const canShareAcrossTabs = () => typeof BroadcastChannel == 'function' && typeof navigator.locks?.request == 'function';

/** The name of a contact's lock and channel: one per socket URL and contact. */
export const tabsName = ({url, pubsubToken}: {url: string; pubsubToken: string}) => `akece-chat:tabs:${url}:${pubsubToken}`;

/**
 * A CableLike for the session that leads or follows the other tabs of the same contact. Made
 * for the session by `createCable`; `createCable` of its own makes the real cable when this tab
 * leads.
 */
export class TabCable implements CableLike {
  #state: ConnectionState = 'idle';
  readonly #listeners: Listeners = {state: new Set(), event: new Set(), subscribed: new Set(), error: new Set()};
  readonly #name: string;
  /** This tab, for the answer to its hello. */
  readonly #id = Math.random().toString(36).slice(2);
  #channel: BroadcastChannel | null = null;
  /** The real cable while this tab leads. */
  #leading: CableLike | null = null;
  /** Ends this tab's hold of the lock. */
  #stopLeading: (() => void) | null = null;
  /** Cancels the lock request of a tab still waiting to lead. */
  readonly #abort = new AbortController();
  /** This tab followed a leader: when it takes over, the first subscription is a resumption. */
  #followed = false;
  #disposed = false;

  constructor(
    private readonly options: CableOptions,
    private readonly createCable: TabCableFactory
  ) {
    this.#name = tabsName(options);
  }

  get state(): ConnectionState {
    return this.#state;
  }

  /** Leads this browser's tabs of this contact (now or when the lock comes), following meanwhile. */
  get leading(): boolean {
    return this.#leading != null;
  }

  connect(): void {
    if (this.#channel || this.#disposed) return;
    const channel = (this.#channel = new BroadcastChannel(this.#name));
    channel.onmessage = (event: MessageEvent<TabMessage>) => this.#hear(event.data);
    this.#setState('connecting');
    this.#post({kind: 'hello', from: this.#id});
    navigator.locks.request(this.#name, {signal: this.#abort.signal}, () => this.#lead()).catch(() => {}); // aborted by dispose()
  }

  perform(action: string, data?: Record<string, unknown>): boolean {
    return this.#leading?.perform(action, data) ?? false;
  }

  reconnect(): void {
    if (this.#leading) this.#leading.reconnect();
    else this.#post({kind: 'reconnect'});
  }

  on<Type extends keyof CableLikeEvents>(type: Type, listener: (detail: CableLikeEvents[Type]) => void): () => void {
    const listeners = this.#listeners[type] as Set<typeof listener>;
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#abort.abort();
    this.#leading?.dispose();
    this.#leading = null;
    this.#stopLeading?.(); // the next tab in the queue leads
    this.#channel?.close();
    for (const listeners of Object.values(this.#listeners)) listeners.clear();
  }

  /** This tab holds the lock: it opens the one socket and speaks for every tab until disposed. */
  #lead(): Promise<void> {
    if (this.#disposed) return Promise.resolve();
    const cable = (this.#leading = this.createCable(this.options));
    let takingOver = this.#followed;
    cable.on('state', ({state}) => {
      this.#setState(state);
      this.#post({kind: 'state', state});
    });
    cable.on('event', (event) => {
      this.#emit('event', event);
      this.#post({kind: 'event', event});
    });
    cable.on('subscribed', ({resumed}) => {
      const subscription = {resumed: resumed || takingOver};
      takingOver = false;
      this.#emit('subscribed', subscription);
      this.#post({kind: 'subscribed', ...subscription});
    });
    cable.on('error', (error) => {
      this.#emit('error', error);
      this.#post({kind: 'error', error});
    });
    cable.connect();
    return new Promise((resolve) => (this.#stopLeading = resolve));
  }

  #hear(message: TabMessage) {
    if (this.#leading) {
      if (message.kind == 'hello') {
        const to = message.from;
        this.#post({kind: 'state', state: this.#state, to});
        if (this.#state == 'connected') this.#post({kind: 'subscribed', resumed: false, to});
      } else if (message.kind == 'reconnect') {
        this.#leading.reconnect();
      }
      return;
    }
    if ('to' in message && message.to != null && message.to != this.#id) return; // another tab's answer
    this.#followed = true;
    switch (message.kind) {
      case 'state':
        this.#setState(message.state);
        break;
      case 'event':
        this.#emit('event', message.event);
        break;
      case 'subscribed':
        this.#emit('subscribed', {resumed: message.resumed});
        break;
      case 'error':
        this.#emit('error', message.error);
        break;
    }
  }

  #setState(state: ConnectionState) {
    const previous = this.#state;
    if (state == previous) return;
    this.#state = state;
    this.#emit('state', {state, previous});
  }

  #emit<Type extends keyof CableLikeEvents>(type: Type, detail: CableLikeEvents[Type]) {
    for (const listener of [...(this.#listeners[type] as Set<(detail: CableLikeEvents[Type]) => void>)]) listener(detail);
  }

  #post(message: TabMessage) {
    this.#channel?.postMessage(message);
  }
}

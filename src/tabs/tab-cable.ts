// One WebSocket per browser for a contact, however many tabs show the widget (contract §10,
// "Several tabs"). The tabs of a contact queue for one Web Lock: the tab holding it leads (it
// opens the one real cable and repeats everything it hears on a BroadcastChannel); the others
// follow (they hear the leader's state, events, subscriptions and errors as if from their own
// socket). When the leader's tab closes, the browser hands the lock to the next tab at once; when
// it freezes or hangs, another tab takes the lead within 2 s (src/tabs/tab-lead.ts), and the old
// leader closes its socket as soon as it runs again. The new leader opens a socket and reports
// its first subscription as resumed, and so does a tab that stops leading or wakes from a freeze,
// so that every tab backfills what arrived in between: nothing is lost, and merging by id shows
// nothing twice.
//
// A message on a BroadcastChannel can be lost: Chromium drops one posted just before a page of the
// same process opens a window (window.open, a link to a new tab), so a follower whose hello went
// that way never learned the leader's state and stayed 'connecting'. A follower therefore says
// hello again until it hears the answer, which comes as one message (state and subscription).
// The leader numbers the events it repeats, and after a burst of them says the last number once
// more (a mark, at most every BEAT_MS): a follower that finds a number missing backfills, as after
// a reconnect, so a lost event is fetched within half a second.
//
// Both are the page's own APIs, so this works from a CDN's script too (a SharedWorker would
// have to be same-origin with the page). Where either is missing, each tab keeps its own socket.
import type {CableLike, CableLikeEvents} from '../state/chat-session.js';
import type {ConnectionState} from '../state/model.js';
import {BEAT_MS, TabLead, thisPage, type LeadPage} from './tab-lead.js';

export type CableOptions = Parameters<TabCableFactory>[0];
type TabCableFactory = (options: {url: string; pubsubToken: string; presenceInterval: number}) => CableLike;

/** What the tabs of one contact say to each other. */
type TabMessage =
  /** A tab began to follow: the leader answers it (`to`) with its state, and whether it is subscribed. */
  | {kind: 'hello'; from: string}
  /** A follower asks the leader to reconnect (the session found the subscription unanswered). */
  | {kind: 'reconnect'}
  | {kind: 'state'; state: ConnectionState; to?: string; subscribed?: boolean; numbered?: Numbered}
  | {kind: 'event'; event: CableLikeEvents['event']; numbered: Numbered}
  /** The number of the leader's last event, said again after events (a follower may have lost the last). */
  | {kind: 'mark'; numbered: Numbered}
  | {kind: 'subscribed'; resumed: boolean}
  | {kind: 'error'; error: CableLikeEvents['error']};

/** Which leader repeated an event (`from`), and its number among that leader's events. */
interface Numbered {
  from: string;
  count: number;
}

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
  /** Stops hearing the real cable (before it is disposed of: its last words are not this tab's). */
  #unhear: (() => void)[] = [];
  /** This tab's place in the queue for the lead. */
  #lead: TabLead | null = null;
  /** This tab followed a leader: when it takes over, the first subscription is a resumption. */
  #followed = false;
  /** This tab led, or was frozen: the next subscription it hears of is a resumption (it may have missed events). */
  #missed = false;
  /** Stops saying hello again: the leader answered, or this tab leads. */
  #stopGreeting: (() => void) | null = null;
  /** While leading: events repeated to the other tabs, and the count last marked. */
  #repeated = 0;
  #marked = 0;
  #stopMarking: (() => void) | null = null;
  /** While following: the last event number heard (from which leader). */
  #heard: Numbered | null = null;
  #disposed = false;

  constructor(
    private readonly options: CableOptions,
    private readonly createCable: TabCableFactory,
    /** Where the lead runs (a test hangs or freezes one tab of a page). */
    private readonly page?: LeadPage
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
    this.#greet();
    this.#lead = new TabLead(this.#name, {lead: () => this.#startLeading(), follow: () => this.#follow(), resumed: () => this.#follow()}, this.page);
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
    this.#stopGreeting?.();
    this.#dropCable();
    this.#lead?.dispose(); // the next tab in the queue leads
    this.#channel?.close();
    for (const listeners of Object.values(this.#listeners)) listeners.clear();
  }

  /** This tab holds the lock: it opens the one socket and speaks for every tab until it follows or is disposed. */
  #startLeading() {
    if (this.#disposed) return;
    this.#stopGreeting?.();
    this.#stopGreeting = null;
    const cable = (this.#leading = this.createCable(this.options));
    let takingOver = this.#followed || this.#missed;
    this.#missed = false;
    this.#unhear = [
      cable.on('state', ({state}) => {
        this.#setState(state);
        this.#post({kind: 'state', state});
      }),
      cable.on('event', (event) => {
        this.#emit('event', event);
        this.#post({kind: 'event', event, numbered: this.#numbered(++this.#repeated)});
      }),
      cable.on('subscribed', ({resumed}) => {
        const subscription = {resumed: resumed || takingOver};
        takingOver = false;
        this.#emit('subscribed', subscription);
        this.#post({kind: 'subscribed', ...subscription});
      }),
      cable.on('error', (error) => {
        this.#emit('error', error);
        this.#post({kind: 'error', error});
      }),
    ];
    this.#stopMarking = (this.page ?? thisPage).every(BEAT_MS, () => {
      if (this.#marked == this.#repeated) return; // nothing new: nothing said
      this.#marked = this.#repeated;
      this.#post({kind: 'mark', numbered: this.#numbered(this.#repeated)});
    });
    cable.connect();
  }

  #numbered(count: number): Numbered {
    return {from: this.#id, count};
  }

  /**
   * This tab leads no more (its page froze, or another tab took over while it hung), or it wakes
   * from a freeze: its socket closes, it asks the leader how things are, and backfills once it
   * hears of the subscription.
   */
  #follow() {
    if (this.#disposed) return;
    this.#dropCable();
    this.#missed = true;
    this.#heard = null;
    this.#greet();
  }

  /** Says hello now and every BEAT_MS until the leader's answer comes (a message can be lost). */
  #greet() {
    this.#post({kind: 'hello', from: this.#id});
    this.#stopGreeting ??= (this.page ?? thisPage).every(BEAT_MS, () => this.#post({kind: 'hello', from: this.#id}));
  }

  #dropCable() {
    this.#stopMarking?.();
    this.#stopMarking = null;
    for (const unhear of this.#unhear) unhear();
    this.#unhear = [];
    this.#leading?.dispose();
    this.#leading = null;
  }

  #hear(message: TabMessage) {
    if (this.#leading) {
      if (message.kind == 'hello') {
        this.#post({kind: 'state', state: this.#state, to: message.from, subscribed: this.#state == 'connected', numbered: this.#numbered(this.#repeated)});
      } else if (message.kind == 'reconnect') {
        this.#leading.reconnect();
      }
      return;
    }
    if ('to' in message && message.to != null && message.to != this.#id) return; // another tab's answer
    this.#followed = true;
    switch (message.kind) {
      case 'state':
        if (message.to != null) {
          // The answer to this tab's hello.
          this.#stopGreeting?.();
          this.#stopGreeting = null;
          // Events are counted from here: what came before, the subscription backfills.
          if (message.numbered) this.#heard = message.numbered;
        }
        this.#setState(message.state);
        if (message.subscribed) this.#subscribed(false);
        break;
      case 'event':
        this.#count(message.numbered, 1);
        this.#emit('event', message.event);
        break;
      case 'mark':
        this.#count(message.numbered, 0);
        break;
      case 'subscribed':
        this.#subscribed(message.resumed);
        break;
      case 'error':
        this.#emit('error', message.error);
        break;
    }
  }

  /**
   * Notes the number of an event (`step` 1) or a mark (`step` 0) from the leader; a number beyond
   * the next one means an event was lost on the way: backfill, as after a reconnect. (A new
   * leader's numbers start afresh; its subscription is a resumption, so it backfills anyway.)
   */
  #count(numbered: Numbered, step: 0 | 1) {
    const last = this.#heard;
    this.#heard = numbered;
    if (last?.from != numbered.from || numbered.count <= last.count + step) return;
    if (this.#state == 'connected') this.#emit('subscribed', {resumed: true});
  }

  #subscribed(resumed: boolean) {
    this.#emit('subscribed', {resumed: resumed || this.#missed});
    this.#missed = false;
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

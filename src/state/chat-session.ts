import {RestClient, type ContactBody} from '../api/client.js';
import {ApiError} from '../api/errors.js';
import type {AkeceEvent, WireConversation} from '../protocol/payloads.js';
import {createStore, type Store} from './store.js';
import {initialState, reduce, type ChatAction, type ChatError, type ChatPatch, type ChatState, type ContactRef} from './chat-state.js';
import {num, sender, status, str, toMessage} from './normalize.js';
import type {ConnectionState, Message, SubmittedAnswer, VisitorUser} from './model.js';

/** What the session needs from protocol/cable.ts's `Cable` (structural, so tests use a fake). */
export interface CableLike {
  readonly state: ConnectionState;
  connect(): void;
  perform(action: string, data?: Record<string, unknown>): boolean;
  on<K extends keyof CableLikeEvents>(type: K, listener: (d: CableLikeEvents[K]) => void): () => void;
  reconnect(): void;
  dispose(): void;
}

export interface CableLikeEvents {
  state: {state: ConnectionState; previous: ConnectionState};
  event: AkeceEvent;
  /** `resumed` is true when the socket came back after a drop: time to backfill. */
  subscribed: {resumed: boolean};
  error: {code: 'subscription-timeout' | 'subscription-rejected' | 'server-disconnect' | 'socket-error'; message: string; fatal: boolean};
}

/** localStorage / sessionStorage, or anything shaped like them. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SessionOptions {
  baseUrl: string;
  websocketUrl: string;
  inboxIdentifier?: string;
  /** With contactIdentifier: a contact created elsewhere (never written to storage). */
  pubsubToken?: string;
  contactIdentifier?: string;
  conversationId?: number;
  /** Where the contact and the outbox are kept; null writes nothing. */
  storage: StorageLike | null;
  /** Passed to createCable as given. */
  presenceInterval: number;
  createCable: (options: {url: string; pubsubToken: string; presenceInterval: number}) => CableLike;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (id: unknown) => void;
}

export interface SessionEvents {
  /** Once per message newly on the server and in the view, live (not history pages). */
  message: Message;
  error: ChatError;
}

/** One queued visitor message: echo id, content, local time, max server id in view then,
 * outcome unknown (the POST may have reached the server), failed for good (no auto-resend). */
interface Out {
  e: string;
  c: string;
  t: number;
  m: number;
  u?: boolean;
  x?: boolean;
  f?: readonly File[];
}

const PAGE = 20;
const noop = () => {};

/**
 * The chat's single stateful object: turns user intents, REST answers and cable events into store
 * actions. Quiet until needed: nothing is requested, stored or opened until a contact is known or
 * the visitor opens the panel or sends.
 */
export class ChatSession {
  readonly store: Store<ChatState, ChatAction> = createStore(reduce, initialState);
  private readonly api: RestClient;
  private readonly key: string;
  private readonly inbox?: string;
  private cable: CableLike | null = null;
  private offs: (() => void)[] = [];
  private timers = new Map<string, unknown>();
  private queue: Out[] = [];
  private waits = new Map<string, [(m: Message) => void, (e: unknown) => void]>();
  private subs = new Map<string, Set<(d: never) => void>>();
  private user: ContactBody = {};
  private given: ContactRef | null;
  private own = false;
  private fresh = false;
  private ready: Promise<void> | null = null;
  private creating: Promise<number> | null = null;
  private sending: Promise<void> | null = null;
  private again = false;
  private typing = false;
  private misses = 0;
  private seq = 0;
  private started = false;
  private ctl = new AbortController();

  constructor(private readonly o: SessionOptions) {
    this.api = new RestClient({baseUrl: o.baseUrl, inboxIdentifier: o.inboxIdentifier ?? '', fetch: o.fetch, random: o.random});
    this.inbox = o.inboxIdentifier;
    this.key = `akece-chat:${o.baseUrl}:${o.inboxIdentifier ?? ''}`;
    this.given = o.pubsubToken && o.contactIdentifier ? {sourceId: o.contactIdentifier, pubsubToken: o.pubsubToken} : null;
  }

  /** Subscribes to `message` or `error`; returns the unsubscribe function. */
  on<K extends keyof SessionEvents>(type: K, fn: (d: SessionEvents[K]) => void): () => void {
    const set = this.subs.get(type) ?? new Set();
    this.subs.set(type, set.add(fn as never));
    return () => void set.delete(fn as never);
  }

  /** Restores the outbox; connects at once only when a contact is already known. */
  start(): void {
    if (this.started) return;
    this.started = true;
    let saved: {k?: ContactRef; o?: Out[]} = {};
    try {
      saved = JSON.parse(this.o.storage?.getItem(this.key) || '{}') || {};
    } catch {
      // unreadable: start afresh
    }
    for (const e of Array.isArray(saved.o) ? saved.o : [])
      if (e?.e && e.c) {
        this.queue.push(e);
        this.d({type: 'pending', message: this.local(e)});
        if (e.x) this.d({type: 'failed', echoId: e.e, error: ''});
      }
    const c = this.given || (saved.k?.sourceId && saved.k.pubsubToken ? saved.k : null);
    if (c) {
      this.own = !this.given;
      this.set({contact: {sourceId: c.sourceId, pubsubToken: c.pubsubToken}});
      this.ensure().catch(noop);
    }
  }

  /** Opens the panel (see setPanelVisible). */
  open(): void {
    this.setPanelVisible(true);
  }

  /** The panel is open AND the page is visible: creates what is missing, marks messages seen. */
  setPanelVisible(visible: boolean): void {
    this.set({panelVisible: visible});
    if (visible) this.ensure().then(() => this.seen(), noop);
  }

  /** Sends as the visitor. Resolves once the server has it; rejects when this attempt failed
   * (the message stays, failed, and can be retried). Offline, it waits, pending. */
  sendMessage(content: string, files?: readonly File[]): Promise<Message> {
    const r = this.o.random ?? Math.random;
    const e: Out = {e: this.now().toString(36) + r().toString(36).slice(2, 8) + this.seq++, c: content, t: this.now(), m: 0, f: files};
    for (const x of this.s.messages) e.m = Math.max(e.m, x.id ?? 0);
    const p = new Promise<Message>((res, rej) => this.waits.set(e.e, [res, rej]));
    this.queue.push(e);
    this.save();
    this.d({type: 'pending', message: this.local(e)});
    void this.flush();
    return p;
  }

  /** Sends a failed message again, with the same echo id. */
  retry(key: string): Promise<Message> {
    const e = this.queue.find((x) => 'echo:' + x.e == key);
    if (!e) return Promise.reject(new Error('Nothing to retry'));
    e.x = false;
    const p = new Promise<Message>((res, rej) => this.waits.set(e.e, [res, rej]));
    this.d({type: 'pending', message: this.local(e)});
    void this.flush();
    return p;
  }

  /** Loads the page before the oldest message held. */
  async loadOlder(): Promise<void> {
    const s = this.s;
    const first = s.messages[0]?.id;
    if (!s.contact || s.conversationId == null || s.loadingOlder || !s.hasOlder || first == null) return;
    this.set({loadingOlder: true});
    try {
      const page = await this.rest().listMessages(s.contact.sourceId, s.conversationId, first, this.c());
      this.add(page, false);
      this.set({hasOlder: page.length >= PAGE});
    } catch (e) {
      this.fail('load-failed', e);
    } finally {
      this.set({loadingOlder: false});
    }
  }

  /** Answers a bot or CSAT message (`submitted_values` in the shape its type needs). */
  answer(key: string, a: SubmittedAnswer): Promise<void> {
    const m = this.s.messages.find((x) => x.key == key);
    const c = this.s.contact;
    const v =
      a.kind == 'csat'
        ? {csat_survey_response: {rating: a.rating, feedback_message: a.feedback}}
        : a.kind == 'email'
        ? [{name: 'email', title: a.email, value: a.email}]
        : a.values.map(({title, value}) => ({title, value}));
    return this.guard('update-failed', async () => {
      if (!c || m?.id == null || m.conversationId == null) throw new Error('Unknown message');
      this.add([await this.rest().updateMessage(c.sourceId, m.conversationId, m.id, v, this.c())], false);
    });
  }

  /** The visitor is typing: sends `on` once, then `off` after 4 s without a call, or at once. */
  setTyping(on: boolean): void {
    const {contact: c, conversationId: id} = this.s;
    if (!c || id == null || !this.inbox) return;
    if (on) this.timer('idle', 4000, () => this.setTyping(false));
    else this.clear('idle');
    if (on != this.typing) {
      this.typing = on;
      this.api.toggleTyping(c.sourceId, id, on ? 'on' : 'off', this.c()).catch(noop);
    }
  }

  /** Identifies the visitor; before a contact exists, the details go into its creation. */
  setUser(u: VisitorUser): Promise<void> {
    this.user = {
      identifier: u.identifier,
      identifier_hash: u.identifierHash,
      name: u.name,
      email: u.email,
      phone_number: u.phoneNumber,
      avatar_url: u.avatarUrl,
      custom_attributes: u.customAttributes,
    };
    return this.patchUser();
  }

  /** Logout: forgets the contact, outbox and view; disconnects. Pending sends reject. */
  reset(): void {
    this.drop();
    for (const [, [, rej]] of this.waits) rej(new Error('Reset'));
    this.waits.clear();
    this.queue = [];
    this.given = this.ready = this.creating = null;
    this.user = {};
    this.own = this.typing = false;
    try {
      this.o.storage?.removeItem(this.key);
    } catch {
      // storage may be blocked
    }
    this.d({type: 'reset'});
  }

  /** Stops everything: socket, timers, requests, listeners. */
  dispose(): void {
    this.drop();
    for (const [, [, rej]] of this.waits) rej(new Error('Disposed'));
    this.waits.clear();
    this.subs.clear();
  }

  // ---- internals ----

  private get s() {
    return this.store.getState();
  }
  private d(a: ChatAction) {
    this.store.dispatch(a);
  }
  private set(patch: ChatPatch) {
    this.d({type: 'set', patch});
  }
  private now() {
    return (this.o.now ?? Date.now)();
  }
  private c() {
    return {signal: this.ctl.signal};
  }
  private emit<K extends keyof SessionEvents>(type: K, d: SessionEvents[K]) {
    for (const f of [...(this.subs.get(type) ?? [])]) (f as (d: SessionEvents[K]) => void)(d);
  }
  private timer(name: string, ms: number, fn: () => void) {
    this.clear(name);
    this.timers.set(name, (this.o.setTimeout ?? ((f, t) => setTimeout(f, t)))(() => (this.timers.delete(name), fn()), ms));
  }
  private clear(name: string) {
    if (this.timers.has(name)) (this.o.clearTimeout ?? ((i) => clearTimeout(i as number)))(this.timers.get(name));
    this.timers.delete(name);
  }

  private fail(code: string, e: unknown) {
    const message = str((e as Error)?.message) || code;
    if (e instanceof ApiError && !e.request.method) {
      code = 'config';
      this.set({connection: 'error'});
    }
    if ((e as ApiError)?.body == 'aborted') return;
    const error = {code, message};
    this.set({error});
    this.emit('error', error);
  }

  private async guard(code: string, f: () => Promise<void>) {
    try {
      await f();
    } catch (e) {
      this.fail(code, e);
      throw e;
    }
  }

  private rest() {
    if (!this.inbox) throw new ApiError('inbox-identifier is required', 0, null, {method: '', url: ''}, false);
    return this.api;
  }

  private local(e: Out): Message {
    return {
      key: 'echo:' + e.e,
      id: null,
      echoId: e.e,
      conversationId: null,
      role: 'visitor',
      sender: null,
      content: e.c,
      body: {type: 'text'},
      attachments: [],
      createdAt: e.t,
      status: 'pending',
      deleted: false,
      read: false,
      answer: null,
      error: null,
    };
  }

  private save() {
    const k = this.own ? this.s.contact : null;
    const o = this.queue.map(({f: _f, ...e}) => e);
    try {
      if (k || o.length) this.o.storage?.setItem(this.key, JSON.stringify({k, o}));
      else this.o.storage?.removeItem(this.key);
    } catch {
      // full or blocked storage: keep going in memory
    }
  }

  private patchUser() {
    const c = this.s.contact;
    return this.guard('update-failed', async () => {
      if (c) await this.rest().updateContact(c.sourceId, this.user, this.c());
    });
  }

  private ensure(): Promise<void> {
    return (this.ready ??= this.init().catch((e) => {
      this.ready = null;
      this.fail('connect-failed', e);
      throw e;
    }));
  }

  private async init(): Promise<void> {
    let c = this.s.contact;
    if (!c) {
      const u = this.user;
      const r = await this.rest().createContact(u, this.c());
      c = {sourceId: r.source_id, pubsubToken: r.pubsub_token};
      this.own = this.fresh = true;
      this.set({contact: c});
      this.save();
      if (u != this.user) this.patchUser().catch(noop);
    }
    this.connect(c);
    if (!this.inbox) return;
    let id = this.o.conversationId ?? null;
    try {
      if (id == null) {
        let w: WireConversation | null = null;
        for (const x of await this.api.listConversations(c.sourceId, this.c())) if (x && num(x.id) != null && (!w || x.id > w.id)) w = x;
        if (w) this.conv(w);
      } else this.conv(await this.api.getConversation(c.sourceId, id, this.c()));
    } catch (e) {
      if ((e as ApiError).status == 404 && id == null && !this.fresh) return this.replace();
      throw e;
    }
    id = this.s.conversationId;
    if (id != null) {
      const page = await this.api.listMessages(c.sourceId, id, null, this.c());
      this.add(page, false);
      this.set({hasOlder: page.length >= PAGE});
    }
    void this.flush();
  }

  /** The remembered contact is gone on the server: start over with a new one, keeping the outbox. */
  private replace(): Promise<void> {
    this.drop();
    this.given = this.ready = this.creating = null;
    this.own = false;
    this.d({type: 'reset'});
    for (const e of this.queue) this.d({type: 'pending', message: this.local(e)});
    this.save();
    return this.ensure();
  }

  private connect(c: ContactRef) {
    if (this.cable) return;
    const cable = (this.cable = this.o.createCable({url: this.o.websocketUrl, pubsubToken: c.pubsubToken, presenceInterval: this.o.presenceInterval}));
    this.offs = [
      cable.on('state', ({state}) => {
        this.set({connection: state});
        if (state == 'connected') void this.flush();
      }),
      cable.on('event', (e) => this.onEvent(e)),
      cable.on('subscribed', ({resumed}) => {
        this.misses = 0;
        this.fresh = false;
        this.set({error: null});
        if (resumed) this.backfill().catch((e) => this.fail('load-failed', e));
        void this.flush();
      }),
      cable.on('error', (e) => {
        const c = this.s.contact;
        if (e.code == 'subscription-timeout' && c && this.inbox) {
          // A bad token gets silence. Ask REST whether the contact still exists; twice is enough.
          const t = ++this.misses;
          this.api.getContact(c.sourceId, this.c()).then(
            () => (t < 2 ? this.cable?.reconnect() : this.replace()),
            (x: ApiError) => (x.status != 404 && t < 2 ? this.cable?.reconnect() : this.replace())
          ).catch(noop);
          return;
        }
        if (e.fatal) this.set({connection: 'error'});
        this.fail(e.code, e);
      }),
    ];
    cable.connect();
  }

  private drop() {
    for (const f of this.offs) f();
    this.offs = [];
    this.cable?.dispose();
    this.cable = null;
    for (const k of [...this.timers.keys()]) this.clear(k);
    this.ctl.abort();
    this.ctl = new AbortController();
  }

  private conv(w: WireConversation) {
    const seen = (num(w.contact_last_seen_at) ?? 0) * 1000;
    this.set({
      conversationId: w.id,
      conversationStatus: status(w.status) ?? this.s.conversationStatus,
      lastSeenAt: Math.max(this.s.lastSeenAt, seen),
    });
  }

  private onEvent({event, data}: AkeceEvent) {
    const s = this.s;
    switch (event) {
      case 'message.created':
      case 'message.updated':
        this.add([data], true);
        break;
      case 'conversation.created':
        if (s.conversationId == null && str((data.contact_inbox as {source_id?: unknown})?.source_id) == s.contact?.sourceId) this.conv(data);
        break;
      case 'conversation.status_changed':
      case 'conversation.updated':
        if (data.id === s.conversationId) this.conv(data);
        break;
      case 'conversation.typing_on':
      case 'conversation.typing_off':
        if (data.is_private || data.conversation?.id !== s.conversationId) break;
        if (event == 'conversation.typing_off') {
          this.clear('typing');
          this.set({agentTyping: null});
        } else {
          const u = sender(data.user);
          this.set({agentTyping: {name: u?.name ?? '', id: u?.id ?? null}});
          this.timer('typing', 30000, () => this.set({agentTyping: null}));
        }
        break;
      case 'presence.update':
        this.set({availability: Object.values(data.users ?? {}).includes('online') ? 'online' : 'away'});
    }
  }

  /** Merges wire messages; `live` ones newly on the server are announced. */
  private add(wire: readonly unknown[], live: boolean, echoId?: string) {
    const ms = wire.map(toMessage).filter((m): m is Message => !!m).map((m) => (echoId ? {...m, echoId} : m));
    const had = new Set(this.s.messages.filter((m) => m.id != null).map((m) => m.key));
    this.d({type: 'merge', messages: ms});
    if (live) for (const m of this.s.messages) if (m.id != null && !had.has(m.key)) this.emit('message', m);
    this.settle();
    if (live && this.s.panelVisible) this.seen();
    return ms;
  }

  /** Settles queued sends the server now has (REST answer, socket echo or adoption). */
  private settle() {
    const left = this.queue.filter((e) => {
      const m = this.s.messages.find((x) => x.echoId == e.e && x.id != null);
      if (m) this.waits.get(e.e)?.[0](m), this.waits.delete(e.e);
      return !m;
    });
    if (left.length < this.queue.length) {
      this.queue = left;
      this.save();
    }
  }

  private seen() {
    this.timer('seen', 1000, () => {
      const {panelVisible, contact: c, conversationId: id} = this.s;
      if (panelVisible && c && id != null && this.inbox) this.api.updateLastSeen(c.sourceId, id, this.c()).catch(noop);
    });
  }

  /** After a drop: the latest page, then older pages until one overlaps what we hold. */
  private async backfill() {
    const {contact: c, conversationId: id} = this.s;
    if (!c || id == null || !this.inbox) return;
    this.conv(await this.api.getConversation(c.sourceId, id, this.c()));
    const held = new Set(this.s.messages.map((m) => m.id).filter((x) => x != null));
    let before: number | null = null;
    for (let n = 0; n < 10; n++) {
      const page = await this.api.listMessages(c.sourceId, id, before, this.c());
      const ids = page.map((w) => num(w?.id)).filter((x): x is number => x != null);
      this.add(page, true);
      if (page.length < PAGE || !held.size || ids.some((x) => held.has(x))) break;
      before = Math.min(...ids);
    }
  }

  private flush(): Promise<void> {
    if (this.sending) {
      this.again = true;
      return this.sending;
    }
    return (this.sending = this.drain().finally(() => {
      this.sending = null;
      if (this.again) {
        this.again = false;
        void this.flush();
      }
    }));
  }

  /** Sends the outbox once, in order; stops at the first failure that may pass later. */
  private async drain() {
    for (const e of [...this.queue]) {
      if (!this.queue.includes(e) || e.x) continue;
      if (this.s.connection == 'offline' || this.s.connection == 'reconnecting') return;
      try {
        await this.ensure();
        const c = this.s.contact!;
        if (e.u) {
          // The last POST may have reached the server: look before sending it twice.
          await this.backfill();
          const m = this.s.messages.find((x) => x.role == 'visitor' && !x.echoId && x.id != null && x.id > e.m && x.content == e.c);
          if (m) {
            this.d({type: 'merge', messages: [{...m, echoId: e.e}]});
            this.settle();
            continue;
          }
        }
        this.d({type: 'pending', message: this.local(e)});
        const conv = await this.conversation(c);
        this.add([await this.rest().createMessage(c.sourceId, conv, {content: e.c, echoId: e.e, files: e.f}, this.c())], true, e.e);
      } catch (err) {
        if (!this.queue.includes(e)) return;
        const x = err as ApiError;
        if (!x.status) e.u = true;
        if (x.body == 'aborted') return;
        e.x = x.retryable === false;
        this.save();
        this.d({type: 'failed', echoId: e.e, error: str(x.message)});
        this.waits.get(e.e)?.[1](err);
        this.waits.delete(e.e);
        this.fail('send-failed', err);
        if (!e.x) return;
      }
    }
  }

  private conversation(c: ContactRef): Promise<number> {
    const id = this.s.conversationId;
    if (id != null) return Promise.resolve(id);
    return (this.creating ??= this.rest()
      .createConversation(c.sourceId, this.c())
      .then((w) => (this.conv(w), w.id))
      .finally(() => (this.creating = null)));
  }
}

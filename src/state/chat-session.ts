import {contact, convPath, isObj, list, messageBody, restClient, withId, type Check, type WireContactRef} from '../api/client.js';
import type {ApiError} from '../api/errors.js';
import type {AkeceEvent, WireConversation, WireMessage} from '../protocol/payloads.js';
import {createStore, type Store} from './store.js';
import {initialState, reduce, type ChatAction, type ChatError, type ChatPatch, type ChatState, type ContactRef} from './chat-state.js';
import {num, sender, snake, status, str, toMessage} from './normalize.js';
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
  random?: () => number;
}

export interface SessionEvents {
  /** Once per message newly on the server and in the view, live (not history pages). */
  message: Message;
  error: ChatError;
}

/** One queued visitor message: echo id, content, local time, max server id in view then,
 * outcome unknown (the POST may have reached the server), failed for good (no auto-resend),
 * files; and the settle functions of the caller's promise (not stored: JSON drops functions). */
interface Out {
  e: string;
  c: string;
  t: number;
  m: number;
  u?: boolean;
  x?: boolean;
  f?: readonly File[];
  y?: (m: Message) => void;
  n?: (e: unknown) => void;
}

type Wire = Record<string, any>;

const PAGE = 20;
const noop = () => {};

export interface ChatSession {
  /** Subscribes to `message` or `error`; returns the unsubscribe function. */
  on<K extends keyof SessionEvents>(type: K, fn: (d: SessionEvents[K]) => void): () => void;
  /** Restores the outbox; connects at once only when a contact is already known. */
  start(): void;
  /** Opens the panel (see setPanelVisible). */
  open(): void;
  /** The panel is open AND the page is visible: creates what is missing, marks messages seen. */
  setPanelVisible(visible: boolean): void;
  /** Sends as the visitor. Resolves once the server has it; rejects when this attempt failed
   * (the message stays, failed, and can be retried). Offline, it waits, pending. */
  sendMessage(content: string, files?: readonly File[]): Promise<Message>;
  /** Sends a failed message again, with the same echo id. */
  retry(key: string): Promise<Message>;
  /** Loads the page before the oldest message held. */
  loadOlder(): Promise<void>;
  /** Answers a bot or CSAT message (`submitted_values` in the shape its type needs). */
  answer(key: string, a: SubmittedAnswer): Promise<void>;
  /** The visitor is typing: sends `on` once, then `off` after 4 s without a call, or at once. */
  setTyping(on: boolean): void;
  /** Identifies the visitor; before a contact exists, the details go into its creation. */
  setUser(u: VisitorUser): Promise<void>;
  /** Logout: forgets the contact, outbox and view; disconnects. Pending sends reject. */
  reset(): void;
  /** Stops everything: socket, timers, requests, listeners. */
  dispose(): void;
}

/**
 * The chat's single stateful object: turns user intents, REST answers and cable events into store
 * actions. Quiet until needed: nothing is requested, stored or opened until a contact is known or
 * the visitor opens the panel or sends. Its state lives in the constructor's closure (names a
 * minifier can shorten); the methods are the interface above.
 */
export class ChatSession {
  readonly store: Store<ChatState, ChatAction> = createStore(reduce, initialState);

  constructor(o: SessionOptions) {
    const {getState: s, dispatch: d} = this.store;
    const inbox = o.inboxIdentifier;
    const api = restClient(o);
    const st = o.storage;
    const key = `akece-chat:${o.baseUrl}:${inbox ?? ''}`;
    /** Every request's call options ({signal}): dropping the session aborts them all. */
    let co = new AbortController();
    let cable: CableLike | null = null;
    let offs: (() => void)[] = [];
    let timers: Record<string, ReturnType<typeof setTimeout>> = {};
    let q: Out[] = [];
    let subs: Record<string, Set<(d: never) => void>> = {};
    let user: Record<string, unknown> = {};
    /** The contact is ours to store (not given by attributes). */
    let own = false;
    /** The contact was created by this page load and the socket has not confirmed it yet. */
    let fresh = false;
    let ready: Promise<void> | null = null;
    let busy = false;
    let again = false;
    let typing = false;
    let misses = 0;
    let seq = 0;
    let started = false;

    const set = (patch: ChatPatch) => d({type: 'set', patch});
    const emit = <K extends keyof SessionEvents>(type: K, v: SessionEvents[K]) => subs[type]?.forEach((f) => f(v as never));
    /** Restarts timer `k`, or only stops it when there is no `fn`. */
    const timer = (k: string, ms = 0, fn?: false | (() => void)) => {
      clearTimeout(timers[k]);
      if (fn) timers[k] = setTimeout(fn, ms);
    };

    const fail = (code: string, e: unknown) => {
      const x = e as ApiError;
      if (x?.body == 'aborted') return;
      if (x?.request?.method === '') {
        code = 'config';
        set({connection: 'error'});
      }
      const error = {code, message: x?.message || code};
      set({error});
      emit('error', error);
    };

    /** A REST call as contact `c` (null: the contacts collection); dropping the session cancels it. */
    const call = <T>(method: string, c: ContactRef | null, tail: string, check: Check, body?: Record<string, unknown> | FormData) =>
      api<T>(method, c?.sourceId ?? '', tail, check, body, co);
    /** A page of messages: the latest (before null) or the one before message `before`. */
    const page = (c: ContactRef, id: number, before: number | null) =>
      call<WireMessage[]>('GET', c, convPath(id, '/messages' + (before ? '?before=' + before : '')), list);

    const guard = async (code: string, f: () => Promise<void>) => {
      try {
        await f();
      } catch (e) {
        fail(code, e);
        throw e;
      }
    };

    /** Shows entry `e`: a visitor message (type 0) the server has not numbered yet, pending or failed. */
    const pend = (e: Out, error = e.x ? '' : null) =>
      d({
        type: 'merge',
        messages: [
          {
            ...toMessage({id: 0, message_type: 0, content: e.c, echo_id: e.e})!,
            key: 'echo:' + e.e,
            id: null,
            createdAt: e.t,
            status: error == null ? 'pending' : 'failed',
            error,
          },
        ],
      });

    const save = () => {
      const k = own ? s().contact : null;
      try {
        if (k || q.length) st?.setItem(key, JSON.stringify({k, o: q}, (n, v) => (n == 'f' ? undefined : v)));
        else st?.removeItem(key);
      } catch {
        // full or blocked storage: keep going in memory
      }
    };

    const patchUser = () => {
      const c = s().contact;
      return guard('update-failed', async () => {
        if (c) await call('PATCH', c, '', isObj, user);
      });
    };

    const conv = (w: WireConversation) => {
      const was = s().conversationStatus;
      const now = status(w.status) ?? was;
      const same = w.id == s().conversationId;
      set({
        conversationId: w.id,
        conversationStatus: now,
        lastSeenAt: Math.max(s().lastSeenAt, (num(w.contact_last_seen_at) ?? 0) * 1000),
      });
      // Resolved or reopened shows in the stream, where it happened.
      if (same && was && now != was) {
        const t = Date.now();
        d({type: 'merge', messages: [{...toMessage({id: 0, message_type: 3, content: ''})!, key: 'status:' + t, id: null, body: {type: 'status', status: now!}, createdAt: t}]});
      }
    };

    const seen = () =>
      timer('seen', 1000, () => {
        const {panelVisible, contact: c, conversationId: id} = s();
        if (panelVisible && c && id != null) call('POST', c, convPath(id, '/update_last_seen'), 0).catch(noop);
      });

    /** Settles queued sends the server now has (REST answer, socket echo or adoption). */
    const settle = () => {
      const n = q.length;
      q = q.filter((e) => {
        const m = s().messages.find((x) => x.echoId == e.e && x.id != null);
        if (m) e.y?.(m);
        return !m;
      });
      if (q.length < n) save();
    };

    /** Merges wire messages; `live` ones newly on the server are announced. */
    const add = (wire: readonly unknown[], live: boolean) => {
      // Ids never change once set, so "newly on the server" is "its id was not in the view".
      const had = new Set(s().messages.map((m) => m.id));
      d({type: 'merge', messages: wire.map(toMessage).filter((m): m is Message => !!m)});
      if (live) for (const m of s().messages) if (!had.has(m.id)) emit('message', m);
      settle();
      if (live && s().panelVisible) seen();
    };

    /** A history page of the current conversation, not announced. */
    const older = async (before: number | null) => {
      const {contact: c, conversationId: id} = s();
      const p = await page(c!, id!, before);
      add(p, false);
      set({hasOlder: p.length >= PAGE});
    };

    /** After a drop: the latest page, then older pages until one overlaps what we hold. */
    const backfill = async () => {
      const {contact: c, conversationId: id} = s();
      if (!c || id == null || !inbox) return;
      conv(await call('GET', c, convPath(id), withId));
      const held = new Set(s().messages.map((m) => m.id).filter((x) => x != null));
      let before: number | null = null;
      for (let n = 0; n < 10; n++) {
        const p = await page(c, id, before);
        const ids = p.map((w) => w?.id).filter(Number.isFinite);
        add(p, true);
        if (p.length < PAGE || !held.size || ids.some((x) => held.has(x))) break;
        before = Math.min(...ids);
      }
    };

    const drop = () => {
      for (const f of offs) f();
      offs = [];
      cable?.dispose();
      cable = null;
      for (const k in timers) timer(k);
      co.abort();
      co = new AbortController();
    };

    /** Forgets the contact and the view. A reason (reset) also rejects and forgets the outbox;
     * without one (the contact is gone on the server) the outbox is kept for the next contact. */
    const wipe = (why?: string) => {
      drop();
      ready = null;
      own = typing = false;
      if (why) {
        for (const e of q) e.n?.(Error(why));
        q = [];
        user = {};
      }
      d({type: 'reset'});
      for (const e of q) pend(e);
      save();
    };
    const replace = () => (wipe(), ensure());

    const onEvent = ({event: v, data}: AkeceEvent) => {
      const w = data as Wire;
      const {conversationId: id, contact} = s();
      if (v.startsWith('message')) add([w], true);
      else if (v == 'presence.update') set({availability: Object.values(w.users).includes('online') ? 'online' : 'away'});
      else if (v == 'conversation.created') {
        if (id == null && w.contact_inbox?.source_id == contact?.sourceId) conv(w as WireConversation);
      } else if (v.includes('typing')) {
        if (w.is_private || w.conversation.id !== id) return;
        const on = v.endsWith('on');
        const u = sender(w.user);
        set({agentTyping: on ? {name: u?.name ?? '', id: u?.id ?? null} : null});
        timer('typing', 30000, on && (() => set({agentTyping: null})));
      } else if (v.startsWith('conversation') && w.id === id) conv(w as WireConversation);
    };

    const connect = (c: ContactRef) => {
      if (cable) return;
      const k = (cable = o.createCable({url: o.websocketUrl, pubsubToken: c.pubsubToken, presenceInterval: o.presenceInterval}));
      offs = [
        k.on('state', ({state}) => {
          set({connection: state});
          if (state == 'connected') flush();
        }),
        k.on('event', onEvent),
        k.on('subscribed', ({resumed}) => {
          misses = 0;
          fresh = false;
          set({error: null});
          if (resumed) backfill().catch((e) => fail('load-failed', e));
          flush();
        }),
        k.on('error', (e) => {
          const c = s().contact;
          if (e.code == 'subscription-timeout' && c && inbox) {
            // A bad token gets silence. Ask REST whether the contact still exists; twice is enough.
            let t = ++misses;
            call('GET', c, '', contact)
              .catch((x: ApiError) => x.status == 404 && (t = 2))
              .then(() => (t < 2 ? cable?.reconnect() : replace()))
              .catch(noop);
            return;
          }
          if (e.fatal) set({connection: 'error'});
          fail(e.code, e);
        }),
      ];
      k.connect();
    };

    const init = async (): Promise<void> => {
      let c = s().contact;
      if (!c) {
        const u = user;
        const r = await call<WireContactRef>('POST', null, '', contact, u);
        c = {sourceId: r.source_id, pubsubToken: r.pubsub_token};
        own = fresh = true;
        set({contact: c});
        save();
        if (u != user) patchUser().catch(noop);
      }
      connect(c);
      if (!inbox) return;
      const id = o.conversationId;
      try {
        if (id == null) {
          let w: WireConversation | undefined;
          for (const x of await call<WireConversation[]>('GET', c, '/conversations', list)) if (num(x?.id) != null && !(x.id <= w?.id!)) w = x;
          if (w) conv(w);
        } else conv(await call('GET', c, convPath(id), withId));
      } catch (e) {
        if ((e as ApiError).status == 404 && id == null && !fresh) return replace();
        throw e;
      }
      if (s().conversationId != null) await older(null);
      flush();
    };

    let tries = 0;
    const ensure = (): Promise<void> =>
      (ready ??= init().then(
        () => void (tries = 0),
        (e: ApiError) => {
          ready = null;
          fail('connect-failed', e);
          // A failure that may pass (network, 5xx, 429) is tried again, 1 s, 2 s, … 30 s apart, jittered.
          // Creating a contact twice leaves at most one unused contact; nothing the visitor sees.
          if (e.retryable) timer('init', Math.min(3e4, 1e3 * 2 ** tries++) * (0.5 + (o.random ?? Math.random)() / 2), () => ensure().catch(noop));
          throw e;
        }
      ));

    /** Sends the outbox once, in order; stops at the first failure that may pass later. */
    const drain = async () => {
      for (const e of [...q]) {
        if (!q.includes(e) || e.x) continue;
        if (/^(off|rec)/.test(s().connection)) return;
        try {
          await ensure();
          const c = s().contact!;
          if (e.u) {
            // The last POST may have reached the server: look before sending it twice.
            await backfill();
            if (!q.includes(e)) continue; // its socket echo came in meanwhile
            const m = s().messages.find((x) => x.role == 'visitor' && !x.echoId && x.id! > e.m && x.content == e.c);
            if (m) {
              d({type: 'merge', messages: [{...m, echoId: e.e}]});
              settle();
              continue;
            }
          }
          pend(e);
          let id = s().conversationId;
          if (id == null) {
            const w = await call<WireConversation>('POST', c, '/conversations', withId, {});
            conv(w);
            id = w.id;
          }
          const w = await call<WireMessage>('POST', c, convPath(id, '/messages'), withId, messageBody({content: e.c, echoId: e.e, files: e.f}));
          add([{...w, echo_id: e.e}], true);
        } catch (err) {
          if (!q.includes(e)) return;
          const x = err as ApiError;
          if (!x.status) e.u = true;
          if (x.body == 'aborted') return;
          e.x = x.retryable === false;
          save();
          pend(e, str(x.message));
          e.n?.(err);
          fail('send-failed', err);
          if (!e.x) return;
        }
      }
    };

    /** One drain at a time; a call during one runs another after it. */
    const flush = async () => {
      if (busy) return void (again = true);
      busy = true;
      try {
        do {
          again = false;
          await drain();
        } while (again);
      } finally {
        busy = false;
      }
    };

    /** (Re)sends entry `e`; the promise settles with this attempt. */
    const go = (e: Out) =>
      new Promise<Message>((y, n) => {
        Object.assign(e, {y, n, x: false});
        pend(e);
        flush();
      });

    const setPanelVisible = (visible: boolean) => {
      set({panelVisible: visible});
      if (visible) ensure().then(seen, noop);
    };

    const setTyping = (on: boolean) => {
      const {contact: c, conversationId: id} = s();
      if (!c || id == null) return;
      timer('idle', 4000, on && (() => setTyping(false)));
      if (on != typing) {
        typing = on;
        call('POST', c, convPath(id, '/toggle_typing'), 0, {typing_status: on ? 'on' : 'off'}).catch(noop);
      }
    };

    const methods: Omit<ChatSession, 'store'> = {
      on(type, fn) {
        const l = (subs[type] ??= new Set());
        l.add(fn as never);
        return () => void l.delete(fn as never);
      },
      start() {
        if (started) return;
        started = true;
        let k: ContactRef | undefined;
        try {
          const saved = JSON.parse(st?.getItem(key) || '0');
          k = saved.k;
          for (const e of saved.o)
            if (e?.e && e.c) {
              q.push(e);
              pend(e);
            }
        } catch {
          // nothing or unreadable: start afresh
        }
        // A contact given by attributes wins over the stored one, and is never stored.
        const given = o.pubsubToken && o.contactIdentifier && {sourceId: o.contactIdentifier, pubsubToken: o.pubsubToken};
        const c = given || (k?.sourceId && k.pubsubToken && k);
        if (c) {
          own = !given;
          set({contact: c});
          ensure().catch(noop);
        }
      },
      open: () => setPanelVisible(true),
      setPanelVisible,
      sendMessage(content, files) {
        const now = Date.now();
        const e: Out = {
          e: now.toString(36) + (o.random ?? Math.random)().toString(36).slice(2, 8) + seq++,
          c: content,
          t: now,
          m: Math.max(0, ...s().messages.map((x) => x.id ?? 0)),
          f: files,
        };
        q.push(e);
        save();
        return go(e);
      },
      retry(key) {
        const e = q.find((x) => 'echo:' + x.e == key);
        return e ? go(e) : Promise.reject(Error('Nothing to retry'));
      },
      async loadOlder() {
        // hasOlder is only ever set by a page of the current contact and conversation.
        const {loadingOlder, hasOlder, messages} = s();
        const first = messages[0]?.id;
        if (loadingOlder || !hasOlder || first == null) return;
        set({loadingOlder: true});
        try {
          await older(first);
        } catch (e) {
          fail('load-failed', e);
        } finally {
          set({loadingOlder: false});
        }
      },
      answer(key, a) {
        const m = s().messages.find((x) => x.key == key);
        const v =
          a.kind == 'csat'
            ? {csat_survey_response: {rating: a.rating, feedback_message: a.feedback}}
            : a.kind == 'email'
            ? [{name: 'email', title: a.email, value: a.email}]
            : a.values;
        return guard('update-failed', async () => {
          // A message with an id came with the current contact and conversation.
          if (m?.id == null) throw Error('Unknown message');
          add([await call('PATCH', s().contact, convPath(m.conversationId!, '/messages/' + m.id), withId, {submitted_values: v})], false);
        });
      },
      setTyping,
      setUser(u) {
        user = {};
        for (const k in u) user[snake(k)] = u[k as keyof VisitorUser];
        return patchUser();
      },
      reset: () => wipe('Reset'),
      dispose() {
        drop();
        for (const e of q) e.n?.(Error('Disposed'));
        subs = {};
      },
    };
    Object.assign(this, methods);
  }
}

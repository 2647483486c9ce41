import {contact, list, messageBody, restClient, withId, type ApiError, type Check} from '../api/client.js';
import type {AkeceEvent, WireConversation, WireMessage} from '../protocol/payloads.js';
import {initialState, reduce, type ChatError, type ChatPatch, type ChatState, type ContactRef} from './chat-state.js';
import {sender, snake, toMessage} from './normalize.js';
import type {ConnectionState, Message, SubmittedAnswer, VisitorUser} from './model.js';
import {backoff} from '../utils/backoff.js';

/** What the session needs from protocol/cable.ts's `Cable` (structural, so tests use a fake). */
export interface CableLike {
  readonly state: ConnectionState;
  connect(): void;
  perform(action: string, data?: Record<string, unknown>): boolean;
  on<K extends keyof CableLikeEvents>(type: K, listener: (d: CableLikeEvents[K]) => void): () => void;
  reconnect(): void;
  /** Closes the socket and removes every listener and timer. */
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
}

export interface SessionEvents {
  /** Once per message newly on the server and in the view, live (not history pages). */
  message: Message;
  error: ChatError;
}

/** One queued visitor message: echo id, content, local time, max server id in view then,
 * outcome unknown (the POST may have reached the server), failed for good (no auto-resend);
 * not stored (JSON drops functions): its files, and the settle functions of the caller's promise. */
interface Out {
  e: string;
  c: string;
  t: number;
  m: number;
  u?: boolean;
  x?: boolean;
  f?: () => readonly File[] | undefined;
  y?: (m: Message) => void;
  n?: (e: unknown) => void;
}

const PAGE = 20;
const noop = () => {};
/** For calls whose failure is reported elsewhere or does not matter. */
const quiet = (p: Promise<unknown>) => void p.catch(noop);

export interface ChatSession {
  /** Subscribes to `message` or `error`; returns the unsubscribe function. */
  on<K extends keyof SessionEvents>(type: K, fn: (d: SessionEvents[K]) => void): () => void;
  /** Restores the outbox; connects at once only when a contact is already known. Call once. */
  start(): void;
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
 * The chat's single stateful object: turns user intents, REST answers and cable events into state
 * changes. Quiet until needed: nothing is requested, stored or opened until a contact is known or
 * the visitor opens the panel or sends. Its state lives in the constructor's closure (names a
 * minifier can shorten); the methods are the interface above.
 */
export class ChatSession {
  /** The view's state: `getState()`, and `subscribe()` to hear of every change (returns the unsubscribe). */
  readonly store: {getState(): ChatState; subscribe(fn: (s: ChatState) => void): () => void};

  constructor(o: SessionOptions) {
    const inbox = o.inboxIdentifier;
    const api = restClient(o);
    const st = o.storage;
    const key = `akece-chat:${o.baseUrl}:${inbox ?? ''}`;
    let state = initialState;
    /** Every request's signal: dropping the session aborts them all. */
    let co = new AbortController();
    let cable: CableLike | undefined;
    /** Timer slots: 0 seen, 1 agent typing, 2 visitor idle, 3 contact retry. */
    const timers: ReturnType<typeof setTimeout>[] = [];
    let q: Out[] = [];
    /** Listeners by event; '' is the store's. */
    let subs: Record<string, Set<(d: any) => void>> = {};
    let user: Record<string, unknown> = {};
    /** The contact is ours to store (not given by attributes). */
    let own: boolean | undefined;
    /** The contact was created by this page load and the socket has not confirmed it yet. */
    let fresh: boolean | undefined;
    let ready: Promise<void> | undefined;
    /** The outbox runs on one chain; `queued`: a run is waiting on it. */
    let chain = Promise.resolve();
    let queued: boolean | undefined;
    let typing: boolean | undefined;
    let misses = 0;
    let tries = 0;

    const on = (type: string, fn: (d: any) => void) => {
      const l = (subs[type] ??= new Set()).add(fn);
      return () => void l.delete(fn);
    };
    const emit = (type: string, v: unknown) => subs[type]?.forEach((f) => f(v));
    this.store = {getState: () => state, subscribe: (fn) => on('', fn)};
    /** Applies a patch and merges messages; listeners hear of real changes only. */
    const set = (p: ChatPatch, add?: readonly (Message | null)[]) => {
      const n = reduce(state, p, add);
      if (n != state) emit('', (state = n));
    };
    /** Restarts timer `k`, or only stops it when there is no `fn`. */
    const timer = (k: number, ms = 0, fn?: false | (() => void)) => {
      clearTimeout(timers[k]);
      if (fn) timers[k] = setTimeout(fn, ms);
    };

    const fail = (code: string, e: any) => {
      if (e.body == 'aborted') return;
      const config = e.body == 'config';
      const error = {code: config ? 'config' : code, message: e.message};
      set(config ? {error, connection: 'error'} : {error});
      emit('error', error);
    };

    /** A REST call as the current contact (none: the contacts collection): a GET, or with a body
     * a POST unless `method` says otherwise. Dropping the session cancels it. */
    const call = <T = any>(tail: string, check: Check, body?: object, method?: string) =>
      api<T>(body ? method || 'POST' : 'GET', state.contact?.sourceId, tail, check, body, co.signal);
    const CONV = '/conversations';
    const cid = () => state.conversationId;
    const find = (f: (m: Message) => unknown) => state.messages.find(f);
    /** A path below the current (or given) conversation. */
    const at = (tail = '', id = cid()) => CONV + '/' + id + tail;
    /** A page of messages: the latest, or the one before message `before`. */
    const page = (before?: number) => call<WireMessage[]>(at('/messages' + (before ? '?before=' + before : '')), list);
    const unknown = () => Promise.reject(Error('Unknown message'));
    /** Reports a failed update and passes the error on. */
    const updateFailed = (e: unknown) => {
      fail('update-failed', e);
      throw e;
    };

    /** A message made here (no server id): a visitor's queued one, or a status note. */
    const local = (type: number, m: Partial<Message>, content?: string, echo_id?: string) =>
      set({}, [{...toMessage({id: 0, message_type: type, content, echo_id})!, id: null, ...m}]);
    /** Shows entry `e`, pending, or failed with `error`. */
    const pend = (e: Out, error = e.x ? '' : null) => local(0, {key: 'echo:' + e.e, createdAt: e.t, status: error == null ? 'pending' : 'failed', error}, e.c, e.e);

    const save = () => {
      const k = own ? state.contact : null;
      try {
        if (k || q.length) st?.setItem(key, JSON.stringify({k, o: q}));
        else st?.removeItem(key);
      } catch {
        // full or blocked storage: keep going in memory
      }
    };

    const patchUser = async () => {
      if (state.contact) await call('', 0, user, 'PATCH').catch(updateFailed);
    };

    const conv = (w: any) => {
      const {conversationStatus: was, conversationId: id, lastSeenAt} = state;
      const now = /^(open|pending|resolved|snoozed)$/.test(w.status) ? w.status : was;
      set({conversationId: w.id, conversationStatus: now, lastSeenAt: Math.max(lastSeenAt, w.contact_last_seen_at * 1000 || 0)});
      // Resolved or reopened shows in the stream, where it happened.
      const t = Date.now();
      if (w.id == id && was && now != was) local(3, {key: 'status:' + t, body: {type: 'status', status: now}, createdAt: t});
    };

    const seen = () =>
      timer(0, 1000, () => {
        // (a conversation implies a contact)
        if (state.panelVisible && cid() != null) quiet(call(at('/update_last_seen'), 0, {}));
      });

    /** Settles queued sends the server now has (REST answer, socket echo or adoption). */
    const settle = () => {
      const n = q.length;
      q = q.filter((e) => {
        const m = find((x) => x.echoId == e.e && x.id != null);
        if (m) e.y?.(m);
        return !m;
      });
      if (q.length < n) save();
    };

    /** Merges wire messages (and `patch`); `live` ones newly on the server are announced. */
    const add = (wire: readonly unknown[], live?: boolean, patch: ChatPatch = {}) => {
      // Ids never change once set, so "newly on the server" is "its id was not in the view".
      const had = new Set(state.messages.map((m) => m.id));
      set(patch, wire.map(toMessage));
      if (live) {
        for (const m of state.messages) if (!had.has(m.id)) emit('message', m);
        if (state.panelVisible) seen();
      }
      settle();
    };

    /** A history page of the current conversation, not announced. */
    const older = async (before?: number) => {
      const p = await page(before);
      add(p, false, {hasOlder: p.length >= PAGE});
    };

    /** The highest server id in view (0: none). */
    const top = () => Math.max(0, ...state.messages.map((x) => x.id!));

    /** After a drop: the latest page, then older pages (ascending, so the first is the oldest)
     * until one reaches what we hold. */
    const backfill = async () => {
      if (cid() == null) return;
      conv(await call(at(), withId));
      const held = top();
      for (let n = 0, before; n < 10; n++) {
        const p = await page(before);
        add(p, true);
        before = p[0]?.id;
        if (p.length < PAGE || !held || before <= held) break;
      }
    };

    const drop = () => {
      cable?.dispose();
      cable = undefined;
      timers.forEach(clearTimeout);
      co.abort();
      co = new AbortController();
    };
    const reject = (why: string) => q.map((e) => e.n?.(Error(why)));
    const loadFailed = (e: unknown) => fail('load-failed', e);

    /** Forgets the contact and the view. A reason (reset) also rejects and forgets the outbox;
     * without one (the contact is gone on the server) the outbox is kept for the next contact. */
    const wipe = (why?: string) => {
      drop();
      ready = own = typing = undefined;
      if (why) {
        reject(why);
        q = [];
        user = {};
      }
      set({...initialState, panelVisible: state.panelVisible});
      for (const e of q) pend(e);
      save();
    };
    const replace = () => (wipe(), ensure());

    // The cable passes only message.*, contact.updated, conversation.* and presence.update.
    const onEvent = ({event: v, data: w}: {event: string; data: any}) => {
      const id = cid();
      if (v[0] == 'm') add([w], true);
      else if (v[0] == 'p') set({availability: Object.values(w.users).includes('online') ? 'online' : 'away'});
      else if (v.includes('typing')) {
        if (w.is_private || w.conversation.id !== id) return;
        const on = v.endsWith('on');
        set({agentTyping: on ? sender(w.user) ?? {name: '', id: null} : null});
        timer(1, 30000, on && (() => set({agentTyping: null})));
      }
      // conversation.* (contact.updated too, harmlessly: no status, no last-seen time, and its id is
      // a contact's, rarely the conversation's)
      else if (v == 'conversation.created' ? id == null && w.contact_inbox?.source_id == state.contact?.sourceId : w.id === id) conv(w);
    };

    const connect = () => {
      if (cable) return;
      // (presenceInterval goes as given)
      const k = (cable = o.createCable({...o, url: o.websocketUrl, pubsubToken: state.contact!.pubsubToken}));
      // (its dispose() removes these listeners)
      k.on('state', ({state}) => {
          set({connection: state});
          // 'connected' means subscribed.
          if (state == 'connected') flush();
        });
        k.on('event', onEvent);
        k.on('subscribed', ({resumed}) => {
          misses = 0;
          fresh = false;
          set({error: null});
          if (resumed) backfill().catch(loadFailed);
        });
        k.on('error', (e) => {
          if (e.code == 'subscription-timeout' && inbox) {
            // A bad token gets silence. Ask REST: the contact under another token (a stale or
            // mistyped one) keeps its conversation under the right one; a gone contact (404), or
            // one missed twice, is replaced.
            const t = ++misses;
            quiet(
              call('', contact)
                .then(
                  (r) => {
                    if (k != cable) return; // reset or disposed meanwhile
                    const c = state.contact!;
                    if (r.pubsub_token == c.pubsubToken) throw 0;
                    set({contact: {...c, pubsubToken: r.pubsub_token}});
                    save();
                    k.dispose();
                    cable = undefined;
                    connect();
                  },
                  (x: ApiError) => {
                    throw x.status == 404 || t > 1;
                  }
                )
                .catch((gone) => k == cable && (gone || t > 1 ? replace() : k.reconnect()))
            );
          } else {
            if (e.fatal) set({connection: 'error'});
            fail(e.code, e);
          }
        });
      k.connect();
    };

    const init = async (): Promise<void> => {
      if (!state.contact) {
        const u = user;
        const r = await call('', contact, u);
        own = fresh = true;
        set({contact: {sourceId: r.source_id, pubsubToken: r.pubsub_token}});
        save();
        if (u != user) quiet(patchUser());
      }
      connect();
      if (!inbox) return;
      const id = o.conversationId;
      try {
        // The given conversation, or the contact's latest, if any.
        const [w] = id == null ? (await call<WireConversation[]>(CONV, list)).filter(withId).sort((a, b) => b.id - a.id) : [await call(at('', id), withId)];
        if (w) conv(w);
      } catch (e) {
        if ((e as ApiError).status == 404 && id == null && !fresh) return replace();
        throw e;
      }
      if (cid() != null) await older();
      flush();
    };

    const ensure = (): Promise<void> =>
      (ready ??= init().then(
        () => void (tries = 0),
        (e: ApiError) => {
          ready = undefined;
          fail('connect-failed', e);
          // A failure that may pass (network, 5xx, 429) is tried again with the cable's backoff.
          // Creating a contact twice leaves at most one unused contact; nothing the visitor sees.
          if (e.retryable) timer(3, backoff(tries++), () => quiet(ensure()));
          throw e;
        }
      ));

    /** Sends the outbox once, in order; stops at the first failure that may pass later. */
    const drain = async () => {
      for (const e of [...q]) {
        const has = () => q.includes(e);
        if (!has() || e.x) continue;
        if (/^(off|rec)/.test(state.connection)) return;
        try {
          await ensure();
          if (e.u) {
            // The last POST may have reached the server: look before sending it twice.
            await backfill();
            const m = find((x) => x.role == 'visitor' && !x.echoId && x.id! > e.m && x.content == e.c);
            if (m && has()) {
              set({}, [{...m, echoId: e.e}]);
              settle();
            }
            if (!has()) continue; // its echo came in meanwhile, or it was adopted
          }
          pend(e);
          if (cid() == null) conv(await call(CONV, withId, {}));
          add([{...(await call(at('/messages'), withId, messageBody(e.c, e.e, e.f?.()))), echo_id: e.e}], true);
        } catch (x: any) {
          if (!has() || x.body == 'aborted') return;
          if (!x.status) e.u = true;
          e.x = x.retryable === false;
          save();
          pend(e, x.message);
          e.n?.(x);
          fail('send-failed', x);
          if (!e.x) return;
        }
      }
    };

    /** One drain at a time; a call during one runs another after it. */
    const flush = () => {
      if (!queued) {
        queued = true;
        chain = chain.then(() => ((queued = false), drain())).catch(noop);
      }
    };

    /** (Re)sends entry `e`; the promise settles with this attempt. */
    const go = (e: Out) =>
      new Promise<Message>((y, n) => {
        e.y = y;
        e.n = n;
        e.x = false;
        pend(e);
        flush();
      });

    const setPanelVisible = (visible: boolean) => {
      set({panelVisible: visible});
      if (visible) ensure().then(seen, noop);
    };

    const setTyping = (on: boolean) => {
      if (cid() == null) return;
      timer(2, 4000, on && (() => setTyping(false)));
      if (on != typing) {
        typing = on;
        quiet(call(at('/toggle_typing'), 0, {typing_status: on ? 'on' : 'off'}));
      }
    };

    Object.assign(this, {
      on,
      start() {
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
        const c = given || k;
        if (c) {
          own = !given;
          set({contact: c});
          quiet(ensure());
        }
      },
      setPanelVisible,
      sendMessage(content, files) {
        const e: Out = {
          e: Math.random().toString(36).slice(2),
          c: content,
          t: Date.now(),
          m: top(),
          f: () => files,
        };
        q.push(e);
        save();
        return go(e);
      },
      retry(key) {
        const e = q.find((x) => 'echo:' + x.e == key);
        return e ? go(e) : unknown();
      },
      async loadOlder() {
        // hasOlder is only ever set by a page of the current contact and conversation.
        if (state.loadingOlder || !state.hasOlder) return;
        set({loadingOlder: true});
        await older(state.messages[0].id!).catch(loadFailed);
        set({loadingOlder: false});
      },
      answer(key, a) {
        // A message with an id came with the current contact and conversation.
        const id = find((x) => x.key == key)?.id;
        const v =
          a.kind == 'csat'
            ? {csat_survey_response: {rating: a.rating, feedback_message: a.feedback}}
            : a.kind == 'email'
            ? [{name: 'email', title: a.email, value: a.email}]
            : a.values;
        return id == null ? unknown() : call(at('/messages/' + id), withId, {submitted_values: v}, 'PATCH').then((w) => add([w]), updateFailed);
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
        reject('Disposed');
        subs = {};
      },
    } satisfies Omit<ChatSession, 'store'>);
  }
}

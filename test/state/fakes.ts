import sinon from 'sinon';
import type {CableLike, CableLikeEvents, SessionOptions, StorageLike} from '../../src/state/chat-session.js';
import {ChatSession} from '../../src/state/chat-session.js';
import {VisitorWriter} from '../../src/state/visitor-writer.js';
import type {ConnectionState} from '../../src/state/model.js';
import type {AkeceEvent} from '../../src/protocol/payloads.js';

/**
 * The session's stand-in for protocol/cable.ts's Cable. It behaves as the cable contract
 * (test/protocol/cable-contract.ts) says, checked by test/state/fake-cable.test.ts; tests drive
 * the server's side with `confirmSubscription()`, `lose()`, `refuse()`, `send()`, or any state
 * with `go()` and any event with `emit()`.
 */
export class FakeCable implements CableLike {
  state: ConnectionState = 'idle';
  connects = 0;
  reconnects = 0;
  disposed = false;
  /** Subscribed once already: the next confirmation is a resumed one. */
  private subscribedBefore = false;
  private listenersByType = new Map<string, Set<(detail: never) => void>>();
  constructor(readonly options: {url: string; pubsubToken: string; presenceInterval: number}) {}
  connect() {
    this.connects++;
    if (this.state == 'idle' && !this.disposed) this.go('connecting');
  }
  perform() {
    return this.state == 'connected' && !this.disposed;
  }
  on<K extends keyof CableLikeEvents>(type: K, listener: (detail: CableLikeEvents[K]) => void) {
    const listeners = this.listenersByType.get(type) ?? new Set();
    this.listenersByType.set(type, listeners.add(listener as never));
    return () => void listeners.delete(listener as never);
  }
  emit<K extends keyof CableLikeEvents>(type: K, detail: CableLikeEvents[K]) {
    for (const listener of [...(this.listenersByType.get(type) ?? [])]) (listener as (detail: CableLikeEvents[K]) => void)(detail);
  }
  /** Moves to `state` (told to listeners only when it changes). */
  go(state: ConnectionState) {
    const previous = this.state;
    if (state == previous) return;
    this.state = state;
    this.emit('state', {state, previous});
  }
  /** The server confirms the subscription (a resumed one after the first). */
  confirmSubscription() {
    this.go('connected');
    this.emit('subscribed', {resumed: this.subscribedBefore});
    this.subscribedBefore = true;
  }
  /** The connection is lost; the cable tries again by itself. */
  lose() {
    this.go('reconnecting');
  }
  /** The server rejects the subscription: a fatal error. */
  refuse() {
    this.go('error');
    this.emit('error', {code: 'subscription-rejected', message: 'Subscription rejected', fatal: true});
  }
  /** The server sends an event (delivered while connected, as a real socket would). */
  send(event: AkeceEvent) {
    this.emit('event', event);
  }
  get listeners() {
    return [...this.listenersByType.values()].reduce((count, listeners) => count + listeners.size, 0);
  }
  reconnect() {
    this.reconnects++;
    if (this.state != 'idle' && !this.disposed) this.go('reconnecting');
  }
  /** As the real Cable: closes and removes every listener. */
  dispose() {
    this.disposed = true;
    this.listenersByType.clear();
  }
}

export class MemStorage implements StorageLike {
  map = new Map<string, string>();
  writes = 0;
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.writes++;
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.writes++;
    this.map.delete(k);
  }
}

export interface Req {
  method: string;
  path: string;
  body: Record<string, unknown> | null;
}
type Wire = Record<string, unknown> & {id: number; content: string; created_at: number; message_type: number};

const json = (b: unknown, status = 200) => new Response(JSON.stringify(b), {status});

/** An in-memory Akece public API behind a stubbed window.fetch. */
export class FakeServer {
  contacts = new Set<string>(['src-1']);
  convs: {id: number; status: string; contact_last_seen_at: number; messages?: Record<string, unknown>[]}[] = [];
  messages: Wire[] = [];
  reqs: Req[] = [];
  next = 1;
  /** The id of the next conversation created. */
  nextConversationId = 87;
  /** Return a Response (or throw) to override a route. */
  hook: ((r: Req) => Response | Promise<Response> | undefined) | null = null;
  stub = sinon.stub(window, 'fetch').callsFake((async (u: string, init: RequestInit) => {
    const url = new URL(u);
    const path = url.pathname.replace('/public/api/v1/inboxes/inb', '') + url.search;
    const body = typeof init.body == 'string' ? JSON.parse(init.body) : null;
    const r: Req = {method: init.method!, path, body};
    this.reqs.push(r);
    return (await this.hook?.(r)) ?? this.route(r);
  }) as typeof fetch);

  add(n: number, o: Partial<Wire> = {}) {
    for (let i = 0; i < n; i++) {
      const id = this.next++;
      this.messages.push({id, content: 'm' + id, message_type: 1, created_at: 1000 + id, conversation_id: 87, sender: {id: 7, name: 'Priya'}, ...o});
    }
    return this.messages[this.messages.length - 1];
  }
  paths(method?: string) {
    return this.reqs.filter((r) => !method || r.method == method).map((r) => `${r.method} ${r.path}`);
  }

  private route({method, path, body}: Req): Response {
    const route = path.match(
      /^\/contacts(?:\/(?<contact>[^/?]+))?(?:\/conversations(?:\/(?<conversation>\d+))?)?(?<action>\/[a-z_]+)?(?:\/(?<message>\d+))?(?:\?before=(?<before>\d+))?$/
    );
    if (!route?.groups) return json({error: 'Not Found'}, 404);
    const {contact, conversation: conversationId, action, message: messageId, before} = route.groups;
    if (!contact && method == 'POST') {
      const created = 'src-' + (this.contacts.size + 1);
      this.contacts.add(created);
      return json({source_id: created, pubsub_token: 'tok-' + created, id: 1});
    }
    if (!contact || !this.contacts.has(decodeURIComponent(contact))) return json({status: 404, error: 'Not Found'}, 404);
    if (!path.includes('/conversations')) {
      // An update answers with the contact's record; a show with its source id and token.
      if (method == 'PATCH') return json({id: 1, name: null, email: null, phone_number: null, ...body});
      return json({source_id: contact, pubsub_token: 'tok-' + contact});
    }
    if (!conversationId) {
      if (method == 'GET') return json(this.convs);
      const created = {id: this.nextConversationId, status: 'open', contact_last_seen_at: 0};
      this.convs.push(created);
      return json(created);
    }
    const conversation = this.convs.find((held) => held.id == Number(conversationId));
    if (!conversation) return json({error: 'Not Found'}, 404);
    if (!action) return json(conversation);
    if (action != '/messages') return new Response('', {status: 200}); // toggle_typing, update_last_seen
    if (method == 'GET') {
      const page = this.messages.filter((held) => held.conversation_id == conversation.id && (!before || held.id < Number(before)));
      return json(page.slice(-20));
    }
    if (method == 'PATCH') {
      const answered = this.messages.find((held) => held.id == Number(messageId))!;
      answered.content_attributes = {submitted_values: body!.submitted_values};
      return json(answered);
    }
    return json(this.add(1, {content: body!.content as string, message_type: 0, created_at: 5000 + this.next, conversation_id: conversation.id}));
  }
}

export function makeSession(o: Partial<SessionOptions> = {}) {
  const cables: FakeCable[] = [];
  const storage = new MemStorage();
  const session = new ChatSession({
    baseUrl: 'https://chat.example',
    websocketUrl: 'wss://chat.example/cable',
    inboxIdentifier: 'inb',
    storage,
    presenceInterval: 30,
    createCable: (opts) => {
      const c = new FakeCable(opts);
      cables.push(c);
      return c;
    },
    // The writer's code is at hand in the tests: made at once, as if its chunk had arrived.
    createWriter: (context) => new VisitorWriter(context),
    ...o,
  });
  return {session, storage, cables, get cable() {
    return cables[cables.length - 1];
  }};
}

/** Lets fetch answers (whose bodies need real tasks) and promise chains run. */
export async function settle(clock: sinon.SinonFakeTimers, n = 12) {
  for (let i = 0; i < n; i++) {
    await clock.tickAsync(0);
    await new Promise<void>((r) => {
      const c = new MessageChannel();
      c.port1.onmessage = () => r();
      c.port2.postMessage(0);
    });
  }
}

/** Lets fetch answers and promise chains run until `condition()` holds; fails if it never does. */
export async function until(clock: sinon.SinonFakeTimers, condition: () => boolean, what: string, rounds = 60) {
  for (let round = 0; round < rounds; round++) {
    if (condition()) return;
    await settle(clock, 1);
  }
  throw new Error(`never happened: ${what}`);
}

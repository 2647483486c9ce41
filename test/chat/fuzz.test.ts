import {expect, fixture, html} from '@open-wc/testing';
import sinon from 'sinon';
import fc from 'fast-check';
import type {AkeceChat} from '../../src/chat/chat.js';
import {fakeSockets, type FakeWebSocket} from '../../src/protocol/testing.js';
import {IDENTIFIER, TOKEN, fixtureJson} from '../helpers/frames.js';
import '../../src/define.js'; // registers the elements (guarded, as on a page)

// Random and mutated server input through the real element, with only fetch and WebSocket faked:
// thousands of socket frames built from the protocol fixtures, then random REST bodies for the
// contact, conversation and history calls. Nothing may throw out of the widget, it must keep
// rendering, and a valid message afterwards must still show.

const BASE = 'https://akece.test';
const CONV = 87;
const SEED = Number(new URLSearchParams(location.search).get('seed')) || 20260617;
type Json = any;

const FIXTURES = [
  'cable-confirm-subscription',
  'cable-ping',
  'cable-welcome',
  'conversation.created',
  'conversation.status_changed',
  'conversation.typing_off',
  'conversation.typing_on',
  'conversation.updated',
  'message.created',
  'message.created.template-csat',
  'message.updated.deleted',
  'presence.update',
];

/** Values a mutation puts in place of a field: wrong types, edge numbers, hostile strings. */
const junk = fc.oneof(
  fc.jsonValue({maxDepth: 2}),
  fc.string({maxLength: 30}),
  fc.constantFrom<Json>(null, true, 0, -1, 1e308, -1e308, 2 ** 53, 0.5, '', '87', CONV, 'NaN', [], {}, [null], {id: null}, '__proto__', 'constructor', 'toString', 'javascript:alert(1)', 'x'.repeat(5000), IDENTIFIER, '{"event":"message.created"}')
);

const clone = (v: Json): Json => JSON.parse(JSON.stringify(v));

/** Every path (list of keys) inside `v`. */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []) {
  if (v && typeof v == 'object') for (const k of Object.keys(v)) out.push([...at, k]), paths(v[k], [...at, k], out);
  return out;
}

/** Applies `ops` to a copy of `base`: delete a field, replace it with junk, or turn a JSON-text field into a string. */
function mutate(base: Json, ops: [number, 'del' | 'set' | 'str', Json][]): Json {
  const v = clone(base);
  for (const [n, kind, value] of ops) {
    const all = paths(v);
    if (!all.length) break;
    const path = all[n % all.length];
    let o = v;
    for (const k of path.slice(0, -1)) o = o[k];
    const k = path[path.length - 1];
    if (kind == 'del') delete o[k];
    else if (kind == 'str') o[k] = JSON.stringify(o[k]) ?? 'undefined';
    else o[k] = value;
  }
  return v;
}

const ops = fc.array(fc.tuple(fc.nat(), fc.constantFrom<'del' | 'set' | 'str'>('del', 'set', 'set', 'str'), junk), {minLength: 1, maxLength: 5});

/** A frame from the fixtures, mutated; or an event frame with a random name and data; or random text. */
const frameArb = (fixtures: Json[]) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.tuple(fc.constantFrom(...fixtures), ops, fc.option(fc.integer({min: 1, max: 1e6}))).map(([f, o, id]) => {
        const v = mutate(f, o);
        // a fresh id half the time, so that messages add up instead of replacing one another
        if (id != null && typeof v?.message?.data?.id == 'number') v.message.data.id = id;
        return JSON.stringify(v);
      }),
    },
    {weight: 2, arbitrary: fc.constantFrom(...fixtures).map((f) => JSON.stringify(f))},
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('message.created', 'message.updated', 'conversation.created', 'conversation.updated', 'conversation.status_changed', 'conversation.typing_on', 'presence.update', 'contact.updated', 'notification_created', '__proto__', 'toString'), fc.jsonValue({maxDepth: 3}), fc.boolean())
        .map(([event, data, text]) => JSON.stringify({identifier: IDENTIFIER, message: text ? JSON.stringify({event, data}) : {event, data}})),
    },
    {weight: 1, arbitrary: fc.jsonValue({maxDepth: 3}).map((v) => JSON.stringify(v))},
    {weight: 1, arbitrary: fc.string({maxLength: 200})},
    {weight: 1, arbitrary: fc.constantFrom('', 'null', '[]', '{', '"x"', '{"__proto__":{"polluted":1}}', `{"identifier":${JSON.stringify(IDENTIFIER)},"message":"{\\"event\\":\\"message.created\\",\\"data\\":{\\"__proto__\\":{\\"polluted\\":1}}}"}`)}
  );

/** Frames that would legitimately end the session (a rejection, a server disconnect) are not garbage. */
const ending = (text: string) => {
  try {
    const t = JSON.parse(text)?.type;
    return t == 'reject_subscription' || t == 'disconnect';
  } catch {
    return false;
  }
};

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), {status, headers: {'content-type': 'application/json'}});

describe('<akece-chat> under fuzzed server input', function () {
  this.timeout(150000);
  let sockets: ReturnType<typeof fakeSockets>;
  let realWebSocket: typeof WebSocket;
  let errors: string[];
  let fixtures: Json[];
  let messageData: Json;
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.message} ${e.error?.stack ?? ''}`);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandledrejection: ${e.reason?.stack ?? e.reason}`);

  before(async () => {
    fixtures = await Promise.all(FIXTURES.map((n) => fixtureJson(n)));
    messageData = (fixtures[FIXTURES.indexOf('message.created')] as Json).message.data;
  });

  beforeEach(() => {
    errors = [];
    localStorage.clear();
    localStorage.setItem(`akece-chat:${BASE}:inbox`, JSON.stringify({k: {sourceId: 'src-1', pubsubToken: TOKEN}, o: []}));
    sockets = fakeSockets();
    realWebSocket = window.WebSocket;
    (window as unknown as {WebSocket: unknown}).WebSocket = sockets.WebSocket;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });

  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    sinon.restore();
    window.WebSocket = realWebSocket;
    localStorage.clear();
  });

  const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
  const mount = () => fixture<AkeceChat>(html`<akece-chat base-url=${BASE} inbox-identifier="inbox" open></akece-chat>`);
  const list = (el: AkeceChat) => el.shadowRoot!.querySelector('akece-message-list')!;
  const shown = (el: AkeceChat) => [...list(el).shadowRoot!.querySelectorAll('[part~=message]')].map((m) => m.textContent!);

  /** The element's open socket (made after the `from`-th), subscribed; a new one is accepted and welcomed. */
  const live = async (from = 0): Promise<FakeWebSocket | null> => {
    await tick(); // a reconnect's next socket is made in a microtask or a timer at 0
    const ws = sockets.sockets.length > from ? sockets.last! : null;
    // (a closed fake would still deliver what it is given, unlike a browser's socket)
    if (!ws || ws.readyState > 1) return null;
    if (ws.readyState == 0) {
      ws.accept();
      await ws.receive({type: 'welcome'});
    }
    await ws.receive({identifier: IDENTIFIER, type: 'confirm_subscription'});
    return ws;
  };

  /** Runs the checks; a failure is printed in full (fast-check shows only the counterexample). */
  const report = async (checks: () => Promise<void>) => {
    try {
      await checks();
    } catch (e) {
      console.log(`fuzz failure: ${(e as Error).stack?.slice(0, 3000)}`);
      throw e;
    }
  };

  /** Still rendering: an update completes and the parts are there. */
  const rendering = async (el: AkeceChat) => {
    el.requestUpdate();
    expect(await el.updateComplete).to.be.a('boolean');
    await list(el).updateComplete;
    expect(el.shadowRoot!.querySelector('[part~=panel]')).to.exist;
    expect(list(el).shadowRoot!.querySelector('[part~=messages]')).to.exist;
  };

  /** A valid message.created still shows (when it is among the latest the list renders). */
  const validShows = async (el: AkeceChat, ws: FakeWebSocket, id: number) => {
    const text = `valid message ${id}`;
    const data = {...messageData, id, content: text, conversation_id: CONV, created_at: 4e9, updated_at: undefined};
    await ws.receive({identifier: IDENTIFIER, message: {event: 'message.created', data}});
    await el.updateComplete;
    await list(el).updateComplete;
    const all = el.messages;
    const at = all.findIndex((m) => m.id === id);
    expect(at, 'the valid message is in el.messages').to.be.at.least(0);
    if (all.length - at <= 100) expect(shown(el).some((t) => t.includes(text)), 'the valid message is rendered').to.equal(true);
  };

  it('survives 3,000 random and mutated socket frames', async () => {
    sinon.stub(window, 'fetch').callsFake(async (input) => {
      const url = String(input instanceof Request ? input.url : input);
      if (/\/conversations$/.test(url)) return json([{id: CONV, status: 'open', messages: []}]);
      if (url.includes('/messages')) return json([]);
      return json({});
    });
    const el = await mount();
    await live();
    await tick(20);
    let count = 0;
    let skipped = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(frameArb(fixtures), {minLength: 10, maxLength: 10}), async (frames) => {
        for (const f of frames) {
          if (ending(f)) {
            skipped++;
            continue;
          }
          await sockets.last!.receive(f);
          count++;
        }
        await report(async () => {
          await rendering(el);
          expect(errors).to.deep.equal([]);
        });
      }),
      {numRuns: 300, seed: SEED, endOnFailure: true}
    );
    console.log(`fuzz: ${count} socket frames fed (${skipped} session-ending frames skipped), seed ${SEED}, ${el.messages.length} messages held`);
    expect(count).to.be.greaterThan(2800);
    await validShows(el, (await live())!, 77777777);
    expect(({} as {polluted?: unknown}).polluted).to.equal(undefined);
    expect(errors).to.deep.equal([]);
    expect(el.connectionState).to.equal('connected');
  });

  it('survives every field of every fixture set to each edge value, one at a time', async () => {
    sinon.stub(window, 'fetch').callsFake(async (input) => {
      const url = String(input instanceof Request ? input.url : input);
      if (/\/conversations$/.test(url)) return json([{id: CONV, status: 'open', messages: []}]);
      if (url.includes('/messages')) return json([]);
      return json({});
    });
    const el = await mount();
    await live();
    await tick(20);
    const EDGES: Json[] = [null, true, '', 'x', -1, 0, 1e15, 2 ** 53, 1e308, -1e308, 1e-300, [], {}, '__proto__', 'javascript:alert(1)'];
    let count = 0;
    let id = 5e6;
    for (const f of fixtures) {
      if (ending(JSON.stringify(f))) continue;
      for (const [n] of paths(f).entries())
        for (const edge of EDGES) {
          const v = mutate(f, [[n, 'set', edge]]);
          if (typeof v?.message?.data?.id == 'number' && edge !== v.message.data.id) v.message.data.id = ++id;
          await sockets.last!.receive(JSON.stringify(v));
          count++;
        }
      await report(async () => {
        await rendering(el);
        expect(errors).to.deep.equal([]);
      });
    }
    console.log(`fuzz: ${count} frames with one field set to an edge value`);
    await validShows(el, (await live())!, 99999999);
    expect(errors).to.deep.equal([]);
  });

  it('survives random and mutated REST bodies for the contact, conversation and history calls', async () => {
    const contact = {source_id: 'src-1', pubsub_token: TOKEN, id: 5, name: 'Alex'};
    const conversation = {id: CONV, status: 'open', contact_last_seen_at: 1781692000, messages: [messageData]};
    const page = [messageData, {...messageData, id: 4523, message_type: 0, content: 'hi'}];
    const base = (url: string, method: string): Json =>
      url.includes('/messages') ? (method == 'POST' ? {...messageData, message_type: 0} : page) : /\/conversations$/.test(url) ? (method == 'POST' ? conversation : [conversation]) : /\/conversations\/\d+/.test(url) ? conversation : contact;
    type Reply = {kind: 'mutate' | 'random' | 'text' | 'valid'; status: number; ops: Json; random: Json; text: string};
    const replyArb: fc.Arbitrary<Reply> = fc.record({
      kind: fc.constantFrom<Reply['kind']>('mutate', 'mutate', 'random', 'text', 'valid'),
      status: fc.constantFrom(200, 200, 200, 201, 204, 400, 401, 404, 422, 429, 500, 503),
      ops,
      random: fc.jsonValue({maxDepth: 3}),
      text: fc.constantFrom('', 'not json', '{', '<html>502</html>', 'null', '{"__proto__":{"polluted":1}}'),
    });
    let replies: Reply[] = [];
    let calls = 0;
    sinon.stub(window, 'fetch').callsFake(async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
      const r = replies[calls++ % Math.max(1, replies.length)];
      if (!r || r.kind == 'valid') return json(base(url, method));
      const body = r.kind == 'text' ? r.text : JSON.stringify(r.kind == 'random' ? r.random : mutate(base(url, method), r.ops));
      return new Response(r.status == 204 ? null : body, {status: r.status, headers: {'content-type': 'application/json'}});
    });
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(replyArb, {minLength: 1, maxLength: 8}), fc.boolean(), async (rs, send) => {
        replies = rs;
        calls = 0;
        runs++;
        const n = sockets.sockets.length;
        const el = await mount();
        await tick(5); // the contact, conversation list and first page are loaded
        const ws = await live(n);
        ws?.receive({identifier: IDENTIFIER, type: 'confirm_subscription'}); // a resubscribe backfills through REST
        await tick(5);
        if (send) el.sendMessage('hello').catch(() => {});
        list(el).dispatchEvent(new CustomEvent('akece-load-older-request', {bubbles: true, composed: true}));
        await tick(5);
        await report(async () => {
          await rendering(el);
          expect(errors).to.deep.equal([]);
        });
        el.remove();
        localStorage.setItem(`akece-chat:${BASE}:inbox`, JSON.stringify({k: {sourceId: 'src-1', pubsubToken: TOKEN}, o: []}));
      }),
      {numRuns: 150, seed: SEED, endOnFailure: true}
    );
    console.log(`fuzz: ${runs} elements fed random REST bodies`);
    // After garbage answers, a valid socket message still shows.
    replies = [];
    const n = sockets.sockets.length;
    const el = await mount();
    await tick(20);
    await validShows(el, (await live(n))!, 88888888);
    await rendering(el);
    expect(({} as {polluted?: unknown}).polluted).to.equal(undefined);
    expect(errors).to.deep.equal([]);
  });
});

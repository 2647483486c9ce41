// Shared by the element's accessibility and keyboard tests: a server message builder, the
// sockets side of the fake network (FakeWebSockets kept alive with pings), the subscription
// handshake, and waits that follow the root's once-per-frame rendering.
import {nextFrame} from '@open-wc/testing';
import type {LitElement} from 'lit';
import sinon from 'sinon';
import type {AkeceChat} from '../../src/chat/chat.js';
import {fakeSockets, type FakeWebSocket} from '../../src/protocol/testing.js';
import {richReady} from '../../src/components/message/load-rich.js';
import {IDENTIFIER} from '../helpers/frames.js';
import '../../src/define.js'; // registers the elements (guarded, as on a page)

export const BASE = 'https://akece.test';
export const CONV = 87;
export const T0 = 1781692000;
export const AGENT = {id: 7, name: 'Priya Nair', available_name: 'Priya', avatar_url: '', type: 'user'};
export const VISITOR = {id: 555, name: 'Alex Moreau', type: 'contact'};
// As the shared protocol fixture public-api-error-422-record-invalid.json.
export const RECORD_INVALID = {message: 'Content is too long (maximum is 150000 characters)', attributes: ['content']};

export type Wire = Record<string, any>;
let lastId = 4600;
/** A server message (REST and socket shape); an agent's text unless `o` says otherwise. */
export const wire = (o: Wire = {}): Wire => {
  const id = ++lastId;
  return {id, content: `Message ${id}`, conversation_id: CONV, message_type: 1, created_at: T0 + id, content_type: 'text', content_attributes: {}, status: 'sent', sender: AGENT, ...o};
};
export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), {status, headers: {'content-type': 'application/json'}});

/** Waits (frame by frame, at most `ms`: generous, as a shared machine may be slow) until `cond` holds; fails with `what` otherwise. */
export async function until(cond: () => unknown, what: string, ms = 10_000) {
  const end = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await nextFrame();
  }
}

export const root = (el: AkeceChat) => el.shadowRoot!;
export const list = (el: AkeceChat) => root(el).querySelector('akece-message-list')!;
/** In the message list's shadow root. */
export const inList = (el: AkeceChat, sel: string) => [...list(el).shadowRoot!.querySelectorAll<HTMLElement>(sel)];

/** The root renders at most once per animation frame; then its children render. */
export async function settled(el: AkeceChat) {
  await richReady(); // Markdown, media and bot forms come with the on-demand module
  for (let i = 0; i < 3; i++) {
    await nextFrame();
    await el.updateComplete;
    // A closed widget has no panel: its code loads when it first opens.
    for (const child of root(el).querySelectorAll<LitElement>('akece-message-list, akece-composer')) await child.updateComplete;
  }
}

/**
 * Installs FakeWebSockets for every test of the calling `describe` (and restores WebSocket,
 * sinon and storage after each). Connected sockets get a ping every 2 s: the cable treats a
 * socket without one for 6 s as dead, and a slow axe run must not drop it.
 */
export function fakeNetwork() {
  const net = {} as {sockets: ReturnType<typeof fakeSockets>};
  let real: typeof WebSocket;
  let pinger: ReturnType<typeof setInterval>;
  before(() => richReady());
  beforeEach(() => {
    localStorage.clear();
    net.sockets = fakeSockets();
    real = window.WebSocket;
    (window as unknown as {WebSocket: unknown}).WebSocket = net.sockets.WebSocket;
    pinger = setInterval(() => net.sockets.sockets.filter((s) => s.readyState == 1).forEach((s) => s.receive({type: 'ping', message: Math.floor(Date.now() / 1000)})), 2000);
  });
  afterEach(() => {
    clearInterval(pinger);
    sinon.restore();
    window.WebSocket = real;
    localStorage.clear();
  });
  return net;
}

/** Server side of the newest socket (after `after` of them): accept, welcome, confirm the subscription. */
export async function connect(el: AkeceChat, sockets: ReturnType<typeof fakeSockets>, after = 0): Promise<FakeWebSocket> {
  await until(() => sockets.sockets.length > after, 'a socket');
  const ws = sockets.last!;
  ws.accept();
  await ws.receive({type: 'welcome'});
  await ws.receive({identifier: IDENTIFIER, type: 'confirm_subscription'});
  await until(() => el.connectionState == 'connected', 'connected');
  return ws;
}

/** A request to the in-test Akece, decoded: `tail` is the path below `.../contacts/{source_id}`
 * ('' for the contact itself; the contacts collection's own path ends with `/contacts`). */
export interface Req {
  method: string;
  url: URL;
  tail: string;
  body: Wire;
}

/**
 * Answers the widget's requests to BASE with `answer` (a JSON `{}` when it returns nothing, as
 * Akece answers last-seen and typing); requests elsewhere (the test's own files) go through.
 */
export function serve(answer: (r: Req) => Response | undefined | Promise<Response | undefined>) {
  const realFetch = window.fetch.bind(window);
  sinon.stub(window, 'fetch').callsFake(async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    if (url.origin != BASE) return realFetch(input, init);
    const body = typeof init?.body == 'string' ? (JSON.parse(init.body) as Wire) : {};
    const tail = url.pathname.replace(/^.*\/contacts(\/[^/]+)?/, '');
    return (await answer({method: init?.method ?? 'GET', url, tail, body})) ?? json({});
  });
}


// End-to-end helpers: the widget from the built bundle (dist/akece-chat.js) in a real page (an
// iframe, so it can be reloaded), against the real local server, acting as the agent through
// the server's agent API. Nothing is faked.
import {expect} from '@open-wc/testing';
import type {AkeceChat} from '../../src/chat/chat.js';
import {startServer, stopServer, type TestServer} from '../helpers/server.js';

export interface WidgetPage {
  /** The page's window; it stays the same object across reloads. */
  win: Window & typeof globalThis;
  el: AkeceChat;
  /** Removes the iframe or closes the popup. */
  close(): void;
}

/** What one end-to-end test works with: its own server process and, once opened, its page. */
export interface E2E {
  server: TestServer;
  page?: WidgetPage;
}

/**
 * Gives each test of the calling `describe` a fresh server process, and afterwards forgets
 * what the page stored, closes the page and stops the server. Hooks a file registers before
 * calling this run before this cleanup.
 */
export function perTest(env: Record<string, string> = {}): E2E {
  const t = {} as E2E;
  beforeEach(async () => {
    t.server = await startServer(env);
  });
  afterEach(async () => {
    t.page?.win.localStorage.clear();
    t.page?.win.sessionStorage.clear();
    t.page?.close();
    t.page = undefined;
    await stopServer(t.server);
  });
  return t;
}

/** Polls `check` until it returns a truthy value; fails with `what` after `ms`. */
export async function until<T>(check: () => T | Promise<T>, what: string, ms = 8000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Loads the widget page with these attributes on <akece-chat>: in an iframe, or with `popup` in
 * a window of its own, which is what network emulation (setOffline) needs: switching off the
 * test page's network would also cut the test's own line to the runner.
 */
export async function openWidget(attrs: Record<string, string>, {scripts = 1, popup = false} = {}): Promise<WidgetPage> {
  const src = `/test/e2e/pages/widget.html?${new URLSearchParams({...attrs, scripts: String(scripts)})}`;
  if (popup) {
    const win = window.open(src, '_blank', 'popup,width=800,height=700') as (Window & typeof globalThis) | null;
    if (!win) throw new Error('the browser blocked the popup');
    return attach(win, () => win.close());
  }
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 700px; border: 0';
  frame.src = src;
  document.body.append(frame);
  return attach(await until(() => frame.contentWindow as Window & typeof globalThis, 'the frame'), () => frame.remove());
}

/** Waits for the page in `win` (after a load or reload) to have a defined, rendered widget. */
async function attach(win: Window & typeof globalThis, close: () => void, old?: Document): Promise<WidgetPage> {
  await until(() => {
    const doc = win.document;
    return doc !== old && doc.URL !== 'about:blank' && doc.readyState === 'complete' && doc.querySelector('akece-chat') && win.customElements.get('akece-chat');
  }, 'the widget page');
  const el = win.document.querySelector('akece-chat') as AkeceChat;
  await el.updateComplete;
  return {win, el, close};
}

/** Reloads the page, as a visitor pressing F5. */
export async function reload(page: WidgetPage): Promise<WidgetPage> {
  const old = page.win.document;
  page.win.location.reload();
  return attach(page.win, page.close, old);
}

export const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`) ?? deep(el, name)[0] ?? null;

/** Every element with `part` inside the widget, through nested shadow roots. */
export function deep(el: Element, name: string): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walk = (root: ShadowRoot) => {
    found.push(...root.querySelectorAll<HTMLElement>(`[part~="${name}"]`));
    for (const child of root.querySelectorAll('*')) if (child.shadowRoot) walk(child.shadowRoot);
  };
  walk(el.shadowRoot!);
  return found;
}

/** The composer's text field. */
export const field = (el: Element) => deep(el, 'composer')[0].querySelector('textarea')!;

/** Types `text` into the composer and presses its send button, as a visitor. */
export async function typeAndSend(el: Element, text: string) {
  const area = field(el);
  area.value = text;
  area.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
  deep(el, 'send-button')[0].click();
}

/** The agent, through the local server's agent API. */
export function agent(server: TestServer) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/agent/api${path}`, {
      method,
      headers: body ? {'content-type': 'application/json'} : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  return {
    conversations: () => call('GET', '/conversations') as Promise<{id: number; status: string; meta: {sender: {id: number}}}[]>,
    messages: (id: number) => call('GET', `/conversations/${id}/messages`) as Promise<{id: number; content: string; message_type: number; private: boolean}[]>,
    reply: (id: number, body: Record<string, unknown> | string) =>
      call('POST', `/conversations/${id}/messages`, typeof body === 'string' ? {content: body} : body) as Promise<{id: number}>,
    bulk: (id: number, count: number, content?: string) => call('POST', `/conversations/${id}/messages/bulk`, {count, content}) as Promise<{ids: number[]}>,
    edit: (id: number, mid: number, content: string) => call('PATCH', `/conversations/${id}/messages/${mid}`, {content}),
    remove: (id: number, mid: number) => call('DELETE', `/conversations/${id}/messages/${mid}`),
    typing: (id: number, on: boolean, isPrivate = false) => call('POST', `/conversations/${id}/typing`, {on, private: isPrivate}),
    status: (id: number, status: string) => call('POST', `/conversations/${id}/status`, {status}),
    presence: (status: 'online' | 'away' | 'offline') => call('POST', '/presence', {status}),
    raw: (pubsubToken: string, frame: unknown) => call('POST', '/cable/raw', {pubsub_token: pubsubToken, frame}),
    drop: () => call('POST', '/cable/drop'),
    /** Makes matching public-API requests fail (demo/server/faults.mjs). */
    fault: (spec: Record<string, unknown>) => call('POST', '/faults', spec),
    /** How many socket broadcasts a `delayMs` event fault holds back right now. */
    heldBroadcasts: async () => ((await call('GET', '/faults')) as {heldBroadcasts: number}).heldBroadcasts,
  };
}

/** The only conversation on the server, once the widget has created it. */
export async function onlyConversation(server: TestServer) {
  const list = await until(async () => {
    const all = await agent(server).conversations();
    return all.length ? all : null;
  }, 'a conversation on the server');
  return list[0];
}

/** The conversation's public messages as the server holds them, oldest first. */
export const publicMessages = async (server: TestServer, id: number) => (await agent(server).messages(id)).filter((m) => !m.private);

/** The widget shows exactly what the server holds: same ids, same order, once each. */
export async function expectServerView(server: TestServer, el: AkeceChat, id: number) {
  const want = (await publicMessages(server, id)).map((m) => m.id);
  const own = () => el.messages.filter((m) => m.body.type !== 'status');
  await until(() => own().length >= want.length, `${want.length} messages`, 15000);
  expect(own().map((m) => m.id)).to.deep.equal(want);
}

let barriers = 0;

/**
 * Returns once every frame the server sent the widget before this call has reached it. The agent
 * writes a marker reply and we wait until the widget shows it: one socket delivers in order, so
 * an echo that was going to arrive (and could duplicate a message) is in by then. Use it after a
 * send's answer, where a duplicate would otherwise appear later, instead of sleeping.
 */
export async function everythingDelivered(server: TestServer, el: AkeceChat, conversationId: number) {
  // Broadcasts a fault holds back would arrive after the marker: wait until they have gone out.
  await until(async () => (await agent(server).heldBroadcasts()) === 0, 'the held-back broadcasts', 15000);
  const marker = `(barrier ${++barriers})`;
  await agent(server).reply(conversationId, marker);
  await until(() => el.messages.some((m) => m.content === marker), 'the frames sent before the barrier', 15000);
}

/** A Content-Security-Policy header as {directive: values}. */
export const cspDirectives = (csp: string): Record<string, string[]> =>
  Object.fromEntries(
    csp
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((directive) => directive[0])
      .map(([name, ...values]) => [name, values])
  );

/** Requests this page has made to `origin` (resource timing), for "quiet until needed". */
export const requestsTo = (win: Window, origin: string) =>
  win.performance.getEntriesByType('resource').filter((e) => e.name.startsWith(origin));

/** Texts of the rendered messages, in order. */
export const shownTexts = (el: Element) => deep(el, 'message').map((m) => m.textContent!.replace(/\s+/g, ' ').trim());

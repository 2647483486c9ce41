// Shared set-up for the agent console's browser tests: the local server as a real process, the
// console mounted in the test page on that server's agent API, and the visitor and the agent
// acting over real HTTP.
import {startServer, stopServer, type TestServer} from '../helpers/server.js';

export interface ConsoleInstance {
  start(): Promise<void>;
  stop(): void;
  open(id: number): Promise<void>;
}
interface ConsoleModule {
  AgentConsole: new (root: HTMLElement, options: {apiBase: string}) => ConsoleInstance;
}

/** The console's modules are plain JavaScript served as they are (as on /agent). */
export const importAgentModule = <T>(name: string): Promise<T> => import(/* @vite-ignore */ `/demo/agent/${name}`) as Promise<T>;

/** Waits for `condition`, polling; fails with `what` after `ms`. */
export async function until(condition: () => unknown, what: string, ms = 8000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A JSON request that must succeed. */
export async function json<T = any>(url: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(url, {method, headers: body === undefined ? {} : {'content-type': 'application/json'}, body: body === undefined ? undefined : JSON.stringify(body)});
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface Visitor {
  sourceId: string;
  conversationId: number;
  say(content: string): Promise<{id: number}>;
  upload(file: Blob, name: string, content?: string): Promise<{id: number}>;
  answer(messageId: number, submittedValues: unknown): Promise<unknown>;
}

/** A contact with a conversation, writing through the public API. */
export async function visitor(server: TestServer, name: string): Promise<Visitor> {
  const base = `${server.url}/public/api/v1/inboxes/demo-inbox`;
  const contact = await json<{source_id: string}>(`${base}/contacts`, 'POST', {name});
  const conversation = await json<{id: number}>(`${base}/contacts/${contact.source_id}/conversations`, 'POST', {});
  const conversationUrl = `${base}/contacts/${contact.source_id}/conversations/${conversation.id}`;
  return {
    sourceId: contact.source_id,
    conversationId: conversation.id,
    say: (content) => json(`${conversationUrl}/messages`, 'POST', {content}),
    async upload(file, fileName, content) {
      const form = new FormData();
      if (content) form.append('content', content);
      form.append('attachments[]', file, fileName);
      const response = await fetch(`${conversationUrl}/messages`, {method: 'POST', body: form});
      if (!response.ok) throw new Error(`upload: ${response.status}`);
      return response.json();
    },
    answer: (messageId, submittedValues) => json(`${conversationUrl}/messages/${messageId}`, 'PATCH', {submitted_values: submittedValues}),
  };
}

/** The agent API of `server`. */
export const agentApi = (server: TestServer) => ({
  post: <T = any>(path: string, body?: unknown) => json<T>(`${server.url}/agent/api${path}`, 'POST', body),
  get: <T = any>(path: string) => json<T>(`${server.url}/agent/api${path}`),
  patch: <T = any>(path: string, body?: unknown) => json<T>(`${server.url}/agent/api${path}`, 'PATCH', body),
});

/** A PNG of the given size, drawn in the page. */
export async function png(width: number, height: number): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#2456d6';
  context.fillRect(0, 0, width, height);
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob!), 'image/png'));
}

export interface Mounted {
  server: TestServer;
  root: HTMLElement;
  console: ConsoleInstance;
  $: <E extends Element = HTMLElement>(selector: string) => E | null;
  $$: <E extends Element = HTMLElement>(selector: string) => E[];
}

/** One server and one mounted console per test, both gone after it. */
export function perTest() {
  const state = {} as Mounted;
  let link: HTMLLinkElement;
  beforeEach(async function () {
    this.timeout(30000);
    state.server = await startServer();
    link = Object.assign(document.createElement('link'), {rel: 'stylesheet', href: '/demo/agent/agent.css'});
    document.head.append(link);
    await new Promise((resolve) => link.addEventListener('load', resolve, {once: true}));
    state.root = Object.assign(document.createElement('div'), {className: 'app'});
    state.root.style.height = '700px';
    document.body.append(state.root);
    const {AgentConsole} = await importAgentModule<ConsoleModule>('console.js');
    state.console = new AgentConsole(state.root, {apiBase: `${state.server.url}/agent/api`});
    await state.console.start();
    state.$ = (selector) => state.root.querySelector(selector);
    state.$$ = (selector) => [...state.root.querySelectorAll(selector)] as never;
    await until(() => state.$('.link.live'), 'the event stream');
  });
  afterEach(async function () {
    this.timeout(30000);
    state.console.stop();
    state.root.remove();
    link.remove();
    await stopServer(state.server);
  });
  return state;
}

/** Opens conversation `id` in the console and waits until its thread shows at least `rows` messages. */
export async function openConversation(t: Mounted, id: number, rows: number) {
  await until(() => t.$(`.conv[data-id="${id}"]`), 'the conversation in the list');
  t.$<HTMLButtonElement>(`.conv[data-id="${id}"]`)!.click();
  await until(() => t.$$('.msg').length >= rows && t.$('.messages')!.getAttribute('aria-busy') === 'false', 'the thread');
}

// Helpers for the framework and snippet tests: the built examples and bundle against the real
// local server (test/helpers/server-plugin.mjs), acting as the agent over its HTTP agent API.
import type {AkeceChat} from '../../src/chat/chat.js';
import type {TestServer} from '../helpers/server.js';

export interface MountedDemo {
  unmount(): void;
}

/** The `mount` export of a built example (`npm run build:demos` writes dist/demos/). */
export async function loadDemo(name: 'react' | 'vue') {
  const url = `/dist/demos/${name}/main.js`;
  const mod = (await import(url).catch(() => {
    throw new Error(`${url} is missing: run \`npm run build && npm run build:demos\` first`);
  })) as {mount(host: Element, props: {baseUrl: string; inboxIdentifier: string}): MountedDemo};
  return mod.mount;
}

import {until} from '../e2e/helpers.js';

/** Polls a check until it holds (the end-to-end tests' helper). */
export {until};

interface AgentConversation {
  id: number;
  meta: {sender: {name: string; email: string | null}};
}

/** The agent side of the local server. */
export function agent(server: TestServer) {
  const call = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}/agent/api${path}`, {
      method: body ? 'POST' : 'GET',
      headers: body ? {'content-type': 'application/json'} : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return res.json() as Promise<T>;
  };
  return {
    conversations: () => call<AgentConversation[]>('/conversations'),
    messages: (id: number) => call<{content: string; message_type: number}[]>(`/conversations/${id}/messages`),
    reply: (id: number, content: string) => call(`/conversations/${id}/messages`, {content}),
    /** The only conversation, once the widget has created it. */
    only: () => until(async () => (await call<AgentConversation[]>('/conversations'))[0], 'a conversation on the server'),
  };
}

/** The text of an element found by `data-test` in a demo. */
export const text = (root: ParentNode, name: string) => root.querySelector(`[data-test=${name}]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

export const button = (root: ParentNode, label: RegExp) =>
  [...root.querySelectorAll('button')].find((b) => label.test(b.textContent ?? ''))!;

export const widget = (root: ParentNode) => root.querySelector('akece-chat') as AkeceChat;

/** The panel part inside the widget's shadow root. */
export const panel = (el: AkeceChat) => el.shadowRoot!.querySelector<HTMLElement>('[part=panel]')!;

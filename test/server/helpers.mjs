// Shared helpers for the server tests: start a server on 127.0.0.1:0, call its APIs, and read
// raw ActionCable frames from a `ws` socket.
import {WebSocket} from 'ws';
import {startServer} from '../../demo/server/server.mjs';

/** @param {import('../../demo/server/server.mjs').ServerOptions} [opts] */
export const start = (opts = {}) => startServer({port: 0, host: '127.0.0.1', ...opts});

/**
 * JSON request; resolves to {status, body, headers}.
 * @param {string} url @param {{method?: string, body?: unknown, headers?: Record<string, string>}} [init]
 */
export async function call(url, {method = 'GET', body, headers = {}} = {}) {
  const res = await fetch(url, {
    method,
    headers: body === undefined || body instanceof FormData ? headers : {'content-type': 'application/json', ...headers},
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return {status: res.status, body: json, headers: res.headers};
}

/** A public-API client for one inbox. @param {string} url @param {string} [inbox] */
export function publicApi(url, inbox = 'demo-inbox') {
  const base = `${url}/public/api/v1/inboxes/${inbox}`;
  return {
    base,
    /** @param {Record<string, unknown>} [fields] */
    async contact(fields = {}) {
      const r = await call(`${base}/contacts`, {method: 'POST', body: fields});
      if (r.status !== 200) throw new Error(`contact create: ${r.status}`);
      return r.body;
    },
    /** @param {string} sourceId */
    async conversation(sourceId) {
      const r = await call(`${base}/contacts/${sourceId}/conversations`, {method: 'POST', body: {}});
      if (r.status !== 200) throw new Error(`conversation create: ${r.status}`);
      return r.body;
    },
    /** @param {string} sourceId @param {number} convId */
    conv: (sourceId, convId) => `${base}/contacts/${sourceId}/conversations/${convId}`,
  };
}

/** Create a contact with a conversation. @param {string} url */
export async function session(url) {
  const api = publicApi(url);
  const contact = await api.contact({name: 'Alex', email: `alex${Math.random().toString(36).slice(2)}@example.com`});
  const conversation = await api.conversation(contact.source_id);
  return {api, contact, conversation, convUrl: api.conv(contact.source_id, conversation.id)};
}

/** @param {string} token */
export const identifierFor = (token) => JSON.stringify({channel: 'RoomChannel', pubsub_token: token});

/**
 * A raw ActionCable socket that records every frame it receives.
 * @param {string} url server http URL @param {string | string[] | undefined} [protocols]
 */
export async function rawSocket(url, protocols = ['actioncable-v1-json', 'actioncable-unsupported']) {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/cable`, protocols);
  /** @type {any[]} */
  const frames = [];
  /** @type {Array<() => void>} */
  let waiters = [];
  ws.on('message', (data) => {
    frames.push(JSON.parse(data.toString()));
    const w = waiters;
    waiters = [];
    w.forEach((fn) => fn());
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return {
    ws,
    frames,
    /** @param {unknown} obj */
    send: (obj) => ws.send(typeof obj === 'string' ? obj : JSON.stringify(obj)),
    /** Frames that are not pings. */
    events: () => frames.filter((f) => f.type !== 'ping'),
    /**
     * Wait for a frame matching `pred` (searching frames already received too).
     * @param {(f: any) => boolean} pred @param {number} [ms]
     */
    waitFor(pred, ms = 3000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('timed out waiting for a frame')), ms);
        const check = () => {
          const hit = frames.find(pred);
          if (hit) {
            clearTimeout(timer);
            resolve(hit);
          } else waiters.push(check);
        };
        check();
      });
    },
    /** @param {string} event */
    waitEvent(event, ms = 3000) {
      return this.waitFor((f) => f.message?.event === event, ms);
    },
    close: () => ws.terminate(),
  };
}

/** Subscribe a raw socket to a token and wait for the confirmation. @param {Awaited<ReturnType<typeof rawSocket>>} sock @param {string} token */
export async function subscribe(sock, token) {
  const identifier = identifierFor(token);
  await sock.waitFor((f) => f.type === 'welcome');
  sock.send({command: 'subscribe', identifier});
  await sock.waitFor((f) => f.type === 'confirm_subscription' && f.identifier === identifier);
  return identifier;
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

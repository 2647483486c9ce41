// Protocol conformance: the official Rails ActionCable client, running in Node over `ws`,
// talks to the demo server exactly as it would talk to Rails.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {WebSocket} from 'ws';
import * as ActionCable from '@rails/actioncable';
import {call, session, sleep, start} from './helpers.mjs';

// What the browser build of the client touches outside `adapters`: `addEventListener` for page
// visibility, and `document` for the visibility state and <meta> configuration.
const g = /** @type {any} */ (globalThis);
g.addEventListener ??= () => {};
g.removeEventListener ??= () => {};
g.document ??= {visibilityState: 'visible', head: {querySelector: () => null}};
ActionCable.adapters.WebSocket = /** @type {any} */ (WebSocket);
ActionCable.adapters.logger = {log() {}};

/**
 * Subscribe with the Rails client and collect what arrives.
 * @param {any} consumer @param {string} token
 */
function subscription(consumer, token) {
  /** @type {any[]} */
  const received = [];
  const state = {connected: 0, disconnected: 0, rejected: 0};
  /** @type {Array<() => void>} */
  let waiters = [];
  const wake = () => {
    const w = waiters;
    waiters = [];
    w.forEach((fn) => fn());
  };
  const sub = consumer.subscriptions.create(
    {channel: 'RoomChannel', pubsub_token: token},
    {
      connected: () => (state.connected++, wake()),
      disconnected: () => (state.disconnected++, wake()),
      rejected: () => (state.rejected++, wake()),
      received: (/** @type {any} */ data) => (received.push(data), wake()),
    }
  );
  /** @param {() => any} pred */
  const until = (pred, ms = 4000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out')), ms);
      const check = () => {
        const v = pred();
        if (v) {
          clearTimeout(timer);
          resolve(v);
        } else {
          waiters.push(check);
        }
      };
      check();
    });
  return {sub, received, state, until};
}

describe('Rails ActionCable client against the demo server', () => {
  /** @type {Awaited<ReturnType<typeof start>>} */
  let server;
  /** @type {any[]} */
  const consumers = [];
  const consumer = () => {
    const c = ActionCable.createConsumer(`${server.url.replace('http', 'ws')}/cable`);
    consumers.push(c);
    return c;
  };

  before(async () => {
    server = await start({pingMs: 300});
  });
  after(async () => {
    consumers.forEach((c) => c.disconnect());
    await server.close();
  });

  test('negotiates actioncable-v1-json, confirms the subscription and answers update_presence', async () => {
    const {contact} = await session(server.url);
    const c = consumer();
    const s = subscription(c, contact.pubsub_token);
    await s.until(() => s.state.connected);
    assert.equal(c.connection.getProtocol(), 'actioncable-v1-json');
    assert.equal(c.connection.isOpen(), true);
    s.received.length = 0;
    s.sub.perform('update_presence');
    const presence = await s.until(() => s.received.find((d) => d.event === 'presence.update'));
    assert.deepEqual(presence.data, {account_id: 1, users: {1: 'online'}});
  });

  test('streams agent messages, typing and status changes to the contact', async () => {
    const {contact, conversation} = await session(server.url);
    const s = subscription(consumer(), contact.pubsub_token);
    await s.until(() => s.state.connected);
    const agent = `${server.url}/agent/api/conversations/${conversation.id}`;
    await call(`${agent}/typing`, {method: 'POST', body: {on: true}});
    const reply = await call(`${agent}/messages`, {method: 'POST', body: {content: 'Hello from **Sam**'}});
    await call(`${agent}/status`, {method: 'POST', body: {status: 'resolved'}});
    const created = await s.until(() => s.received.find((d) => d.event === 'message.created'));
    assert.equal(created.data.id, reply.body.id);
    assert.equal(created.data.content, 'Hello from **Sam**');
    assert.equal(created.data.message_type, 1);
    assert.equal(created.data.sender.type, 'user');
    const typing = s.received.find((d) => d.event === 'conversation.typing_on');
    assert.equal(typing.data.is_private, false);
    const status = await s.until(() => s.received.find((d) => d.event === 'conversation.status_changed'));
    assert.equal(status.data.status, 'resolved');
    await s.until(() => s.received.find((d) => d.event === 'conversation.updated' && d.data.status === 'resolved'));
  });

  test('reports an away agent as busy', async () => {
    const {contact} = await session(server.url);
    const s = subscription(consumer(), contact.pubsub_token);
    await s.until(() => s.state.connected);
    await call(`${server.url}/agent/api/presence`, {method: 'POST', body: {status: 'away'}});
    s.received.length = 0;
    s.sub.perform('update_presence');
    const presence = await s.until(() => s.received.find((d) => d.event === 'presence.update'));
    assert.deepEqual(presence.data.users, {1: 'busy'});
    await call(`${server.url}/agent/api/presence`, {method: 'POST', body: {status: 'online'}});
  });

  test('an unknown token is neither confirmed nor rejected, and the connection stays open', async () => {
    const c = consumer();
    const s = subscription(c, 'NoSuchTokenNoSuchToken12');
    await sleep(800);
    assert.deepEqual(s.state, {connected: 0, disconnected: 0, rejected: 0});
    assert.equal(c.connection.isOpen(), true);
  });

  test('reconnects and resubscribes after the server drops every socket', async () => {
    const Monitor = /** @type {any} */ (ActionCable.ConnectionMonitor);
    const stale = Monitor.staleThreshold;
    Monitor.staleThreshold = 1; // pings come every 300 ms here, so 1 s is already two missed beats
    try {
      const {contact, conversation} = await session(server.url);
      const s = subscription(consumer(), contact.pubsub_token);
      await s.until(() => s.state.connected);
      await call(`${server.url}/agent/api/cable/drop`, {method: 'POST'});
      await s.until(() => s.state.disconnected);
      await s.until(() => s.state.connected >= 2, 8000);
      await call(`${server.url}/agent/api/conversations/${conversation.id}/messages`, {method: 'POST', body: {content: 'after'}});
      const msg = await s.until(() => s.received.find((d) => d.event === 'message.created'));
      assert.equal(msg.data.content, 'after');
    } finally {
      Monitor.staleThreshold = stale;
    }
  });
});

// ActionCable at the frame level, with a raw `ws` socket: handshake, pings, byte-exact
// identifiers, Chatwoot's silence for unknown tokens, and garbage that must not hurt.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {WebSocket} from 'ws';
import {call, identifierFor, rawSocket, session, sleep, start, subscribe} from './helpers.mjs';

describe('ActionCable frames', () => {
  /** @type {Awaited<ReturnType<typeof start>>} */
  let server;
  /** @type {Array<{close: () => void}>} */
  const sockets = [];
  /** @param {Parameters<typeof rawSocket>[1]} [protocols] */
  const open = async (protocols) => {
    const s = await rawSocket(server.url, protocols);
    sockets.push(s);
    return s;
  };

  before(async () => {
    server = await start({pingMs: 200});
  });
  after(async () => {
    sockets.forEach((s) => s.close());
    await server.close();
  });

  test('selects actioncable-v1-json and sends welcome first', async () => {
    const s = await open();
    assert.equal(s.ws.protocol, 'actioncable-v1-json');
    await s.waitFor((f) => f.type === 'welcome');
    assert.deepEqual(s.frames[0], {type: 'welcome'});
  });

  test('accepts a socket that offers no subprotocol', async () => {
    const s = await open([]);
    assert.equal(s.ws.protocol, '');
    await s.waitFor((f) => f.type === 'welcome');
  });

  test('pings every connection with integer unix seconds', async () => {
    const s = await open();
    const ping = await s.waitFor((f) => f.type === 'ping');
    assert.ok(Number.isInteger(ping.message));
    assert.ok(Math.abs(ping.message - Date.now() / 1000) < 5);
    await s.waitFor((f) => f.type === 'ping' && f !== ping);
  });

  test('confirms with the identifier exactly as sent, and frames events with it', async () => {
    const {contact, conversation} = await session(server.url);
    const s = await open();
    await s.waitFor((f) => f.type === 'welcome');
    const identifier = `{ "pubsub_token" : "${contact.pubsub_token}",  "channel":"RoomChannel" }`;
    s.send({command: 'subscribe', identifier});
    const confirm = await s.waitFor((f) => f.type === 'confirm_subscription');
    assert.deepEqual(confirm, {identifier, type: 'confirm_subscription'});
    await call(`${server.url}/agent/api/conversations/${conversation.id}/messages`, {method: 'POST', body: {content: 'x'}});
    const frame = await s.waitEvent('message.created');
    assert.equal(frame.identifier, identifier);
    assert.deepEqual(Object.keys(frame), ['identifier', 'message']);
    assert.deepEqual(Object.keys(frame.message), ['event', 'data']);
  });

  test('answers an unknown token with silence and keeps the socket open', async () => {
    const s = await open();
    await s.waitFor((f) => f.type === 'welcome');
    s.send({command: 'subscribe', identifier: identifierFor('UnknownTokenUnknownToken')});
    await sleep(600);
    assert.deepEqual(s.events(), [{type: 'welcome'}]);
    assert.equal(s.ws.readyState, WebSocket.OPEN);
    const pings = s.frames.filter((f) => f.type === 'ping').length;
    assert.ok(pings >= 2, 'pings keep coming');
  });

  test('ignores a repeated subscribe with the same identifier on the same socket', async () => {
    const {contact, conversation} = await session(server.url);
    const s = await open();
    const identifier = await subscribe(s, contact.pubsub_token);
    s.send({command: 'subscribe', identifier});
    await call(`${server.url}/agent/api/conversations/${conversation.id}/messages`, {method: 'POST', body: {content: 'once'}});
    await s.waitEvent('message.created');
    await sleep(200);
    assert.equal(s.frames.filter((f) => f.type === 'confirm_subscription').length, 1);
    assert.equal(s.frames.filter((f) => f.message?.event === 'message.created').length, 1);
  });

  test('a retried unknown token stays silent even after the contact would exist', async () => {
    const s = await open();
    await s.waitFor((f) => f.type === 'welcome');
    const identifier = identifierFor('x');
    s.send({command: 'subscribe', identifier});
    s.send({command: 'subscribe', identifier});
    await sleep(300);
    assert.equal(s.events().length, 1);
  });

  test('answers update_presence with presence.update in the contact shape', async () => {
    const {contact} = await session(server.url);
    const s = await open();
    const identifier = await subscribe(s, contact.pubsub_token);
    const before = s.frames.length;
    s.send({command: 'message', identifier, data: JSON.stringify({action: 'update_presence'})});
    const frame = await s.waitFor((f, i = s.frames.indexOf(f)) => i >= before && f.message?.event === 'presence.update');
    assert.deepEqual(frame.message.data, {account_id: 1, users: {1: 'online'}});
  });

  test('lists an offline agent nowhere', async () => {
    const {contact} = await session(server.url);
    await call(`${server.url}/agent/api/presence`, {method: 'POST', body: {status: 'offline'}});
    try {
      const s = await open();
      const identifier = await subscribe(s, contact.pubsub_token);
      const before = s.frames.length;
      s.send({command: 'message', identifier, data: '{"action":"update_presence"}'});
      const frame = await s.waitFor((f, i = s.frames.indexOf(f)) => i >= before && f.message?.event === 'presence.update');
      assert.deepEqual(frame.message.data.users, {});
    } finally {
      await call(`${server.url}/agent/api/presence`, {method: 'POST', body: {status: 'online'}});
    }
  });

  test('ignores garbage without closing the socket or crashing the server', async () => {
    const {contact} = await session(server.url);
    const s = await open();
    const identifier = await subscribe(s, contact.pubsub_token);
    const garbage = [
      'not json',
      '',
      '[]',
      'null',
      '42',
      '{"command":"subscribe"}',
      '{"command":"subscribe","identifier":"not json"}',
      '{"command":"subscribe","identifier":"{\\"channel\\":\\"OtherChannel\\"}"}',
      '{"command":"subscribe","identifier":{"channel":"RoomChannel"}}',
      JSON.stringify({command: 'message', identifier, data: {action: 'update_presence'}}),
      JSON.stringify({command: 'message', identifier, data: 'not json'}),
      JSON.stringify({command: 'message', identifier, data: '{"action":"speak"}'}),
      JSON.stringify({command: 'message', identifier: identifierFor('other'), data: '{"action":"update_presence"}'}),
      JSON.stringify({command: 'dance', identifier}),
      '{"command":"message","identifier":' + JSON.stringify(identifier) + ',"data":"\\"string\\""}',
    ];
    for (const g of garbage) s.send(g);
    s.ws.send(Buffer.from([0, 1, 2, 255]), {binary: true});
    await sleep(300);
    assert.equal(s.ws.readyState, WebSocket.OPEN);
    assert.deepEqual(
      s.events().map((f) => f.type ?? f.message.event),
      ['welcome', 'confirm_subscription', 'presence.update']
    );
    s.send({command: 'message', identifier, data: '{"action":"update_presence"}'});
    await s.waitFor((f) => f.message?.event === 'presence.update' && s.events().filter((e) => e.message).length === 2);
    const health = await call(`${server.url}/public/api/v1/inboxes/demo-inbox`);
    assert.equal(health.status, 200);
  });

  test('unsubscribe stops the stream', async () => {
    const {contact, conversation} = await session(server.url);
    const s = await open();
    const identifier = await subscribe(s, contact.pubsub_token);
    s.send({command: 'unsubscribe', identifier});
    await sleep(100);
    await call(`${server.url}/agent/api/conversations/${conversation.id}/messages`, {method: 'POST', body: {content: 'gone'}});
    await sleep(200);
    assert.equal(s.frames.filter((f) => f.message?.event === 'message.created').length, 0);
  });

  test('refuses WebSocket upgrades on other paths', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/elsewhere`);
    const err = await new Promise((resolve) => ws.once('error', resolve));
    assert.ok(err instanceof Error);
  });

  test('raw frames and socket drops can be injected for fault tests', async () => {
    const {contact} = await session(server.url);
    const s = await open();
    await subscribe(s, contact.pubsub_token);
    const r = await call(`${server.url}/agent/api/cable/raw`, {
      method: 'POST',
      body: {pubsub_token: contact.pubsub_token, frame: '{"type":"disconnect","reason":"server_restart","reconnect":true}'},
    });
    assert.deepEqual(r.body, {sent: 1});
    await s.waitFor((f) => f.type === 'disconnect');
    const closed = new Promise((resolve) => s.ws.once('close', resolve));
    const drop = await call(`${server.url}/agent/api/cable/drop`, {method: 'POST'});
    assert.ok(drop.body.dropped >= 1);
    await closed;
  });
});

describe('ping interval', () => {
  test('is 3 seconds by default', async () => {
    const server = await start();
    const s = await rawSocket(server.url);
    try {
      const first = await s.waitFor((f) => f.type === 'ping', 4000);
      const t0 = Date.now();
      await s.waitFor((f) => f.type === 'ping' && f !== first, 4000);
      const gap = Date.now() - t0;
      assert.ok(gap > 2500 && gap < 4000, `gap ${gap} ms`);
    } finally {
      s.close();
      await server.close();
    }
  });
});

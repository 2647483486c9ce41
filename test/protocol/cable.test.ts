import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import * as fc from 'fast-check';
import {Cable} from '../../src/protocol/cable.js';
import {CableError, ServerDisconnectError, SocketError, SubscriptionRejectedError, SubscriptionTimeoutError} from '../../src/protocol/errors.js';
import {IDENTIFIER, TOKEN, confirm, event, fixtureJson, ping, reject, welcome} from '../helpers/frames.js';
import {CABLE_URL, setup} from './setup.js';

type T = ReturnType<typeof setup>;
let t: T;
afterEach(() => {
  t?.cable.dispose();
  t?.clock.restore();
});

const msg = {id: 9, conversation_id: 87, message_type: 1, created_at: 1781692380, content: 'Hello'};

describe('Cable: connecting and subscribing', () => {
  it('is a real class whose state is private: no fields of its own to read or overwrite', () => {
    t = setup();
    expect(t.cable).to.be.instanceOf(Cable);
    expect(Object.keys(t.cable)).to.deep.equal([]);
    expect(Object.getOwnPropertyNames(Cable.prototype)).to.include.members(['state', 'droppedFrames', 'connect', 'perform', 'on', 'reconnect', 'dispose']);
  });

  it('is idle until connect(), then opens one socket offering actioncable-v1-json', async () => {
    t = setup();
    expect(t.cable.state).to.equal('idle');
    await t.tick(100);
    expect(t.net.sockets).to.have.length(0);
    t.cable.connect();
    t.cable.connect();
    expect(t.cable.state).to.equal('connecting');
    await t.tick();
    expect(t.net.sockets).to.have.length(1);
    expect(t.last().url).to.equal(CABLE_URL);
    expect(t.last().protocols).to.equal('actioncable-v1-json');
  });

  it('waits for welcome before subscribing, with exactly the fixture subscribe command', async () => {
    t = setup();
    t.cable.connect();
    await t.tick();
    t.last().accept();
    await t.last().receive(ping());
    expect(t.last().sent).to.deep.equal([]);
    await t.last().receive(welcome());
    expect(t.last().frames).to.deep.equal([await fixtureJson('cable-client-subscribe')]);
  });

  it('uses the exact identifier string with only channel and pubsub_token', async () => {
    t = setup();
    await t.welcomed();
    expect(t.sent(t.last(), 'subscribe')[0].identifier).to.equal(`{"channel":"RoomChannel","pubsub_token":"${TOKEN}"}`);
    expect(IDENTIFIER).to.equal(`{"channel":"RoomChannel","pubsub_token":"${TOKEN}"}`);
  });

  it('becomes connected on confirm and sends the first heartbeat at once', async () => {
    t = setup();
    const ws = await t.connected();
    expect(t.cable.state).to.equal('connected');
    expect(t.log.states).to.deep.equal(['connecting', 'connected']);
    expect(t.log.subscribed).to.deep.equal([false]);
    expect(ws.frames[1]).to.deep.equal(await fixtureJson('cable-client-update-presence'));
  });

  it('matches confirm by string equality only: other identifiers are ignored and counted', async () => {
    t = setup();
    await t.welcomed();
    await t.last().receive(confirm(JSON.stringify({pubsub_token: TOKEN, channel: 'RoomChannel'})));
    await t.last().receive(confirm(`{"channel": "RoomChannel", "pubsub_token": "${TOKEN}"}`));
    await t.last().receive(confirm(JSON.stringify({channel: 'RoomChannel', pubsub_token: 'other'})));
    expect(t.cable.state).to.equal('connecting');
    expect(t.cable.droppedFrames).to.equal(3);
    await t.last().receive(confirm());
    expect(t.cable.state).to.equal('connected');
  });

  it('resubscribes after every welcome: each new socket, and a repeated welcome', async () => {
    t = setup();
    t.cable.connect();
    const first = await t.subscribe();
    first.drop();
    const second = await t.subscribe(500);
    await second.receive(welcome());
    expect(t.sent(first, 'subscribe')).to.have.length(1);
    expect(t.sent(second, 'subscribe')).to.have.length(2);
    expect(t.sent(second, 'subscribe')[0].identifier).to.equal(IDENTIFIER);
    expect(t.log.subscribed).to.deep.equal([false, true]);
    expect(t.log.states).to.deep.equal(['connecting', 'connected', 'reconnecting', 'connected']);
  });
});

describe('Cable: perform and heartbeat', () => {
  it('perform() sends data as a JSON string with the action, only while subscribed', async () => {
    t = setup();
    expect(t.cable.perform('update_presence')).to.equal(false);
    await t.welcomed();
    expect(t.cable.perform('update_presence')).to.equal(false);
    await t.last().receive(confirm());
    expect(t.cable.perform('typing', {is_typing: true, action: 'evil'})).to.equal(true);
    const frame = t.last().frames.at(-1)!;
    expect(frame).to.deep.equal({command: 'message', identifier: IDENTIFIER, data: '{"is_typing":true,"action":"typing"}'});
    expect(typeof frame.data).to.equal('string');
  });

  it('sends update_presence every presenceInterval seconds', async () => {
    t = setup();
    const ws = await t.connected();
    await t.alive(29999);
    expect(t.presences(ws)).to.equal(1);
    await t.alive(1);
    expect(t.presences(ws)).to.equal(2);
    await t.alive(60000);
    expect(t.presences(ws)).to.equal(4);
  });

  it('falls back to 30 s for a NaN presenceInterval and clamps tiny ones to 1 s', async () => {
    t = setup({presenceInterval: NaN});
    const ws = await t.connected();
    await t.alive(30000);
    expect(t.presences(ws)).to.equal(2);
    t.cable.dispose();
    t.clock.restore();
    t = setup({presenceInterval: 0});
    t.cable.connect();
    const ws2 = await t.subscribe();
    await t.alive(3000);
    expect(t.presences(ws2)).to.equal(4);
  });

  it('honours a custom presenceInterval', async () => {
    t = setup({presenceInterval: 20});
    const ws = await t.connected();
    await t.alive(60000);
    expect(t.presences(ws)).to.equal(4);
  });

  it('sends no heartbeat before the subscription is confirmed', async () => {
    t = setup({presenceInterval: 1});
    await t.welcomed();
    // Nine heartbeat intervals, within the 10 s the subscription has to be confirmed.
    await t.alive(9000);
    expect(t.presences(t.last())).to.equal(0);
    await t.last().receive(confirm());
    expect(t.presences(t.last())).to.equal(1);
  });

  it('pauses the heartbeat on a repeated welcome until the new confirmation, which sends one at once', async () => {
    t = setup();
    const ws = await t.connected();
    await t.alive(30000);
    expect(t.presences(ws)).to.equal(2);
    await ws.receive(welcome());
    expect(t.sent(ws, 'subscribe')).to.have.length(2);
    await t.alive(9999);
    expect(t.presences(ws)).to.equal(2);
    await ws.receive(confirm());
    expect(t.presences(ws)).to.equal(3);
    expect(t.log.subscribed).to.deep.equal([false, true]);
    expect(t.log.errors).to.deep.equal([]);
  });

  it('stops the heartbeat as soon as the socket drops', async () => {
    t = setup();
    await t.connected();
    const perform = sinon.spy(t.cable, 'perform');
    t.last().drop();
    await t.tick(120000);
    expect(perform.callCount).to.equal(0);
  });
});

describe('Cable: events', () => {
  it('emits decoded events for its identifier, from fixtures', async () => {
    t = setup();
    const ws = await t.connected();
    for (const name of ['message.created', 'conversation.typing_on', 'presence.update']) {
      const frame = await fixtureJson<{message: {event: string; data: unknown}}>(name);
      await ws.receive(frame);
    }
    expect(t.log.events.map((e) => e.event)).to.deep.equal(['message.created', 'conversation.typing_on', 'presence.update']);
    expect(t.cable.droppedFrames).to.equal(0);
  });

  it('ignores and counts data frames for other identifiers', async () => {
    t = setup();
    const ws = await t.connected();
    await ws.receive(event(JSON.stringify({channel: 'RoomChannel', pubsub_token: 'someone-else'}), 'message.created', msg));
    await ws.receive(event(JSON.stringify({channel: 'NotificationsChannel', pubsub_token: TOKEN}), 'message.created', msg));
    await ws.receive(JSON.stringify({message: {event: 'message.created', data: msg}}));
    expect(t.log.events).to.deep.equal([]);
    expect(t.cable.droppedFrames).to.equal(3);
    await ws.receive(event(IDENTIFIER, 'message.created', msg));
    expect(t.log.events).to.deep.equal([{event: 'message.created', data: msg}]);
  });

  it('drops malformed and hostile frames, counting them, without throwing', async () => {
    t = setup();
    const ws = await t.connected();
    const id = JSON.stringify(IDENTIFIER);
    const hostile: unknown[] = [
      'not json',
      '{"type":"welcome"',
      '[]',
      '[{"type":"welcome"}]',
      'null',
      '42',
      '"welcome"',
      '{}',
      new ArrayBuffer(8),
      `{"identifier":${id},"message":"${'x'.repeat(3_000_000)}"}`,
      `{"__proto__":{"polluted":true},"identifier":${id},"message":{"event":"contact.updated","data":{}}}`,
      `{"identifier":${id},"message":{"event":"contact.updated","data":{"__proto__":{"polluted":true}}}}`,
      `{"identifier":${id},"message":{"event":"contact.updated","data":"{\\"__proto__\\":{\\"polluted\\":true}}"}}`,
      event(IDENTIFIER, 'message.created', null),
      event(IDENTIFIER, 'message.updated', [msg]),
      event(IDENTIFIER, 'conversation.status_changed', {status: 'resolved'}),
      event(IDENTIFIER, 'conversation.typing_on', {conversation: {id: 'x'}}),
      event(IDENTIFIER, 'presence.update', {users: null}),
      event(IDENTIFIER, 'contact.updated', 'x'),
      event(IDENTIFIER, 'notification_created', {id: 1}),
      event(IDENTIFIER, 'notification.created', {id: 1}),
      event(IDENTIFIER, 'conversation.read', {id: 87}),
      event(IDENTIFIER, 'toString', {id: 87}),
      JSON.stringify({identifier: IDENTIFIER, message: null}),
      JSON.stringify({identifier: IDENTIFIER, message: [1, 2]}),
      JSON.stringify({identifier: IDENTIFIER, message: '{oops'}),
      JSON.stringify({identifier: {channel: 'RoomChannel'}, message: {event: 'message.created', data: msg}}),
      JSON.stringify({type: 'confirm_subscription', identifier: 7}),
      JSON.stringify({type: 'mystery'}),
    ];
    // (a frame that made the cable throw would fail the test as an uncaught error)
    for (const frame of hostile) await ws.receive(frame);
    expect(t.cable.droppedFrames).to.equal(hostile.length);
    expect(t.log.events).to.deep.equal([]);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(t.cable.state).to.equal('connected');
    await ws.receive(event(IDENTIFIER, 'contact.updated', {name: 'Alex'}));
    expect(t.log.events).to.deep.equal([{event: 'contact.updated', data: {name: 'Alex'}}]);
  });

  it('tolerates the message, or its data, sent as JSON strings', async () => {
    t = setup();
    const ws = await t.connected();
    await ws.receive({identifier: IDENTIFIER, message: JSON.stringify({event: 'message.created', data: msg})});
    await ws.receive({identifier: IDENTIFIER, message: {event: 'message.updated', data: JSON.stringify(msg)}});
    expect(t.log.events).to.deep.equal([
      {event: 'message.created', data: msg},
      {event: 'message.updated', data: msg},
    ]);
  });

  it('keeps working when a listener throws, reporting the error asynchronously', async () => {
    t = setup();
    const ws = await t.connected();
    const report = sinon.stub(globalThis, 'queueMicrotask');
    const off = t.cable.on('event', () => {
      throw new Error('listener bug');
    });
    try {
      await ws.receive(event(IDENTIFIER, 'message.created', msg));
    } finally {
      report.restore();
      off();
    }
    expect(report.callCount).to.equal(1);
    expect(t.log.events).to.have.length(1);
    await ws.receive(event(IDENTIFIER, 'message.created', msg));
    expect(t.log.events).to.have.length(2);
  });

  it('never throws or emits for arbitrary frames, and counts every one', async () => {
    t = setup();
    const ws = await t.connected();
    const junk = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((message) => JSON.stringify({identifier: IDENTIFIER, message})),
      fc
        .record({event: fc.constantFrom('message.created', 'conversation.typing_on', 'presence.update', 'x'), data: fc.jsonValue()})
        .filter(({data}) => typeof data != 'object' || data === null || Array.isArray(data))
        .map((message) => JSON.stringify({identifier: IDENTIFIER, message}))
    );
    let count = 0;
    await fc.assert(
      fc.asyncProperty(junk, async (frame) => {
        await ws.receive(frame);
        count++;
        return t.log.events.length + t.cable.droppedFrames == count;
      })
    );
    expect(t.log.events.length + t.cable.droppedFrames).to.equal(count);
    expect(count).to.be.greaterThan(0);
  });

  it('on() returns a remover', async () => {
    t = setup();
    const seen: string[] = [];
    const off = t.cable.on('state', ({state}) => seen.push(state));
    t.cable.connect();
    off();
    await t.subscribe();
    expect(seen).to.deep.equal(['connecting']);
  });
});

describe('Cable: dead connections and backoff', () => {
  it('treats 6 s without any frame as stale, then reconnects with backoff', async () => {
    t = setup();
    const ws = await t.connected();
    await t.tick(5000);
    await ws.receive(ping());
    await t.tick(5999);
    expect(ws.readyState).to.equal(1);
    await t.tick(1);
    expect(ws.readyState).to.equal(3);
    expect(t.cable.state).to.equal('reconnecting');
    expect(await t.socketsAround(500)).to.deep.equal([1, 2]);
  });

  it('counts any frame, not only pings, as a sign of life', async () => {
    t = setup();
    const ws = await t.connected();
    for (let i = 0; i < 5; i++) {
      await t.tick(5000);
      await ws.receive(i % 2 ? 'garbage' : event(IDENTIFIER, 'presence.update', {users: {}}));
    }
    expect(ws.readyState).to.equal(1);
    expect(t.net.sockets).to.have.length(1);
  });

  it('also goes stale when a socket opens but never says welcome', async () => {
    t = setup();
    t.cable.connect();
    await t.tick();
    t.last().accept();
    await t.tick(6000);
    expect(t.last().readyState).to.equal(3);
  });

  it('backs off exponentially while attempts fail, and resets after a confirmed subscription', async () => {
    t = setup({random: () => 1}); // every delay at its cap
    t.cable.connect();
    await t.tick();
    const gaps: number[] = [];
    for (let i = 0; i < 8; i++) {
      const count = t.net.sockets.length;
      t.last().fail();
      gaps.push(await t.nextSocket(count));
    }
    expect(gaps).to.deep.equal([1500, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(t.log.errors.every((e) => e.code == 'socket-error' && !e.fatal)).to.equal(true);
    expect(t.cable.state).to.equal('reconnecting');
    await t.subscribe();
    t.last().drop();
    await t.tick(1499);
    expect(t.net.sockets).to.have.length(9);
    await t.tick(1);
    expect(t.net.sockets).to.have.length(10);
  });

  it('applies full jitter from the injected random, never below 0.5 s', async () => {
    const values = [0, 0.5, 0.5];
    t = setup({random: () => values.shift() ?? 1});
    t.cable.connect();
    await t.tick();
    const gaps: number[] = [];
    for (let i = 0; i < 3; i++) {
      const count = t.net.sockets.length;
      t.last().drop();
      gaps.push(await t.nextSocket(count));
    }
    // attempt 0: 0.5 + 0 * 1 s; attempt 1: 0.5 + 0.5 * 1.5 s; attempt 2: 0.5 + 0.5 * 3.5 s.
    expect(gaps).to.deep.equal([500, 1250, 2250]);
  });
});

describe('Cable: subscription failures and server disconnects', () => {
  it('reports an unconfirmed subscription after 10 s and retries on a new socket', async () => {
    t = setup();
    t.cable.connect();
    await t.tick();
    const ws = t.last();
    ws.accept();
    await ws.receive(welcome());
    await t.alive(9999);
    expect(t.log.errors).to.deep.equal([]);
    await t.alive(1);
    expect(t.log.errors).to.have.length(1);
    expect(t.log.errors[0]).to.include({code: 'subscription-timeout', fatal: false});
    expect(t.log.errors[0]).to.be.instanceOf(SubscriptionTimeoutError).and.instanceOf(CableError).and.instanceOf(Error);
    expect(ws.readyState).to.equal(3);
    expect(t.sent(ws, 'subscribe')).to.have.length(1);
    expect(t.cable.state).to.equal('reconnecting');
    const next = await t.subscribe(501);
    expect(next).not.to.equal(ws);
    expect(t.sent(next, 'subscribe')).to.have.length(1);
    expect(t.cable.state).to.equal('connected');
  });

  it('stops on reject_subscription: state error, fatal error, no retries, no timers', async () => {
    t = setup();
    t.cable.connect();
    await t.tick();
    const ws = t.last();
    ws.accept();
    await ws.receive(welcome());
    await ws.receive((await fixtureJson('cable-reject-subscription')) as unknown);
    expect(t.cable.state).to.equal('error');
    expect(t.log.errors).to.have.length(1);
    expect(t.log.errors[0]).to.include({code: 'subscription-rejected', fatal: true, message: 'subscription-rejected'});
    expect(t.log.errors[0]).to.be.instanceOf(SubscriptionRejectedError);
    expect(ws.readyState).to.equal(3);
    await t.tick(600000);
    expect(t.net.sockets).to.have.length(1);
    expect(t.cable.state).to.equal('error');
    expect(t.clock.countTimers()).to.equal(0);
    t.env.fire('offline');
    t.env.fire('online');
    await t.tick(1000);
    expect(t.net.sockets).to.have.length(1);
    expect(t.cable.state).to.equal('error');
  });

  it('can be disposed of from the listener of a fatal error', async () => {
    t = setup();
    await t.welcomed();
    t.cable.on('error', () => t.cable.dispose());
    await t.last().receive(reject()); // (a throw would fail the test as an uncaught error)
    expect(t.log.errors).to.have.length(1);
    expect(t.last().readyState).to.equal(3);
    await t.tick(60000);
    expect(t.net.sockets).to.have.length(1);
    expect(t.clock.countTimers()).to.equal(0);
    expect(t.env.listenerCount).to.equal(0);
  });

  it('ignores a reject for another identifier', async () => {
    t = setup();
    await t.welcomed();
    await t.last().receive(reject(JSON.stringify({channel: 'RoomChannel', pubsub_token: 'other'})));
    expect(t.cable.state).to.equal('connecting');
    expect(t.cable.droppedFrames).to.equal(1);
    await t.last().receive(confirm());
    expect(t.cable.state).to.equal('connected');
  });

  it('reconnect() resumes after a fatal error', async () => {
    t = setup();
    await t.welcomed();
    await t.last().receive(JSON.stringify({identifier: IDENTIFIER, type: 'reject_subscription'}));
    await t.tick(1000);
    t.cable.reconnect();
    expect(t.cable.state).to.equal('reconnecting');
    await t.subscribe();
    expect(t.net.sockets).to.have.length(2);
    expect(t.cable.state).to.equal('connected');
  });

  it('stops on disconnect with reconnect:false and reports the reason', async () => {
    t = setup();
    const ws = await t.connected();
    await ws.receive(JSON.stringify({type: 'disconnect', reason: 'unauthorized', reconnect: false}));
    expect(t.cable.state).to.equal('error');
    expect(t.log.errors).to.have.length(1);
    expect(t.log.errors[0]).to.include({code: 'server-disconnect', fatal: true});
    expect(t.log.errors[0].message).to.equal('unauthorized');
    expect(t.log.errors[0]).to.be.instanceOf(ServerDisconnectError).and.include({reason: 'unauthorized', name: 'ServerDisconnectError'});
    expect(ws.readyState).to.equal(3);
    await t.tick(600000);
    expect(t.net.sockets).to.have.length(1);
    expect(t.clock.countTimers()).to.equal(0);
  });

  it('reconnects with backoff on disconnect with reconnect:true', async () => {
    t = setup();
    const ws = await t.connected();
    await ws.receive((await fixtureJson('cable-disconnect')) as unknown);
    expect(ws.readyState).to.equal(3);
    expect(t.cable.state).to.equal('reconnecting');
    expect(t.log.errors).to.deep.equal([]);
    await t.tick(499);
    expect(t.net.sockets).to.have.length(1);
    await t.subscribe(1);
    expect(t.cable.state).to.equal('connected');
  });

  it('reconnect() drops a live socket and opens a new one without waiting', async () => {
    t = setup();
    const ws = await t.connected();
    t.cable.reconnect();
    expect(ws.readyState).to.equal(3);
    await t.subscribe();
    expect(t.net.sockets).to.have.length(2);
    expect(t.log.subscribed).to.deep.equal([false, true]);
  });

  it('reconnect() before connect() connects', async () => {
    t = setup();
    t.cable.reconnect();
    await t.subscribe();
    expect(t.cable.state).to.equal('connected');
  });

  it('reports socket errors as non-fatal and keeps retrying', async () => {
    t = setup();
    t.cable.connect();
    await t.tick();
    t.last().fail();
    expect(t.log.errors).to.have.length(1);
    expect(t.log.errors[0]).to.include({code: 'socket-error', fatal: false});
    expect(t.cable.state).to.equal('reconnecting');
    await t.subscribe(500);
    expect(t.cable.state).to.equal('connected');
  });

  it('reports a missing WebSocket implementation as a fatal error', () => {
    t = setup({WebSocket: {}});
    t.cable.connect();
    expect(t.cable.state).to.equal('error');
    expect(t.log.errors[0]).to.include({code: 'socket-error', fatal: true});
    expect(t.log.errors[0]).to.be.instanceOf(SocketError);
    expect(t.env.listenerCount).to.equal(0);
  });
});

describe('Cable: network and visibility', () => {
  it('goes offline on the offline event, drops the socket and does not retry until online', async () => {
    t = setup();
    const ws = await t.connected();
    t.env.fire('offline');
    expect(t.cable.state).to.equal('offline');
    expect(ws.readyState).to.equal(3);
    await t.tick(300000);
    expect(t.net.sockets).to.have.length(1);
    expect(t.clock.countTimers()).to.equal(0);
    t.env.fire('online');
    expect(t.cable.state).to.equal('reconnecting');
    await t.subscribe();
    expect(t.net.sockets).to.have.length(2);
    expect(t.log.states).to.deep.equal(['connecting', 'connected', 'offline', 'reconnecting', 'connected']);
  });

  it('starts offline without a socket when the browser is offline', async () => {
    t = setup();
    t.env.online = false;
    t.cable.connect();
    expect(t.cable.state).to.equal('offline');
    await t.tick(60000);
    expect(t.net.sockets).to.have.length(0);
    t.env.fire('online');
    expect(t.cable.state).to.equal('connecting');
    await t.subscribe();
    expect(t.cable.state).to.equal('connected');
  });

  it('cancels a pending backoff when going offline', async () => {
    t = setup();
    await t.connected();
    t.last().drop();
    await t.tick();
    expect(t.clock.countTimers()).to.equal(1);
    t.env.fire('offline');
    expect(t.clock.countTimers()).to.equal(0);
    expect(t.cable.state).to.equal('offline');
  });

  it('reconnects at once on online while waiting out a backoff', async () => {
    t = setup();
    t.cable.connect();
    await t.tick();
    for (let i = 0; i < 5; i++) {
      const count = t.net.sockets.length;
      t.last().fail();
      await t.nextSocket(count);
    }
    t.last().fail();
    await t.tick(); // the next wait would be 30 s
    t.env.fire('online');
    await t.tick();
    expect(t.net.sockets).to.have.length(7);
  });

  it('ignores online while connected', async () => {
    t = setup();
    const ws = await t.connected();
    t.env.fire('online');
    await t.tick();
    expect(ws.readyState).to.equal(1);
    expect(t.net.sockets).to.have.length(1);
  });

  it('checks staleness when the page becomes visible after a long hide', async () => {
    t = setup();
    const ws = await t.connected();
    t.env.fire('hidden');
    // Hidden tabs throttle timers: time passes without the stale timer firing.
    t.clock.setSystemTime(Date.now() + 60000);
    expect(ws.readyState).to.equal(1);
    t.env.fire('visible');
    expect(ws.readyState).to.equal(3);
    await t.subscribe();
    expect(t.net.sockets).to.have.length(2);
  });

  it('counts a page that starts hidden as hidden since connect()', async () => {
    t = setup();
    t.env.hidden = true;
    t.cable.connect();
    const ws = await t.subscribe();
    t.clock.setSystemTime(Date.now() + 60000);
    t.env.fire('visible');
    expect(ws.readyState).to.equal(3);
  });

  it('gives a handshake staleAfterMs to complete', async () => {
    t = setup();
    t.cable.connect();
    await t.tick();
    await t.tick(5999);
    expect(t.last().readyState).to.equal(0);
    await t.tick(1);
    expect(t.last().readyState).to.equal(3);
    expect(t.log.errors[0]).to.include({code: 'socket-error', fatal: false});
    expect(t.cable.state).to.equal('reconnecting');
  });

  it('does not cut a backoff short when the page becomes visible', async () => {
    t = setup();
    await t.connected();
    await t.tick(6000);
    expect(t.last().readyState).to.equal(3);
    // The last frame is now over 6 s old, but there is no open socket to declare dead.
    t.env.fire('hidden');
    t.clock.setSystemTime(Date.now() + 100);
    t.env.fire('visible');
    expect(await t.socketsAround(500)).to.deep.equal([1, 2]);
  });

  it('keeps the socket after a short hide, or a long one with fresh frames', async () => {
    t = setup();
    const ws = await t.connected();
    t.env.fire('hidden');
    await t.alive(5000);
    t.env.fire('visible');
    t.env.fire('hidden');
    t.clock.setSystemTime(Date.now() + 60000);
    await ws.receive(ping());
    t.env.fire('visible');
    await t.tick();
    expect(ws.readyState).to.equal(1);
    expect(t.net.sockets).to.have.length(1);
  });
});

describe('Cable: dispose', () => {
  it('closes the socket and leaves no timers, listeners or events', async () => {
    t = setup();
    const ws = await t.connected();
    await t.alive(10000);
    expect(t.clock.countTimers()).to.be.greaterThan(0);
    expect(t.env.listenerCount).to.equal(3);
    const states = t.log.states.length;
    t.cable.dispose();
    expect(t.clock.countTimers()).to.equal(0);
    expect(t.env.listenerCount).to.equal(0);
    expect(ws.readyState).to.equal(3);
    expect(t.cable.state).to.equal('idle');
    expect(t.cable.perform('update_presence')).to.equal(false);
    await ws.receive(event(IDENTIFIER, 'message.created', msg));
    t.env.fire('offline');
    t.env.fire('online');
    await t.tick(120000);
    expect(t.net.sockets).to.have.length(1);
    expect(t.log.states).to.have.length(states);
    expect(t.log.events).to.deep.equal([]);
  });

  it('clears a pending backoff and never opens another socket', async () => {
    t = setup();
    await t.connected();
    t.last().drop();
    await t.tick();
    t.cable.dispose();
    expect(t.clock.countTimers()).to.equal(0);
    await t.tick(60000);
    expect(t.net.sockets).to.have.length(1);
  });

  it('is safe before connect() and twice, and makes connect() a no-op', async () => {
    t = setup();
    t.cable.dispose();
    t.cable.dispose();
    t.cable.connect();
    await t.tick(1000);
    expect(t.net.sockets).to.have.length(0);
    expect(t.clock.countTimers()).to.equal(0);
    expect(t.env.listenerCount).to.equal(0);
  });

  it('is safe from inside a listener', async () => {
    t = setup();
    t.cable.on('subscribed', () => t.cable.dispose());
    t.cable.connect();
    const ws = await t.subscribe();
    expect(ws.readyState).to.equal(3);
    expect(t.clock.countTimers()).to.equal(0);
    expect(t.env.listenerCount).to.equal(0);
  });

  it('leaves at most RWS\'s 0 ms wait when disposed right after connect(), and opens nothing', async () => {
    t = setup();
    t.cable.connect();
    t.cable.dispose();
    await t.tick();
    expect(t.clock.countTimers()).to.equal(0);
    expect(t.net.sockets).to.have.length(0);
  });

  it('uses window and document by default, and removes its listeners on dispose', async () => {
    t = setup();
    const add = [sinon.spy(window, 'addEventListener'), sinon.spy(document, 'addEventListener')];
    try {
      const cable = new Cable({url: CABLE_URL, pubsubToken: TOKEN, WebSocket: t.net.WebSocket});
      cable.connect();
      expect(cable.state).to.equal(navigator.onLine ? 'connecting' : 'offline');
      const added = add.flatMap((s) => s.args.map((a) => a.slice(0, 2)));
      expect(added.map((a) => a[0]).sort()).to.deep.equal(['offline', 'online', 'visibilitychange']);
      expect(add[1].args.map((a) => a[0])).to.deep.equal(['visibilitychange']);
      // Each listener is registered with a signal that dispose() aborts.
      const signals = add.flatMap((s) => s.args.map((a) => (a[2] as AddEventListenerOptions).signal!));
      expect(signals.some((s) => s.aborted)).to.equal(false);
      cable.dispose();
      expect(signals.every((s) => s.aborted)).to.equal(true);
    } finally {
      add.forEach((s) => s.restore());
    }
  });
});

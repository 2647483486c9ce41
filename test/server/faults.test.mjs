// Fault injection (demo/server/faults.mjs): each kind fails the way the reliability tests need,
// only for the requests it matches, only as many times as asked, and `after` really does the
// work before the answer is lost.
import {after, before, beforeEach, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {call, rawSocket, session, sleep, start, subscribe} from './helpers.mjs';

describe('fault injection', () => {
  /** @type {Awaited<ReturnType<typeof start>>} */
  let server;
  /** @type {Awaited<ReturnType<typeof session>>} */
  let s;

  const fault = (/** @type {Record<string, unknown>} */ spec) => call(`${server.url}/agent/api/faults`, {method: 'POST', body: spec});
  const send = (/** @type {string} */ content) => call(`${s.convUrl}/messages`, {method: 'POST', body: {content, echo_id: content}});
  const held = async () => (await call(`${s.convUrl}/messages`)).body.map((/** @type {{content: string}} */ m) => m.content);

  before(async () => {
    server = await start();
  });
  after(() => server.close());
  beforeEach(async () => {
    await call(`${server.url}/agent/api/faults`, {method: 'DELETE'});
    s = await session(server.url);
  });

  test('status answers with it, without doing the work, `count` times, for matching requests only', async () => {
    await fault({method: 'POST', path: '/messages', status: 500, count: 2});
    assert.equal((await call(`${s.convUrl}/messages`)).status, 200, 'a GET does not match a POST fault');
    assert.equal((await send('a')).status, 500);
    const second = await send('b');
    assert.equal(second.status, 500);
    assert.equal(second.body, 'Internal Server Error');
    assert.equal((await send('c')).status, 200, 'the fault is used up');
    assert.deepEqual(await held(), ['c']);
  });

  test('a 429 has a plain-text body, as rack-attack answers', async () => {
    await fault({path: '/conversations', status: 429});
    const r = await call(`${s.convUrl}/messages`);
    assert.equal(r.status, 429);
    assert.match(String(r.body), /retry later/i);
  });

  test('drop cuts the connection without an answer and without doing the work', async () => {
    await fault({method: 'POST', path: '/messages', drop: true});
    await assert.rejects(send('lost'), TypeError);
    assert.deepEqual(await held(), []);
  });

  test('after does the work, then cuts the answer half way', async () => {
    await fault({method: 'POST', path: '/messages', after: true});
    await assert.rejects(send('done but unanswered'), TypeError);
    assert.deepEqual(await held(), ['done but unanswered']);
  });

  test('after with drop does the work and sends no byte of the answer', async () => {
    await fault({method: 'POST', path: '/messages', after: true, drop: true});
    // Node's fetch, unlike Chromium, does not send the request again by itself.
    await assert.rejects(send('done, no answer'), TypeError);
    assert.deepEqual(await held(), ['done, no answer']);
  });

  test('answerDelayMs does the work at once and holds the answer', async () => {
    await fault({method: 'POST', path: '/messages', answerDelayMs: 400});
    const t = performance.now();
    const answer = send('early');
    await sleep(100);
    assert.deepEqual(await held(), ['early'], 'created before the answer');
    assert.equal((await answer).status, 200);
    assert.ok(performance.now() - t >= 390);
  });

  test('delayMs holds the request before answering', async () => {
    await fault({method: 'GET', path: '/messages', delayMs: 300});
    const t = performance.now();
    assert.equal((await call(`${s.convUrl}/messages`)).status, 200);
    assert.ok(performance.now() - t >= 290);
  });

  test('delayMs still does the work when the client has given up waiting', async () => {
    await fault({method: 'POST', path: '/messages', delayMs: 300});
    await assert.rejects(
      fetch(`${s.convUrl}/messages`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({content: 'late'}), signal: AbortSignal.timeout(100)})
    );
    await sleep(400);
    assert.deepEqual(await held(), ['late']);
  });

  test('only public-API requests are affected, and DELETE clears every fault', async () => {
    await fault({path: '/', status: 503, count: 5});
    assert.equal((await call(`${server.url}/agent/api/conversations`)).status, 200);
    await call(`${server.url}/agent/api/faults`, {method: 'DELETE'});
    assert.equal((await send('fine')).status, 200);
  });

  test('socket events can be held back and delivered twice; others pass untouched', async () => {
    const sock = await rawSocket(server.url);
    await subscribe(sock, s.contact.pubsub_token);
    await fault({event: 'message.created', delayMs: 400, twice: true});
    const agentReply = (/** @type {string} */ content) =>
      call(`${server.url}/agent/api/conversations/${s.conversation.id}/messages`, {method: 'POST', body: {content}});
    const reply = (await agentReply('late')).body;
    await call(`${server.url}/agent/api/conversations/${s.conversation.id}/messages/${reply.id}`, {method: 'PATCH', body: {content: 'edited'}});
    await sock.waitEvent('message.updated');
    const named = (/** @type {string} */ e) => sock.events().filter((f) => f.message?.event === e);
    assert.equal(named('message.created').length, 0, 'the create is held back, the update went ahead');
    await sleep(500);
    assert.deepEqual(named('message.created').map((f) => f.message.data.id), [reply.id, reply.id]);
    await agentReply('on time');
    await sock.waitFor((f) => f.message?.data?.content === 'on time');
    assert.equal(named('message.created').length, 3, 'the fault is used up');
    sock.close();
  });
});

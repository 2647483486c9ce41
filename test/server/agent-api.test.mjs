// The agent API that the console and the end-to-end tests drive, and its event stream.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {call, rawSocket, session, start, subscribe} from './helpers.mjs';

/**
 * Read Server-Sent Events from the agent stream.
 * @param {string} url
 */
async function eventStream(url) {
  const controller = new AbortController();
  const res = await fetch(`${url}/agent/api/events`, {signal: controller.signal});
  assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
  /** @type {Array<{type: string, data: any}>} */
  const events = [];
  /** @type {Array<() => void>} */
  let waiters = [];
  (async () => {
    const decoder = new TextDecoder();
    let buf = '';
    try {
      for await (const chunk of /** @type {any} */ (res.body)) {
        buf += decoder.decode(chunk, {stream: true});
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (type && data) events.push({type, data: JSON.parse(data)});
        }
        const w = waiters;
        waiters = [];
        w.forEach((fn) => fn());
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    /** @param {(e: {type: string, data: any}) => boolean} pred */
    waitFor: (pred, ms = 3000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('timed out waiting for an agent event')), ms);
        const check = () => {
          const hit = events.find(pred);
          if (hit) {
            clearTimeout(timer);
            resolve(hit);
          } else {
            waiters.push(check);
          }
        };
        check();
      }),
    close: () => controller.abort(),
  };
}

describe('agent API', () => {
  /** @type {Awaited<ReturnType<typeof start>>} */
  let server;
  /** @type {string} */
  let agent;
  /** @type {Array<{close: () => void}>} */
  const closers = [];

  before(async () => {
    server = await start();
    agent = `${server.url}/agent/api`;
  });
  after(async () => {
    closers.forEach((c) => c.close());
    await server.close();
  });

  test('lists conversations newest first and shows one', async () => {
    const a = await session(server.url);
    const b = await session(server.url);
    await call(`${a.convUrl}/messages`, {method: 'POST', body: {content: 'latest'}});
    const list = await call(`${agent}/conversations`);
    assert.equal(list.status, 200);
    assert.equal(list.body[0].id, a.conversation.id);
    assert.ok(list.body.some((/** @type {any} */ c) => c.id === b.conversation.id));
    assert.equal(list.body[0].messages[0].content, 'latest');
    assert.equal(list.body[0].meta.sender.name, 'Alex');
    const one = await call(`${agent}/conversations/${b.conversation.id}`);
    assert.equal(one.body.id, b.conversation.id);
    assert.equal((await call(`${agent}/conversations/999999`)).status, 404);
  });

  test('messages: the agent sees private notes; before= and limit= page', async () => {
    const {conversation} = await session(server.url);
    const url = `${agent}/conversations/${conversation.id}/messages`;
    await call(url, {method: 'POST', body: {content: 'public'}});
    const note = await call(url, {method: 'POST', body: {content: 'note', private: true}});
    assert.equal(note.body.private, true);
    const list = await call(url);
    assert.deepEqual(list.body.map((/** @type {any} */ m) => m.content), ['public', 'note']);
    const limited = await call(`${url}?limit=1`);
    assert.deepEqual(limited.body.map((/** @type {any} */ m) => m.content), ['note']);
    const older = await call(`${url}?before=${note.body.id}`);
    assert.deepEqual(older.body.map((/** @type {any} */ m) => m.content), ['public']);
  });

  test('validation: bad content type, sender, status or presence is a 422', async () => {
    const {conversation} = await session(server.url);
    const url = `${agent}/conversations/${conversation.id}`;
    assert.equal((await call(`${url}/messages`, {method: 'POST', body: {content: 'x', content_type: 'video'}})).status, 422);
    assert.equal((await call(`${url}/messages`, {method: 'POST', body: {content: 'x', sender: 'robot'}})).status, 422);
    assert.equal((await call(`${url}/messages`, {method: 'POST', body: {content: 'x', content_attributes: '[1]'}})).status, 422);
    assert.equal((await call(`${url}/status`, {method: 'POST', body: {status: 'closed'}})).status, 422);
    assert.equal((await call(`${agent}/presence`, {method: 'POST', body: {status: 'asleep'}})).status, 422);
    assert.equal((await call(`${url}/messages/1`, {method: 'PATCH', body: {content: 'x'}})).status, 404);
    assert.equal((await call(`${agent}/nothing`)).status, 404);
  });

  test('status: resolve and reopen', async () => {
    const {conversation, convUrl} = await session(server.url);
    const url = `${agent}/conversations/${conversation.id}/status`;
    assert.equal((await call(url, {method: 'POST', body: {status: 'resolved'}})).body.status, 'resolved');
    assert.equal((await call(convUrl)).body.status, 'resolved');
    assert.equal((await call(url, {method: 'POST', body: {status: 'open'}})).body.status, 'open');
    assert.equal((await call(url, {method: 'POST', body: {status: 'pending'}})).body.status, 'pending');
  });

  test('presence: read and set', async () => {
    assert.equal((await call(`${agent}/presence`)).body.status, 'online');
    assert.deepEqual((await call(`${agent}/presence`, {method: 'POST', body: {status: 'away'}})).body, {status: 'away'});
    const now = await call(`${agent}/presence`);
    assert.equal(now.body.agent.availability_status, 'busy');
    await call(`${agent}/presence`, {method: 'POST', body: {status: 'online'}});
  });

  test('an agent reply assigns the agent, sets first_reply_created_at and clears waiting_since', async () => {
    const {conversation, convUrl} = await session(server.url);
    await call(`${convUrl}/messages`, {method: 'POST', body: {content: 'help'}});
    let conv = (await call(`${agent}/conversations/${conversation.id}`)).body;
    assert.ok(conv.waiting_since > 0);
    assert.equal(conv.unread_count, 1);
    await call(`${agent}/conversations/${conversation.id}/messages`, {method: 'POST', body: {content: 'on it'}});
    conv = (await call(`${agent}/conversations/${conversation.id}/seen`, {method: 'POST'})).body;
    assert.equal(conv.waiting_since, 0);
    assert.equal(conv.meta.assignee.id, 1);
    assert.equal(conv.unread_count, 0);
    assert.match(conv.first_reply_created_at, /Z$/);
  });

  test('agent attachments via multipart', async () => {
    const {conversation, convUrl} = await session(server.url);
    const form = new FormData();
    form.append('content', 'see attached');
    form.append('attachments[]', new Blob(['a,b\n1,2\n'], {type: 'text/csv'}), 'sizes.csv');
    const r = await call(`${agent}/conversations/${conversation.id}/messages`, {method: 'POST', body: form});
    assert.equal(r.status, 200);
    assert.equal(r.body.attachments[0].file_type, 'file');
    assert.equal(r.body.attachments[0].extension, 'csv');
    const file = await fetch((await call(`${convUrl}/messages`)).body[0].attachments[0].data_url);
    assert.equal(file.headers.get('content-disposition')?.startsWith('attachment'), true, 'non-media files download');
    assert.equal(await file.text(), 'a,b\n1,2\n');
  });

  test('deleting a message destroys its attachments', async () => {
    const {conversation} = await session(server.url);
    const form = new FormData();
    form.append('attachments[]', new Blob(['x'], {type: 'image/png'}), 'x.png');
    const r = await call(`${agent}/conversations/${conversation.id}/messages`, {method: 'POST', body: form});
    const dataUrl = r.body.attachments[0].data_url;
    const del = await call(`${agent}/conversations/${conversation.id}/messages/${r.body.id}`, {method: 'DELETE'});
    assert.equal('attachments' in del.body, false);
    assert.equal((await fetch(dataUrl)).status, 404);
    const again = await call(`${agent}/conversations/${conversation.id}/messages/${r.body.id}`, {method: 'PATCH', body: {content: 'x'}});
    assert.equal(again.status, 422);
  });

  test('bulk creates N messages that page like any others and reach the contact', async () => {
    const {conversation, contact, convUrl} = await session(server.url);
    const sock = await rawSocket(server.url);
    closers.push(sock);
    await subscribe(sock, contact.pubsub_token);
    const r = await call(`${agent}/conversations/${conversation.id}/messages/bulk`, {method: 'POST', body: {count: 50, content: 'bulk'}});
    assert.equal(r.body.count, 50);
    assert.equal(r.body.ids.length, 50);
    const page = await call(`${convUrl}/messages`);
    assert.deepEqual(page.body.map((/** @type {any} */ m) => m.id), r.body.ids.slice(30));
    await sock.waitFor(() => sock.frames.filter((f) => f.message?.event === 'message.created').length === 50);
    assert.equal((await call(`${agent}/conversations/${conversation.id}/messages/bulk`, {method: 'POST', body: {count: 0}})).status, 422);
  });

  test('the event stream carries messages (private too), conversations, typing and presence', async () => {
    const stream = await eventStream(server.url);
    closers.push(stream);
    const {conversation, convUrl} = await session(server.url);
    await stream.waitFor((e) => e.type === 'conversation' && e.data.id === conversation.id);
    await call(`${convUrl}/toggle_typing`, {method: 'POST', body: {typing_status: 'on'}});
    const typing = await stream.waitFor((e) => e.type === 'typing');
    assert.deepEqual([typing.data.conversation_id, typing.data.on], [conversation.id, true]);
    await call(`${convUrl}/messages`, {method: 'POST', body: {content: 'from contact', echo_id: 'e-9'}});
    const incoming = await stream.waitFor((e) => e.type === 'message' && e.data.content === 'from contact');
    assert.equal(incoming.data.echo_id, 'e-9');
    await call(`${agent}/conversations/${conversation.id}/messages`, {method: 'POST', body: {content: 'hidden', private: true}});
    await stream.waitFor((e) => e.type === 'message' && e.data.content === 'hidden' && e.data.private === true);
    await call(`${agent}/presence`, {method: 'POST', body: {status: 'away'}});
    await stream.waitFor((e) => e.type === 'presence' && e.data.status === 'away');
    await call(`${agent}/presence`, {method: 'POST', body: {status: 'online'}});
  });

  test('CORS is open on the agent API too (browser tests act as the agent cross-origin)', async () => {
    const pre = await fetch(`${agent}/presence`, {
      method: 'OPTIONS',
      headers: {origin: 'http://localhost:8000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type'},
    });
    assert.equal(pre.status, 200);
    assert.equal(pre.headers.get('access-control-allow-origin'), '*');
  });
});

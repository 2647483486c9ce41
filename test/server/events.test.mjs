// Events a contact token receives, compared with the protocol fixtures: same keys in the same
// order, same timestamp types, same delivery rules (no private notes, private typing flagged).
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {call, rawSocket, session, sleep, start, subscribe} from './helpers.mjs';

/** @param {string} name */
const fixture = (name) => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));

// Values that hold free-form maps in the fixtures, so their keys are data, not shape.
const FREE = new Set(['custom_attributes', 'content_attributes', 'additional_attributes', 'previous_changes', 'users']);

/** The nested key skeleton of a payload. @param {unknown} v @returns {any} */
function skeleton(v) {
  if (Array.isArray(v)) return {array: v.length ? skeleton(v[0]) : undefined};
  if (!v || typeof v !== 'object') return null;
  return {object: Object.entries(v).map(([k, x]) => [k, FREE.has(k) ? null : skeleton(x)])};
}

/** Same keys in the same order at every level; an empty array or a null matches anything. @param {any} a @param {any} b */
function sameShape(a, b, path = '') {
  if (a?.object && b?.object) {
    assert.deepEqual(a.object.map((/** @type {any[]} */ e) => e[0]), b.object.map((/** @type {any[]} */ e) => e[0]), `keys at ${path || 'top'}`);
    a.object.forEach((/** @type {any[]} */ e, /** @type {number} */ i) => sameShape(e[1], b.object[i][1], `${path}.${e[0]}`));
  } else if (a?.array && b?.array) {
    sameShape(a.array, b.array, `${path}[0]`);
  }
}

/** @param {any} actual @param {string} name */
const assertLike = (actual, name) => sameShape(skeleton(actual), skeleton(fixture(name).message?.data ?? fixture(name)));

describe('contact events', () => {
  /** @type {Awaited<ReturnType<typeof start>>} */
  let server;
  /** @type {Array<{close: () => void}>} */
  const sockets = [];
  /** @type {string} */
  let agent;

  /** A contact with a conversation and a subscribed socket. */
  async function setup() {
    const s = await session(server.url);
    const sock = await rawSocket(server.url);
    sockets.push(sock);
    await subscribe(sock, s.contact.pubsub_token);
    return {...s, sock, agentConv: `${agent}/conversations/${s.conversation.id}`};
  }

  before(async () => {
    server = await start();
    agent = `${server.url}/agent/api`;
  });
  after(async () => {
    sockets.forEach((s) => s.close());
    await server.close();
  });

  test('conversation.created reaches the contact in the presenter shape', async () => {
    const {contact} = await session(server.url);
    const sock = await rawSocket(server.url);
    sockets.push(sock);
    await subscribe(sock, contact.pubsub_token);
    const url = `${server.url}/public/api/v1/inboxes/demo-inbox/contacts/${contact.source_id}/conversations`;
    const conv = await call(url, {method: 'POST', body: {custom_attributes: {order_id: 'A-1'}}});
    const {message} = await sock.waitEvent('conversation.created');
    assertLike(message.data, 'conversation.created');
    assert.equal(message.data.id, conv.body.id);
    assert.deepEqual(message.data.custom_attributes, {order_id: 'A-1'});
    assert.equal(message.data.contact_inbox.pubsub_token, contact.pubsub_token);
    assert.equal(Number.isInteger(message.data.created_at), true);
    assert.equal(typeof message.data.updated_at, 'number');
    assert.equal(Number.isInteger(message.data.updated_at), false, 'conversation updated_at is a float');
    assert.equal(message.data.waiting_since, 0);
  });

  test("agent message.created matches the fixture, with performer and an online sender", async () => {
    const {sock, agentConv} = await setup();
    await call(`${agentConv}/messages`, {method: 'POST', body: {content: 'Hi! **Bold** _it_'}});
    const {message} = await sock.waitEvent('message.created');
    assertLike(message.data, 'message.created');
    assert.equal(message.data.message_type, 1);
    assert.equal(message.data.status, 'sent');
    assert.equal(message.data.content_type, 'text');
    assert.equal(message.data.sender.availability_status, 'online');
    assert.equal(message.data.performer.type, 'user');
    assert.match(message.data.updated_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(Number.isInteger(message.data.created_at), true);
  });

  test("the contact's own message comes back with echo_id and attachments; REST has no echo_id", async () => {
    const {sock, convUrl} = await setup();
    const form = new FormData();
    form.append('content', 'Here is a screenshot');
    form.append('echo_id', 'c-123-abc');
    form.append('attachments[]', new Blob([new Uint8Array([137, 80, 78, 71])], {type: 'image/png'}), 'shot.png');
    const rest = await call(`${convUrl}/messages`, {method: 'POST', body: form});
    assert.equal(rest.status, 200);
    assert.equal('echo_id' in rest.body, false);
    const {message} = await sock.waitEvent('message.created');
    assertLike(message.data, 'message.created.incoming-own-echo');
    assert.equal(message.data.echo_id, 'c-123-abc');
    assert.equal(message.data.id, rest.body.id);
    assert.equal(message.data.message_type, 0);
    assert.equal('performer' in message.data, false);
    assert.equal(message.data.attachments[0].file_type, 'image');
  });

  test('template messages (CSAT) have no sender key', async () => {
    const {sock, agentConv} = await setup();
    await call(`${agentConv}/messages`, {
      method: 'POST',
      body: {content: 'Please rate the conversation', message_type: 'template', content_type: 'input_csat', content_attributes: {display_type: 'emoji'}},
    });
    const {message} = await sock.waitEvent('message.created');
    assertLike(message.data, 'message.created.template-csat');
    assert.equal('sender' in message.data, false);
    assert.equal(message.data.message_type, 3);
    assert.equal(message.data.sender_type, null);
  });

  test('private notes never reach the contact, but private typing does, flagged', async () => {
    const {sock, agentConv, convUrl} = await setup();
    await call(`${agentConv}/typing`, {method: 'POST', body: {on: true, private: true}});
    await call(`${agentConv}/messages`, {method: 'POST', body: {content: 'secret note', private: true}});
    await call(`${agentConv}/typing`, {method: 'POST', body: {on: false, private: true}});
    await call(`${agentConv}/messages`, {method: 'POST', body: {content: 'public'}});
    const created = await sock.waitEvent('message.created');
    assert.equal(created.message.data.content, 'public');
    const on = sock.frames.find((f) => f.message?.event === 'conversation.typing_on');
    assertLike(on.message.data, 'conversation.typing_on');
    assert.equal(on.message.data.is_private, true);
    assert.equal(sock.frames.find((f) => f.message?.event === 'conversation.typing_off').message.data.is_private, true);
    assert.ok(!JSON.stringify(sock.frames).includes('secret note'));
    const list = await call(`${convUrl}/messages`);
    assert.deepEqual(list.body.map((/** @type {any} */ m) => m.content), ['public']);
  });

  test('edits and deletions arrive as message.updated', async () => {
    const {sock, agentConv} = await setup();
    const sent = await call(`${agentConv}/messages`, {method: 'POST', body: {content: 'typo'}});
    const url = `${agentConv}/messages/${sent.body.id}`;
    const edited = await call(url, {method: 'PATCH', body: {content: 'fixed'}});
    assert.equal(edited.body.content, 'fixed');
    const update = await sock.waitEvent('message.updated');
    assert.equal(update.message.data.content, 'fixed');
    assert.deepEqual(update.message.data.previous_changes.content, ['typo', 'fixed']);
    await call(url, {method: 'DELETE'});
    const del = await sock.waitFor((f) => f.message?.event === 'message.updated' && f.message.data.content_attributes.deleted);
    assertLike(del.message.data, 'message.updated.deleted');
    assert.equal(del.message.data.content, 'This message was deleted');
    assert.equal(del.message.data.content_type, 'text');
    assert.deepEqual(del.message.data.content_attributes, {deleted: true});
  });

  test('update_last_seen marks agent messages read, as message.updated without performer', async () => {
    const {sock, agentConv, convUrl} = await setup();
    const sent = await call(`${agentConv}/messages`, {method: 'POST', body: {content: 'read me'}});
    await sock.waitEvent('message.created');
    const seen = await call(`${convUrl}/update_last_seen`, {method: 'POST'});
    assert.equal(seen.status, 200);
    assert.equal(seen.body, undefined);
    const {message} = await sock.waitEvent('message.updated');
    assertLike(message.data, 'message.updated');
    assert.equal(message.data.id, sent.body.id);
    assert.equal(message.data.status, 'read');
    assert.deepEqual(message.data.previous_changes.status, ['sent', 'read']);
    assert.equal(message.data.sender.availability_status, null);
    assert.equal('performer' in message.data, false);
    const conv = await call(convUrl);
    assert.ok(conv.body.contact_last_seen_at > 0);
  });

  test('resolve sends status_changed and updated; a contact message reopens it', async () => {
    const {sock, agentConv, convUrl} = await setup();
    await call(`${agentConv}/status`, {method: 'POST', body: {status: 'resolved'}});
    const changed = await sock.waitEvent('conversation.status_changed');
    assertLike(changed.message.data, 'conversation.status_changed');
    assert.equal(changed.message.data.status, 'resolved');
    assert.equal('performer' in changed.message.data, false);
    await sock.waitFor((f) => f.message?.event === 'conversation.updated' && f.message.data.status === 'resolved');
    await call(`${convUrl}/messages`, {method: 'POST', body: {content: 'one more thing'}});
    const reopened = await sock.waitFor((f) => f.message?.event === 'conversation.status_changed' && f.message.data.status === 'open');
    assert.equal(reopened.message.data.messages[0].content, 'one more thing');
    assert.equal((await call(convUrl)).body.status, 'open');
  });

  test('toggle_status from the contact only resolves and is idempotent', async () => {
    const {sock, convUrl} = await setup();
    const first = await call(`${convUrl}/toggle_status`, {method: 'POST'});
    assert.equal(first.body.status, 'resolved');
    await sock.waitEvent('conversation.status_changed');
    const again = await call(`${convUrl}/toggle_status`, {method: 'POST'});
    assert.equal(again.status, 200);
    assert.equal(again.body.status, 'resolved');
    await sleep(100);
    assert.equal(sock.frames.filter((f) => f.message?.event === 'conversation.status_changed').length, 1);
  });

  test('typing from the contact is not echoed back to it', async () => {
    const {sock, convUrl} = await setup();
    const r = await call(`${convUrl}/toggle_typing`, {method: 'POST', body: {typing_status: 'on'}});
    assert.equal(r.status, 200);
    await sleep(100);
    assert.equal(sock.frames.some((f) => f.message?.event?.startsWith('conversation.typing')), false);
  });

  test('presence.update matches the fixture', async () => {
    const {sock} = await setup();
    const frame = sock.frames.find((f) => f.message?.event === 'presence.update');
    assertLike(frame.message.data, 'presence.update');
  });

  test('bot messages carry the agent_bot sender and their items', async () => {
    const {sock, agentConv} = await setup();
    const items = [{title: 'Shipping', value: 'shipping'}, {title: 'Returns', value: 'returns'}];
    await call(`${agentConv}/messages`, {method: 'POST', body: {content: 'Pick one', sender: 'bot', content_type: 'input_select', content_attributes: {items}}});
    const {message} = await sock.waitEvent('message.created');
    assert.equal(message.data.sender_type, 'AgentBot');
    assert.deepEqual(message.data.sender, {id: 1, name: 'Akece Bot', avatar_url: '', type: 'agent_bot'});
    assert.deepEqual(message.data.content_attributes.items, items);
  });
});

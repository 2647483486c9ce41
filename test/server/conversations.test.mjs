// Conversations over time (issue 14): several per contact, the contact ending one, a message
// reopening a resolved one, CSAT on resolve, who resolved, and the same visitor recognised on
// a second device through identifier + identifier_hash (HMAC), as Chatwoot does it.
import {after, before, beforeEach, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createHmac} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {call, publicApi, rawSocket, sleep, start, subscribe} from './helpers.mjs';

/** @param {string} name */
const fixture = (name) => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
/** @param {string} key @param {string} identifier */
const sign = (key, identifier) => createHmac('sha256', key).update(identifier).digest('hex');

describe('conversations over time', () => {
  /** @type {Awaited<ReturnType<typeof start>>} */
  let server;
  /** @type {ReturnType<typeof publicApi>} */
  let api;
  /** @type {string} */
  let agent;
  /** @type {Array<{close: () => void}>} */
  const sockets = [];

  before(async () => {
    server = await start();
    api = publicApi(server.url);
    agent = `${server.url}/agent/api`;
  });
  after(() => {
    sockets.forEach((s) => s.close());
    return server.close();
  });
  beforeEach(async () => {
    await call(`${agent}/inbox`, {method: 'PATCH', body: {csat_survey_enabled: false, identity_validation_enabled: false}});
  });

  const conversations = async (/** @type {string} */ sourceId, query = '') => (await call(`${api.base}/contacts/${sourceId}/conversations${query}`)).body;
  const agentMessages = async (/** @type {number} */ id) => (await call(`${agent}/conversations/${id}/messages`)).body;
  const hmacKey = async () => (await call(`${agent}/inbox`)).body.hmac_token;

  test('a contact keeps several conversations, each listed with its own status', async () => {
    const contact = await api.contact({name: 'Alex'});
    const first = await api.conversation(contact.source_id);
    const second = await api.conversation(contact.source_id);
    assert.notEqual(first.id, second.id);
    const resolved = await call(`${api.conv(contact.source_id, first.id)}/toggle_status`, {method: 'POST'});
    assert.equal(resolved.status, 200);
    assert.deepEqual(Object.keys(resolved.body), Object.keys(fixture('public-api-conversation-toggle-status')));
    assert.equal(resolved.body.status, 'resolved');
    const list = await conversations(contact.source_id);
    assert.deepEqual(list.map((/** @type {any} */ c) => [c.id, c.status]), [[first.id, 'resolved'], [second.id, 'open']]);
    assert.deepEqual(Object.keys(list[0]), Object.keys(fixture('public-api-conversations-index')[0]));
  });

  test('toggle_status only resolves, answers 200 when already resolved, and records the contact as resolver', async () => {
    const contact = await api.contact({name: 'bea lund'});
    const conv = await api.conversation(contact.source_id);
    const url = `${api.conv(contact.source_id, conv.id)}/toggle_status`;
    await call(url, {method: 'POST'});
    const again = await call(url, {method: 'POST'});
    assert.equal(again.status, 200);
    assert.equal(again.body.status, 'resolved');
    const shown = (await call(`${agent}/conversations/${conv.id}`)).body;
    assert.deepEqual(shown.resolved_by, {type: 'Contact', id: contact.id, name: 'bea lund'});
    assert.equal(typeof shown.resolved_at, 'number');
    const lines = (await agentMessages(conv.id)).filter((/** @type {any} */ m) => m.message_type === 2).map((/** @type {any} */ m) => m.content);
    assert.deepEqual(lines, ['Conversation was resolved by Bea lund'], 'one activity line, the name capitalised as Ruby does');
    // Activity lines are for agents only.
    assert.deepEqual(await (await call(`${api.conv(contact.source_id, conv.id)}/messages`)).body, []);
  });

  test('a new contact message reopens a resolved conversation, with the system line and events', async () => {
    const contact = await api.contact({name: 'Cleo'});
    const conv = await api.conversation(contact.source_id);
    const sock = await rawSocket(server.url);
    sockets.push(sock);
    await subscribe(sock, contact.pubsub_token);
    await call(`${agent}/conversations/${conv.id}/status`, {method: 'POST', body: {status: 'resolved'}});
    const byAgent = (await call(`${agent}/conversations/${conv.id}`)).body;
    assert.deepEqual(byAgent.resolved_by, {type: 'User', id: 1, name: 'Sam Rivera'});
    await call(`${api.conv(contact.source_id, conv.id)}/messages`, {method: 'POST', body: {content: 'One more question'}});
    const status = await sock.waitFor((f) => f.message?.event === 'conversation.status_changed' && f.message.data.status === 'open');
    assert.equal(status.message.data.id, conv.id);
    const reopened = (await call(`${agent}/conversations/${conv.id}`)).body;
    assert.equal(reopened.status, 'open');
    assert.equal(reopened.resolved_by, null);
    const lines = (await agentMessages(conv.id)).filter((/** @type {any} */ m) => m.message_type === 2).map((/** @type {any} */ m) => m.content);
    assert.deepEqual(lines, ['Conversation was marked resolved by Sam Rivera', 'System reopened the conversation due to a new incoming message.']);
    assert.equal(sock.events().some((f) => f.message?.data?.message_type === 2), false, 'activity never reaches the contact');
  });

  test('a snoozed conversation opens on a contact message; a pending one stays pending', async () => {
    const contact = await api.contact({name: 'Dan'});
    const snoozed = await api.conversation(contact.source_id);
    const pending = await api.conversation(contact.source_id);
    await call(`${agent}/conversations/${snoozed.id}/status`, {method: 'POST', body: {status: 'snoozed'}});
    await call(`${agent}/conversations/${pending.id}/status`, {method: 'POST', body: {status: 'pending'}});
    for (const conv of [snoozed, pending]) await call(`${api.conv(contact.source_id, conv.id)}/messages`, {method: 'POST', body: {content: 'hi'}});
    assert.equal((await call(`${agent}/conversations/${snoozed.id}`)).body.status, 'open');
    assert.equal((await call(`${agent}/conversations/${pending.id}`)).body.status, 'pending');
  });

  test('with CSAT on, resolving sends one input_csat template message, as Chatwoot does', async () => {
    await call(`${agent}/inbox`, {method: 'PATCH', body: {csat_survey_enabled: true}});
    const contact = await api.contact({name: 'Eve'});
    const conv = await api.conversation(contact.source_id);
    const sock = await rawSocket(server.url);
    sockets.push(sock);
    await subscribe(sock, contact.pubsub_token);
    await call(`${api.conv(contact.source_id, conv.id)}/toggle_status`, {method: 'POST'});
    const survey = await sock.waitFor((f) => f.message?.event === 'message.created' && f.message.data.content_type === 'input_csat');
    const expected = fixture('message.created.template-csat').message.data;
    assert.deepEqual(Object.keys(survey.message.data), Object.keys(expected));
    assert.equal(survey.message.data.message_type, 3);
    assert.equal(survey.message.data.content, 'Please rate the conversation');
    assert.deepEqual(survey.message.data.content_attributes, {display_type: 'emoji'});
    assert.equal('sender' in survey.message.data, false);
    // Reopened and resolved again: no second survey.
    await call(`${agent}/conversations/${conv.id}/status`, {method: 'POST', body: {status: 'open'}});
    await call(`${agent}/conversations/${conv.id}/status`, {method: 'POST', body: {status: 'resolved'}});
    const surveys = (await agentMessages(conv.id)).filter((/** @type {any} */ m) => m.content_type === 'input_csat');
    assert.equal(surveys.length, 1);
    // The survey is answerable through the public API.
    const answered = await call(`${api.conv(contact.source_id, conv.id)}/messages/${surveys[0].id}`, {
      method: 'PATCH',
      body: {submitted_values: {csat_survey_response: {rating: 4, feedback_message: 'quick'}}},
    });
    assert.equal(answered.status, 200);
    assert.equal(answered.body.content_attributes.submitted_values.csat_survey_response.rating, 4);
  });

  test('with CSAT off, resolving sends no survey', async () => {
    const contact = await api.contact({name: 'Finn'});
    const conv = await api.conversation(contact.source_id);
    await call(`${api.conv(contact.source_id, conv.id)}/toggle_status`, {method: 'POST'});
    assert.equal((await agentMessages(conv.id)).some((/** @type {any} */ m) => m.content_type === 'input_csat'), false);
  });

  test('identifier + identifier_hash recognise the same contact on a second device', async () => {
    const key = await hmacKey();
    const identifier = `user-${Math.random().toString(36).slice(2)}`;
    const hash = sign(key, identifier);
    const laptop = await api.contact({identifier, identifier_hash: hash, name: 'Gus'});
    const laptopConv = await api.conversation(laptop.source_id);
    await call(`${api.conv(laptop.source_id, laptopConv.id)}/messages`, {method: 'POST', body: {content: 'from the laptop'}});

    const phone = await api.contact({identifier, identifier_hash: hash});
    assert.equal(phone.id, laptop.id, 'one contact');
    assert.notEqual(phone.source_id, laptop.source_id, 'its own contact inbox');
    // Created, but not yet verified: it sees only its own (none).
    assert.deepEqual(await conversations(phone.source_id), []);
    assert.equal((await call(api.conv(phone.source_id, laptopConv.id))).status, 404);

    // A later GET with the hash verifies it.
    const shown = await call(`${api.base}/contacts/${phone.source_id}?identifier=${identifier}&identifier_hash=${hash}`);
    assert.equal(shown.status, 200);
    const seen = await conversations(phone.source_id);
    assert.deepEqual(seen.map((/** @type {any} */ c) => c.id), [laptopConv.id]);
    assert.equal(seen[0].messages[0].content, 'from the laptop');
    const conv = (await call(`${agent}/conversations/${laptopConv.id}`)).body;
    assert.equal(conv.contact_inbox.hmac_verified, false, 'the laptop inbox was never verified');
    const contact = (await call(`${agent}/contacts/${laptop.id}`)).body;
    assert.deepEqual(contact.contact_inboxes.map((/** @type {any} */ ci) => ci.hmac_verified).sort(), [false, true]);

    // The phone can write into the laptop's conversation.
    const sent = await call(`${api.conv(phone.source_id, laptopConv.id)}/messages`, {method: 'POST', body: {content: 'from the phone'}});
    assert.equal(sent.status, 200);
  });

  test('events fan out to every verified device of the contact', async () => {
    const key = await hmacKey();
    const identifier = `user-${Math.random().toString(36).slice(2)}`;
    const hash = sign(key, identifier);
    const one = await api.contact({identifier, identifier_hash: hash});
    const two = await api.contact({identifier, identifier_hash: hash});
    for (const device of [one, two]) await call(`${api.base}/contacts/${device.source_id}`, {method: 'PATCH', body: {identifier, identifier_hash: hash}});
    const conv = await api.conversation(one.source_id);
    const [first, second] = [await rawSocket(server.url), await rawSocket(server.url)];
    sockets.push(first, second);
    await subscribe(first, one.pubsub_token);
    await subscribe(second, two.pubsub_token);
    await call(`${agent}/conversations/${conv.id}/messages`, {method: 'POST', body: {content: 'to both devices'}});
    for (const sock of [first, second]) {
      const frame = await sock.waitFor((f) => f.message?.event === 'message.created' && f.message.data.content === 'to both devices');
      assert.equal(frame.message.data.conversation_id, conv.id);
    }
    // Typing goes to the conversation's own contact inbox only.
    await call(`${agent}/conversations/${conv.id}/typing`, {method: 'POST', body: {on: true}});
    await first.waitEvent('conversation.typing_on');
    await sleep(200);
    assert.equal(second.events().some((f) => f.message?.event === 'conversation.typing_on'), false);
  });

  test('a wrong hash is a 500 and verifies nothing; an unverified identifier sees only its own', async () => {
    const key = await hmacKey();
    const identifier = `user-${Math.random().toString(36).slice(2)}`;
    const owner = await api.contact({identifier, identifier_hash: sign(key, identifier)});
    const ownerConv = await api.conversation(owner.source_id);
    const bad = await call(`${api.base}/contacts`, {method: 'POST', body: {identifier, identifier_hash: 'f'.repeat(64)}});
    assert.equal(bad.status, 500);
    assert.deepEqual(bad.body, fixture('public-api-error-500'));
    // Claiming the identifier without a hash (validation off) reuses the contact, unverified.
    const claimer = await api.contact({identifier});
    assert.equal(claimer.id, owner.id);
    const wrong = await call(`${api.base}/contacts/${claimer.source_id}?identifier=${identifier}&identifier_hash=${'0'.repeat(64)}`);
    assert.equal(wrong.status, 500);
    assert.deepEqual(await conversations(claimer.source_id), []);
    assert.equal((await call(`${api.conv(claimer.source_id, ownerConv.id)}/messages`)).status, 404);
  });
});

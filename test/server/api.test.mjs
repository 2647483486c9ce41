// The public client API: every endpoint, its shape, paging, errors and CORS.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {call, publicApi, session, start} from './helpers.mjs';

/** @param {string} name */
const fixture = (name) => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
/** @param {unknown} o */
const keys = (o) => Object.keys(/** @type {object} */ (o));

describe('public client API', () => {
  /** @type {Awaited<ReturnType<typeof start>>} */
  let server;
  /** @type {ReturnType<typeof publicApi>} */
  let api;

  before(async () => {
    server = await start();
    api = publicApi(server.url);
  });
  after(() => server.close());

  test('GET inbox', async () => {
    const r = await call(api.base);
    assert.equal(r.status, 200);
    assert.deepEqual(keys(r.body), keys(fixture('public-api-inbox-show')));
    assert.equal(r.body.identifier, 'demo-inbox');
    assert.equal(r.body.working_hours.length, 7);
  });

  test('an unknown inbox is a 404 on every route', async () => {
    const other = publicApi(server.url, 'nope');
    for (const url of [other.base, `${other.base}/contacts`, `${other.base}/contacts/x/conversations`]) {
      const r = await call(url);
      assert.equal(r.status, 404, url);
      assert.deepEqual(r.body, fixture('public-api-error-404'));
    }
    assert.equal((await call(`${other.base}/contacts`, {method: 'POST', body: {}})).status, 404);
  });

  test('create, show and update a contact', async () => {
    const created = await call(`${api.base}/contacts`, {method: 'POST', body: {name: 'Alex Moreau', email: 'alex.m@example.com', custom_attributes: {plan: 'pro'}}});
    assert.equal(created.status, 200);
    assert.deepEqual(keys(created.body), keys(fixture('public-api-contact-create')));
    assert.match(created.body.pubsub_token, /^[1-9A-HJ-NP-Za-km-z]{24}$/);
    assert.match(created.body.source_id, /^[0-9a-f-]{36}$/);
    const url = `${api.base}/contacts/${created.body.source_id}`;
    const shown = await call(url);
    assert.deepEqual(shown.body, created.body);
    const updated = await call(url, {method: 'PATCH', body: {phone_number: '+33612345678', name: '', custom_attributes: {tier: 2}}});
    assert.equal(updated.status, 200);
    assert.deepEqual(keys(updated.body), keys(fixture('public-api-contact-update')));
    assert.equal('pubsub_token' in updated.body, false);
    assert.equal(updated.body.name, 'Alex Moreau', 'blank values are ignored');
    assert.equal(updated.body.phone_number, '+33612345678');
    assert.deepEqual(updated.body.custom_attributes, {plan: 'pro', tier: 2});
    const put = await call(url, {method: 'PUT', body: {name: 'Alex M.'}});
    assert.equal(put.body.name, 'Alex M.');
  });

  test('contact create: existing source_id returns the same contact; missing name gets a generated one', async () => {
    const a = await api.contact({});
    assert.match(a.name, /^[a-z]+-[a-z]+-\d+$/);
    const again = await api.contact({source_id: a.source_id});
    assert.deepEqual(again, a);
    const custom = await api.contact({source_id: 'my-own-source-id', identifier: 'user-42'});
    assert.equal(custom.source_id, 'my-own-source-id');
    const sameIdentity = await api.contact({identifier: 'user-42'});
    assert.equal(sameIdentity.id, custom.id, 'contact reused by identifier');
    assert.notEqual(sameIdentity.pubsub_token, custom.pubsub_token, 'with a contact_inbox of its own');
  });

  test('invalid email or phone is a 422 in render_record_invalid shape', async () => {
    const bad = await call(`${api.base}/contacts`, {method: 'POST', body: {email: 'not-an-email'}});
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body, fixture('public-api-error-422-contact-invalid'));
    const phone = await call(`${api.base}/contacts`, {method: 'POST', body: {phone_number: '0612'}});
    assert.deepEqual(phone.body, {message: 'Phone number should be in e164 format', attributes: ['phone_number']});
    const c = await api.contact();
    const upd = await call(`${api.base}/contacts/${c.source_id}`, {method: 'PATCH', body: {email: 'x@'}});
    assert.equal(upd.status, 422);
  });

  test('unknown contact, conversation or message is a 404', async () => {
    const {contact, convUrl} = await session(server.url);
    assert.equal((await call(`${api.base}/contacts/nobody`)).status, 404);
    assert.equal((await call(`${api.base}/contacts/nobody/conversations`)).status, 404);
    assert.equal((await call(api.conv(contact.source_id, 999999))).status, 404);
    assert.equal((await call(`${api.conv(contact.source_id, 999999)}/messages`)).status, 404);
    assert.equal((await call(`${convUrl}/messages/999999`, {method: 'PATCH', body: {}})).status, 404);
    assert.equal((await call(`${server.url}/public/api/v1/inboxes`)).status, 404);
  });

  test("a contact cannot reach another contact's conversation", async () => {
    const a = await session(server.url);
    const b = await api.contact();
    const r = await call(api.conv(b.source_id, a.conversation.id));
    assert.equal(r.status, 404);
  });

  test('conversations: create, list, show', async () => {
    const c = await api.contact({name: 'Lee'});
    const created = await call(`${api.base}/contacts/${c.source_id}/conversations`, {method: 'POST', body: {custom_attributes: {order: 'A1'}, status: 'resolved'}});
    assert.equal(created.status, 200);
    assert.deepEqual(keys(created.body), keys(fixture('public-api-conversation-create')));
    assert.deepEqual(keys(created.body.contact), keys(fixture('public-api-conversation-create').contact));
    assert.equal(created.body.status, 'open', 'only custom_attributes is taken from the body');
    assert.deepEqual(created.body.messages, []);
    await call(`${api.base}/contacts/${c.source_id}/conversations`, {method: 'POST'});
    const list = await call(`${api.base}/contacts/${c.source_id}/conversations`);
    assert.equal(list.body.length, 2);
    const shown = await call(api.conv(c.source_id, created.body.id));
    assert.deepEqual(shown.body, created.body);
  });

  test('messages: create returns the REST shape, list pages 20 at a time with before=', async () => {
    const {convUrl} = await session(server.url);
    const ids = [];
    for (let i = 1; i <= 45; i++) {
      const r = await call(`${convUrl}/messages`, {method: 'POST', body: {content: `m${i}`, echo_id: `e${i}`}});
      assert.equal(r.status, 200);
      ids.push(r.body.id);
    }
    const one = (await call(`${convUrl}/messages`)).body;
    assert.deepEqual(keys(one[0]), keys(fixture('public-api-messages-index')[0]));
    assert.deepEqual(one.map((/** @type {any} */ m) => m.content), Array.from({length: 20}, (_, i) => `m${i + 26}`));
    const two = (await call(`${convUrl}/messages?before=${one[0].id}`)).body;
    assert.deepEqual(two.map((/** @type {any} */ m) => m.id), ids.slice(5, 25));
    const three = (await call(`${convUrl}/messages?before=${two[0].id}`)).body;
    assert.deepEqual(three.map((/** @type {any} */ m) => m.id), ids.slice(0, 5));
    const four = (await call(`${convUrl}/messages?before=${three[0].id}`)).body;
    assert.deepEqual(four, []);
    const shown = await call(convUrl);
    assert.equal(shown.body.messages.length, 45, 'the conversation embeds every message, unpaged');
  });

  test('message create: REST shape, no echo_id, 150,000-character limit', async () => {
    const {convUrl} = await session(server.url);
    const r = await call(`${convUrl}/messages`, {method: 'POST', body: {content: 'hello', echo_id: 'abc'}});
    assert.deepEqual(keys(r.body), keys(fixture('public-api-messages-index')[0]));
    assert.equal('echo_id' in r.body, false);
    assert.equal(r.body.message_type, 0);
    const ok = await call(`${convUrl}/messages`, {method: 'POST', body: {content: 'x'.repeat(150000)}});
    assert.equal(ok.status, 200);
    const long = await call(`${convUrl}/messages`, {method: 'POST', body: {content: 'x'.repeat(150001)}});
    assert.equal(long.status, 422);
    assert.deepEqual(long.body, fixture('public-api-error-422-record-invalid'));
  });

  test('attachments: multipart upload, stored and served back through a redirect URL', async () => {
    const {convUrl} = await session(server.url);
    const bytes = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
    const form = new FormData();
    form.append('echo_id', 'up-1');
    form.append('attachments[]', new Blob([bytes], {type: 'image/png'}), 'shot.png');
    form.append('attachments[]', new Blob(['%PDF-1.4'], {type: 'application/pdf'}), 'invoice.pdf');
    const r = await call(`${convUrl}/messages`, {method: 'POST', body: form});
    assert.equal(r.status, 200);
    assert.equal(r.body.content, null, 'content may be empty with attachments');
    const [img, pdf] = r.body.attachments;
    assert.deepEqual(keys(img), keys(fixture('public-api-message-create').attachments[0]));
    assert.equal(img.file_type, 'image');
    assert.equal(img.extension, 'png');
    assert.equal(img.file_size, bytes.length);
    assert.ok(img.data_url.startsWith(`${server.url}/rails/active_storage/blobs/redirect/`));
    assert.equal(pdf.file_type, 'file');
    assert.equal(pdf.thumb_url, '');
    const redirect = await fetch(img.data_url, {redirect: 'manual'});
    assert.equal(redirect.status, 302);
    const file = await fetch(img.data_url);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'image/png');
    assert.deepEqual(new Uint8Array(await file.arrayBuffer()), bytes);
  });

  test('message update: submitted_values for input_select, input_email and input_csat', async () => {
    const {conversation, convUrl, contact} = await session(server.url);
    const agent = `${server.url}/agent/api/conversations/${conversation.id}/messages`;
    const select = await call(agent, {method: 'POST', body: {content: 'Pick', content_type: 'input_select', content_attributes: {items: [{title: 'A', value: 'a'}]}}});
    const picked = await call(`${convUrl}/messages/${select.body.id}`, {method: 'PATCH', body: {submitted_values: [{title: 'A', value: 'a'}]}});
    assert.equal(picked.status, 200);
    assert.deepEqual(picked.body.content_attributes, {items: [{title: 'A', value: 'a'}], submitted_values: [{title: 'A', value: 'a'}]});
    const email = await call(agent, {method: 'POST', body: {content: 'Your email?', content_type: 'input_email'}});
    const answered = await call(`${convUrl}/messages/${email.body.id}`, {method: 'PATCH', body: {submitted_values: [{name: 'email', title: 'new@example.com', value: 'new@example.com'}]}});
    assert.equal(answered.body.content_attributes.submitted_email, 'new@example.com');
    const shown = await call(`${server.url}/public/api/v1/inboxes/demo-inbox/contacts/${contact.source_id}`);
    assert.equal(shown.body.email, 'new@example.com');
    const csat = await call(agent, {method: 'POST', body: {content: 'Please rate the conversation', message_type: 'template', content_type: 'input_csat', content_attributes: {display_type: 'emoji'}}});
    const req = fixture('public-api-message-update-csat');
    const rated = await call(`${convUrl}/messages/${csat.body.id}`, {method: 'PATCH', body: {submitted_values: req.content_attributes.submitted_values}});
    assert.deepEqual(keys(rated.body), keys(req));
    assert.deepEqual(rated.body.content_attributes, req.content_attributes);
  });

  test('toggle_typing and update_last_seen answer 200 with an empty body; malformed JSON is a 400', async () => {
    const {convUrl} = await session(server.url);
    for (const path of ['toggle_typing', 'update_last_seen']) {
      const r = await call(`${convUrl}/${path}`, {method: 'POST', body: {typing_status: 'on'}});
      assert.equal(r.status, 200);
      assert.equal(r.body, undefined);
    }
    const res = await fetch(`${convUrl}/messages`, {method: 'POST', headers: {'content-type': 'application/json'}, body: '{"content":'});
    assert.equal(res.status, 400);
  });

  test('form-encoded bodies work like JSON', async () => {
    const {convUrl} = await session(server.url);
    const res = await fetch(`${convUrl}/messages`, {method: 'POST', body: new URLSearchParams({content: 'form body', echo_id: 'f1'})});
    assert.equal(res.status, 200);
    assert.equal((await res.json()).content, 'form body');
  });

  test('CORS: open to any origin, preflight included', async () => {
    const pre = await fetch(`${api.base}/contacts`, {
      method: 'OPTIONS',
      headers: {origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type'},
    });
    assert.equal(pre.status, 200);
    assert.equal(pre.headers.get('access-control-allow-origin'), '*');
    assert.match(String(pre.headers.get('access-control-allow-methods')), /PATCH/);
    assert.match(String(pre.headers.get('access-control-allow-headers')), /content-type/);
    const get = await fetch(api.base, {headers: {origin: 'https://shop.example'}});
    assert.equal(get.headers.get('access-control-allow-origin'), '*');
    const err = await fetch(`${api.base}/contacts/none`, {headers: {origin: 'https://shop.example'}});
    assert.equal(err.headers.get('access-control-allow-origin'), '*', 'errors are readable cross-origin too');
  });

  test('the contact flood limit answers 422 "Too many messages"', async () => {
    const small = await start({floodLimit: 3});
    try {
      const {convUrl} = await session(small.url);
      for (let i = 0; i < 3; i++) assert.equal((await call(`${convUrl}/messages`, {method: 'POST', body: {content: `${i}`}})).status, 200);
      const r = await call(`${convUrl}/messages`, {method: 'POST', body: {content: 'flood'}});
      assert.equal(r.status, 422);
      assert.deepEqual(r.body, {message: 'Too many messages', attributes: ['base']});
    } finally {
      await small.close();
    }
  });

  test('INBOX_IDENTIFIER: another identifier is served instead of demo-inbox', async () => {
    const other = await start({inboxIdentifier: 'shop-42'});
    try {
      assert.equal((await call(`${other.url}/public/api/v1/inboxes/shop-42`)).status, 200);
      assert.equal((await call(`${other.url}/public/api/v1/inboxes/demo-inbox`)).status, 404);
    } finally {
      await other.close();
    }
  });
});

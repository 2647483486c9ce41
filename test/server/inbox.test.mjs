// The inbox as a site owner sets it (issue 16): the public inbox answer in Chatwoot's shape,
// edits through the agent API, custom attributes on contacts (deep-merged) and conversations,
// and identity validation refusing unsigned contacts as Chatwoot does (a bare 500).
import {after, before, beforeEach, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createHmac} from 'node:crypto';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {call, publicApi, start} from './helpers.mjs';

/** @param {string} name */
const fixture = (name) => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));

describe('inbox settings', () => {
  /** @type {Awaited<ReturnType<typeof start>>} */
  let server;
  /** @type {ReturnType<typeof publicApi>} */
  let api;
  /** @type {string} */
  let agent;

  before(async () => {
    server = await start();
    api = publicApi(server.url);
    agent = `${server.url}/agent/api/inbox`;
  });
  after(() => server.close());
  beforeEach(() => call(agent, {method: 'PATCH', body: {identity_validation_enabled: false}}));

  test('the public inbox has the fixture’s keys and types, and follows the edits', async () => {
    const before = (await call(api.base)).body;
    const shape = fixture('public-api-inbox-show');
    assert.deepEqual(Object.keys(before), Object.keys(shape));
    assert.deepEqual(Object.keys(before.working_hours[0]), Object.keys(shape.working_hours[0]));
    const hours = [
      {day_of_week: 1, open_hour: 8, open_minutes: 30, close_hour: 18, close_minutes: 0},
      {day_of_week: 0, closed_all_day: true},
      {day_of_week: 6, open_all_day: true},
    ];
    const saved = await call(agent, {
      method: 'PATCH',
      body: {name: 'Trail Shoes', timezone: 'Europe/Paris', working_hours_enabled: true, working_hours: hours, csat_survey_enabled: true, greeting_enabled: true, greeting_message: 'Hello!'},
    });
    assert.equal(saved.status, 200);
    assert.equal(saved.body.greeting_message, 'Hello!');
    assert.match(saved.body.hmac_token, /^[1-9A-HJ-NP-Za-km-z]{24}$/);
    const shown = (await call(api.base)).body;
    assert.deepEqual(Object.keys(shown), Object.keys(shape));
    assert.equal(shown.name, 'Trail Shoes');
    assert.equal(shown.timezone, 'Europe/Paris');
    assert.equal(shown.working_hours_enabled, true);
    assert.equal(shown.csat_survey_enabled, true);
    assert.equal(shown.greeting_enabled, true);
    assert.deepEqual(shown.working_hours[1], {day_of_week: 1, closed_all_day: false, open_hour: 8, open_minutes: 30, close_hour: 18, close_minutes: 0, open_all_day: false});
    assert.deepEqual(shown.working_hours[0], shape.working_hours[0], 'a closed day as Chatwoot writes it');
    assert.deepEqual(shown.working_hours[6], {day_of_week: 6, closed_all_day: false, open_hour: 0, open_minutes: 0, close_hour: 23, close_minutes: 59, open_all_day: true});
    assert.deepEqual(shown.working_hours[2], before.working_hours[2], 'days not sent are kept');
    assert.equal('hmac_token' in shown, false, 'the key never reaches the public API');
  });

  test('bad settings are a 422 and change nothing', async () => {
    const before = (await call(agent)).body;
    for (const body of [
      {timezone: 'Mars/Olympus'},
      {name: '  '},
      {working_hours: [{day_of_week: 9, open_hour: 9, close_hour: 17}]},
      {working_hours: [{day_of_week: 2, open_hour: 18, close_hour: 9}]},
      {working_hours: [{day_of_week: 2, open_hour: 25, close_hour: 26}]},
      {working_hours: 'always'},
      {hmac_token: 'short'},
    ]) {
      const r = await call(agent, {method: 'PATCH', body});
      assert.equal(r.status, 422, JSON.stringify(body));
      assert.deepEqual(Object.keys(r.body), ['message', 'attributes']);
    }
    assert.deepEqual((await call(agent)).body, before);
  });

  test('a new HMAC key replaces the old one', async () => {
    const old = (await call(agent)).body.hmac_token;
    const next = (await call(`${agent}/hmac_token`, {method: 'POST'})).body.hmac_token;
    assert.notEqual(next, old);
    const set = await call(agent, {method: 'PATCH', body: {hmac_token: 'test-key-for-e2e'}});
    assert.equal(set.body.hmac_token, 'test-key-for-e2e');
    const signed = (await call(`${server.url}/agent/api/identifier_hash?identifier=user-1`)).body;
    assert.deepEqual(signed, {identifier: 'user-1', identifier_hash: createHmac('sha256', 'test-key-for-e2e').update('user-1').digest('hex')});
  });

  test('contact custom attributes deep-merge on update; conversation attributes are set at creation', async () => {
    const contact = await api.contact({name: 'Alex', custom_attributes: {plan: 'pro', company: {name: 'Acme', size: 10}}});
    const url = `${api.base}/contacts/${contact.source_id}`;
    const updated = await call(url, {method: 'PATCH', body: {custom_attributes: {company: {size: 12, country: 'FR'}, tier: 2}}});
    assert.deepEqual(updated.body.custom_attributes, {plan: 'pro', company: {name: 'Acme', size: 12, country: 'FR'}, tier: 2});
    const replaced = await call(url, {method: 'PATCH', body: {custom_attributes: {company: 'none'}}});
    assert.deepEqual(replaced.body.custom_attributes, {plan: 'pro', company: 'none', tier: 2}, 'a non-object replaces');
    const polluted = await call(url, {method: 'PATCH', body: JSON.parse('{"custom_attributes": {"__proto__": {"admin": true}}}')});
    assert.equal(polluted.status, 200);
    assert.equal(/** @type {any} */ ({}).admin, undefined);
    const conv = await call(`${url}/conversations`, {method: 'POST', body: {custom_attributes: {order: 'A-1042'}, status: 'resolved'}});
    const agentView = (await call(`${server.url}/agent/api/conversations/${conv.body.id}`)).body;
    assert.deepEqual(agentView.custom_attributes, {order: 'A-1042'});
    assert.equal(agentView.status, 'open', 'only custom_attributes is taken from the body');
    const details = (await call(`${server.url}/agent/api/contacts/${contact.id}`)).body;
    assert.deepEqual(details.custom_attributes.company, 'none');
    assert.deepEqual(details.conversations.map((/** @type {any} */ c) => c.id), [conv.body.id]);
  });

  test('with identity validation on, unsigned contacts are refused with a 500', async () => {
    const open = await api.contact({name: 'Before'});
    await call(agent, {method: 'PATCH', body: {identity_validation_enabled: true}});
    assert.equal((await call(api.base)).body.identity_validation_enabled, true);
    const key = (await call(agent)).body.hmac_token;
    const error = fixture('public-api-error-500');
    const create = await call(`${api.base}/contacts`, {method: 'POST', body: {name: 'Anon'}});
    assert.equal(create.status, 500);
    assert.deepEqual(create.body, error);
    assert.deepEqual((await call(`${api.base}/contacts/${open.source_id}`)).body, error, 'show needs the hash too');
    assert.equal((await call(`${api.base}/contacts/${open.source_id}`, {method: 'PATCH', body: {name: 'x'}})).status, 500);
    // Conversations are not checked (only the contacts endpoints are, as in Chatwoot).
    assert.equal((await call(`${api.base}/contacts/${open.source_id}/conversations`)).status, 200);

    const identifier = 'member-77';
    const hash = createHmac('sha256', key).update(identifier).digest('hex');
    const signed = await call(`${api.base}/contacts`, {method: 'POST', body: {identifier, identifier_hash: hash, name: 'Member'}});
    assert.equal(signed.status, 200);
    const shown = await call(`${api.base}/contacts/${signed.body.source_id}?identifier=${identifier}&identifier_hash=${hash}`);
    assert.equal(shown.status, 200);
    assert.deepEqual(shown.body, signed.body);
  });
});

test('inbox settings survive a restart with the same DATA_FILE', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'akece-inbox-'));
  const dataFile = join(dir, 'data.json');
  try {
    const first = await start({dataFile});
    await call(`${first.url}/agent/api/inbox`, {method: 'PATCH', body: {name: 'Kept', csat_survey_enabled: true}});
    const key = (await call(`${first.url}/agent/api/inbox`)).body.hmac_token;
    await first.close();
    const second = await start({dataFile});
    const settings = (await call(`${second.url}/agent/api/inbox`)).body;
    assert.equal(settings.name, 'Kept');
    assert.equal(settings.csat_survey_enabled, true);
    assert.equal(settings.hmac_token, key);
    await second.close();
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

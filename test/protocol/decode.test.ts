import {expect} from '@open-wc/testing';
import * as cableModule from '../../src/protocol/cable.js';
import {decodeEvent, parse} from '../../src/protocol/decode.js';
import {fixtureJson} from '../helpers/frames.js';

const EVENT_FIXTURES = [
  'message.created',
  'message.created.template-csat',
  'message.updated.deleted',
  'conversation.created',
  'conversation.status_changed',
  'conversation.updated',
  'conversation.typing_on',
  'conversation.typing_off',
  'presence.update',
];

const msg = {id: 1, conversation_id: 87, message_type: 1, created_at: 1781692380, content: 'hi'};

describe('decodeEvent', () => {
  for (const name of EVENT_FIXTURES)
    it(`decodes the ${name} fixture`, async () => {
      const frame = await fixtureJson<{message: {event: string; data: unknown}}>(name);
      const ev = decodeEvent(frame.message) || undefined;
      expect(ev?.event).to.equal(frame.message.event);
      expect(ev?.data).to.deep.equal(frame.message.data);
    });

  it('accepts data, or the whole message, given as a JSON string', () => {
    expect(decodeEvent({event: 'message.created', data: JSON.stringify(msg)})).to.deep.equal({event: 'message.created', data: msg});
    expect(decodeEvent(JSON.stringify({event: 'message.updated', data: msg}))).to.deep.equal({event: 'message.updated', data: msg});
  });

  it('accepts contact.updated with any object', () => {
    expect(decodeEvent({event: 'contact.updated', data: {}})).to.deep.equal({event: 'contact.updated', data: {}});
  });

  it('requires the fields the state layer reads unchecked', () => {
    const bad: [string, unknown][] = [
      ['conversation.status_changed', {id: '87', status: 'resolved'}],
      ['conversation.updated', {id: Infinity}],
      ['conversation.created', {}],
      ['conversation.typing_on', {conversation: {}}],
      ['conversation.typing_off', {conversation: 87}],
      ['conversation.typing_on', {id: 87}],
      ['presence.update', {users: ['7']}],
      ['presence.update', {users: null}],
      ['presence.update', {account_id: 3}],
      ['contact.updated', 'x'],
      ['contact.updated', [{}]],
      ['message.created', null],
      ['message.updated', [msg]],
      ['message.created', 42],
    ];
    for (const [event, data] of bad) expect(decodeEvent({event, data}), event).to.equal(undefined);
  });

  it('leaves the fields of a message to the state layer, which checks them all (state/normalize.ts)', () => {
    for (const data of [{...msg, id: '1'}, {...msg, created_at: null}, {}]) expect(decodeEvent({event: 'message.created', data})).to.deep.equal({event: 'message.created', data});
  });

  it('emits the event name as the string it matched', () => {
    expect(decodeEvent({event: 42, data: {}})).to.equal(undefined);
    expect(decodeEvent({event: {}, data: {}})).to.equal(undefined);
    expect((decodeEvent({event: 'contact.updated', data: {}}) || undefined)?.event).to.equal('contact.updated');
  });

  it('returns undefined for unknown and agent-only events, and for names of Object members', () => {
    for (const event of ['notification_created', 'notification.created', 'conversation.read', 'contact.created', 'toString', '__proto__', 'constructor', ''])
      expect(decodeEvent({event, data: {id: 1, users: {}}}), event).to.equal(undefined);
    expect(decodeEvent({data: msg})).to.equal(undefined);
  });

  it('returns undefined for non-objects', () => {
    for (const m of [null, undefined, 42, 'not json', '[1]', [], [{event: 'message.created', data: msg}], true])
      expect(decodeEvent(m)).to.equal(undefined);
  });
});

describe('parse', () => {
  it('parses JSON text', () => {
    expect(parse('{"a":[1,{"b":null}]}')).to.deep.equal({a: [1, {b: null}]});
  });

  it('refuses invalid JSON and oversize text without throwing', () => {
    for (const t of ['', '{', '{"a":1}x', 'undefined', `"${'x'.repeat(3_000_000)}"`]) expect(parse(t)).to.equal(undefined);
  });

  it('returns anything but a string as is', () => {
    const buf = new ArrayBuffer(4);
    for (const v of [undefined, null, 1, buf, [1]]) expect(parse(v)).to.equal(v);
    const obj = {a: 1};
    expect(parse(obj)).to.equal(obj);
  });

  it('refuses documents with __proto__ keys at any depth, and pollutes nothing', () => {
    expect(parse('{"__proto__":{"polluted":1}}')).to.equal(undefined);
    expect(parse('{"a":{"b":[{"__proto__":{"polluted":1}}]}}')).to.equal(undefined);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    // Ordinary keys named like Object members are data, not a threat.
    expect(parse('{"constructor":1,"toString":2}')).to.deep.equal({constructor: 1, toString: 2});
  });
});

describe('protocol/cable.ts', () => {
  it('still exports parse and decodeEvent, which moved to decode.ts', () => {
    expect(cableModule.parse).to.equal(parse);
    expect(cableModule.decodeEvent).to.equal(decodeEvent);
  });
});

import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {readPersistedSession, storageKey, writePersistedSession, STORAGE_FORMAT_VERSION} from '../../src/state/persisted-session.js';
import {FakeServer, MemStorage, makeSession, settle} from './fakes.js';

const KEY = 'akece-chat:https://chat.example:inb';
const contact = {sourceId: 'src-1', pubsubToken: 'tok-src-1'};
/** What the widget stored before the rewrite (version 1: no version field, one-letter keys). */
const VERSION_1 = JSON.stringify({
  k: contact,
  o: [
    {e: 'e1', c: 'pending one', t: 5, m: 3},
    {e: 'e2', c: 'maybe sent', t: 6, m: 3, u: true},
    {e: 'e3', c: 'refused', t: 7, m: 3, x: true},
    {junk: 1},
    null,
  ],
});

describe('persisted session', () => {
  it('keeps the key of version 1, one per server and inbox', () => {
    expect(storageKey('https://chat.example', 'inb')).to.equal(KEY);
    expect(storageKey('https://chat.example')).to.equal('akece-chat:https://chat.example:');
  });

  it('reads version 1 with readable names', () => {
    const storage = new MemStorage();
    storage.map.set(KEY, VERSION_1);
    expect(readPersistedSession(storage, KEY)).to.deep.equal({
      contact,
      outbox: [
        {echoId: 'e1', content: 'pending one', createdAt: 5, maxServerIdThen: 3, outcomeUnknown: false, failedForGood: false},
        {echoId: 'e2', content: 'maybe sent', createdAt: 6, maxServerIdThen: 3, outcomeUnknown: true, failedForGood: false},
        {echoId: 'e3', content: 'refused', createdAt: 7, maxServerIdThen: 3, outcomeUnknown: false, failedForGood: true},
      ],
    });
    storage.map.set(KEY, JSON.stringify({k: null, o: [{e: 'e1', c: 'x', t: 'soon'}]}));
    expect(readPersistedSession(storage, KEY)).to.deep.equal({
      contact: null,
      outbox: [{echoId: 'e1', content: 'x', createdAt: 0, maxServerIdThen: 0, outcomeUnknown: false, failedForGood: false}],
    });
    storage.map.set(KEY, JSON.stringify({k: {sourceId: 'only-half'}}));
    expect(readPersistedSession(storage, KEY)).to.deep.equal({contact: null, outbox: []});
  });

  it('writes version 2 and reads it back; removes the key when there is nothing to keep', () => {
    const storage = new MemStorage();
    const session = {contact, outbox: [{echoId: 'e1', content: 'hi', createdAt: 5, maxServerIdThen: 0, outcomeUnknown: false, failedForGood: true}]};
    writePersistedSession(storage, KEY, session);
    expect(JSON.parse(storage.map.get(KEY)!)).to.deep.equal({version: STORAGE_FORMAT_VERSION, ...session});
    expect(readPersistedSession(storage, KEY)).to.deep.equal(session);
    writePersistedSession(storage, KEY, {contact: null, outbox: []});
    expect(storage.map.has(KEY)).to.equal(false);
    writePersistedSession(null, KEY, session); // storage "none": nothing to do, nothing thrown
  });

  it('keeps the conversation an entry was written in (an id, or null for a new one); an entry without one reads as before', () => {
    const storage = new MemStorage();
    const entry = {content: 'hi', createdAt: 5, maxServerIdThen: 0, outcomeUnknown: false, failedForGood: false};
    const outbox = [
      {...entry, echoId: 'e1', conversationId: 85},
      {...entry, echoId: 'e2', conversationId: null},
      {...entry, echoId: 'e3'},
    ];
    writePersistedSession(storage, KEY, {contact, outbox});
    expect(readPersistedSession(storage, KEY)).to.deep.equal({contact, outbox});
  });

  it('finds nothing in empty, unreadable, unknown or throwing storage', () => {
    const storage = new MemStorage();
    expect(readPersistedSession(storage, KEY)).to.equal(null);
    expect(readPersistedSession(null, KEY)).to.equal(null);
    for (const stored of ['{nope', '42', '[]', JSON.stringify({version: 99, contact})]) {
      storage.map.set(KEY, stored);
      expect(readPersistedSession(storage, KEY), stored).to.equal(null);
    }
    storage.getItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    expect(readPersistedSession(storage, KEY)).to.equal(null);
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    writePersistedSession(storage, KEY, {contact, outbox: []});
  });

  it('imports nothing, so the element can read it at page start without the session', async () => {
    const source = await (await fetch('/src/state/persisted-session.ts')).text();
    expect(source).to.include('readPersistedSession');
    expect(source).to.not.match(/^\s*import\b/m);
    expect(source).to.not.match(/\bimport\s*\(/);
  });

  describe('upgrade from version 1', () => {
    let clock: sinon.SinonFakeTimers;
    let server: FakeServer;
    beforeEach(() => {
      clock = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
      server = new FakeServer();
    });
    afterEach(() => {
      clock.restore();
      sinon.restore();
    });

    it('carries over the contact, its conversation and every pending message, then stores version 2', async () => {
      server.convs.push({id: 87, status: 'open', contact_last_seen_at: 0});
      server.add(3);
      const t = makeSession();
      t.storage.map.set(KEY, VERSION_1);
      const sent: string[] = [];
      t.session.on('message', (m) => sent.push(m.content));
      t.session.start();
      const state = () => t.session.store.getState();
      expect(state().contact).to.deep.equal(contact);
      expect([...state().messages].map((m) => [m.content, m.status])).to.deep.equal([
        ['pending one', 'pending'],
        ['maybe sent', 'pending'],
        ['refused', 'failed'],
      ]);
      await settle(clock);
      // The contact and its conversation were found again (no new contact), the history loaded,
      // the pending message sent, the one of unknown outcome looked for and then sent once.
      expect(server.paths('POST').filter((p) => p.endsWith('/contacts'))).to.deep.equal([]);
      expect(state().conversationId).to.equal(87);
      expect(server.messages.map((m) => m.content)).to.deep.equal(['m1', 'm2', 'm3', 'pending one', 'maybe sent']);
      expect(sent).to.deep.equal(['pending one', 'maybe sent']);
      expect(JSON.parse(t.storage.map.get(KEY)!)).to.deep.equal({
        version: 2,
        contact,
        outbox: [{echoId: 'e3', content: 'refused', createdAt: 7, maxServerIdThen: 3, outcomeUnknown: false, failedForGood: true}],
      });
      t.session.dispose();
    });
  });
});

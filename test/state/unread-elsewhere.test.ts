import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {FakeServer, makeSession, settle} from './fakes.js';
import {UnreadElsewhere, panelCountsElsewhere} from '../../src/state/unread-elsewhere.js';

const KEY = 'akece-chat:https://chat.example:inb';
const STORED = JSON.stringify({k: {sourceId: 'src-1', pubsubToken: 'tok-src-1'}, o: []});
const AGENT = {id: 7, name: 'Priya', type: 'user'};
/** A message of conversation 85 as the socket and the list carry it. */
const elsewhere = (id: number, extra: Record<string, unknown> = {}) => ({id, content: 'reply ' + id, message_type: 1, created_at: 2000 + id, conversation_id: 85, sender: AGENT, ...extra});
const created = (data: Record<string, unknown>) => ({event: 'message.created', data}) as never;

// The launcher's count of replies in other conversations before the panel is ever opened: the
// list read once (what came before the page), then the socket. Only the network is faked.
describe('UnreadElsewhere', () => {
  let clock: sinon.SinonFakeTimers;
  let srv: FakeServer;
  let t: ReturnType<typeof makeSession>;
  const state = () => t.session.store.getState();

  beforeEach(async () => {
    clock = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
    srv = new FakeServer();
    srv.convs = [
      {id: 87, status: 'open', contact_last_seen_at: 0},
      // one reply the visitor saw, one from before this page they did not
      {id: 85, status: 'open', contact_last_seen_at: 2100, messages: [elsewhere(50), elsewhere(150)]},
    ];
    t = makeSession();
    t.storage.map.set(KEY, STORED);
    t.session.start();
    await settle(clock);
    expect(state().conversationId).to.equal(87);
  });
  afterEach(() => {
    t.session.dispose();
    clock.restore();
    sinon.restore();
  });

  it('counts what came before the page from the list, then every reply the socket brings elsewhere', async () => {
    const first = elsewhere(160);
    srv.convs[1].messages!.push(first); // the list read after it holds it: counted once
    t.cable.send(created(first));
    new UnreadElsewhere(t.session, created(first));
    await settle(clock);
    expect(state().otherUnread).to.equal(2);
    expect(state().unreadCount).to.equal(2);

    t.cable.send(created(elsewhere(170)));
    expect(state().unreadCount).to.equal(3);
    t.cable.send(created(elsewhere(170))); // the same event again
    t.cable.send(created(elsewhere(180, {message_type: 0, sender: {id: 555, type: 'contact'}}))); // the visitor, on another device
    t.cable.send(created({...elsewhere(190), conversation_id: 87})); // the conversation shown: its own count
    expect(state().otherUnread).to.equal(3);
    expect(state().unreadCount).to.equal(4);
  });

  it('stands down once the panel is seen, or when the panel’s list counted before it came', async () => {
    new UnreadElsewhere(t.session, created(elsewhere(160)));
    await settle(clock);
    expect(state().otherUnread).to.equal(2);
    t.session.setPanelVisible(true);
    t.session.setPanelVisible(false);
    t.cable.send(created(elsewhere(170)));
    expect(state().otherUnread).to.equal(2); // (the panel's list counts it now)

    t.session.setOtherUnread(0);
    panelCountsElsewhere(t.session);
    new UnreadElsewhere(t.session, created(elsewhere(180)));
    await settle(clock);
    expect(state().otherUnread).to.equal(0);
    expect(srv.paths('GET').filter((path) => path == 'GET /contacts/src-1/conversations')).to.have.length(2); // the start, and the first counter
  });
});

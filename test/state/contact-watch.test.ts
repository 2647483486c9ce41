// The quiet start of a known contact (src/state/contact-watch.ts) and the full session taking
// over from it (ChatSession's `handover`): the network faked at its edge (fetch, the cable).
import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {RestClient} from '../../src/api/client.js';
import {ContactApi} from '../../src/api/contact-api.js';
import {ContactWatch, type Handover} from '../../src/state/contact-watch.js';
import {FakeCable, FakeServer, makeSession, settle} from './fakes.js';

const KEY = 'akece-chat:https://chat.example:inb';
const STORED = JSON.stringify({version: 2, contact: {sourceId: 'src-1', pubsubToken: 'tok-src-1'}, outbox: []});
const event = (name: string, data: Record<string, unknown>) => ({event: name, data}) as never;
const agentMessage = (id: number, createdAt: number, conversationId = 87) => ({id, content: 'reply ' + id, message_type: 1, created_at: createdAt, conversation_id: conversationId, sender: {id: 7, name: 'Priya'}});

describe('ContactWatch', () => {
  let clock: sinon.SinonFakeTimers;
  let srv: FakeServer;
  let cable: FakeCable;
  let watch: ContactWatch;
  let needs: {fresh: boolean}[];

  const start = (conversationId?: number) => {
    const api = new ContactApi(new RestClient({baseUrl: 'https://chat.example', inboxIdentifier: 'inb'}), {contactId: () => 'src-1', signal: () => new AbortController().signal});
    cable = new FakeCable({url: 'wss://chat.example/cable', pubsubToken: 'tok-src-1', presenceInterval: 30});
    watch = new ContactWatch(api, cable, {pubsubToken: 'tok-src-1', conversationId});
    needs = [];
    watch.on('needs-session', (need) => needs.push(need));
    watch.start();
  };

  beforeEach(() => {
    clock = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
    srv = new FakeServer();
  });
  afterEach(() => {
    watch?.dispose();
    clock.restore();
    sinon.restore();
  });

  it('connects, picks the conversation the session would show, and counts nothing unread without asking for the session', async () => {
    srv.convs.push({id: 80, status: 'resolved', contact_last_seen_at: 0}, {id: 87, status: 'open', contact_last_seen_at: 2000});
    srv.add(3); // all older than the last seen time
    start();
    await settle(clock);
    cable.confirmSubscription();
    expect(cable.connects).to.equal(1);
    expect(srv.paths()).to.deep.equal(['GET /contacts/src-1/conversations', 'GET /contacts/src-1/conversations/87/messages']);
    expect(watch.state).to.deep.include({connection: 'connected', conversationId: 87, conversationStatus: 'open', unreadCount: 0, lastSeenAt: 2_000_000});
    expect(watch.state.messages.map((message) => message.content)).to.deep.equal(['m1', 'm2', 'm3']);
    expect(needs).to.deep.equal([]);
  });

  it('asks for the session, with its cable, when something is unread (the previews need it)', async () => {
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 1001});
    srv.add(3); // created at 1001, 1002, 1003: two after the last seen time
    start();
    await settle(clock);
    expect(watch.state.unreadCount).to.equal(2);
    expect(needs).to.deep.equal([{fresh: false}]);
    const handover = watch.handOver(true)!;
    expect(handover.cable).to.equal(cable);
    expect(handover.looked!.conversation!.id).to.equal(87);
    expect(handover.looked!.page).to.have.length(3);
    expect(cable.disposed).to.equal(false);
    expect(cable.listeners).to.equal(0); // the watch listens no more
  });

  it('counts the replies unseen in the other conversations from the list alone, and asks for the session', async () => {
    const listed = [
      {id: 87, status: 'open', contact_last_seen_at: 5000},
      // Every public message comes with each listed conversation: one reply after the last look, one before, one of the visitor's.
      {id: 80, status: 'resolved', contact_last_seen_at: 3000, messages: [agentMessage(50, 2000, 80), agentMessage(51, 4000, 80), {...agentMessage(52, 4500, 80), message_type: 0}]},
      {id: 79, status: 'resolved', contact_last_seen_at: 0, messages: 'not a list'},
    ];
    srv.hook = ({method, path}) => (method == 'GET' && path == '/contacts/src-1/conversations' ? new Response(JSON.stringify(listed)) : undefined);
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 5000});
    start();
    await settle(clock);
    expect(watch.state).to.deep.include({conversationId: 87, otherUnread: 1, unreadCount: 1});
    expect(needs).to.deep.equal([{fresh: false}]);
    expect(watch.handOver(true)!.looked!.otherUnread).to.equal(1);
  });

  it('holds what the socket says, in order, and asks for the session when a message arrives or an agent types in public', async () => {
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 5000});
    start();
    await settle(clock);
    cable.confirmSubscription();
    cable.send(event('conversation.typing_on', {conversation: {id: 87}, is_private: true, user: {id: 7}})); // an agents' note: nobody is told
    cable.send(event('presence.update', {users: {7: 'online'}}));
    cable.send(event('presence.update', {users: {7: 'busy'}})); // only the latest availability is kept
    cable.send(event('message.updated', agentMessage(3, 1003)));
    expect(needs).to.deep.equal([]);
    expect(watch.state.availability).to.equal('away');
    cable.send(event('message.created', agentMessage(9, 6000)));
    expect(needs).to.deep.equal([{fresh: false}]);
    cable.send(event('conversation.typing_on', {conversation: {id: 87}, is_private: false, user: {id: 7}}));
    const handover = watch.handOver(true)!;
    expect(handover.events.map((held: {event: string}) => held.event)).to.deep.equal(['presence.update', 'message.updated', 'message.created', 'conversation.typing_on']);
    cable.send(event('message.created', agentMessage(10, 6001)));
    expect(handover.events).to.have.length(4); // handed over: the session hears the rest
  });

  it('leaves an error, and a contact the server does not know, to a fresh session', async () => {
    srv.contacts.clear();
    start();
    await settle(clock);
    expect(needs).to.deep.equal([{fresh: true}]);
    expect(watch.handOver(false)).to.equal(null);
    expect(cable.disposed).to.equal(true);

    srv.contacts.add('src-1');
    start();
    await settle(clock);
    cable.lose();
    cable.emit('error', {code: 'socket-error', message: 'closed', fatal: false}); // a dropped socket comes back by itself
    expect(needs).to.deep.equal([]);
    cable.refuse();
    expect(needs).to.deep.equal([{fresh: true}]);
  });

  it('looks again after a resumed subscription: what arrived meanwhile may be unread', async () => {
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 5000});
    start();
    await settle(clock);
    cable.confirmSubscription();
    srv.add(1, {created_at: 6000});
    cable.lose();
    cable.confirmSubscription(); // resumed
    await settle(clock);
    expect(watch.state.unreadCount).to.equal(1);
    expect(needs).to.deep.equal([{fresh: false}]);
  });
});

describe('ChatSession taking over from the watch', () => {
  let clock: sinon.SinonFakeTimers;
  let srv: FakeServer;

  beforeEach(() => {
    clock = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
    srv = new FakeServer();
  });
  afterEach(() => {
    clock.restore();
    sinon.restore();
  });

  it('uses the handed cable, page and events: no new socket, no second fetch, a held message announced once and in order', async () => {
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 1002});
    srv.add(3);
    const cable = new FakeCable({url: 'wss://chat.example/cable', pubsubToken: 'tok-src-1', presenceInterval: 30});
    cable.connect();
    cable.confirmSubscription();
    const page = [...srv.messages];
    const handover: Handover = {
      cable,
      pubsubToken: 'tok-src-1',
      looked: {conversation: {id: 87, status: 'open', contact_last_seen_at: 1002} as never, page, otherUnread: 1},
      events: [
        event('message.created', agentMessage(3, 1003)), // also in the page: it arrived while the page was fetched
        event('message.created', agentMessage(4, 1004)),
        event('message.updated', {...agentMessage(4, 1004), content: 'reply 4, edited'}),
        event('presence.update', {users: {7: 'online'}}),
      ],
    };
    srv.reqs = [];
    const t = makeSession({handover});
    t.storage.map.set(KEY, STORED);
    const announced: string[] = [];
    t.session.on('message', (message) => announced.push(message.content));
    t.session.start();
    const state = t.session.store.getState(); // at once: nothing to wait for
    expect(state).to.deep.include({connection: 'connected', conversationId: 87, conversationStatus: 'open', availability: 'online', otherUnread: 1, unreadCount: 3});
    expect([...state.messages].map((message) => message.content)).to.deep.equal(['m1', 'm2', 'm3', 'reply 4, edited']);
    expect(announced).to.deep.equal(['reply 3', 'reply 4']);
    await settle(clock);
    expect(t.cables).to.have.length(0); // the handed one is used
    expect(srv.paths('GET')).to.deep.equal([]);
    cable.send(event('message.created', agentMessage(5, 1005)));
    expect(announced).to.deep.equal(['reply 3', 'reply 4', 'reply 5']);
    t.session.dispose();
    expect(cable.disposed).to.equal(true);
  });

  it('fetches for itself when the watch had not looked yet', async () => {
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 0});
    srv.add(2);
    const cable = new FakeCable({url: 'wss://chat.example/cable', pubsubToken: 'tok-src-1', presenceInterval: 30});
    cable.connect();
    const t = makeSession({handover: {cable, pubsubToken: 'tok-src-1', events: []}});
    t.storage.map.set(KEY, STORED);
    t.session.start();
    expect(t.session.store.getState().connection).to.equal('connecting');
    await settle(clock);
    expect(srv.paths('GET')).to.deep.equal(['GET /contacts/src-1/conversations', 'GET /contacts/src-1/conversations/87/messages']);
    expect(t.session.store.getState().messages.length).to.equal(2);
    cable.confirmSubscription();
    expect(t.session.store.getState().connection).to.equal('connected');
    t.session.dispose();
  });
});

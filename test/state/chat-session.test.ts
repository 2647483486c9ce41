import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {FakeServer, makeSession, settle, until} from './fakes.js';
import type {Message} from '../../src/state/model.js';
import {VisitorWriter} from '../../src/state/visitor-writer.js';

const KEY = 'akece-chat:https://chat.example:inb';
const STORED = JSON.stringify({k: {sourceId: 'src-1', pubsubToken: 'tok-src-1'}, o: []});
const msgEvent = (data: Record<string, unknown>) => ({event: 'message.created', data}) as never;

describe('ChatSession', () => {
  let clock: sinon.SinonFakeTimers;
  let srv: FakeServer;
  let t: ReturnType<typeof makeSession>;
  const s = () => t.session.store.getState();
  const wait = () => settle(clock);

  beforeEach(() => {
    clock = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
    srv = new FakeServer();
  });
  afterEach(() => {
    t?.session.dispose();
    clock.restore();
    sinon.restore();
  });

  describe('several conversations (contract §9)', () => {
    const json = (body: unknown) => new Response(JSON.stringify(body), {status: 200});
    const known = () => {
      t = makeSession();
      t.storage.map.set(KEY, STORED);
      t.session.start();
    };

    it('opens on the latest unresolved conversation, else the latest', async () => {
      srv.convs = [
        {id: 90, status: 'resolved', contact_last_seen_at: 0},
        {id: 88, status: 'open', contact_last_seen_at: 0},
        {id: 86, status: 'pending', contact_last_seen_at: 0},
      ];
      known();
      await wait();
      expect(s().conversationId).to.equal(88);
      t.session.dispose();
      srv.convs = [
        {id: 90, status: 'resolved', contact_last_seen_at: 0},
        {id: 88, status: 'resolved', contact_last_seen_at: 0},
      ];
      known();
      await wait();
      expect(s().conversationId).to.equal(90);
    });

    it('shows another conversation, or a new one that only the next message creates', async () => {
      srv.convs = [
        {id: 87, status: 'open', contact_last_seen_at: 0},
        {id: 85, status: 'resolved', contact_last_seen_at: 0},
      ];
      srv.add(2);
      known();
      await wait();
      expect(s().messages.length).to.equal(2);
      srv.hook = ({method, path}) => (method == 'GET' && path.startsWith('/contacts/src-1/conversations/85/messages') ? json([{id: 70, content: 'old', message_type: 1, created_at: 900, conversation_id: 85}]) : undefined);
      await t.session.showConversation(85);
      expect(s()).to.deep.include({conversationId: 85, conversationStatus: 'resolved'});
      expect(s().messages.slice().map((m) => m.content)).to.deep.equal(['old']);

      srv.hook = null;
      const before = srv.paths('POST').length;
      await t.session.showConversation(null);
      expect(s()).to.deep.include({conversationId: null, conversationStatus: null});
      expect(s().messages.length).to.equal(0);
      await wait();
      expect(srv.paths('POST').length).to.equal(before); // nothing created yet
      await t.session.sendMessage('A new question');
      expect(srv.paths('POST').slice(before)).to.deep.equal(['POST /contacts/src-1/conversations', 'POST /contacts/src-1/conversations/87/messages']);
    });

    it('ends the conversation shown with toggle_status and shows it resolved', async () => {
      srv.convs = [{id: 87, status: 'open', contact_last_seen_at: 0}];
      known();
      await wait();
      srv.hook = ({method, path}) => (method == 'POST' && path.endsWith('/toggle_status') ? json({id: 87, status: 'resolved'}) : undefined);
      await t.session.endConversation();
      expect(srv.paths('POST')).to.include('POST /contacts/src-1/conversations/87/toggle_status');
      expect(s().conversationStatus).to.equal('resolved');
    });

    it('updates a contact created with an identifier hash with it (the server verifies only then), before listing', async () => {
      t = makeSession();
      t.session.start();
      await t.session.setUser({identifier: 'user-7', identifierHash: 'abc'});
      t.session.setPanelVisible(true);
      await wait();
      expect(srv.paths()).to.deep.equal(['POST /contacts', 'PATCH /contacts/src-2', 'GET /contacts/src-2/conversations']);
      expect(srv.reqs[1].body).to.deep.include({identifier: 'user-7', identifier_hash: 'abc'});
    });

    describe('a message written offline goes to the conversation it was written in', () => {
      const contents = () => s().messages.slice().map((m) => m.content);
      const stored = () => JSON.parse(t.storage.map.get(KEY)!).outbox as {content: string; conversationId?: number | null}[];

      it('when the visitor switched to another conversation meanwhile: sent there once, shown only there', async () => {
        srv.convs = [
          {id: 87, status: 'open', contact_last_seen_at: 0},
          {id: 85, status: 'open', contact_last_seen_at: 0},
        ];
        srv.add(1, {content: 'in 85', conversation_id: 85});
        known();
        await wait();
        t.session.setPanelVisible(true);
        t.cable.go('offline');
        const sent = t.session.sendMessage('written in 87');
        await wait();
        expect(stored()).to.deep.equal([{...stored()[0], content: 'written in 87', conversationId: 87}]);
        await t.session.showConversation(85);
        await wait();
        expect(contents()).to.deep.equal(['in 85']); // not shown in the other conversation
        t.cable.go('connected');
        const message = await sent;
        expect(message).to.deep.include({content: 'written in 87', conversationId: 87, status: 'sent'});
        expect(srv.paths('POST')).to.deep.equal(['POST /contacts/src-1/conversations/87/messages']);
        t.cable.send(msgEvent({...srv.messages.find((m) => m.id == message.id)!, echo_id: message.echoId}));
        await wait();
        expect(contents()).to.deep.equal(['in 85']);
        expect(t.storage.map.get(KEY)).to.not.include('written in 87');
        await t.session.showConversation(87);
        expect(contents()).to.deep.equal(['written in 87']);
        expect(srv.messages.filter((m) => m.content == 'written in 87').map((m) => m.conversation_id)).to.deep.equal([87]);
      });

      it('shows a queued message again when its conversation is shown again', async () => {
        srv.convs = [
          {id: 87, status: 'open', contact_last_seen_at: 0},
          {id: 85, status: 'open', contact_last_seen_at: 0},
        ];
        known();
        await wait();
        t.cable.go('offline');
        void t.session.sendMessage('still queued').catch(() => undefined);
        await wait();
        await t.session.showConversation(85);
        await wait();
        expect(contents()).to.deep.equal([]);
        await t.session.showConversation(87);
        await wait();
        expect(s().messages.slice().map((m) => [m.content, m.status])).to.deep.equal([['still queued', 'pending']]);
      });

      it('when written in a new conversation: creates it with that message, even if another one is shown by then', async () => {
        srv.convs = [{id: 87, status: 'open', contact_last_seen_at: 0}];
        srv.nextConversationId = 90;
        known();
        await wait();
        await t.session.showConversation(null);
        t.cable.go('offline');
        const first = t.session.sendMessage('a new question');
        const second = t.session.sendMessage('and another');
        await wait();
        expect(stored().map((entry) => entry.conversationId)).to.deep.equal([null, null]);
        await t.session.showConversation(87);
        await wait();
        t.cable.go('connected');
        await Promise.all([first, second]);
        expect(srv.paths('POST')).to.deep.equal([
          'POST /contacts/src-1/conversations',
          'POST /contacts/src-1/conversations/90/messages',
          'POST /contacts/src-1/conversations/90/messages',
        ]);
        expect(s().conversationId).to.equal(87); // the visitor stays where they are
        expect(contents()).to.deep.equal([]);
      });

      it('reads the conversation back from storage; an entry stored without one (or with junk) goes to the conversation shown', async () => {
        srv.convs = [
          {id: 87, status: 'open', contact_last_seen_at: 0},
          {id: 85, status: 'open', contact_last_seen_at: 0},
        ];
        t = makeSession();
        const entry = {createdAt: 5, maxServerIdThen: 0, outcomeUnknown: false, failedForGood: false};
        t.storage.map.set(
          KEY,
          JSON.stringify({
            version: 2,
            contact: {sourceId: 'src-1', pubsubToken: 'tok-src-1'},
            outbox: [
              {...entry, echoId: 'e1', content: 'for 85', conversationId: 85},
              {...entry, echoId: 'e2', content: 'stored before conversations were recorded'},
              {...entry, echoId: 'e3', content: 'with junk', conversationId: 'soon'},
            ],
          })
        );
        t.session.start();
        await until(clock, () => srv.paths('POST').length == 3, 'the stored messages sent');
        expect(srv.paths('POST')).to.deep.equal([
          'POST /contacts/src-1/conversations/85/messages',
          'POST /contacts/src-1/conversations/87/messages',
          'POST /contacts/src-1/conversations/87/messages',
        ]);
        await until(clock, () => s().messages.slice().every((m) => m.status == 'sent'), 'the entries in view sent');
        expect(contents()).to.deep.equal(['stored before conversations were recorded', 'with junk']);
      });
    });

    it('passes every socket event on, whichever conversation it is about', async () => {
      srv.convs = [{id: 87, status: 'open', contact_last_seen_at: 0}];
      known();
      await wait();
      const heard: string[] = [];
      t.session.on('event', (event) => heard.push(event.event));
      t.cable.send(msgEvent({id: 500, content: 'elsewhere', message_type: 1, created_at: 2000, conversation_id: 99}));
      expect(heard).to.deep.equal(['message.created']);
      expect(s().messages.slice().some((m) => m.content == 'elsewhere')).to.equal(false);
    });
  });

  it('is quiet until needed: no request, no storage write, no socket', async () => {
    t = makeSession();
    t.session.start();
    t.session.setPanelVisible(false);
    await wait();
    expect(srv.reqs).to.have.length(0);
    expect(t.storage.writes).to.equal(0);
    expect(t.cables).to.have.length(0);
    expect(s().connection).to.equal('idle');
  });

  it('notifies store subscribers of real changes only, until unsubscribed', async () => {
    t = makeSession({pubsubToken: 'tok', contactIdentifier: 'src-1', inboxIdentifier: undefined});
    const seen: string[] = [];
    const off = t.session.store.subscribe((st) => seen.push(st.connection));
    t.session.start();
    await wait();
    t.cable.go('connecting');
    t.cable.go('connecting');
    t.cable.send({event: 'presence.update', data: {users: {}}} as never); // away: the first word on it
    t.cable.send({event: 'presence.update', data: {users: {}}} as never); // still away: no change
    off();
    t.cable.go('connected');
    expect(seen).to.deep.equal(['idle', 'connecting', 'connecting']);
    expect(t.session.store.getState().connection).to.equal('connected');
  });

  it('creates the contact on first open, stores it, connects and picks no conversation yet', async () => {
    t = makeSession();
    t.session.start();
    t.session.setPanelVisible(true);
    await wait();
    expect(srv.paths()).to.deep.equal(['POST /contacts', 'GET /contacts/src-2/conversations']);
    expect(JSON.parse(t.storage.map.get(KEY)!)).to.deep.equal({version: 2, contact: {sourceId: 'src-2', pubsubToken: 'tok-src-2'}, outbox: []});
    expect(t.cable.options).to.include({url: 'wss://chat.example/cable', pubsubToken: 'tok-src-2', presenceInterval: 30});
    expect(t.cable.connects).to.equal(1);
    expect(s()).to.include({conversationId: null, panelVisible: true});
    t.cable.go('connected');
    expect(s().connection).to.equal('connected');
  });

  it('connects at start with a stored contact and counts unread replies', async () => {
    srv.convs.push({id: 80, status: 'resolved', contact_last_seen_at: 0}, {id: 87, status: 'open', contact_last_seen_at: 1003});
    srv.add(5);
    t = makeSession();
    t.storage.map.set(KEY, STORED);
    t.session.start();
    await wait();
    expect(srv.paths()).to.deep.equal(['GET /contacts/src-1/conversations', 'GET /contacts/src-1/conversations/87/messages']);
    expect(t.cables).to.have.length(1);
    expect(s()).to.include({conversationId: 87, conversationStatus: 'open', unreadCount: 2, hasOlder: false});
    expect(s().messages).to.have.length(5);
    t.session.setPanelVisible(true);
    await wait();
    expect(s().unreadCount).to.equal(0);
    await clock.tickAsync(1000);
    expect(srv.paths('POST')).to.deep.equal(['POST /contacts/src-1/conversations/87/update_last_seen']);
  });

  it('takes what the visitor saw in another tab: the unread count follows, the time never goes back', async () => {
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 1003});
    srv.add(5);
    t = makeSession();
    t.storage.map.set(KEY, STORED);
    t.session.start();
    await wait();
    expect(s().unreadCount).to.equal(2);
    const newest = s().messages.at(-1)!.createdAt;
    t.session.seenElsewhere(80, newest); // another conversation: not this one
    expect(s().unreadCount).to.equal(2);
    t.session.seenElsewhere(87, newest);
    expect(s()).to.include({unreadCount: 0, lastSeenAt: newest, conversationId: 87, conversationStatus: 'open'});
    t.session.seenElsewhere(87, 0);
    expect(s().lastSeenAt).to.equal(newest);
    expect(srv.paths('POST'), 'the other tab told the server').to.deep.equal([]);
  });

  it('uses a contact given by attributes without writing storage, and a given conversation', async () => {
    srv.convs.push({id: 87, status: 'pending', contact_last_seen_at: 0});
    srv.add(20);
    t = makeSession({pubsubToken: 'tok-src-1', contactIdentifier: 'src-1', conversationId: 87});
    t.session.start();
    await wait();
    expect(srv.paths()).to.deep.equal(['GET /contacts/src-1/conversations/87', 'GET /contacts/src-1/conversations/87/messages']);
    expect(s()).to.include({conversationStatus: 'pending', hasOlder: true});
    await t.session.sendMessage('hello');
    expect(t.storage.writes).to.equal(2); // the outbox entry, then its removal: never the contact
    expect(t.storage.map.has(KEY)).to.equal(false);
  });

  it('with storage none still works and writes nothing', async () => {
    t = makeSession({storage: null});
    t.session.setPanelVisible(true);
    await t.session.sendMessage('hi');
    expect(s().contact).to.deep.equal({sourceId: 'src-2', pubsubToken: 'tok-src-2'});
  });

  it('sends: creates the conversation, posts with echo_id, shows the message once', async () => {
    t = makeSession();
    const events: Message[] = [];
    t.session.on('message', (m) => events.push(m));
    const p = t.session.sendMessage('Hi there');
    expect(s().messages.at(0)!).to.include({status: 'pending', content: 'Hi there', id: null});
    const sent = await p;
    const post = srv.reqs.find((r) => r.path.endsWith('/messages'))!;
    expect(srv.paths('POST')).to.deep.equal(['POST /contacts', 'POST /contacts/src-2/conversations', 'POST /contacts/src-2/conversations/87/messages']);
    expect(post.body).to.deep.equal({content: 'Hi there', echo_id: sent.echoId});
    expect(sent).to.include({status: 'sent', key: 'echo:' + sent.echoId, id: 1});
    t.cable.send(msgEvent({...srv.messages[0], echo_id: sent.echoId}));
    t.cable.send(msgEvent(srv.messages[0]));
    expect(s().messages).to.have.length(1);
    expect(events.map((m) => m.key)).to.deep.equal([sent.key]);
    expect(JSON.parse(t.storage.map.get(KEY)!).outbox).to.deep.equal([]);
  });

  it('matches the socket echo arriving before the HTTP answer', async () => {
    t = makeSession();
    srv.hook = (r) => {
      if (r.path.endsWith('/messages') && r.method == 'POST') {
        srv.hook = null;
        const echo = srv.add(1, {message_type: 0, content: 'x', echo_id: r.body!.echo_id});
        t.cable.send(msgEvent(echo));
        expect(s().messages.at(0)!).to.include({status: 'sent', id: echo.id});
        return new Response(JSON.stringify({...echo, echo_id: undefined}));
      }
      return undefined;
    };
    const m = await t.session.sendMessage('x');
    expect(s().messages).to.have.length(1);
    expect(m.id).to.equal(1);
  });

  it('queues while offline and sends once, in order, when back', async () => {
    t = makeSession();
    t.storage.map.set(KEY, STORED);
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 0});
    t.session.start();
    await wait();
    t.cable.go('offline');
    const a = t.session.sendMessage('one');
    const b = t.session.sendMessage('two');
    await wait();
    expect(srv.paths('POST')).to.deep.equal([]);
    expect(s().messages.slice().map((m) => m.status)).to.deep.equal(['pending', 'pending']);
    expect(JSON.parse(t.storage.map.get(KEY)!).outbox.map((e: {content: string}) => e.content)).to.deep.equal(['one', 'two']);
    srv.add(1, {content: 'missed while offline', created_at: 9000});
    t.cable.go('connected');
    const [one, two] = await Promise.all([a, b]);
    // Every copy a duplicate could come from: the REST answers (in), the socket echoes, and the
    // backfill page after the resumed subscription (which holds both again).
    for (const sent of [one, two]) t.cable.send(msgEvent({...srv.messages.find((m) => m.id == sent.id)!, echo_id: sent.echoId}));
    t.cable.emit('subscribed', {resumed: true});
    await until(clock, () => s().messages.slice().some((m) => m.content == 'missed while offline'), 'the backfill page merged');
    expect(srv.messages.map((m) => m.content)).to.deep.equal(['missed while offline', 'one', 'two']);
    expect(s().messages.slice().map((m) => [m.content, m.status])).to.deep.equal([
      ['one', 'sent'],
      ['two', 'sent'],
      ['missed while offline', 'sent'],
    ]);
  });

  it('restores the outbox from storage and sends it', async () => {
    t = makeSession();
    t.storage.map.set(KEY, JSON.stringify({k: {sourceId: 'src-1', pubsubToken: 'tok-src-1'}, o: [{e: 'e1', c: 'kept', t: 5, m: 0}, {e: 'e2', c: 'bad', t: 6, m: 0, x: true}, {junk: 1}]}));
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 0});
    t.session.start();
    expect(s().messages.slice().map((m) => [m.key, m.status])).to.deep.equal([['echo:e1', 'pending'], ['echo:e2', 'failed']]);
    // Sent once: the answer is in, and the outbox is stored with only the refused one left.
    await until(clock, () => s().messages.at(0)!.status == 'sent', 'the answer to the restored message');
    const sent = s().messages.at(0)!;
    t.cable.send(msgEvent({...srv.messages[0], echo_id: sent.echoId}));
    expect(srv.messages.map((m) => m.content)).to.deep.equal(['kept']);
    expect(s().messages.slice().map((m) => m.status)).to.deep.equal(['sent', 'failed']);
    expect(JSON.parse(t.storage.map.get(KEY)!).outbox.map((e: {echoId: string}) => e.echoId)).to.deep.equal(['e2']);
  });

  it('marks a failed send, rejects, and retries with the same echo_id', async () => {
    t = makeSession();
    const errors: unknown[] = [];
    t.session.on('error', (e) => errors.push(e));
    srv.hook = (r) => (r.path.endsWith('/messages') ? new Response('{"message":"Too many messages"}', {status: 422}) : undefined);
    const err = await t.session.sendMessage('x').catch((e) => e);
    expect(err.status).to.equal(422);
    const m = s().messages.at(0)!;
    expect(m).to.include({status: 'failed', error: 'Too many messages'});
    expect(errors).to.deep.equal([{code: 'send-failed', message: 'Too many messages'}]);
    t.cable.go('connected');
    await wait();
    expect(srv.reqs.filter((r) => r.path.endsWith('/messages'))).to.have.length(1); // not auto-resent
    srv.hook = null;
    const sent = await t.session.retry(m.key);
    const posts = srv.reqs.filter((r) => r.path.endsWith('/messages'));
    expect(posts.map((r) => r.body!.echo_id)).to.deep.equal([m.echoId, m.echoId]);
    expect(sent.key).to.equal(m.key);
    expect(await t.session.retry('nope').catch((e) => e.message)).to.equal('Unknown message');
  });

  it('does not post twice when an earlier POST outcome was unknown', async () => {
    t = makeSession();
    srv.hook = (r) => {
      if (r.path.endsWith('/messages') && r.method == 'POST') {
        srv.add(1, {message_type: 0, content: 'lost?'});
        throw new TypeError('Failed to fetch');
      }
      return undefined;
    };
    const err = await t.session.sendMessage('lost?').catch((e) => e);
    expect(err.status).to.equal(0);
    srv.hook = null;
    t.cable.go('connected');
    t.cable.emit('subscribed', {resumed: true});
    await wait();
    expect(srv.messages).to.have.length(1);
    expect(s().messages).to.have.length(1);
    expect(s().messages.at(0)!).to.include({status: 'sent', id: 1, content: 'lost?'});
  });

  it('resends after an unknown outcome when the server does not have it', async () => {
    t = makeSession();
    srv.hook = (r) => {
      if (r.path.endsWith('/messages') && r.method == 'POST') throw new TypeError('offline');
      return undefined;
    };
    await t.session.sendMessage('again').catch(() => 0);
    srv.hook = null;
    t.cable.go('connected');
    await wait();
    expect(srv.messages.map((m) => m.content)).to.deep.equal(['again']);
    expect(s().messages.at(0)!.status).to.equal('sent');
  });

  it('backfills across pages after a resumed subscription', async () => {
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 0});
    srv.add(20);
    t = makeSession();
    t.storage.map.set(KEY, STORED);
    t.session.start();
    await wait();
    const got: number[] = [];
    t.session.on('message', (m) => got.push(m.id!));
    srv.add(45);
    srv.convs[0].status = 'resolved';
    srv.reqs = [];
    t.cable.emit('subscribed', {resumed: false});
    await wait();
    expect(srv.reqs).to.have.length(0);
    t.cable.emit('subscribed', {resumed: true});
    await wait();
    expect(srv.paths()).to.deep.equal([
      'GET /contacts/src-1/conversations/87',
      'GET /contacts/src-1/conversations/87/messages',
      'GET /contacts/src-1/conversations/87/messages?before=46',
      'GET /contacts/src-1/conversations/87/messages?before=26',
    ]);
    expect(s().messages.slice().filter((m) => m.id != null).map((m) => m.id)).to.deep.equal(srv.messages.map((m) => m.id));
    expect(s().conversationStatus).to.equal('resolved');
    // The change of status shows in the stream as a note, once.
    expect(s().messages.slice().filter((m) => m.body.type == 'status').map((m) => m.body)).to.deep.equal([{type: 'status', status: 'resolved'}]);
    expect(got).to.have.length(45);
  });

  it('loads older pages until an empty page', async () => {
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 0});
    srv.add(40);
    t = makeSession();
    t.storage.map.set(KEY, STORED);
    t.session.start();
    await wait();
    expect(s().hasOlder).to.equal(true);
    const p = t.session.loadOlder();
    expect(s().loadingOlder).to.equal(true);
    await t.session.loadOlder(); // ignored while loading
    await p;
    expect(srv.paths().pop()).to.equal('GET /contacts/src-1/conversations/87/messages?before=21');
    expect([s().messages.length, s().hasOlder, s().loadingOlder]).to.deep.equal([40, true, false]);
    await t.session.loadOlder();
    expect([s().hasOlder, s().messages.length]).to.deep.equal([false, 40]);
    const n = srv.reqs.length;
    await t.session.loadOlder();
    expect(srv.reqs.length).to.equal(n);
  });

  it('leaves an edit or read receipt of a message in history not loaded yet to its page, and still takes those of what it holds', async () => {
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 0});
    srv.add(40); // ids 1..40: the latest page holds 21..40
    t = makeSession();
    t.storage.map.set(KEY, STORED);
    t.session.start();
    await wait();
    expect(s().hasOlder).to.equal(true);
    const update = (id: number, content: string) => ({event: 'message.updated', data: {id, content, message_type: 1, created_at: 1000 + id, conversation_id: 87, status: 'read'}}) as never;
    t.cable.send(update(5, 'm5, read'));
    expect(s().messages.length).to.equal(20); // not merged alone before a gap
    t.cable.send(update(30, 'm30, edited'));
    expect(s().messages.slice().find((message) => message.id == 30)!.content).to.equal('m30, edited');
    await t.session.loadOlder();
    expect(srv.paths().pop()).to.equal('GET /contacts/src-1/conversations/87/messages?before=21'); // from the page's edge, not from 5
    expect(s().messages.length).to.equal(40);
  });

  it('replaces a stored contact the server no longer knows, keeping the outbox', async () => {
    t = makeSession();
    t.storage.map.set(KEY, JSON.stringify({k: {sourceId: 'gone', pubsubToken: 'old'}, o: [{e: 'e1', c: 'keep me', t: 1, m: 0}]}));
    t.session.start();
    await wait();
    expect(srv.paths()).to.deep.equal([
      'GET /contacts/gone/conversations',
      'POST /contacts',
      'GET /contacts/src-2/conversations',
      'POST /contacts/src-2/conversations',
      'POST /contacts/src-2/conversations/87/messages',
    ]);
    expect(t.cables.map((c) => [c.options.pubsubToken, c.disposed])).to.deep.equal([['old', true], ['tok-src-2', false]]);
    expect(JSON.parse(t.storage.map.get(KEY)!)).to.deep.equal({version: 2, contact: {sourceId: 'src-2', pubsubToken: 'tok-src-2'}, outbox: []});
    expect(s().messages.slice().map((m) => [m.content, m.status])).to.deep.equal([['keep me', 'sent']]);
  });

  it('replaces the contact after two subscription timeouts', async () => {
    t = makeSession();
    t.storage.map.set(KEY, STORED);
    t.session.start();
    await wait();
    const err = {code: 'subscription-timeout', message: 'no confirm', fatal: false} as const;
    t.cable.emit('error', err);
    await wait();
    expect(t.cable.reconnects).to.equal(1);
    t.cable.emit('error', err);
    await wait();
    expect(t.cables).to.have.length(2);
    expect(t.cables[1].options.pubsubToken).to.equal('tok-src-2');
    srv.contacts.delete('src-2');
    t.cable.emit('error', err);
    await wait();
    expect(t.cables).to.have.length(3);
  });

  it('keeps the contact and its conversation under the token the server gives when the stored one gets no answer', async () => {
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 0});
    t = makeSession();
    t.storage.map.set(KEY, JSON.stringify({k: {sourceId: 'src-1', pubsubToken: 'mistyped'}, o: []}));
    t.session.start();
    await wait();
    t.cable.emit('error', {code: 'subscription-timeout', message: 'no confirm', fatal: false});
    await wait();
    expect(t.cables.map((c) => [c.options.pubsubToken, c.disposed])).to.deep.equal([['mistyped', true], ['tok-src-1', false]]);
    expect(s().contact).to.deep.equal({sourceId: 'src-1', pubsubToken: 'tok-src-1'});
    expect(s().conversationId).to.equal(87);
    expect(JSON.parse(t.storage.map.get(KEY)!).contact.pubsubToken).to.equal('tok-src-1');
    expect(srv.paths('POST').filter((p) => p.endsWith('/contacts'))).to.deep.equal([]);
  });

  describe('a contact given by the page that the server never confirms (issue 12, item 2)', () => {
    const silence = {code: 'subscription-timeout', message: 'no confirm', fatal: false} as const;
    const startGiven = async (options: Parameters<typeof makeSession>[0]) => {
      t = makeSession({contactIdentifier: 'src-1', ...options});
      const errors: {code: string; message: string}[] = [];
      t.session.on('error', (e) => errors.push(e));
      t.session.start();
      await wait();
      // Akece's answer to an unknown token: the socket is up (welcome, pings), the subscribe unanswered.
      t.cable.go('connecting');
      t.cable.go('reconnecting');
      return errors;
    };
    const refused = (errors: {code: string; message: string}[]) => {
      expect(s().connection).to.equal('error');
      expect(s().error!.code).to.equal('contact-refused');
      expect(s().error!.message).to.match(/contact/);
      expect(errors.map((e) => e.code)).to.deep.equal(['contact-refused']);
      expect(t.cables).to.have.length(1);
      expect(t.cable.disposed).to.equal(true);
      expect(t.cable.reconnects).to.equal(0);
      // Never replaced by a contact of the widget's own, never stored.
      expect(srv.paths('POST').filter((p) => p.endsWith('/contacts'))).to.deep.equal([]);
      expect(t.storage.map.has(KEY)).to.equal(false);
    };

    it('is an error for this contact when the server knows it under another token', async () => {
      srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 0});
      const errors = await startGiven({pubsubToken: 'not-the-token'});
      t.cable.emit('error', silence);
      await wait();
      refused(errors);
      expect(s().contact).to.deep.equal({sourceId: 'src-1', pubsubToken: 'not-the-token'});
    });

    it('is an error for this contact when the server does not know it (at start, or after the silence)', async () => {
      const errors = await startGiven({contactIdentifier: 'unknown', pubsubToken: 'tok'});
      refused(errors);
      expect(srv.paths()).to.deep.equal(['GET /contacts/unknown/conversations']);
      t.session.dispose();
      srv.contacts.delete('src-1');
      const later = await startGiven({conversationId: 87, pubsubToken: 'tok-src-1'});
      t.cable.emit('error', silence);
      await wait();
      refused(later.filter((e) => e.code != 'connect-failed'));
    });

    it('is an error at once without an inbox identifier to check it with', async () => {
      const errors = await startGiven({pubsubToken: 'tok', inboxIdentifier: undefined});
      t.cable.emit('error', silence);
      await wait();
      refused(errors);
      expect(srv.reqs).to.have.length(0);
    });

    it('tries once more when REST says the token is right, then gives up', async () => {
      const errors = await startGiven({pubsubToken: 'tok-src-1'});
      t.cable.emit('error', silence);
      await wait();
      expect(t.cable.reconnects).to.equal(1);
      expect(s().connection).to.equal('reconnecting');
      t.cable.emit('error', silence);
      await wait();
      expect(s().connection).to.equal('error');
      expect(errors.map((e) => e.code)).to.deep.equal(['contact-refused']);
    });
  });

  it('ignores the token check when the session was reset meanwhile', async () => {
    t = makeSession();
    t.storage.map.set(KEY, JSON.stringify({k: {sourceId: 'src-1', pubsubToken: 'mistyped'}, o: []}));
    t.session.start();
    await wait();
    const first = t.cable;
    first.emit('error', {code: 'subscription-timeout', message: 'no confirm', fatal: false});
    t.session.reset();
    await wait();
    expect(t.cables).to.have.length(1);
    expect(first.disposed).to.equal(true);
    expect(s().contact).to.equal(null);
  });

  it('reports fatal cable errors', async () => {
    t = makeSession({pubsubToken: 'tok', contactIdentifier: 'src-1', inboxIdentifier: undefined});
    const errors: unknown[] = [];
    t.session.on('error', (e) => errors.push(e));
    t.session.start();
    await wait();
    expect(srv.reqs).to.have.length(0);
    t.cable.emit('error', {code: 'subscription-rejected', message: 'rejected', fatal: true});
    expect(s().connection).to.equal('error');
    expect(errors).to.deep.equal([{code: 'subscription-rejected', message: 'rejected'}]);
    t.cable.emit('error', {code: 'socket-error', message: 'blip', fatal: false});
    expect(s().error).to.deep.equal({code: 'socket-error', message: 'blip'});
    t.cable.emit('subscribed', {resumed: false});
    expect(s().error).to.equal(null);
  });

  it('reports a missing inbox identifier as a config error', async () => {
    t = makeSession({inboxIdentifier: undefined});
    t.session.setPanelVisible(true);
    await wait();
    expect(srv.reqs).to.have.length(0);
    expect(s().connection).to.equal('error');
    expect(s().error!.code).to.equal('config');
    expect(await t.session.sendMessage('x').catch((e) => e.message)).to.equal('No inbox-identifier');
  });

  it('shows agent typing, hides it after 30 s, on typing_off and on their message', async () => {
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 0});
    t = makeSession();
    t.storage.map.set(KEY, STORED);
    t.session.start();
    await wait();
    const typing = (event: string, o: Record<string, unknown> = {}) =>
      t.cable.send({event, data: {conversation: {id: 87}, user: {id: 7, name: 'Priya Nair', available_name: 'Priya'}, is_private: false, ...o}} as never);
    typing('conversation.typing_on', {is_private: true});
    typing('conversation.typing_on', {conversation: {id: 12}});
    expect(s().agentTyping).to.equal(null);
    typing('conversation.typing_on');
    expect(s().agentTyping).to.include({name: 'Priya', id: 7});
    await clock.tickAsync(29999);
    expect(s().agentTyping).to.not.equal(null);
    await clock.tickAsync(1);
    expect(s().agentTyping).to.equal(null);
    typing('conversation.typing_on');
    typing('conversation.typing_off');
    expect(s().agentTyping).to.equal(null);
    typing('conversation.typing_on', {user: undefined});
    expect(s().agentTyping).to.include({name: '', id: null});
    typing('conversation.typing_on');
    t.cable.send(msgEvent({id: 9, content: 'hi', message_type: 1, created_at: 2000, conversation_id: 87, sender: {id: 7, name: 'Priya'}}));
    expect(s().agentTyping).to.equal(null);
    expect(clock.countTimers()).to.be.greaterThan(0);
  });

  it('counts unread while hidden, marks seen while visible, handles conversation events', async () => {
    t = makeSession();
    t.storage.map.set(KEY, STORED);
    t.session.start();
    await wait();
    const events: Message[] = [];
    t.session.on('message', (m) => events.push(m));
    const data = {contact_inbox: {source_id: 'src-1'}, id: 87, status: 'open'};
    t.cable.send({event: 'conversation.created', data: {...data, id: 5, contact_inbox: {source_id: 'other'}}} as never);
    t.cable.send({event: 'conversation.created', data} as never);
    expect(s().conversationId).to.equal(87);
    t.cable.send({event: 'conversation.status_changed', data: {id: 12, status: 'resolved'}} as never);
    t.cable.send({event: 'conversation.status_changed', data: {id: 87, status: 'snoozed'}} as never);
    t.cable.send({event: 'conversation.updated', data: {id: 87, status: 'bogus'}} as never);
    expect(s().conversationStatus).to.equal('snoozed');
    expect(s().messages.slice().map((m) => [m.role, m.body])).to.deep.equal([['system', {type: 'status', status: 'snoozed'}]]);
    t.cable.send(msgEvent({id: 1, content: 'a', message_type: 1, created_at: 10, conversation_id: 87}));
    t.cable.send(msgEvent({id: 2, content: 'b', message_type: 1, created_at: 11, conversation_id: 12}));
    t.cable.send({event: 'message.updated', data: {id: 1, content: 'deleted', message_type: 1, created_at: 10, conversation_id: 87, content_attributes: {deleted: true}}} as never);
    expect(s().messages.slice().filter((m) => m.id != null).map((m) => [m.id, m.deleted])).to.deep.equal([[1, true]]);
    t.cable.send(msgEvent({id: 3, content: 'c', message_type: 1, created_at: 12, conversation_id: 87}));
    expect(s().unreadCount).to.equal(1);
    expect(events.map((m) => m.id)).to.deep.equal([1, 3]);
    t.session.setPanelVisible(true);
    await wait();
    await clock.tickAsync(1000);
    expect(s().unreadCount).to.equal(0);
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 0});
    t.cable.send(msgEvent({id: 4, content: 'd', message_type: 1, created_at: 13, conversation_id: 87}));
    expect(s().unreadCount).to.equal(0);
    await clock.tickAsync(1000);
    expect(srv.paths('POST').filter((p) => p.endsWith('update_last_seen'))).to.have.length(2);
    t.cable.send({event: 'presence.update', data: {users: {7: 'busy'}}} as never);
    expect(s().availability).to.equal('away');
    t.cable.send({event: 'presence.update', data: {users: {7: 'busy', 9: 'online'}}} as never);
    expect(s().availability).to.equal('online');
    t.cable.send({event: 'contact.updated', data: {}} as never);
  });

  it('sends visitor typing on once and off after 4 s idle', async () => {
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 0});
    t = makeSession();
    t.session.setTyping(true); // no contact yet: nothing
    t.storage.map.set(KEY, STORED);
    t.session.start();
    await wait();
    t.session.setTyping(true);
    await clock.tickAsync(3000);
    t.session.setTyping(true);
    await clock.tickAsync(3999);
    const typing = () => srv.reqs.filter((r) => r.path.endsWith('toggle_typing')).map((r) => r.body!.typing_status);
    expect(typing()).to.deep.equal(['on']);
    await clock.tickAsync(1);
    expect(typing()).to.deep.equal(['on', 'off']);
    t.session.setTyping(true);
    t.session.setTyping(false);
    expect(typing()).to.deep.equal(['on', 'off', 'on', 'off']);
  });

  it('sets the user: into contact creation first, as a PATCH later', async () => {
    t = makeSession();
    await t.session.setUser({identifier: 'u1', identifierHash: 'h', name: 'Ann', email: 'a@b.c', phoneNumber: '+1', avatarUrl: 'https://a', customAttributes: {plan: 'pro'}});
    expect(srv.reqs).to.have.length(0);
    t.session.setPanelVisible(true);
    await wait();
    const body = {identifier: 'u1', identifier_hash: 'h', name: 'Ann', email: 'a@b.c', phone_number: '+1', avatar_url: 'https://a', custom_attributes: {plan: 'pro'}};
    expect(srv.reqs[0].body).to.deep.equal(body);
    await t.session.setUser({name: 'Bob'});
    expect(srv.reqs.pop()).to.deep.equal({method: 'PATCH', path: '/contacts/src-2', body: {name: 'Bob'}});
    srv.contacts.clear();
    expect(await t.session.setUser({name: 'C'}).catch((e) => e.status)).to.equal(404);
    expect(s().error!.code).to.equal('update-failed');
  });

  it('patches a user set while the contact was being created', async () => {
    t = makeSession();
    t.session.setPanelVisible(true);
    void t.session.setUser({name: 'Late'});
    await wait();
    expect(srv.paths()).to.include('PATCH /contacts/src-2');
  });

  it('asks prepareContact before creating a contact, with the user as setUser last gave it, and creates it with its answer', async () => {
    let release: (details: Record<string, unknown>) => void = () => {};
    let read: () => Record<string, unknown> = () => ({});
    const users: unknown[] = [];
    t = makeSession({
      prepareContact: (user) => {
        read = user;
        return new Promise((resolve) => (release = resolve));
      },
    });
    t.session.on('user', (details) => users.push(details));
    t.session.setPanelVisible(true);
    await wait();
    expect(srv.paths()).to.deep.equal([]); // waiting: no contact yet
    await t.session.setUser({identifier: 'u1', identifierHash: 'h'});
    expect(users).to.deep.equal([{identifier: 'u1', identifier_hash: 'h'}]);
    expect(read()).to.deep.equal({identifier: 'u1', identifier_hash: 'h'});
    release({...read(), name: 'Ann', custom_attributes: {plan: 'pro'}});
    await wait();
    expect(srv.reqs[0]).to.deep.include({method: 'POST', path: '/contacts'});
    expect(srv.reqs[0].body).to.deep.equal({identifier: 'u1', identifier_hash: 'h', name: 'Ann', custom_attributes: {plan: 'pro'}});
  });

  it('creates no contact when reset while prepareContact waited; the panel still open, the new visitor is asked again', async () => {
    const asks: ((details: Record<string, unknown>) => void)[] = [];
    t = makeSession({prepareContact: () => new Promise((resolve) => asks.push(resolve))});
    t.session.setPanelVisible(true);
    await wait();
    t.session.reset();
    asks[0]({name: 'Too late'});
    await wait();
    expect(asks).to.have.length(2);
    expect(srv.paths()).to.deep.equal([]);
    expect(s().error).to.equal(null);
    expect(t.cables).to.have.length(0);
  });

  it('custom attributes: the contact’s kept until it exists (then patched), the conversation’s sent with the next one only', async () => {
    t = makeSession();
    await t.session.setCustomAttributes({source: 'ad'});
    await t.session.setCustomAttributes({plan: 'pro'});
    t.session.setConversationCustomAttributes({page: '/pricing'});
    t.session.setConversationCustomAttributes({cart: 3});
    expect(srv.reqs).to.have.length(0);
    t.session.setPanelVisible(true);
    await wait();
    expect(srv.reqs[0].body).to.deep.equal({custom_attributes: {source: 'ad', plan: 'pro'}});
    await t.session.sendMessage('Hi');
    const created = srv.reqs.find((request) => request.method == 'POST' && request.path.endsWith('/conversations'));
    expect(created?.body).to.deep.equal({custom_attributes: {page: '/pricing', cart: 3}});
    await t.session.setCustomAttributes({plan: 'team'});
    expect(srv.reqs.at(-1)).to.deep.equal({method: 'PATCH', path: '/contacts/src-2', body: {custom_attributes: {plan: 'team'}}});
  });

  it('answers bot and CSAT messages in the right shape', async () => {
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 0});
    srv.add(3, {content_type: 'input_csat'});
    t = makeSession();
    t.storage.map.set(KEY, STORED);
    t.session.start();
    await wait();
    await t.session.answer('1', {kind: 'csat', rating: 5, feedback: 'Great'});
    await t.session.answer('2', {kind: 'select', values: [{title: 'A', value: 'a'}]});
    await t.session.answer('3', {kind: 'email', email: 'a@b.c'});
    const patches = srv.reqs.filter((r) => r.method == 'PATCH');
    expect(patches.map((r) => [r.path, r.body])).to.deep.equal([
      ['/contacts/src-1/conversations/87/messages/1', {submitted_values: {csat_survey_response: {rating: 5, feedback_message: 'Great'}}}],
      ['/contacts/src-1/conversations/87/messages/2', {submitted_values: [{title: 'A', value: 'a'}]}],
      ['/contacts/src-1/conversations/87/messages/3', {submitted_values: [{name: 'email', title: 'a@b.c', value: 'a@b.c'}]}],
    ]);
    expect(s().messages.at(0)!.answer).to.deep.equal({kind: 'csat', rating: 5, feedback: 'Great'});
    expect(await t.session.answer('nope', {kind: 'email', email: ''}).catch((e) => e.message)).to.equal('Unknown message');
  });

  it('reset forgets everything and rejects pending sends', async () => {
    t = makeSession();
    t.session.setPanelVisible(true);
    await wait();
    t.cable.go('offline');
    const p = t.session.sendMessage('x');
    const cable = t.cable;
    t.session.reset();
    expect(await p.catch((e) => e.message)).to.equal('Reset');
    expect(cable.disposed).to.equal(true);
    expect(cable.listeners).to.equal(0);
    expect(t.storage.map.has(KEY)).to.equal(false);
    expect(s()).to.include({contact: null, connection: 'idle', panelVisible: true});
    expect(s().messages).to.have.length(0);
    await t.session.sendMessage('fresh');
    expect(s().contact!.sourceId).to.equal('src-3');
  });

  it('dispose stops the socket, timers and listeners', async () => {
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 0});
    t = makeSession();
    t.storage.map.set(KEY, STORED);
    t.session.start();
    t.session.setPanelVisible(true);
    await wait();
    t.cable.send({event: 'conversation.typing_on', data: {conversation: {id: 87}, user: {id: 7}}} as never);
    t.session.setTyping(true);
    t.cable.go('offline');
    const p = t.session.sendMessage('queued');
    const got: unknown[] = [];
    t.session.on('message', (m) => got.push(m));
    expect(clock.countTimers()).to.be.greaterThan(0);
    t.session.dispose();
    expect(await p.catch((e) => e.message)).to.equal('Disposed');
    await wait();
    expect(clock.countTimers()).to.equal(0);
    expect(t.cable.disposed).to.equal(true);
    expect(t.cable.listeners).to.equal(0);
    t.cable.send(msgEvent({id: 99, content: 'late', message_type: 1, created_at: 1, conversation_id: 87}));
    expect(got).to.have.length(0);
  });

  describe('the contact answered after the session let it go (the abort came too late)', () => {
    /** Holds the answer to the contact's creation until the test lets it through. */
    function holdContactCreation() {
      const held: {release?: () => void} = {};
      srv.hook = (request) => {
        if (request.method != 'POST' || request.path != '/contacts') return undefined;
        return new Promise<Response>((resolve) => {
          held.release = () => resolve(new Response(JSON.stringify({source_id: 'src-late', pubsub_token: 'tok-late', id: 9}), {status: 200}));
        });
      };
      return held;
    }

    it('disposed of: no socket is opened and nothing is stored', async () => {
      const held = holdContactCreation();
      t = makeSession();
      t.session.setPanelVisible(true);
      await until(clock, () => held.release != null, 'the contact asked for');
      t.session.dispose();
      held.release!();
      await wait();
      expect(t.cables, 'a socket opened now would never close, and would lead the other tabs').to.have.length(0);
      expect(t.storage.map.has(KEY)).to.equal(false);
      expect(s().contact).to.equal(null);
    });

    it('reset: the late contact is not used; the next one is', async () => {
      const held = holdContactCreation();
      t = makeSession();
      t.session.setPanelVisible(true);
      await until(clock, () => held.release != null, 'the contact asked for');
      const late = held.release!;
      srv.hook = null; // the visitor's next contact is made at once
      t.session.reset();
      await until(clock, () => t.cables.length == 1, 'the next contact\'s socket');
      late();
      await wait();
      expect(t.cables.map((cable) => cable.options.pubsubToken)).to.deep.equal(['tok-src-2']);
      expect(s().contact!.pubsubToken).to.equal('tok-src-2');
      expect(JSON.parse(t.storage.map.get(KEY)!).contact.pubsubToken).to.equal('tok-src-2');
    });
  });

  it('survives unreadable storage and storage that throws', async () => {
    t = makeSession();
    t.storage.map.set(KEY, '{nope');
    t.storage.setItem = () => {
      throw new Error('quota');
    };
    t.session.start();
    expect(srv.reqs).to.have.length(0);
    const m = await t.session.sendMessage('ok');
    expect(m.status).to.equal('sent');
  });

  it('reports a failed first open and tries again on the next open', async () => {
    t = makeSession();
    srv.hook = () => new Response('x', {status: 500});
    const errors: {code: string}[] = [];
    t.session.on('error', (e) => errors.push(e));
    t.session.setPanelVisible(true);
    await wait();
    expect(errors.map((e) => e.code)).to.deep.equal(['connect-failed']);
    srv.hook = null;
    t.session.setPanelVisible(true);
    await wait();
    expect(s().contact).to.not.equal(null);
  });

  // The part that writes (outbox, answers, typing) is a chunk of its own in the widget: the session
  // asks for it only when the visitor may write, and whatever was asked of it meanwhile waits.
  describe('when the writer arrives later', () => {
    /** A session whose writer comes when `arrive()` is called (or never), counting the requests for it. */
    function lateWriter(fail = false) {
      const requests: Array<() => void> = [];
      const session = makeSession({
        createWriter: (context) =>
          new Promise<VisitorWriter>((resolve, reject) => requests.push(() => (fail ? reject(new Error('refused writer')) : resolve(new VisitorWriter(context))))),
      });
      return {session, requests, arrive: () => requests.splice(0).forEach((deliver) => deliver())};
    }

    /** A stored contact with conversation 87, connected, its writer not asked for yet. */
    async function connectedKnownContact(late: ReturnType<typeof lateWriter>) {
      srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 0});
      t = late.session;
      t.storage.map.set(KEY, STORED);
      t.session.start();
      await wait();
      t.cable.go('connected');
    }

    it('is not asked for by a known contact who only reads, and is once the panel is seen', async () => {
      srv.add(2);
      const late = lateWriter();
      await connectedKnownContact(late);
      expect(s().unreadCount).to.equal(2);
      expect(late.requests, 'no writer for reading').to.have.length(0);
      t.session.setPanelVisible(true);
      await wait();
      expect(late.requests).to.have.length(1);
    });

    it('holds a send made before it arrived, then shows and sends it once', async () => {
      const late = lateWriter();
      await connectedKnownContact(late);
      const sent = t.session.sendMessage('before the writer');
      const alsoSent = t.session.sendMessage('and another');
      await wait();
      expect(late.requests, 'asked for once').to.have.length(1);
      expect(srv.paths('POST')).to.deep.equal([]);
      late.arrive();
      const [first, second] = await Promise.all([sent, alsoSent]);
      expect([first.content, second.content]).to.deep.equal(['before the writer', 'and another']);
      expect(srv.paths('POST')).to.deep.equal(['POST /contacts/src-1/conversations/87/messages', 'POST /contacts/src-1/conversations/87/messages']);
      expect(s().messages.slice().map((m) => m.content)).to.deep.equal(['before the writer', 'and another']);
    });

    it('takes over unsent messages from storage at start, and stores them untouched until then', async () => {
      srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 0});
      const queued = {echoId: 'e1', content: 'typed before the reload', createdAt: 10, maxServerIdThen: 0, outcomeUnknown: false, failedForGood: false};
      const late = lateWriter();
      t = late.session;
      t.storage.map.set(KEY, JSON.stringify({version: 2, contact: {sourceId: 'src-1', pubsubToken: 'tok-src-1'}, outbox: [queued]}));
      t.session.start();
      await wait();
      expect(late.requests, 'storage holds a message: the writer is asked for at start').to.have.length(1);
      t.cable.go('connected');
      await wait();
      expect(JSON.parse(t.storage.map.get(KEY)!).outbox, 'kept while the writer is on its way').to.deep.equal([queued]);
      late.arrive();
      await until(clock, () => srv.paths('POST').length == 1, 'the stored message was sent');
      await until(clock, () => JSON.parse(t.storage.map.get(KEY)!).outbox.length == 0, 'and left the stored outbox');
      expect(s().messages.slice().filter((m) => m.content == queued.content)).to.have.length(1);
    });

    it('reports a writer that could not load, and asks again on the next send', async () => {
      srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 0});
      const late = lateWriter(true);
      t = late.session;
      const errors: string[] = [];
      t.session.on('error', (error) => errors.push(error.code));
      t.storage.map.set(KEY, STORED);
      t.session.start();
      await wait();
      const sent = t.session.sendMessage('lost?');
      late.arrive();
      expect(await sent.catch((error: Error) => error.message)).to.equal('refused writer');
      expect(errors).to.deep.equal(['module-refused']);
      const again = t.session.sendMessage('again').catch(() => undefined);
      expect(late.requests, 'asked again').to.have.length(1);
      late.arrive();
      await again;
    });
  });
});

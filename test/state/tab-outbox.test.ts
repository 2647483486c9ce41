import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import type {AkeceEvent} from '../../src/protocol/payloads.js';
import {ShownConversationSync} from '../../src/tabs/shown-conversation.js';
import {createWriter} from '../../src/tabs/tab-writer.js';
import {FakeServer, MemStorage, makeSession} from './fakes.js';

// The outbox and the conversation shown, shared by the tabs of one visitor (contract §10): two
// sessions on one fake network, sharing one storage, stand for two tabs; each writer's
// BroadcastChannel and Web Lock are the browser's own (they work between objects of one page as
// between tabs). Only the network is faked; the clock is real, so the waits poll.

const KEY = 'akece-chat:https://chat.example:inb';

/** Waits (a task at a time, at most `ms`) until `condition` holds. */
async function until(condition: () => unknown, what: string, ms = 3000) {
  const end = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

let contacts = 0;
/** The sessions that made their writer. */
const writersMade = new WeakSet<object>();

describe('tabs of one visitor: the outbox and the conversation shown', () => {
  let srv: FakeServer;
  let storage: MemStorage;
  let tabs: ReturnType<typeof makeSession>[];
  let contact: string;

  beforeEach(() => {
    srv = new FakeServer();
    storage = new MemStorage();
    // A contact of its own per test: the lock and channel are named after it.
    contact = `src-tabs-${++contacts}`;
    srv.contacts.add(contact);
    srv.convs.push({id: 87, status: 'open', contact_last_seen_at: 0});
    storage.map.set(KEY, JSON.stringify({version: 2, contact: {sourceId: contact, pubsubToken: 'tok-' + contact}, outbox: []}));
    tabs = [];
    syncs = [];
  });
  /** Each tab's ShownConversationSync (made with the full session, as in src/controllers/chat-session-binding.ts). */
  let syncs: ShownConversationSync[];
  afterEach(() => {
    for (const sync of syncs) sync.dispose();
    for (const tab of tabs) tab.session.dispose();
    sinon.restore();
  });

  /** A tab: its session on the shared storage, its own (fake) socket, its writer sharing with the others (once it writes) and the conversation it shows. */
  async function openTab() {
    // The writer is made once the session exists (as in src/controllers/chat-session-binding.ts).
    const tab = makeSession({storage, createWriter: (context) => (writersMade.add(tab.session), createWriter(context, tab.session))});
    const session = tab.session;
    tabs.push(tab);
    syncs.push(new ShownConversationSync(session));
    session.start();
    await until(() => tab.cable, 'the socket');
    tab.cable.confirmSubscription();
    await until(() => session.store.getState().conversationId == 87, 'the conversation');
    return tab;
  }
  /** The server sends `event` to every tab's socket. */
  const broadcast = (event: AkeceEvent) => {
    for (const tab of tabs) if (!tab.cable.disposed) tab.cable.send(event);
  };
  const echo = (content: string) => {
    const held = srv.messages.find((message) => message.content == content)!;
    const echoId = (srv.reqs.find((req) => req.body?.content == content)!.body as {echo_id: string}).echo_id;
    broadcast({event: 'message.created', data: {...held, echo_id: echoId}} as never);
  };
  const shown = (tab: ReturnType<typeof makeSession>) => tab.session.store.getState().messages.slice().map((message) => `${message.content}:${message.status}`);
  const posts = () => srv.reqs.filter((req) => req.method == 'POST' && req.path.endsWith('/messages'));

  it('shows a message written offline in one tab as pending in the other, and sends it once', async () => {
    const [first, second] = [await openTab(), await openTab()];
    second.session.setPanelVisible(true); // the second tab's writer loads: it sends for both
    await until(() => storage.map.size && second.session.store.getState().panelVisible, 'the panel');
    for (const tab of tabs) tab.cable.go('offline');

    const sent = first.session.sendMessage('Written offline');
    await until(() => shown(second).includes('Written offline:pending'), 'pending in the other tab');
    expect(shown(first)).to.deep.equal(['Written offline:pending']);
    expect(posts()).to.have.length(0);

    for (const tab of tabs) tab.cable.go('connected');
    await until(() => posts().length == 1, 'the message posted');
    echo('Written offline');
    const message = await sent;
    expect(message.id).to.be.a('number');
    await until(() => shown(first).join() == 'Written offline:sent' && shown(second).join() == 'Written offline:sent', 'sent in both tabs');
    // Once more, in case a second tab's chain was about to post it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(posts()).to.have.length(1);
    expect(srv.messages.map((held) => held.content)).to.deep.equal(['Written offline']);
    expect(JSON.parse(storage.map.get(KEY)!).outbox).to.deep.equal([]);
  });

  it('retries a failed message from the other tab, and sends it once', async () => {
    const [first, second] = [await openTab(), await openTab()];
    second.session.setPanelVisible(true); // the second tab's writer sends for both
    const errors: unknown[][] = [[], []];
    tabs.forEach((tab, index) => tab.session.on('error', (error) => errors[index].push(error)));
    srv.hook = (req) => (req.method == 'POST' && req.path.endsWith('/messages') ? new Response('{"message":"Refused"}', {status: 422}) : undefined);
    const error = await first.session.sendMessage('Refused once').catch((failure: unknown) => failure);
    expect(error).to.be.instanceOf(Error);
    await until(() => shown(second).includes('Refused once:failed') && shown(first).includes('Refused once:failed'), 'failed in both tabs');
    // Each tab tells its page, whichever sent it.
    for (const told of errors) expect(told).to.deep.equal([{code: 'send-failed', message: 'Refused'}]);

    srv.hook = null;
    const key = second.session.store.getState().messages.at(0)!.key;
    const retried = second.session.retry(key);
    await until(() => srv.messages.length == 1, 'the retry posted');
    echo('Refused once');
    await retried;
    await until(() => shown(first).join() == 'Refused once:sent' && shown(second).join() == 'Refused once:sent', 'sent in both tabs');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(posts()).to.have.length(2); // refused, then sent once
    expect(srv.messages.map((held) => held.content)).to.deep.equal(['Refused once']);
  });

  it('sends what the sending tab left when it closes, once', async () => {
    const [first, second] = [await openTab(), await openTab()];
    for (const tab of tabs) tab.cable.go('offline');
    const sent = first.session.sendMessage('Left behind'); // the first tab's writer sends for both
    second.session.setPanelVisible(true);
    await until(() => shown(second).includes('Left behind:pending'), 'pending in the other tab');
    first.session.dispose(); // the tab closes before it could send
    tabs = [second];
    await sent.catch(() => undefined);
    second.cable.go('connected');
    await until(() => posts().length == 1, 'sent by the remaining tab');
    echo('Left behind');
    await until(() => shown(second).join() == 'Left behind:sent', 'sent');
    expect(srv.messages.map((held) => held.content)).to.deep.equal(['Left behind']);
  });

  it('follows the conversation the visitor opens, or starts, in another tab', async () => {
    srv.convs.push({id: 85, status: 'resolved', contact_last_seen_at: 0});
    const [first, second] = [await openTab(), await openTab()];
    first.session.setPanelVisible(true);
    second.session.setPanelVisible(true);
    await first.session.sendMessage('Hello'); // both writers are there
    await until(() => shown(second).length == 1, 'the message in the other tab');

    await first.session.showConversation(85);
    await until(() => second.session.store.getState().conversationId == 85, 'the other tab shows 85');
    await second.session.showConversation(null);
    await until(() => first.session.store.getState().conversationId === null, 'the first tab shows a new one');
    expect(second.session.store.getState().conversationId).to.equal(null);
  });

  it('follows it in a tab whose writer is not loaded (the launcher only)', async () => {
    srv.convs.push({id: 85, status: 'resolved', contact_last_seen_at: 0});
    const [first, second] = [await openTab(), await openTab()];
    first.session.setPanelVisible(true); // the second tab never shows its panel, nor writes
    await first.session.showConversation(85);
    await until(() => second.session.store.getState().conversationId == 85, 'the launcher-only tab shows 85');
    await first.session.showConversation(null);
    await until(() => second.session.store.getState().conversationId === null, 'the launcher-only tab shows a new one');
    expect(writersMade.has(second.session), 'no writer made in the launcher-only tab').to.equal(false);
  });
});

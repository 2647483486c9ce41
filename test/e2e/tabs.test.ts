import {expect} from '@open-wc/testing';
import {setOffline, setPageLifecycle} from '../helpers/server.js';
import {agent, deep, everythingDelivered, field, onlyConversation, openWidget, part, perTest, publicMessages, shownTexts, typeAndSend, until, type WidgetPage} from './helpers.js';

// Several tabs of one visitor (contract §10), end to end: frames of the same origin stand for
// tabs (they share storage, Web Locks and BroadcastChannel as tabs do); where the browser must
// act on one tab alone (freeze it, cut its network), the tab is a window of its own. The local server
// says how many sockets are subscribed for the contact: `/cable/raw` answers how many it sent
// a frame to.
describe('e2e: several tabs, one socket', function () {
  this.timeout(60000);
  const t = perTest();
  let second: WidgetPage | undefined;
  afterEach(() => second?.close());

  const attrs = () => ({'base-url': t.server.url, 'inbox-identifier': 'demo-inbox'});
  /** The stored contact's pubsub token (every tab reads the same storage; the key is the session's, src/state/storage-key.ts). */
  const storedToken = (page: WidgetPage) => {
    const stored = page.win.localStorage.getItem(`akece-chat:${t.server.url}:demo-inbox`)!;
    return /"pubsubToken":"([^"]+)"/.exec(stored)![1];
  };
  /** How many sockets are subscribed for the contact now (a ping the widget ignores). */
  const sockets = async (token: string) => ((await agent(t.server).raw(token, {type: 'ping', message: Math.floor(Date.now() / 1000)})) as {sent: number}).sent;

  /** Closes every extra tab a test opened (the first is t.page, closed by perTest). */
  const others: WidgetPage[] = [];
  afterEach(() => {
    others.splice(0).forEach((page) => page.close());
    localStorage.clear(); // every tab's (the test page's origin): a test that closed its first tab leaves none to perTest
  });
  const copiesOf = (page: WidgetPage, content: string) => page.el.messages.filter((m) => m.content === content).length;

  it('shares one socket between three tabs of a contact; when the leading tab closes, another leads within 2 s and nothing is lost', async () => {
    const first = (t.page = await openWidget(attrs()));
    part(first.el, 'launcher')!.click();
    await until(() => first.el.connectionState === 'connected', 'the first tab connected');
    await first.el.sendMessage('Hello from the first tab');
    const conversation = await onlyConversation(t.server);
    const token = storedToken(first);

    // A known contact: they connect at load, through the first tab.
    others.push(await openWidget(attrs()), await openWidget(attrs()));
    const [second, third] = others;
    await until(() => second.el.connectionState === 'connected' && third.el.connectionState === 'connected', 'the other tabs connected');
    expect(await sockets(token), 'one socket for three tabs').to.equal(1);

    await agent(t.server).reply(conversation.id, 'Seen in every tab');
    for (const page of [first, second, third]) await until(() => copiesOf(page, 'Seen in every tab') === 1, 'the reply in every tab');

    first.close(); // the leading tab goes
    t.page = undefined;
    const closedAt = Date.now();
    await agent(t.server).reply(conversation.id, 'After the handover'); // sent while no tab leads
    for (const page of [second, third]) await until(() => copiesOf(page, 'After the handover') === 1, 'the reply after the handover in both remaining tabs', 4000);
    expect(Date.now() - closedAt, 'another tab led within 2 s').to.be.below(2000);
    expect(await sockets(token), 'one socket again').to.equal(1);
    second.el.show();
    await until(() => shownTexts(second.el).some((text) => text.includes('After the handover')), 'the reply shown');
    for (const page of [second, third]) {
      await everythingDelivered(t.server, page.el, conversation.id);
      for (const text of ['Seen in every tab', 'After the handover']) expect(copiesOf(page, text), `${text}, once`).to.equal(1);
    }
  });

  it('connects tabs opened as windows one right after another, and shows them each agent message once', async () => {
    const first = (t.page = await openWidget(attrs()));
    first.el.show();
    await first.el.sendMessage('Hello before the windows');
    const conversation = await onlyConversation(t.server);
    const token = storedToken(first);
    // The second window opens as the first says hello to the leading tab: Chromium drops a
    // message posted just before a window opens, and the first window stayed 'connecting'.
    others.push(await openWidget(attrs(), {popup: true}), await openWidget(attrs(), {popup: true}));
    await until(() => others.every((page) => page.el.connectionState === 'connected'), 'both windows connected', 4000);
    expect(await sockets(token), 'one socket for three tabs').to.equal(1);
    await agent(t.server).reply(conversation.id, 'Seen in every window');
    for (const page of [first, ...others]) await until(() => copiesOf(page, 'Seen in every window') === 1, 'the reply in every tab');
    others[0].el.show();
    await until(() => shownTexts(others[0].el).some((text) => text.includes('Seen in every window')), 'the reply shown in the first window');
    for (const page of [first, ...others]) await everythingDelivered(t.server, page.el, conversation.id);
    for (const page of [first, ...others]) expect(copiesOf(page, 'Seen in every window'), 'once').to.equal(1);
  });

  it('sends once a message typed offline in a background tab, and shows it once in every tab', async () => {
    const first = (t.page = await openWidget(attrs()));
    first.el.show();
    await first.el.sendMessage('Hello from the leading tab');
    const conversation = await onlyConversation(t.server);
    others.push(await openWidget(attrs()), await openWidget(attrs(), {popup: true}));
    const [second, background] = others;
    background.el.show();
    await until(() => others.every((page) => page.el.connectionState === 'connected') && copiesOf(background, 'Hello from the leading tab') === 1, 'the other tabs with the conversation');
    expect(first.el.connectionState, 'the first tab leads: it connected first').to.equal('connected');
    await until(() => deep(background.el, 'composer')[0]?.querySelector('textarea'), 'the composer in the background tab');

    await setOffline(true); // the window's network only: the other tabs stay online
    await until(() => !background.win.navigator.onLine, 'the background tab offline');
    await typeAndSend(background.el, 'Typed offline');
    await until(() => copiesOf(background, 'Typed offline') === 1, 'shown in the tab where it was typed');
    expect(field(background.el).value, 'the composer emptied: the message is taken').to.equal('');
    await setOffline(false);

    for (const page of [first, second, background]) await until(() => page.el.messages.some((m) => m.content === 'Typed offline' && m.status === 'sent'), 'sent, in every tab');
    for (const page of [first, second, background]) await everythingDelivered(t.server, page.el, conversation.id);
    for (const page of [first, second, background]) expect(copiesOf(page, 'Typed offline'), 'once in every tab').to.equal(1);
    expect((await publicMessages(t.server, conversation.id)).filter((m) => m.content === 'Typed offline'), 'on the server once').to.have.length(1);
  });

  it('agrees across three tabs within 1 s on what the visitor read and on muting the chime', async () => {
    const first = (t.page = await openWidget(attrs()));
    await first.el.sendMessage('Three tabs, one visitor');
    const conversation = await onlyConversation(t.server);
    others.push(await openWidget(attrs()), await openWidget(attrs()));
    const tabs = [first, ...others];
    await until(() => tabs.every((page) => page.el.connectionState === 'connected'), 'every tab connected');

    await agent(t.server).reply(conversation.id, 'Unread in every tab');
    await until(() => tabs.every((page) => page.el.unreadCount === 1), 'one unread message in each tab');
    first.el.show(); // the visitor reads it in the first tab
    await until(() => first.el.unreadCount === 0, 'read in the first tab');
    const readAt = Date.now();
    await until(() => tabs.every((page) => page.el.unreadCount === 0), 'read in the other tabs too', 1000);
    expect(Date.now() - readAt).to.be.below(1000);

    for (const page of others) page.el.show();
    const toggles = await until(() => {
      const found = tabs.map((page) => part(page.el, 'sound-toggle'));
      return found.every(Boolean) ? found : null;
    }, 'every panel’s sound toggle');
    toggles[0]!.click();
    await until(() => toggles[0]!.getAttribute('aria-pressed') === 'true', 'muted in the first tab');
    const mutedAt = Date.now();
    await until(() => others.every((page) => part(page.el, 'sound-toggle')!.getAttribute('aria-pressed') === 'true'), 'muted in the other tabs too', 1000);
    expect(Date.now() - mutedAt).to.be.below(1000);
  });

  it('hands the lead on within 2 s when the leading tab is frozen (Page Lifecycle, in a real window); resumed, it follows', async () => {
    // The first tab is a window of its own, which DevTools can freeze as the browser does a background tab.
    const first = (t.page = await openWidget(attrs(), {popup: true}));
    first.el.show();
    await first.el.sendMessage('Hello from the first tab'); // its writer sends for every tab
    const conversation = await onlyConversation(t.server);
    const token = storedToken(first);
    others.push(await openWidget(attrs()), await openWidget(attrs()));
    const [second, third] = others;
    second.el.show(); // the visitor may write here too
    await until(() => others.every((page) => page.el.connectionState === 'connected' && copiesOf(page, 'Hello from the first tab') === 1), 'the other tabs with the conversation');
    expect(await sockets(token), 'one socket for three tabs').to.equal(1);

    await setPageLifecycle(0, 'frozen');
    const frozenAt = Date.now();
    await agent(t.server).reply(conversation.id, 'During the freeze');
    for (const page of others) await until(() => copiesOf(page, 'During the freeze') === 1, 'the reply in both live tabs', 4000);
    expect(Date.now() - frozenAt, 'another tab led within 2 s').to.be.below(2000);
    expect(await sockets(token), 'one socket: the frozen tab closed its own').to.equal(1);

    // Written in a tab that does not send: the tab that sends now (not the frozen one) posts it, once.
    await second.el.sendMessage('Written during the freeze');
    for (const page of others) await until(() => page.el.messages.some((m) => m.content === 'Written during the freeze' && m.status === 'sent'), 'sent, in both live tabs');
    for (const page of others) await everythingDelivered(t.server, page.el, conversation.id);
    for (const page of others) for (const text of ['During the freeze', 'Written during the freeze']) expect(copiesOf(page, text), `${text}, once`).to.equal(1);
    expect((await publicMessages(t.server, conversation.id)).filter((m) => m.content === 'Written during the freeze'), 'posted once').to.have.length(1);

    await setPageLifecycle(0, 'active');
    // It follows again and catches up (a backfill: what came while it was frozen, it never heard).
    for (const text of ['During the freeze', 'Written during the freeze']) await until(() => copiesOf(first, text), `${text} in the resumed tab`);
    await everythingDelivered(t.server, first.el, conversation.id);
    for (const text of ['Hello from the first tab', 'During the freeze', 'Written during the freeze']) expect(copiesOf(first, text), `${text}, once in the resumed tab`).to.equal(1);
    expect(await sockets(token), 'still one socket').to.equal(1);
    await agent(t.server).reply(conversation.id, 'After the resume');
    for (const page of [first, second, third]) await until(() => copiesOf(page, 'After the resume') === 1, 'the reply in every tab');
    expect(await sockets(token), 'still one socket').to.equal(1);
  });

  /** Two tabs of a visitor with a conversation, each with its panel open (so each may write). */
  const twoWritingTabs = async () => {
    const first = (t.page = await openWidget(attrs()));
    first.el.show();
    await first.el.sendMessage('Hello from the first tab');
    const conversation = await onlyConversation(t.server);
    const other = (second = await openWidget(attrs()));
    other.el.show();
    await until(() => other.el.connectionState === 'connected' && other.el.messages.some((m) => m.content === 'Hello from the first tab'), 'the second tab with the conversation');
    return {first, second: other, conversation};
  };
  const copies = (page: WidgetPage, content: string) => page.el.messages.filter((m) => m.content === content);
  const retryButton = (page: WidgetPage) =>
    deep(page.el, 'message')
      .flatMap((m) => [...m.querySelectorAll('button')])
      .find((b) => /retry/i.test(b.textContent! + b.getAttribute('aria-label')));

  it('shows a message pending in one tab as pending in the other, then once in both, sent once', async () => {
    const {first, second: other, conversation} = await twoWritingTabs();
    await agent(t.server).fault({method: 'POST', path: '/messages', delayMs: 1500}); // the server is slow to take it
    const sent = first.el.sendMessage('Pending for a moment');
    await until(() => copies(other, 'Pending for a moment')[0]?.status === 'pending', 'pending in the second tab', 1000);
    await sent;
    for (const page of [first, other]) await everythingDelivered(t.server, page.el, conversation.id);
    for (const page of [first, other]) expect(copies(page, 'Pending for a moment').map((m) => m.status)).to.deep.equal(['sent']);
    expect((await publicMessages(t.server, conversation.id)).filter((m) => m.content === 'Pending for a moment')).to.have.length(1);
  });

  it('retries from the second tab a message that failed in the first, and sends it once', async () => {
    const {first, second: other, conversation} = await twoWritingTabs();
    await agent(t.server).fault({method: 'POST', path: '/messages', status: 500});
    await first.el.sendMessage('Failed once').then(
      () => expect.fail('a 500 must fail the send'),
      () => {}
    );
    await until(() => copies(other, 'Failed once')[0]?.status === 'failed', 'failed in the second tab too', 1000);
    (await until(() => retryButton(other), 'the retry button in the second tab')).click();
    await until(() => copies(first, 'Failed once')[0]?.status === 'sent' && copies(other, 'Failed once')[0]?.status === 'sent', 'sent, in both tabs');
    for (const page of [first, other]) await everythingDelivered(t.server, page.el, conversation.id);
    for (const page of [first, other]) expect(copies(page, 'Failed once')).to.have.length(1);
    expect((await publicMessages(t.server, conversation.id)).filter((m) => m.content === 'Failed once')).to.have.length(1);
  });

  it('sends once what the sending tab left unsure as it closed: the next tab looks on the server first', async () => {
    const {first, second: other, conversation} = await twoWritingTabs(); // the first tab's writer sends for both
    // The server takes the message but the answer is cut half way, and its socket echo is held
    // back: the sending tab cannot know.
    await agent(t.server).fault({method: 'POST', path: '/messages', after: true});
    await agent(t.server).fault({event: 'message.created', delayMs: 4000});
    const sent = other.el.sendMessage('Written in the second tab');
    await until(() => copies(other, 'Written in the second tab')[0]?.status === 'failed', 'the unsure send shown failed in the writing tab');
    first.close(); // the sending tab goes
    t.page = second;
    second = undefined;
    await sent.catch(() => undefined);
    await until(() => copies(other, 'Written in the second tab')[0]?.status === 'sent', 'found on the server by the remaining tab');
    await everythingDelivered(t.server, other.el, conversation.id);
    expect(copies(other, 'Written in the second tab')).to.have.length(1);
    expect((await publicMessages(t.server, conversation.id)).filter((m) => m.content === 'Written in the second tab')).to.have.length(1);
  });

  it('follows, in the second tab, the conversation the visitor starts or opens in the first', async () => {
    const {first, second: other, conversation} = await twoWritingTabs();
    await first.el.startConversation();
    await until(() => other.el.conversationId === null, 'a new conversation in the second tab too', 1000);
    await first.el.sendMessage('A second question');
    await until(async () => (await agent(t.server).conversations()).length === 2, 'the new conversation on the server');
    await until(() => other.el.conversationId != null && other.el.conversationId !== conversation.id, 'the second tab shows the new conversation');
    expect(other.el.conversationId).to.equal(first.el.conversationId);
    await until(() => copies(other, 'A second question').length === 1, 'its first message in the second tab');

    await first.el.openConversation(conversation.id);
    await until(() => other.el.conversationId === conversation.id, 'the first conversation again in the second tab', 1000);
    await until(() => copies(other, 'Hello from the first tab').length === 1, 'its messages');
  });

  it('follows, in a tab that only shows the launcher (no writer loaded), the conversation started in another; opened, it shows it with the same pending message', async () => {
    const {first, conversation} = await (async () => {
      const page = (t.page = await openWidget(attrs()));
      page.el.show();
      await page.el.sendMessage('Hello from the first tab');
      return {first: page, conversation: await onlyConversation(t.server)};
    })();
    const quiet = (second = await openWidget(attrs())); // a known contact: the launcher only
    await until(() => quiet.el.connectionState === 'connected' && quiet.el.conversationId === conversation.id, 'the launcher-only tab connected');
    const writerLoaded = () => quiet.win.performance.getEntriesByType('resource').some((entry) => entry.name.includes('/akece-chat.tab-writer.'));
    expect(writerLoaded(), 'no writer before').to.equal(false);

    await first.el.startConversation();
    await until(() => quiet.el.conversationId === null, 'the new conversation in the launcher-only tab too', 1000);
    await agent(t.server).fault({method: 'POST', path: '/messages', delayMs: 5000}); // the server is slow to take it
    const sent = first.el.sendMessage('A question in a new conversation');
    const created = await until(async () => (await agent(t.server).conversations()).find((c) => c.id !== conversation.id), 'the new conversation on the server');
    await until(() => first.el.conversationId === created.id && copies(first, 'A question in a new conversation')[0]?.status === 'pending', 'pending in the first tab');
    await until(() => quiet.el.conversationId === created.id, 'the launcher-only tab shows the new conversation');
    expect(quiet.el.unreadCount, 'the same unread count').to.equal(first.el.unreadCount);
    expect(writerLoaded(), 'still no writer in the launcher-only tab').to.equal(false);

    quiet.el.show(); // the visitor opens it there
    await until(() => shownTexts(quiet.el).some((text) => text.includes('A question in a new conversation')), 'the pending message shown in the tab opened');
    expect(quiet.el.conversationId).to.equal(created.id);
    expect(copies(quiet, 'A question in a new conversation').map((m) => m.status), 'pending there too').to.deep.equal(['pending']);
    expect(shownTexts(quiet.el).some((text) => text.includes('Hello from the first tab')), 'not the first conversation').to.equal(false);

    await sent;
    for (const page of [first, quiet]) await everythingDelivered(t.server, page.el, created.id);
    for (const page of [first, quiet]) expect(copies(page, 'A question in a new conversation').map((m) => m.status), 'sent, once').to.deep.equal(['sent']);
    expect((await publicMessages(t.server, created.id)).filter((m) => m.content === 'A question in a new conversation'), 'posted once').to.have.length(1);
  });

  it('keeps a socket per tab with storage="none": nothing is shared', async () => {
    // A contact made by the site's own server, given to both tabs by attributes.
    const response = await fetch(`${t.server.url}/public/api/v1/inboxes/demo-inbox/contacts`, {method: 'POST', headers: {'content-type': 'application/json'}, body: '{}'});
    const contact = (await response.json()) as {source_id: string; pubsub_token: string};
    const given = {...attrs(), 'pubsub-token': contact.pubsub_token, 'contact-identifier': contact.source_id, storage: 'none'};
    const first = (t.page = await openWidget(given));
    second = await openWidget(given);
    await until(() => first.el.connectionState === 'connected' && second!.el.connectionState === 'connected', 'both tabs connected');
    expect(await sockets(contact.pubsub_token)).to.equal(2);
  });
});

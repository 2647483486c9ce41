import {expect} from '@open-wc/testing';
import {agent, onlyConversation, openWidget, perTest, shownTexts, until, type WidgetPage} from './helpers.js';

// A known contact's page start (contract §8: it "connects at load, counts unread") against the
// real local server, from the built script: the quiet start connects and counts without the
// full session's chunk, and the full session takes over its socket when a reply arrives.
describe('e2e: a known contact starts quietly', function () {
  this.timeout(60000);
  const t = perTest();
  let second: WidgetPage | undefined;
  afterEach(() => second?.close());

  const attrs = () => ({'base-url': t.server.url, 'inbox-identifier': 'demo-inbox'});
  const loadedFullSession = (page: WidgetPage) => page.win.performance.getEntriesByType('resource').some((entry) => entry.name.includes('chat-session-binding'));
  const storedToken = (page: WidgetPage) => /"pubsubToken":"([^"]+)"/.exec(Object.values(page.win.localStorage).join(' '))![1];
  const sockets = async (token: string) => ((await agent(t.server).raw(token, {type: 'ping', message: Math.floor(Date.now() / 1000)})) as {sent: number}).sent;

  it('connects and counts with nothing more; a reply brings the full session onto the same socket, announced once', async () => {
    const first = (t.page = await openWidget(attrs()));
    await first.el.sendMessage('A question from yesterday');
    const conversation = await onlyConversation(t.server);
    first.close();
    t.page = undefined;

    second = await openWidget(attrs()); // the same browser, later: a known contact
    const el = second.el;
    await until(() => el.connectionState === 'connected', 'connected at load');
    await until(() => el.messages.length === 1, 'the conversation read at load');
    expect(el.messages[0].content).to.equal('A question from yesterday');
    expect(el.unreadCount).to.equal(0);
    expect(loadedFullSession(second), 'the full session is not loaded for a contact with nothing new').to.equal(false);
    const token = storedToken(second);
    expect(await sockets(token)).to.equal(1);

    const connectionChanges: string[] = [];
    el.addEventListener('akece-connection-change', (event) => connectionChanges.push(event.detail.state));
    const announced: string[] = [];
    el.addEventListener('akece-message', (event) => announced.push(event.detail.message.content));
    await agent(t.server).reply(conversation.id, 'Here is the answer');
    await until(() => el.unreadCount === 1, 'the reply counted');
    await until(() => announced.length > 0, 'the reply announced');
    expect(loadedFullSession(second!)).to.equal(true);
    expect(announced).to.deep.equal(['Here is the answer']);
    expect(connectionChanges, 'the socket was taken over, not reopened').to.deep.equal([]);
    expect(await sockets(token)).to.equal(1);

    el.show();
    await until(() => shownTexts(el).some((text) => text.includes('Here is the answer')), 'the reply shown');
    await until(() => el.unreadCount === 0, 'read once shown');
    expect(el.messages.map((message) => message.content)).to.deep.equal(['A question from yesterday', 'Here is the answer']);
  });

  it('opening the panel brings the full session, with what the quiet start read', async () => {
    const first = (t.page = await openWidget(attrs()));
    await first.el.sendMessage('Opened later');
    first.close();
    t.page = undefined;

    second = await openWidget(attrs());
    const el = second.el;
    await until(() => el.connectionState === 'connected' && el.messages.length === 1, 'the quiet start');
    expect(loadedFullSession(second)).to.equal(false);
    el.show();
    await until(() => shownTexts(el).some((text) => text.includes('Opened later')), 'the message shown');
    await until(() => loadedFullSession(second!), 'the full session loaded on opening');
    await el.sendMessage('And a follow-up');
    const conversation = await onlyConversation(t.server);
    await until(async () => (await agent(t.server).messages(conversation.id)).length === 2, 'both on the server');
    expect(el.messages.map((message) => message.content)).to.deep.equal(['Opened later', 'And a follow-up']);
  });
});

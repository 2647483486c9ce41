import {expect} from '@open-wc/testing';
import {agent, everythingDelivered, expectServerView, onlyConversation, openWidget, perTest, publicMessages, requestsTo, shownTexts, until} from './helpers.js';

// Socket events as real servers deliver them on a bad day, through the real server's fault
// injection (demo/server/faults.mjs): held back so that a later event overtakes them, delivered
// twice, and ahead of the HTTP answer of the request that caused them. The view must end up as
// the server holds the conversation, each message once.
describe('e2e: events late, twice and out of order', function () {
  this.timeout(60000);
  const t = perTest();

  const open = async () => {
    t.page = await openWidget({'base-url': t.server.url, 'inbox-identifier': 'demo-inbox', open: ''});
    await until(() => t.page!.el.connectionState === 'connected', 'connected');
    return t.page.el;
  };
  const fault = (spec: Record<string, unknown>) => agent(t.server).fault(spec);

  it('shows an edit that overtakes its message, and keeps it when the late creation comes twice', async () => {
    const el = await open();
    await el.sendMessage('Hello');
    const conv = await onlyConversation(t.server);
    await fault({event: 'message.created', delayMs: 1500, twice: true});
    const {id} = await agent(t.server).reply(conv.id, 'First draft');
    await agent(t.server).edit(conv.id, id, 'Final words');

    // message.updated for a message the widget has never seen arrives first.
    await until(() => el.messages.find((m) => m.id === id)?.content === 'Final words', 'the edit, before its message');
    // Then message.created, older than what is shown, twice.
    await everythingDelivered(t.server, el, conv.id);
    expect(el.messages.filter((m) => m.id === id).map((m) => m.content)).to.deep.equal(['Final words']);
    await until(() => shownTexts(el).filter((t) => t.includes('Final words')).length === 1, 'rendered once');
    expect(shownTexts(el).some((t) => t.includes('First draft'))).to.equal(false);
    await expectServerView(t.server, el, conv.id);
  });

  it('shows replies delivered twice once each, in the server order', async () => {
    const el = await open();
    await el.sendMessage('Hello');
    const conv = await onlyConversation(t.server);
    // The first reply is held back and doubled: the second one overtakes it.
    await fault({event: 'message.created', delayMs: 1000, twice: true});
    const first = await agent(t.server).reply(conv.id, 'one');
    const second = await agent(t.server).reply(conv.id, 'two');
    await until(() => el.messages.some((m) => m.id === second.id), 'the second reply');
    await until(() => el.messages.some((m) => m.id === first.id), 'the first reply, late');
    await everythingDelivered(t.server, el, conv.id); // its double too
    expect(el.messages.map((m) => m.content).filter((content) => !content.startsWith('(barrier'))).to.deep.equal(['Hello', 'one', 'two']);
    await expectServerView(t.server, el, conv.id);
  });

  it('shows the own message once when its socket echo comes before the HTTP answer', async () => {
    const el = await open();
    await el.sendMessage('Hello');
    const conv = await onlyConversation(t.server);
    await fault({method: 'POST', path: '/messages', answerDelayMs: 1500});
    // Finished requests to the messages endpoint, as the page's resource timing lists them.
    const done = () => requestsTo(t.page!.win, t.server.url).filter((e) => /\/messages$/.test(e.name)).length;
    const before = done();
    const message = await el.sendMessage('Echo first');
    // The echo on the socket said the server has it; the HTTP answer is still held back.
    expect(message).to.include({content: 'Echo first', status: 'sent'});
    expect(message.id).to.be.a('number');
    expect(done()).to.equal(before);
    expect(el.messages.filter((m) => m.content === 'Echo first')).to.have.length(1);
    await until(() => done() > before, 'the HTTP answer');
    await everythingDelivered(t.server, el, conv.id);
    expect(el.messages.filter((m) => m.content === 'Echo first')).to.have.length(1);
    expect((await publicMessages(t.server, conv.id)).filter((m) => m.content === 'Echo first')).to.have.length(1);
    await expectServerView(t.server, el, conv.id);
  });
});

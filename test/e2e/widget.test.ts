import {expect} from '@open-wc/testing';
import {agent, deep, everythingDelivered, field, onlyConversation, openWidget, part, perTest, reload, requestsTo, shownTexts, typeAndSend, until} from './helpers.js';

// The visitor's whole experience, end to end: the built bundle in a real page, the local
// Akece-compatible server as a real process, real HTTP and a real WebSocket.
describe('e2e: the visitor experience', function () {
  this.timeout(60000);
  const t = perTest();

  const open = async (attrs: Record<string, string> = {}, scripts = 1) =>
    (t.page = await openWidget({'base-url': t.server.url, 'inbox-identifier': 'demo-inbox', ...attrs}, {scripts}));

  it('stays quiet until the visitor opens it, then creates the contact and connects', async () => {
    const {el, win} = await open();
    // Nothing can be awaited for "nothing happens": a pause in which a wrong request would be made.
    await new Promise((r) => setTimeout(r, 300));
    expect(el.connectionState).to.equal('idle');
    expect(requestsTo(win, t.server.url)).to.have.length(0);
    expect(win.localStorage.length).to.equal(0);
    expect(await agent(t.server).conversations()).to.have.length(0);

    part(el, 'launcher')!.click();
    await until(() => el.connectionState === 'connected', 'connected');
    expect(el.open).to.equal(true);
    expect(requestsTo(win, t.server.url).some((e) => e.name.endsWith('/contacts'))).to.equal(true);
    const stored = Object.keys(win.localStorage);
    expect(stored).to.have.length(1);
    expect(win.localStorage.getItem(stored[0])).to.contain('pubsubToken');
    // Opening moved focus into the composer.
    await until(() => deep(el, 'composer')[0].matches(':focus-within'), 'focus in the composer');
  });

  it('sends a message that shows once, and shows the agent reply, typing and presence', async () => {
    const {el} = await open({open: ''});
    const seen: string[] = [];
    el.addEventListener('akece-message', (e) => seen.push(e.detail.message.role));
    await until(() => el.connectionState === 'connected', 'connected');
    await typeAndSend(el, 'Where is my order?');
    await until(() => el.messages.some((m) => m.role === 'visitor' && m.status === 'sent' && m.id != null), 'the message sent');
    const conv = await onlyConversation(t.server);
    await everythingDelivered(t.server, el, conv.id); // the socket echo too, which could duplicate it
    expect(el.messages.filter((m) => m.content === 'Where is my order?')).to.have.length(1);
    expect(shownTexts(el).filter((t) => t.includes('Where is my order?'))).to.have.length(1);
    expect(field(el).value).to.equal('');

    const bot = agent(t.server);
    await bot.typing(conv.id, true, true); // a private note: the visitor must not see it
    // (A reply as a barrier would clear a wrongly shown indicator: a pause for the frame instead.)
    await new Promise((r) => setTimeout(r, 300));
    expect(deep(el, 'typing-indicator')).to.have.length(0);
    await bot.typing(conv.id, true);
    await until(() => deep(el, 'typing-indicator').length === 1, 'the typing indicator');
    expect(deep(el, 'typing-indicator')[0].textContent).to.contain('Sam');
    await bot.reply(conv.id, 'It ships **today**. See [tracking](https://example.com/t) or [this](javascript:alert(1))');
    await until(() => shownTexts(el).some((t) => t.includes('It ships today')), 'the reply');
    expect(deep(el, 'typing-indicator')).to.have.length(0);
    const reply = deep(el, 'message').at(-1)!;
    expect(reply.querySelector('strong')!.textContent).to.equal('today');
    const links = [...reply.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.com/t']);
    expect(links[0].rel).to.equal('noopener noreferrer');
    expect(seen).to.include.members(['visitor', 'agent']);
    expect(el.shadowRoot!.querySelector('[part=header]')!.textContent).to.contain('Online');
  });

  it('follows edits, deletions, bot messages with answers, and resolution', async () => {
    const {el} = await open({open: ''});
    await until(() => el.connectionState === 'connected', 'connected');
    await el.sendMessage('Hi');
    const conv = await onlyConversation(t.server);
    const bot = agent(t.server);
    const statuses: string[] = [];
    el.addEventListener('akece-conversation-status', (e) => statuses.push(e.detail.status));

    const first = await bot.reply(conv.id, 'First version');
    await until(() => shownTexts(el).some((t) => t.includes('First version')), 'the reply');
    await bot.edit(conv.id, first.id, 'Second version');
    await until(() => shownTexts(el).some((t) => t.includes('Second version')), 'the edit');
    await bot.remove(conv.id, first.id);
    await until(() => el.messages.find((m) => m.id === first.id)?.deleted, 'the deletion');
    await until(() => !shownTexts(el).some((t) => t.includes('Second version')), 'the deletion rendered');
    expect(shownTexts(el).some((t) => /deleted/i.test(t))).to.equal(true);

    const choice = await bot.reply(conv.id, {
      content: 'Which size?',
      content_type: 'input_select',
      content_attributes: {items: [{title: 'Small', value: 's'}, {title: 'Large', value: 'l'}]},
    });
    const button = await until(
      () => deep(el, 'message').flatMap((m) => [...m.querySelectorAll('button')]).find((b) => b.textContent!.trim() === 'Large'),
      'the Large option'
    );
    button.click();
    await until(() => el.messages.find((m) => m.id === choice.id)?.answer, 'the answer');
    const stored = (await bot.messages(conv.id)).find((m) => m.id === choice.id) as unknown as {content_attributes: {submitted_values: {value: string}[]}};
    expect(stored.content_attributes.submitted_values[0].value).to.equal('l');

    await bot.status(conv.id, 'resolved');
    await until(() => statuses.includes('resolved'), 'the status event');
    await until(() => shownTexts(el).some((t) => /resolved/i.test(t)), 'the resolved note');
  });

  it('counts unread agent messages on the launcher while closed and clears them when opened', async () => {
    let {el} = await open();
    part(el, 'launcher')!.click();
    await until(() => el.connectionState === 'connected', 'connected');
    await el.sendMessage('Hello');
    el.hide();
    await el.updateComplete;
    const conv = await onlyConversation(t.server);
    await agent(t.server).reply(conv.id, 'One');
    await agent(t.server).reply(conv.id, 'Two');
    await until(() => el.unreadCount === 2, 'two unread');
    await el.updateComplete;
    expect(part(el, 'unread-badge')!.textContent!.trim()).to.equal('2');
    expect(part(el, 'launcher')!.getAttribute('aria-label')).to.contain('2');
    el.show();
    await until(() => el.unreadCount === 0, 'read');
    await el.updateComplete;
    expect(part(el, 'unread-badge')).to.equal(null);
    // A reload keeps the contact and the conversation.
    ({el} = t.page = await reload(t.page!));
    await until(() => el.connectionState === 'connected', 'connected after the reload');
    el.show();
    await until(() => shownTexts(el).some((x) => x.includes('Two')), 'the reply after the reload');
    await until(() => shownTexts(el).some((x) => x.includes('Hello')), 'history after the reload');
  });

  it('with storage="none" writes nothing to the browser', async () => {
    const {el, win} = await open({storage: 'none', open: ''});
    await until(() => el.connectionState === 'connected', 'connected');
    await el.sendMessage('No traces please');
    expect(win.localStorage.length).to.equal(0);
    expect(win.sessionStorage.length).to.equal(0);
    expect(win.document.cookie).to.equal('');
  });

  it('still works on a page that loads the script twice', async () => {
    const {el, win} = await open({open: ''}, 2);
    await until(() => el.connectionState === 'connected', 'connected');
    expect(win.document.querySelectorAll('akece-chat')).to.have.length(1);
    await el.sendMessage('Twice loaded');
    const conv = await onlyConversation(t.server);
    expect((await agent(t.server).messages(conv.id)).map((m) => m.content)).to.include('Twice loaded');
  });
});

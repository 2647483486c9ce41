import {expect} from '@open-wc/testing';
import {setOffline} from '../helpers/server.js';
import {agent, deep, part, perTest, publicMessages, reload, shownTexts, typeAndSend, until, openWidget, type WidgetPage} from './helpers.js';

// Conversations over time (contract §9), end to end: the built bundle against the local server.
describe('e2e: conversations over time', function () {
  this.timeout(60000);
  const t = perTest();
  /** Pages beyond t.page (a second device), closed after each test. */
  const extra: WidgetPage[] = [];
  afterEach(() => extra.splice(0).forEach((page) => page.close()));

  const attrs = (more: Record<string, string> = {}) => ({'base-url': t.server.url, 'inbox-identifier': 'demo-inbox', open: '', ...more});
  const open = async (more: Record<string, string> = {}) => (t.page = await openWidget(attrs(more)));
  const connected = (page: WidgetPage) => until(() => page.el.connectionState === 'connected', 'connected');
  const serverConversations = async () => (await agent(t.server).conversations()).sort((a, b) => a.id - b.id);
  const items = (page: WidgetPage) => deep(page.el, 'conversation-item');
  const itemTexts = (page: WidgetPage) => items(page).map((item) => item.textContent!.replace(/\s+/g, ' ').trim());
  const focused = (page: WidgetPage) => page.el.shadowRoot!.activeElement;

  it('ends one conversation after asking, starts another only when the visitor writes, lists both and opens either', async () => {
    const page = await open();
    const {el} = page;
    const changes: (number | null)[] = [];
    el.addEventListener('akece-conversation-change', (event) => changes.push(event.detail.conversationId));
    await connected(page);
    await el.sendMessage('My first question');
    const [first] = await serverConversations();
    await until(() => el.conversationId === first.id, 'conversationId follows the conversation');
    expect(changes).to.deep.equal([first.id]);

    // End, after a question inside the panel; Cancel keeps it.
    const endButton = await until(() => part(el, 'end-conversation-button'), 'the end button');
    endButton.click();
    const question = await until(() => el.shadowRoot!.querySelector<HTMLElement>('[role=alertdialog]'), 'the question');
    await until(() => focused(page)?.classList.contains('confirm-cancel'), 'focus on Cancel');
    (focused(page) as HTMLElement).click();
    await until(() => !el.shadowRoot!.querySelector('[role=alertdialog]'), 'the question gone');
    expect((await serverConversations())[0].status).to.equal('open');
    part(el, 'end-conversation-button')!.click();
    await until(() => el.shadowRoot!.querySelector('.confirm-end-button'), 'the question again');
    expect(question.textContent).to.contain('End this conversation?');
    el.shadowRoot!.querySelector<HTMLElement>('.confirm-end-button')!.click();
    await until(async () => (await serverConversations())[0].status === 'resolved', 'resolved on the server');

    // Ended: says so, a new-conversation button in place of the composer, focus on it.
    const startNew = await until(() => el.shadowRoot!.querySelector<HTMLElement>('.ended [part~=new-conversation-button]'), 'the ended state');
    expect(el.shadowRoot!.querySelector('.ended')!.textContent).to.contain('This conversation has ended');
    expect(deep(el, 'composer')).to.have.length(0);
    expect(part(el, 'end-conversation-button')).to.equal(null);
    await until(() => focused(page) === startNew, 'focus on the new-conversation button');

    // New: nothing is created before the visitor writes.
    startNew.click();
    await until(() => el.conversationId === null, 'a new conversation, not yet created');
    expect(changes).to.deep.equal([first.id, null]);
    await until(() => deep(el, 'composer').length === 1, 'the composer');
    await until(() => deep(el, 'composer')[0].matches(':focus-within'), 'focus in the composer');
    expect(el.messages).to.have.length(0);
    expect(await serverConversations()).to.have.length(1);
    await typeAndSend(el, 'A second question');
    await until(async () => (await serverConversations()).length === 2, 'the second conversation');
    const second = (await serverConversations())[1];
    await until(() => el.conversationId === second.id, 'the new conversation shown');
    expect(changes).to.deep.equal([first.id, null, second.id]);

    // The list: newest first, with latest message and status; back, then open the other.
    await until(() => part(el, 'back-button'), 'the back button').then((back) => back.click());
    await until(() => items(page).length === 2, 'two conversations listed');
    expect(part(el, 'conversation-list')!.tagName).to.equal('UL');
    await until(() => itemTexts(page)[0].includes('A second question'), 'the latest first');
    expect(itemTexts(page)[0]).to.contain('Open');
    expect(itemTexts(page)[1]).to.contain('My first question').and.contain('Resolved');
    await until(() => focused(page) === items(page)[0], 'focus on the first conversation');
    items(page)[1].click();
    await until(() => el.conversationId === first.id && shownTexts(el).some((text) => text.includes('My first question')), 'the first conversation');
    expect(shownTexts(el).some((text) => text.includes('A second question'))).to.equal(false);
    await until(() => el.shadowRoot!.querySelector('.ended'), 'shown as ended');

    // openConversation(): the other one.
    await el.openConversation(second.id);
    await until(() => shownTexts(el).some((text) => text.includes('A second question')), 'the second conversation');
    expect(el.conversationId).to.equal(second.id);
    expect(deep(el, 'composer')).to.have.length(1);

    // A reload opens on the latest unresolved one; setting conversationId shows another.
    const again = (t.page = await reload(page));
    await until(() => again.el.conversationId === second.id, 'the latest unresolved');
    again.el.conversationId = first.id;
    await until(() => shownTexts(again.el).some((text) => text.includes('My first question')), 'the conversation the page set');
  });

  it('keeps the list live: a reply elsewhere moves its conversation up and counts as unread there and on the launcher', async () => {
    const page = await open();
    const {el} = page;
    await connected(page);
    await el.sendMessage('Older question');
    await el.startConversation();
    await el.sendMessage('Newer question');
    await until(async () => (await serverConversations()).length === 2, 'two conversations');
    const [older, newer] = await serverConversations();
    await until(() => el.conversationId === newer.id, 'the newer one shown');
    await until(() => part(el, 'back-button'), 'the back button');

    await agent(t.server).reply(older.id, 'An answer to the older one');
    await until(() => el.unreadCount === 1, 'one unread elsewhere');
    part(el, 'back-button')!.click();
    await until(() => itemTexts(page)[0]?.includes('An answer to the older one'), 'moved up');
    expect(itemTexts(page)[0]).to.contain('1 new message');
    items(page)[0].click();
    await until(() => el.conversationId === older.id, 'the older one shown');
    await until(() => el.unreadCount === 0, 'read');
  });

  it('sends a message written offline to the conversation it was written in, once, after the visitor switched to another', async () => {
    // (in a window of its own: network emulation switches off a whole page)
    const page = (t.page = await openWidget(attrs(), {popup: true}));
    const {el} = page;
    try {
      await connected(page);
      await el.sendMessage('Question in the first');
      await el.startConversation();
      await el.sendMessage('Question in the second');
      await until(async () => (await serverConversations()).length === 2, 'two conversations');
      const [first, second] = await serverConversations();
      await el.openConversation(first.id);

      await setOffline(true);
      await until(() => el.connectionState === 'offline', 'offline');
      const sent = el.sendMessage('Written offline in the first');
      await until(() => el.messages.some((m) => m.content === 'Written offline in the first' && m.status === 'pending'), 'shown pending');
      // Switching needs no network to show the other conversation (its page loads once back).
      await el.openConversation(second.id).catch(() => undefined);
      await until(() => el.conversationId === second.id, 'the second shown');
      expect(el.messages.map((m) => m.content)).to.not.include('Written offline in the first');

      await setOffline(false);
      const message = await sent;
      expect(message.conversationId).to.equal(first.id);
      await until(() => el.messages.some((m) => m.content === 'Question in the second'), 'the second conversation loaded again');
      expect(el.conversationId).to.equal(second.id);
      expect(el.messages.map((m) => m.content)).to.not.include('Written offline in the first');
      expect((await publicMessages(t.server, first.id)).map((m) => m.content)).to.deep.equal(['Question in the first', 'Written offline in the first']);
      expect((await publicMessages(t.server, second.id)).map((m) => m.content)).to.deep.equal(['Question in the second']);

      await el.openConversation(first.id);
      await until(() => el.messages.filter((m) => m.content === 'Written offline in the first').length === 1, 'shown once in the first');
      expect(el.messages.map((m) => [m.content, m.status])).to.deep.equal([
        ['Question in the first', 'sent'],
        ['Written offline in the first', 'sent'],
      ]);
    } finally {
      await setOffline(false);
    }
  });

  it('counts replies in another conversation on the launcher of a known contact whose panel was never opened', async () => {
    let page = (t.page = await openWidget({'base-url': t.server.url, 'inbox-identifier': 'demo-inbox'}));
    await page.el.sendMessage('First question');
    await page.el.startConversation();
    await page.el.sendMessage('Second question');
    await until(async () => (await serverConversations()).length === 2, 'two conversations');
    const [first, second] = await serverConversations();
    await agent(t.server).reply(first.id, 'An answer from before the reload');

    page = t.page = await reload(page);
    const {el} = page;
    await connected(page);
    await until(() => el.conversationId === second.id, 'the latest conversation shown');
    // The first reply elsewhere brings the count of the other conversations: the list for what
    // came before the page, the socket from then on.
    await agent(t.server).reply(first.id, 'An answer after the reload');
    await until(() => el.unreadCount === 2, 'both replies elsewhere counted');
    await agent(t.server).reply(first.id, 'One more');
    await until(() => el.unreadCount === 3, 'the next one too');
    expect(el.open).to.equal(false);
  });

  it('with continue-after-resolve keeps the composer, and a new message reopens the same conversation', async () => {
    const page = await open({'continue-after-resolve': ''});
    const {el} = page;
    await connected(page);
    await el.sendMessage('Hello');
    const [conversation] = await serverConversations();
    await agent(t.server).status(conversation.id, 'resolved');
    await until(() => shownTexts(el).some((text) => text.includes('Chat resolved')), 'resolved in view');
    expect(el.shadowRoot!.querySelector('.ended')).to.equal(null);
    expect(deep(el, 'composer')).to.have.length(1);
    await typeAndSend(el, 'One more thing');
    await until(async () => (await serverConversations())[0].status === 'open', 'reopened on the server');
    expect(await serverConversations()).to.have.length(1);
    expect(el.conversationId).to.equal(conversation.id);
  });

  it('after endConversation() shows the satisfaction survey in the ended state, and a thank-you once answered', async () => {
    await fetch(`${t.server.url}/agent/api/inbox`, {method: 'PATCH', headers: {'content-type': 'application/json'}, body: JSON.stringify({csat_survey_enabled: true})});
    const page = await open();
    const {el} = page;
    await connected(page);
    await el.sendMessage('Thanks for the help');
    await el.endConversation();
    expect((await serverConversations())[0].status).to.equal('resolved');
    const survey = await until(() => deep(el, 'message').find((message) => message.querySelector('input[type=radio]')), 'the survey');
    expect(el.shadowRoot!.querySelector('.ended')).not.to.equal(null);
    const radios = [...survey.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios).to.have.length(5);
    expect(new Set(radios.map((radio) => radio.name)).size).to.equal(1);
    radios[4].click();
    survey.querySelector('textarea')!.value = 'Quick and kind';
    survey.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => deep(el, 'message').some((message) => message.textContent!.includes('Thanks for your feedback')), 'the thank-you');
    const [conversation] = await serverConversations();
    const csat = (await agent(t.server).messages(conversation.id)).find((message) => (message as {content_type?: string}).content_type === 'input_csat') as unknown as {
      content_attributes: {submitted_values: {csat_survey_response: {rating: number; feedback_message: string}}};
    };
    expect(csat.content_attributes.submitted_values.csat_survey_response).to.deep.include({rating: 5, feedback_message: 'Quick and kind'});
  });

  it('across devices: the same identifier with a valid hash sees the other device’s conversations, an invalid hash does not', async () => {
    await fetch(`${t.server.url}/agent/api/inbox`, {method: 'PATCH', headers: {'content-type': 'application/json'}, body: JSON.stringify({hmac_token: 'e2e-key-1'})});
    const {identifier_hash: identifierHash} = (await (await fetch(`${t.server.url}/agent/api/identifier_hash?identifier=user-1042`)).json()) as {identifier_hash: string};
    // As a site does: the visitor is identified at page load, before they open the chat.
    const device = async (user: {identifier: string; identifierHash: string; name?: string}) => {
      const page = await openWidget({'base-url': t.server.url, 'inbox-identifier': 'demo-inbox', storage: 'none'});
      extra.push(page);
      await page.el.setUser(user).catch(() => {});
      page.el.show();
      return page;
    };
    const laptop = await device({identifier: 'user-1042', identifierHash, name: 'Ada'});
    await connected(laptop);
    await laptop.el.sendMessage('Started on the laptop');
    const [conversation] = await serverConversations();

    const phone = await device({identifier: 'user-1042', identifierHash});
    await until(() => phone.el.conversationId === conversation.id, 'the laptop’s conversation on the phone');
    await until(() => shownTexts(phone.el).some((text) => text.includes('Started on the laptop')), 'its messages');
    // A reply reaches both devices.
    await agent(t.server).reply(conversation.id, 'Hello on every device');
    await until(() => shownTexts(phone.el).some((text) => text.includes('Hello on every device')), 'the reply on the phone');
    await until(() => shownTexts(laptop.el).some((text) => text.includes('Hello on every device')), 'the reply on the laptop');

    const stranger = await device({identifier: 'user-1042', identifierHash: '0'.repeat(64)});
    await until(() => part(stranger.el, 'error'), 'the refusal shown');
    expect(stranger.el.conversationId).to.equal(null);
    expect(stranger.el.messages).to.have.length(0);
  });

  it('saves a copy of the conversation made in the browser: names, times, texts', async () => {
    const page = await open();
    const {el, win} = page;
    await connected(page);
    await el.sendMessage('Can I get a copy?');
    const [conversation] = await serverConversations();
    await agent(t.server).reply(conversation.id, 'Of course, here it is.');
    await until(() => shownTexts(el).some((text) => text.includes('Of course')), 'the reply');
    // Watch what the page hands to the browser's download (nothing is faked: the file is the widget's).
    const saved: Blob[] = [];
    const create = win.URL.createObjectURL.bind(win.URL);
    win.URL.createObjectURL = (blob: Blob | MediaSource) => (saved.push(blob as Blob), create(blob));
    const requestsBefore = win.performance.getEntriesByType('resource').length;
    (await until(() => part(el, 'transcript-button'), 'the transcript button')).click();
    await until(() => saved.length === 1, 'the file');
    const text = await saved[0].text();
    expect(text).to.contain('Your conversation with');
    expect(text).to.match(/\] You:\nCan I get a copy\?/);
    expect(text).to.match(/\] Sam[^\n]*:\nOf course, here it is\./);
    expect(win.performance.getEntriesByType('resource').length).to.equal(requestsBefore);
  });
});

import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {agent, deep, field, onlyConversation, openWidget, perTest, reload, shownTexts, until} from './helpers.js';

// Contract §12 end to end (emoji, replies, links): the built bundle in a real page against the
// local server, acting as the agent through its agent API. Nothing is faked.
describe('e2e: composer and messages (emoji, replies, links)', function () {
  this.timeout(60000);
  const t = perTest();

  const open = async (attrs: Record<string, string> = {}) =>
    (t.page = await openWidget({'base-url': t.server.url, 'inbox-identifier': 'demo-inbox', open: '', ...attrs}));

  /** The element focused inside the widget, through its shadow roots. */
  const focusedIn = (root: ShadowRoot | null): Element | null => {
    const active = root?.activeElement ?? null;
    return active?.shadowRoot?.activeElement ? focusedIn(active.shadowRoot) : active;
  };

  it('inserts an emoji at the caret with the keyboard alone, sends it, and remembers it', async () => {
    const {el, win} = await open();
    await until(() => el.connectionState === 'connected', 'connected');
    const area = field(el);
    win.focus();
    area.focus();
    await sendKeys({type: 'See you soon'});
    for (let i = 0; i < 'soon'.length; i++) await sendKeys({press: 'ArrowLeft'});
    await sendKeys({press: 'Tab'});
    expect(focusedIn(el.shadowRoot)!.getAttribute('part')).to.equal('emoji-button');
    await sendKeys({press: 'Enter'});
    await until(() => focusedIn(el.shadowRoot)?.getAttribute('type') === 'search', 'focus in the emoji search');
    await sendKeys({type: 'wave'});
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'Enter'});
    await until(() => focusedIn(el.shadowRoot) === area, 'focus back in the text field');
    expect(area.value).to.equal('See you 👋soon');
    await sendKeys({press: 'Enter'});
    const conv = await onlyConversation(t.server);
    await until(async () => (await agent(t.server).messages(conv.id)).some((m) => m.content === 'See you 👋soon'), 'the message on the server');
    expect(JSON.parse(win.localStorage.getItem('akece-chat:recent-emoji')!)).to.deep.equal(['👋']);
  });

  it('searches emoji in the visitor language with words loaded on demand, each file checked', async () => {
    const {el, win} = await open({locale: 'fr'});
    await until(() => el.connectionState === 'connected', 'connected');
    const loaded = () => win.performance.getEntriesByType('resource').map((entry) => entry.name.replace(/^.*\/dist\//, ''));
    expect(loaded().filter((name) => name.startsWith('emoji/'))).to.deep.equal([]);
    win.focus();
    deep(el, 'emoji-button')[0].click();
    await until(() => focusedIn(el.shadowRoot)?.getAttribute('type') === 'search', 'focus in the emoji search');
    await sendKeys({type: 'coeur'});
    const picker = (focusedIn(el.shadowRoot)!.getRootNode() as ShadowRoot).host;
    const heart = await until(() => [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[role=gridcell]')].find((cell) => cell.textContent === '❤️'), 'the red heart found by its French name');
    // French only, through the words' own index (pinned by the feature index).
    expect(loaded().filter((name) => name.startsWith('emoji/')).map((name) => name.replace(/\.[\w-]+\.js$/, ''))).to.deep.equal(['emoji/index.js', 'emoji/fr']);
    heart.click();
    await until(() => field(el).value === '❤️', 'the heart in the text field');
  });

  it('shows an agent reply with a quote that leads to a message on an older page', async () => {
    let {el} = await open();
    await until(() => el.connectionState === 'connected', 'connected');
    const question = await el.sendMessage('Where is my order #1042?');
    const conv = await onlyConversation(t.server);
    const bot = agent(t.server);
    await bot.bulk(conv.id, 45, 'Filler');
    await bot.reply(conv.id, {content: 'It left the warehouse **today**.', content_attributes: {in_reply_to: question.id}});
    // A fresh page loads the latest page of history only: the question is two pages back.
    ({el} = t.page = await reload(t.page!));
    el.show();
    await until(() => shownTexts(el).some((text) => text.includes('It left the warehouse today')), 'the reply after the reload');
    expect(el.messages.some((m) => m.id === question.id)).to.equal(false);
    const quote = await until(() => deep(el, 'reply-quote')[0], 'the quote');
    expect(quote.textContent).to.contain('earlier message');

    quote.click();
    const list = deep(el, 'messages')[0].getRootNode() as ShadowRoot;
    const target = await until(() => {
      const focused = list.activeElement as HTMLElement | null;
      return focused?.dataset.key === String(question.id) ? focused : null;
    }, 'the quoted message focused', 15000);
    expect(target.textContent).to.contain('Where is my order #1042?');
    const view = deep(el, 'messages')[0].getBoundingClientRect();
    const box = target.getBoundingClientRect();
    expect(box.top).to.be.at.least(view.top - 1);
    expect(box.bottom).to.be.at.most(view.bottom + 1);
    // Now the quote names who asked.
    expect(deep(el, 'reply-quote')[0].textContent).to.contain('In reply to you').and.contain('Where is my order #1042?');
  });

  it('links bare addresses in visitor and agent messages, allow-listed', async () => {
    const {el} = await open();
    await until(() => el.connectionState === 'connected', 'connected');
    await el.sendMessage('My shop is www.ana-shop.test/cart, write to ana@example.com, not javascript:alert(1)');
    const conv = await onlyConversation(t.server);
    await agent(t.server).reply(conv.id, 'See https://help.example.com/returns?id=7, www.example.org or help@example.com. Never javascript:alert(2) or [this](javascript:alert(3)).');
    await until(() => shownTexts(el).some((text) => text.includes('See https://help.example.com')), 'the reply');

    const links = (bubble: HTMLElement) => [...bubble.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent, a.target, a.rel]);
    const [mine, theirs] = deep(el, 'message').filter((m) => m.querySelector('a'));
    await until(() => mine.querySelectorAll('a').length === 2, 'the visitor message linked');
    expect(links(mine)).to.deep.equal([
      ['http://www.ana-shop.test/cart', 'www.ana-shop.test/cart', '_blank', 'noopener noreferrer'],
      ['mailto:ana@example.com', 'ana@example.com', '_blank', 'noopener noreferrer'],
    ]);
    expect(links(theirs)).to.deep.equal([
      ['https://help.example.com/returns?id=7', 'https://help.example.com/returns?id=7', '_blank', 'noopener noreferrer'],
      ['http://www.example.org/', 'www.example.org', '_blank', 'noopener noreferrer'],
      ['mailto:help@example.com', 'help@example.com', '_blank', 'noopener noreferrer'],
    ]);
    for (const a of deep(el, 'message').flatMap((m) => [...m.querySelectorAll('a')])) expect(a.getAttribute('href')).to.not.match(/^javascript:/i);
    expect(theirs.textContent).to.contain('javascript:alert(2)');
  });
});

import {expect} from '@open-wc/testing';
import {agentApi, perTest, png, until, visitor} from './kit.js';

// Issue 12, item 11: the console follows the thread while the agent is at the bottom (also
// when an image grows the thread after it is drawn), and shows a marker instead when the agent
// has scrolled up to read.
describe('console: following the thread', function () {
  this.timeout(60000);
  const t = perTest();

  const list = () => t.$('.messages')!;
  const atBottom = () => list().scrollHeight - list().scrollTop - list().clientHeight <= 2;
  const lastRowText = () => list().lastElementChild?.textContent ?? '';

  async function openLongConversation() {
    const alex = await visitor(t.server, 'Alex');
    await agentApi(t.server).post(`/conversations/${alex.conversationId}/messages/bulk`, {count: 40, content: 'Earlier reply'});
    await until(() => t.$(`.conv[data-id="${alex.conversationId}"]`), 'the conversation in the list');
    t.$<HTMLButtonElement>(`.conv[data-id="${alex.conversationId}"]`)!.click();
    await until(() => t.$$('.msg').length === 40 && list().getAttribute('aria-busy') === 'false', 'the thread');
    await until(atBottom, 'the thread at its bottom');
    expect(list().scrollHeight).to.be.greaterThan(list().clientHeight * 2, 'the thread scrolls');
    return alex;
  }

  it('keeps the newest message in view at the bottom, also after an image loads', async () => {
    const alex = await openLongConversation();
    await alex.say('Is anyone there?');
    await until(() => lastRowText().includes('Is anyone there?'), 'the new message');
    await until(atBottom, 'still at the bottom');

    // A tall image: drawn first at no height, then it loads and grows the thread.
    await alex.upload(await png(300, 900), 'screenshot.png', 'Here is a screenshot');
    await until(() => t.$<HTMLImageElement>('.msg:last-child img')?.complete && t.$<HTMLImageElement>('.msg:last-child img')!.naturalHeight > 0, 'the image loaded');
    await until(atBottom, 'at the bottom after the image grew the thread');
    await alex.say('And one more thing');
    await until(() => lastRowText().includes('And one more thing'), 'the next message');
    await until(atBottom, 'still following');
    expect(t.$('.new-marker')!.hidden).to.equal(true);
  });

  it('shows a new-messages marker when the agent has scrolled up, and follows again from it', async () => {
    const alex = await openLongConversation();
    list().scrollTop = 0;
    list().dispatchEvent(new Event('scroll'));
    await until(() => list().scrollTop === 0, 'scrolled to the top');
    await alex.say('First new question');
    await alex.say('Second new question');
    await until(() => lastRowText().includes('Second new question'), 'the new messages drawn');
    const marker = t.$<HTMLButtonElement>('.new-marker')!;
    await until(() => !marker.hidden, 'the marker');
    expect(marker.textContent).to.equal('2 new messages ↓');
    expect(list().scrollTop).to.equal(0, 'the agent stays where they were reading');

    marker.click();
    await until(atBottom, 'at the bottom');
    expect(marker.hidden).to.equal(true);
    await alex.say('Third');
    await until(() => lastRowText().includes('Third'), 'the third message');
    await until(atBottom, 'following again');
  });
});

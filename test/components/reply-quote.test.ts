import {expect, fixture, html} from '@open-wc/testing';
import type {AkeceMessageList} from '../../src/components/message-list/message-list.js';
import {en} from '../../src/i18n/en.js';
import {t} from '../../src/i18n/text.js';
import type {Message} from '../../src/state/model.js';
import {msg, visitor} from './fixtures.js';
import {define} from './host.js';
import type {TestHost} from './host.js';
import {richReady} from '../../src/components/message/load-rich.js';

define();

const q = (el: AkeceMessageList, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const bubble = (el: AkeceMessageList, key: string) => q(el, `[part~=message][data-key="${key}"]`);
const quote = (el: AkeceMessageList) => q(el, '[part=reply-quote]')!;

async function list(messages: readonly Message[], extra: Partial<AkeceMessageList> = {}) {
  const el = await fixture<AkeceMessageList>(html`<akece-message-list style="height:300px"></akece-message-list>`);
  Object.assign(el, {messages, ...extra});
  await el.updateComplete;
  return el;
}

/** Resolves on the next `akece-load-older-request` the list fires. */
const olderRequested = (el: AkeceMessageList) => new Promise<void>((resolve) => el.addEventListener('akece-load-older-request', () => resolve(), {once: true}));

/** Is the element's box inside the log's view? */
function inView(el: AkeceMessageList, target: HTMLElement) {
  const view = q(el, '[part=messages]')!.getBoundingClientRect();
  const box = target.getBoundingClientRect();
  return box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
}

/** The root's part: a page of older messages arrives after a request (`loadingOlder` on, then off). */
async function deliverOlder(el: AkeceMessageList, older: readonly Message[], hasOlder: boolean) {
  el.loadingOlder = true;
  await el.updateComplete;
  el.messages = [...older, ...el.messages];
  el.hasOlder = hasOlder;
  el.loadingOlder = false;
  await el.updateComplete;
}

describe('reply quotes in <akece-message-list>', () => {
  before(() => richReady());

  it('quotes the answered message and leads to it: scrolled into view and focused', async () => {
    const question = visitor({content: 'Where is my order #1042?\n\nIt was due **Monday**.'});
    const filler = Array.from({length: 60}, () => msg());
    const reply = msg({content: 'It left the warehouse today.', inReplyTo: question.id});
    const el = await list([question, ...filler, reply]);
    const button = quote(el);
    expect(button.tagName).to.equal('BUTTON');
    expect(button.closest('[part~=message]')!.getAttribute('data-key')).to.equal(reply.key);
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`${en.reply_to_you} Where is my order #1042? It was due Monday.`);
    expect(bubble(el, question.key)).to.equal(null); // far above: not in the DOM

    button.click();
    await el.updateComplete;
    const target = bubble(el, question.key)!;
    expect(target).to.not.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(target);
    expect(inView(el, target)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('names the agent and says when the quoted message was deleted', async () => {
    const answered = msg({deleted: true});
    const el = await list([answered, visitor({content: 'What did you say?', inReplyTo: answered.id})]);
    expect(quote(el).textContent).to.contain(t(en.reply_to, 'Priya Sharma')).and.contain(en.deleted);
  });

  it('loads older pages until it finds the quoted message', async () => {
    const question = visitor({content: 'Do you ship to Norway?'});
    const oldest = Array.from({length: 20}, () => msg());
    const older = Array.from({length: 20}, () => msg());
    const reply = msg({content: 'Yes, we do.', inReplyTo: question.id});
    const recent = Array.from({length: 20}, () => msg());
    const el = await list([reply, ...recent], {hasOlder: true});
    expect(quote(el).textContent).to.contain(en.reply_earlier);

    let asked = olderRequested(el);
    quote(el).click();
    await asked;
    asked = olderRequested(el);
    await deliverOlder(el, older, true); // not there yet: asks for the next page
    await asked;
    await deliverOlder(el, [...oldest, question], true);
    const target = bubble(el, question.key)!;
    expect(target).to.not.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(target);
    expect(inView(el, target)).to.equal(true);
    expect(quote(el).textContent).to.contain(en.reply_to_you).and.contain('Do you ship to Norway?');
  });

  it('says so when the quoted message is nowhere', async () => {
    const el = await list([msg({inReplyTo: 999999})], {hasOlder: false});
    quote(el).click();
    await el.updateComplete;
    expect(quote(el).textContent).to.contain(en.reply_missing);
    expect(q(el, '[role=status]')!.textContent).to.equal(en.reply_missing);
    await expect(el).to.be.accessible();
  });

  it('gives up when a page brings nothing (the request failed), and when the history ends', async () => {
    const el = await list([msg({inReplyTo: 888888})], {hasOlder: true});
    let asked = olderRequested(el);
    quote(el).click();
    await asked;
    await deliverOlder(el, [], true); // failed: nothing new
    expect(quote(el).textContent).to.contain(en.reply_missing);

    // Once more: the history's last page does not hold it.
    asked = olderRequested(el);
    quote(el).click();
    await asked;
    await deliverOlder(el, [msg()], false);
    expect(q(el, '[role=status]')!.textContent).to.equal(en.reply_missing);
  });

  it("is accessible in both themes, in the visitor's bubble and the agent's, right to left too", async () => {
    const agentSaid = msg({content: 'Which size do you need?'});
    const visitorSaid = visitor({content: 'Size 42, please', inReplyTo: agentSaid.id});
    const answer = msg({content: 'مقاس ٤٢ متوفر', inReplyTo: visitorSaid.id});
    for (const theme of ['light', 'dark'])
      for (const dir of ['ltr', 'rtl']) {
        const host = await fixture<TestHost>(
          html`<akece-test-host theme=${theme} dir=${dir} .tpl=${html`<akece-message-list style="height:400px" .messages=${[agentSaid, visitorSaid, answer]}></akece-message-list>`}></akece-test-host>`
        );
        const el = host.shadowRoot!.querySelector('akece-message-list')!;
        await el.updateComplete;
        expect(el.shadowRoot!.querySelectorAll('[part=reply-quote]')).to.have.length(2);
        await expect(host).to.be.accessible();
      }
  });
});

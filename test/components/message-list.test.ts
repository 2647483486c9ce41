import {expect, fixture, html, nextFrame} from '@open-wc/testing';
import sinon from 'sinon';
import type {AkeceMessageList} from '../../src/components/message-list/message-list.js';
import {en} from '../../src/i18n/en.js';
import {t} from '../../src/i18n/text.js';
import type {Attachment, CardItem, Message} from '../../src/state/model.js';
import {assertSafe, msg, once, visitor, who} from './fixtures.js';
import {define, inner} from './host.js';
import {rich, richReady} from '../../src/components/message/load-rich.js';
import {renderBody} from '../../src/components/message/message.js';
import {render} from 'lit';
import type {TestHost} from './host.js';

define();

const q = (el: AkeceMessageList, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const qa = (el: AkeceMessageList, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s)];
const log = (el: AkeceMessageList) => q(el, '[part=messages]')!;

async function list(messages: readonly Message[] = [], extra: Partial<AkeceMessageList> = {}) {
  const el = await fixture<AkeceMessageList>(html`<akece-message-list style="height:300px"></akece-message-list>`);
  Object.assign(el, {messages, ...extra});
  await el.updateComplete;
  return el;
}

// First in this file (a fresh page): nothing has requested the on-demand module yet.
describe('the rich-content module', () => {
  it('renders agent text plain until it has loaded, then as Markdown', async () => {
    expect(rich() === undefined).to.equal(true); // (this call starts the load)
    const div = document.createElement('div');
    const image = {kind: 'image', url: 'https://cdn.test/p.png', thumbUrl: '', fileName: 'photo.png', size: 2e3} as const;
    const m = msg({content: 'a **bold** claim', attachments: [image, {...image, url: 'javascript:alert(1)'}]});
    render(renderBody(m, en), div);
    expect(div.querySelector('strong')).to.equal(null);
    expect(div.textContent).to.contain('a **bold** claim');
    // Until then an attachment is a plain link (a safe URL only), not lost.
    expect([...div.querySelectorAll('a')].map((a) => [a.href, a.textContent])).to.deep.equal([['https://cdn.test/p.png', 'photo.png']]);
    expect(div.querySelector('img')).to.equal(null);
    await richReady();
    render(renderBody(m, en), div);
    expect(div.querySelector('strong')!.textContent).to.equal('bold');
    expect(div.querySelector('img')!.getAttribute('src')).to.equal('https://cdn.test/p.png');
  });
});

describe('<akece-message-list>', () => {
  afterEach(() => sinon.restore());
  // Every other test renders with the module loaded.
  before(() => richReady());

  it('renders defaults: an empty labelled log, no typing indicator, no load-older control', async () => {
    const el = await list();
    const l = log(el);
    expect(l.getAttribute('role')).to.equal('log');
    expect(l.getAttribute('aria-label')).to.equal(en.messages);
    // The root's own live region reads messages out (with the sender's name), not the log.
    expect(l.getAttribute('aria-live')).to.equal('off');
    expect(qa(el, '[part=message]')).to.have.length(0);
    expect(q(el, '[part=typing-indicator]')).to.be.null;
    expect(q(el, '.older')).to.be.null;
    expect(q(el, '.empty-note'), 'no invitation unless the conversation is new').to.be.null;
  });

  it('invites the first message of a new conversation in the middle of the log, until there is one', async () => {
    const el = await list([], {newConversation: true});
    const note = q(el, '.empty-note')!;
    expect(note.textContent!.trim()).to.equal(en.empty_conversation);
    const box = note.getBoundingClientRect();
    const frame = log(el).getBoundingClientRect();
    expect(Math.abs(box.top + box.height / 2 - (frame.top + frame.height / 2)), 'centred (but for the gap after the empty rows box)').to.be.at.most(4);
    await expect(el).to.be.accessible();
    el.typing = 'Priya'; // someone is writing: the indicator speaks instead
    await el.updateComplete;
    expect(q(el, '.empty-note')).to.be.null;
    el.typing = null;
    el.messages = [visitor({content: 'Hello'})];
    await el.updateComplete;
    expect(q(el, '.empty-note')).to.be.null;
  });

  it('renders one message part per message, oldest first, grouped by sender', async () => {
    const a = msg({content: 'one'});
    const b = msg({content: 'two'});
    const c = visitor({content: 'three'});
    const d = msg({sender: who(8, 'Bot', 'https://x.test/a.png'), content: 'four'});
    const el = await list([a, b, c, d]);
    expect(qa(el, '[part=message]').map((m) => m.textContent!.trim())).to.deep.equal(['one', 'two', 'three', 'four']);
    // one name-and-time head per group, before the group's first message
    const heads = qa(el, '.group-head');
    expect(heads).to.have.length(3);
    expect(heads.map((h) => (h.nextElementSibling as HTMLElement).dataset.key)).to.deep.equal([a.key, c.key, d.key]);
    expect(heads[0].textContent).to.contain('Priya Sharma');
    expect(heads[1].closest('.row')!.classList.contains('own')).to.be.true;
    expect(heads[1].textContent).to.contain(en.you);
    expect(heads[2].textContent).to.contain('Bot');
    expect(heads[0].textContent).to.contain(new Intl.DateTimeFormat(undefined, {timeStyle: 'short'}).format(a.createdAt));
  });

  it('starts a new group after a pause of five minutes', async () => {
    const a = msg();
    const el = await list([a, msg({createdAt: a.createdAt + 6 * 60e3})]);
    expect(qa(el, '.group-head')).to.have.length(2);
  });

  it('starts a new group when the sender type differs though the id is the same (a bot, then an agent)', async () => {
    const bot = msg({sender: {type: 'agent_bot', id: 3, name: 'Helper Bot', avatarUrl: ''}, content: 'I am a bot'});
    const agent = msg({sender: {type: 'user', id: 3, name: 'Sam', avatarUrl: ''}, content: 'I am Sam'});
    const el = await list([bot, agent]);
    const heads = qa(el, '.group-head');
    expect(heads).to.have.length(2);
    expect(heads[0].textContent).to.contain('Helper Bot');
    expect(heads[1].textContent).to.contain('Sam');
  });

  it('shows a day separator when the day changes, and never groups across it', async () => {
    const now = Date.now();
    const day = 86_400_000;
    const old = new Date(2023, 0, 15, 23, 58).getTime();
    const el = await list([
      msg({createdAt: old}),
      msg({createdAt: old + 3 * 60e3}), // past midnight, three minutes later: a new day and group
      msg({createdAt: now - day}),
      msg({createdAt: now}),
      msg({createdAt: now + 1000}),
    ]);
    const days = qa(el, '.day-separator').map((d) => d.textContent!.trim());
    const date = (time: number) => new Intl.DateTimeFormat(undefined, {weekday: 'long', day: 'numeric', month: 'long', year: 'numeric'}).format(time);
    expect(days).to.deep.equal([date(old), date(old + 3 * 60e3), 'Yesterday', 'Today']);
    expect(qa(el, '.group-head')).to.have.length(4);
  });

  it('shows pending, failed with a retry button, deleted and status notes', async () => {
    const failed = visitor({key: 'echo:9', id: null, status: 'failed', content: 'oops'});
    const el = await list([
      visitor({status: 'pending', content: 'wait'}),
      failed,
      msg({deleted: true, content: 'secret'}),
      msg({role: 'system', sender: null, body: {type: 'status', status: 'resolved'}, content: ''}),
      msg({role: 'system', sender: null, body: {type: 'status', status: 'open'}, content: ''}),
    ]);
    const parts = qa(el, '[part=message]');
    expect(parts).to.have.length(5);
    expect(parts[0].textContent).to.contain(en.sending);
    expect(parts[1].textContent).to.contain(en.failed);
    expect(parts[2].textContent!.trim()).to.equal(en.deleted);
    expect(parts[3].textContent!.trim()).to.equal(en.resolved);
    expect(parts[4].textContent!.trim()).to.equal(en.open);
    const ev = once(el, 'akece-retry-request');
    parts[1].querySelector('button')!.click();
    const e = await ev;
    expect(e.key).to.equal('echo:9');
    expect(e.bubbles && e.composed).to.be.true;
  });

  it('says when the files of an unsent message could not be kept in this browser', async () => {
    const el = await list([
      visitor({key: 'echo:1', id: null, status: 'pending', content: 'at risk', filesNotKept: 'at-risk'}),
      visitor({key: 'echo:2', id: null, status: 'failed', content: 'lost', filesNotKept: 'lost'}),
      visitor({key: 'echo:3', id: null, status: 'pending', content: 'kept'}),
    ]);
    const notes = qa(el, '[part=message]').map((part) => part.querySelector('.files-note')?.textContent ?? null);
    expect(notes).to.deep.equal([en.files_at_risk, en.files_lost, null]);
    await expect(el).to.be.accessible();
  });

  it('renders agent Markdown safely and visitor text as plain lines', async () => {
    const el = await list([
      msg({content: '**bold** [site](https://a.test) [x](javascript:alert(1)) <img src=x onerror=alert(1)>'}),
      visitor({content: '**not bold**\nline two'}),
    ]);
    const [a, v] = qa(el, '[part=message]');
    expect(a.querySelector('strong')!.textContent).to.equal('bold');
    const link = a.querySelector('a')!;
    expect(link.href).to.equal('https://a.test/');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(a.querySelectorAll('a')).to.have.length(1);
    expect(a.querySelector('img')).to.be.null;
    expect(v.querySelector('strong')).to.be.null;
    // plain text keeps its line breaks as text (white-space: pre-wrap), not as <br> elements
    expect(v.querySelectorAll('br')).to.have.length(0);
    expect(v.textContent).to.contain('**not bold**\nline two');
    expect(getComputedStyle(v.querySelector('.plain')!).whiteSpace).to.equal('pre-wrap');
    assertSafe(el.shadowRoot!);
  });

  it('renders attachments: image thumbnails, audio, video, files; never unsafe URLs', async () => {
    const at = (kind: Attachment['kind'], url: string, o = {}) => ({kind, url, thumbUrl: '', fileName: '', size: null, ...o}) as Attachment;
    const el = await list([
      msg({
        content: '',
        attachments: [
          at('image', 'https://x.test/full.png', {thumbUrl: 'https://x.test/t.png', fileName: 'cat.png'}),
          at('audio', 'https://x.test/a.mp3'),
          at('video', 'blob:https://x.test/123'),
          at('file', 'https://x.test/f.pdf', {fileName: 'invoice.pdf', size: 2_400_000}),
          at('image', 'javascript:alert(1)'),
          at('file', 'data:text/html,<script>alert(1)</script>'),
          at('location', 'https://maps.test/p', {size: 800}),
        ],
      }),
    ]);
    const img = q(el, '[part=message] img') as HTMLImageElement;
    expect(img.src).to.equal('https://x.test/t.png');
    expect(img.alt).to.equal('cat.png');
    expect(img.loading).to.equal('lazy');
    expect((img.parentElement as HTMLAnchorElement).href).to.equal('https://x.test/full.png');
    expect((img.parentElement as HTMLAnchorElement).target).to.equal('_blank');
    expect((q(el, 'audio') as HTMLAudioElement).controls).to.be.true;
    expect((q(el, 'video') as HTMLVideoElement).src).to.equal('blob:https://x.test/123');
    expect(qa(el, 'a.file').map((a) => a.textContent)).to.deep.equal(['invoice.pdf (2.4 MB)', `${en.file} (1 kB)`]);
    expect(qa(el, 'audio,video')).to.have.length(2);
    expect(qa(el, '[part=message] a')).to.have.length(3);
    assertSafe(el.shadowRoot!);
  });

  it('answers input_select with buttons, then shows the answer', async () => {
    const m = msg({key: 'q1', content: 'Pick one', body: {type: 'input_select', items: [{title: 'Sales', value: 's'}, {title: 'Help', value: 'h'}]}});
    const el = await list([m]);
    const [sales, help] = qa(el, '.options button');
    expect([sales, help].map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'false']);
    const ev = once(el, 'akece-answer-request');
    help.click();
    const e = await ev;
    expect(e.key).to.equal('q1');
    expect(e.answer).to.deep.equal({kind: 'select', values: [{title: 'Help', value: 'h'}]});
    el.messages = [{...m, answer: e.answer}];
    await el.updateComplete;
    const btns = qa(el, '.options button') as HTMLButtonElement[];
    expect(btns.every((b) => b.disabled)).to.be.true;
    expect(btns.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'true']);
  });

  it('answers input_email with a form, then thanks the visitor naming the address', async () => {
    const m = msg({key: 'q2', content: 'Your email?', body: {type: 'input_email'}});
    const el = await list([m]);
    const input = q(el, 'input[type=email]') as HTMLInputElement;
    input.value = ' ana@example.com ';
    const ev = once(el, 'akece-answer-request');
    (q(el, '.bot-form button') as HTMLButtonElement).click();
    const e = await ev;
    expect(e.answer).to.deep.equal({kind: 'email', email: 'ana@example.com'});
    el.messages = [{...m, answer: e.answer}];
    await el.updateComplete;
    expect(q(el, 'input[type=email]')).to.equal(null);
    const thanks = q(el, '.answer-summary')!;
    expect(thanks.getAttribute('role')).to.equal('status');
    expect(thanks.textContent!.trim()).to.equal(t(en.email_saved, {email: 'ana@example.com'}));
  });

  it('answers input_csat with one radio group of large choices and a comment, then shows what was sent', async () => {
    const m = msg({key: 'c', role: 'system', sender: null, content: 'Rate us', body: {type: 'input_csat', display: 'emoji'}});
    const el = await list([m], {inboxName: 'Acme Support'});
    // the inbox's name, not a "?" avatar
    expect(q(el, '.group-head')!.textContent).to.contain('Acme Support');
    expect(q(el, '.avatar')!.textContent).to.equal('A');
    const radios = qa(el, 'input[type=radio]') as HTMLInputElement[];
    expect(radios).to.have.length(5);
    expect(new Set(radios.map((r) => r.name)).size).to.equal(1);
    expect(q(el, 'fieldset')!.textContent).to.contain('😍');
    expect(q(el, 'legend')!.textContent).to.equal(en.rate);
    expect(radios.map((r) => r.getAttribute('aria-label'))).to.deep.equal(['1 of 5', '2 of 5', '3 of 5', '4 of 5', '5 of 5']);
    // every choice is a target of at least 44 × 44 px, and the radio covers it
    for (const choice of qa(el, '.rating-choice')) {
      const box = choice.getBoundingClientRect();
      expect(Math.min(box.width, box.height), 'target size').to.be.at.least(44);
      const radio = choice.querySelector('input')!.getBoundingClientRect();
      expect([radio.width, radio.height]).to.deep.equal([box.width - 2, box.height - 2]);
    }
    radios[3].click();
    expect(radios[3].checked).to.be.true;
    (q(el, 'textarea') as HTMLTextAreaElement).value = 'Great';
    const ev = once(el, 'akece-answer-request');
    (q(el, '.bot-form button') as HTMLButtonElement).click();
    const e = await ev;
    expect(e.answer).to.deep.equal({kind: 'csat', rating: 4, feedback: 'Great'});
    el.messages = [{...m, body: {type: 'input_csat', display: 'star'}, answer: {kind: 'csat', rating: 2, feedback: 'meh'}}];
    await el.updateComplete;
    expect(q(el, 'form')).to.equal(null);
    const sent = q(el, '.answer-summary')!;
    expect(sent.getAttribute('role')).to.equal('status');
    expect(sent.textContent).to.contain(en.csat_thanks);
    expect(sent.textContent).to.contain('“meh”');
    const rating = sent.querySelector('[role=img]')!;
    expect([rating.getAttribute('aria-label'), rating.textContent]).to.deep.equal(['2 of 5', '★★']);
  });

  it('shows stars for display "star", filled up to the chosen one', async () => {
    const rate = [msg({role: 'system', sender: null, content: 'Rate us', body: {type: 'input_csat', display: 'star'}})];
    const host = await fixture<TestHost>(html`<akece-test-host .tpl=${html`<akece-message-list style="height:300px" .messages=${rate}></akece-message-list>`}></akece-test-host>`);
    const el = inner<AkeceMessageList>(host, 'akece-message-list');
    await el.updateComplete;
    const choices = qa(el, '.rating-choice');
    expect(choices.map((c) => c.textContent!.trim()).join('')).to.equal('★★★★★');
    choices[2].querySelector('input')!.click();
    const colours = choices.map((c) => getComputedStyle(c).color);
    expect(colours[0]).to.equal(colours[2]);
    expect(colours[3]).to.equal(colours[4]);
    expect(colours[2]).not.to.equal(colours[3]);
  });

  it('renders cards and articles with safe links', async () => {
    const el = await list([
      msg({
        content: '',
        body: {
          type: 'cards',
          items: [
            {
              title: 'Shoes',
              description: 'Red',
              mediaUrl: 'https://x.test/s.png',
              actions: [
                {text: 'Buy', uri: 'https://shop.test/buy'},
                {text: 'Bad', uri: 'javascript:alert(1)'},
                {text: 'More', uri: ''},
              ] as CardItem['actions'],
            },
          ],
        },
      }),
      msg({content: '', body: {type: 'article', items: [{title: 'FAQ', description: 'Answers', link: 'https://docs.test/faq'}]}}),
    ]);
    const cards = qa(el, '.card');
    expect(cards).to.have.length(2);
    expect(cards[0].querySelector('img')!.getAttribute('src')).to.equal('https://x.test/s.png');
    expect(cards[0].querySelector('a')!.href).to.equal('https://shop.test/buy');
    const post = [...cards[0].querySelectorAll('button')].map((b) => b.textContent!.trim());
    expect(post).to.deep.equal(['Bad', 'More']);
    const ev = once(el, 'akece-send-request');
    cards[0].querySelectorAll('button')[1].click();
    expect((await ev).content).to.equal('More');
    expect(cards[1].querySelector('a')!.href).to.equal('https://docs.test/faq');
    assertSafe(el.shadowRoot!);
  });

  it('shows the typing indicator only while someone types', async () => {
    const el = await list([msg()], {typing: 'Priya'});
    expect(q(el, '[part=typing-indicator]')!.textContent).to.contain('Priya is typing…');
    el.typing = '';
    await el.updateComplete;
    expect(q(el, '[part=typing-indicator]')!.textContent).to.contain(`${en.agent} is typing…`);
    el.typing = null;
    await el.updateComplete;
    expect(q(el, '[part=typing-indicator]')).to.be.null;
  });

  it('asks for older messages with the button and when scrolled to the top', async () => {
    const ms = Array.from({length: 40}, () => msg());
    const el = await list(ms, {hasOlder: true});
    const btn = q(el, '.older') as HTMLButtonElement;
    expect(btn.textContent!.trim()).to.equal(en.older);
    let ev = once(el, 'akece-load-older-request');
    btn.click();
    expect((await ev).bubbles).to.be.true;
    el.loadingOlder = true;
    await el.updateComplete;
    expect(btn.textContent!.trim()).to.equal(en.loading);
    el.loadingOlder = false;
    await el.updateComplete;
    ev = once(el, 'akece-load-older-request');
    log(el).scrollTop = 0;
    await ev;
  });

  it('sticks to the bottom when new messages arrive there', async () => {
    const ms = Array.from({length: 30}, () => msg());
    const el = await list(ms);
    const l = log(el);
    expect(l.scrollHeight).to.be.greaterThan(l.clientHeight);
    expect(l.scrollTop + l.clientHeight).to.be.closeTo(l.scrollHeight, 2);
    el.messages = [...ms, msg({role: 'agent', sender: who(9, 'Max')})];
    await el.updateComplete;
    expect(l.scrollTop + l.clientHeight).to.be.closeTo(l.scrollHeight, 2);
  });

  /** Sets scrollTop and waits for the list to have handled the scroll event. */
  const scrollTo = async (el: AkeceMessageList, top: number) => {
    const l = log(el);
    const scrolled = new Promise((r) => l.addEventListener('scroll', r, {once: true}));
    const from = l.scrollTop;
    l.scrollTop = top;
    // (no scroll event when the position stays where it was)
    if (l.scrollTop != from) await scrolled;
  };
  /** Where the message with `key` is, relative to the log's top edge (null when not in the DOM). */
  const place = (el: AkeceMessageList, key: string) => {
    const part = q(el, `[data-key="${key}"]`);
    return part ? part.getBoundingClientRect().top - log(el).getBoundingClientRect().top : null;
  };

  it('keeps the view steady when older messages are prepended or new ones arrive while reading', async () => {
    const ms = Array.from({length: 30}, () => msg());
    const el = await list(ms, {hasOlder: true});
    await scrollTo(el, 200);
    const key = qa(el, '[part=message]').find((m) => (place(el, m.dataset.key!) ?? -1) > 0)!.dataset.key!;
    const before = place(el, key)!;
    const older = Array.from({length: 20}, () => msg({createdAt: 0}));
    el.messages = [...older, ...ms, msg()];
    await el.updateComplete;
    expect(place(el, key)).to.be.closeTo(before, 1);
    expect(log(el).getAttribute('aria-live')).to.equal('off');
  });

  it('keeps the view steady when rows above it change height (an image loads, a message is edited)', async () => {
    const ms = Array.from({length: 40}, () => msg());
    const el = await list(ms);
    await scrollTo(el, log(el).scrollHeight / 2);
    const rendered = qa(el, '[part=message]');
    const key = rendered.find((m) => (place(el, m.dataset.key!) ?? -1) > 0)!.dataset.key!;
    const before = place(el, key)!;
    const above = rendered.find((m) => place(el, m.dataset.key!)! < -10)!;
    const index = ms.findIndex((m) => m.key == above.dataset.key);
    el.messages = ms.map((m, i) => (i == index ? {...m, content: 'a much longer text\n'.repeat(8)} : m));
    await el.updateComplete;
    await nextFrame(); // (the row's resize is observed before the next paint)
    expect(place(el, key)).to.be.closeTo(before, 1);
  });

  it('renders a window: 10,000 messages keep a few dozen rows in the DOM, in both directions', async () => {
    const ms = Array.from({length: 10_000}, (_, i) => msg({createdAt: Date.UTC(2024, 0, 1) + i * 1000, content: i % 7 ? `Message ${i}` : `Message ${i}\nwith a second line`}));
    const t0 = performance.now();
    const el = await list(ms);
    expect(performance.now() - t0).to.be.below(2000);
    const rows = () => qa(el, '[part=message]');
    expect(rows().length).to.be.within(5, 100);
    expect(rows().at(-1)!.dataset.key).to.equal(ms.at(-1)!.key);
    const l = log(el);
    expect(l.scrollTop + l.clientHeight).to.be.closeTo(l.scrollHeight, 2);
    // scroll all the way up, several screens at a time: each stop renders the rows that belong there
    let frames = 0;
    while (l.scrollTop > 0 && frames++ < 5000) {
      await scrollTo(el, Math.max(0, l.scrollTop - 2500));
      expect(rows().length).to.be.below(100);
    }
    expect(rows()[0].dataset.key).to.equal(ms[0].key);
    expect(el.shadowRoot!.querySelectorAll('*').length).to.be.below(1000);
    // and down again to the bottom
    await scrollTo(el, l.scrollHeight);
    await scrollTo(el, l.scrollHeight);
    expect(rows().at(-1)!.dataset.key).to.equal(ms.at(-1)!.key);
    // at the bottom, a new message keeps the view pinned there
    el.messages = [...ms, msg({content: 'the newest'})];
    await el.updateComplete;
    expect(rows().at(-1)!.textContent).to.contain('the newest');
    expect(l.scrollTop + l.clientHeight).to.be.closeTo(l.scrollHeight, 2);
  });

  it('keeps a focused control focused when its row scrolls far out of view', async () => {
    const ms = Array.from({length: 2000}, () => msg());
    ms[1990] = visitor({key: 'failed', id: null, status: 'failed', content: 'not sent'});
    const el = await list(ms);
    const retry = q(el, '[data-key=failed] button')!;
    retry.focus();
    expect(el.shadowRoot!.activeElement).to.equal(retry);
    await scrollTo(el, 0);
    await scrollTo(el, 0);
    expect(qa(el, '[part=message]')[0].dataset.key).to.equal(ms[0].key);
    expect(retry.isConnected).to.be.true;
    expect(el.shadowRoot!.activeElement).to.equal(retry);
    expect(qa(el, '[part=message]').length).to.be.below(100);
  });

  it('a new message while the visitor reads older ones does not move the view; the visitor\'s own brings it down', async () => {
    const ms = Array.from({length: 60}, () => msg());
    const el = await list(ms);
    await scrollTo(el, 100);
    const key = qa(el, '[part=message]').find((m) => (place(el, m.dataset.key!) ?? -1) > 0)!.dataset.key!;
    const before = place(el, key)!;
    el.messages = [...ms, msg()];
    await el.updateComplete;
    expect(place(el, key)).to.be.closeTo(before, 1);
    el.messages = [...el.messages, visitor({content: 'mine'})];
    await el.updateComplete;
    const l = log(el);
    expect(l.scrollTop + l.clientHeight).to.be.closeTo(l.scrollHeight, 2);
  });

  it('never moves focus', async () => {
    const outside = await fixture<HTMLButtonElement>(html`<button>page</button>`);
    outside.focus();
    const el = await list([msg(), msg({body: {type: 'input_email'}})]);
    el.messages = [...el.messages, msg()];
    await el.updateComplete;
    expect(document.activeElement).to.equal(outside);
  });

  it('survives remove and re-append, and leaves no timer behind', async () => {
    const clock = sinon.useFakeTimers({toFake: ['setTimeout', 'setInterval', 'requestAnimationFrame']});
    const el = await list([msg(), visitor()], {typing: 'Priya'});
    const parent = el.parentElement!;
    el.remove();
    expect(clock.countTimers()).to.equal(0);
    parent.append(el);
    el.messages = [...el.messages, msg()];
    await el.updateComplete;
    expect(qa(el, '[part=message]')).to.have.length(3);
    expect(q(el, '[part=typing-indicator]')).to.exist;
    clock.restore();
    await nextFrame();
  });

  it('is accessible in both themes, with every kind of message', async () => {
    const all = [
      msg({content: 'Hello **there**, see [docs](https://d.test)\n\n- one\n- two'}),
      visitor({content: 'Hi', status: 'failed'}),
      msg({content: 'Pick', body: {type: 'input_select', items: [{title: 'A', value: 'a'}]}}),
      msg({content: 'Email?', body: {type: 'input_email'}}),
      msg({role: 'system', sender: null, content: 'Rate', body: {type: 'input_csat', display: 'star'}}),
      msg({role: 'system', sender: null, content: '', body: {type: 'status', status: 'resolved'}}),
    ];
    const el = await list(all, {hasOlder: true, typing: 'Priya'});
    await expect(el).to.be.accessible();
    for (const theme of ['light', 'dark']) {
      const host = await fixture<TestHost>(
        html`<akece-test-host theme=${theme} .tpl=${html`<akece-message-list style="height:400px" .messages=${all} .typing=${'Priya'}></akece-message-list>`}></akece-test-host>`
      );
      await inner<AkeceMessageList>(host, 'akece-message-list').updateComplete;
      await expect(host).to.be.accessible();
    }
  });
});

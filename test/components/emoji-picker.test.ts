import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {AkeceComposer} from '../../src/components/composer/composer.js';
import type {AkeceEmojiPicker} from '../../src/components/emoji/emoji-picker.js';
import {EMOJI, searchEmoji} from '../../src/components/emoji/emoji-data.js';
import {en} from '../../src/i18n/en.js';
import {define} from './host.js';
import type {TestHost} from './host.js';

define();

/** Polls `check` until it returns a truthy value (the picker's chunk loads asynchronously). */
async function until<T>(check: () => T, what: string, ms = 5000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const RECENT_KEY = 'akece-chat:recent-emoji';
const field = (el: AkeceComposer) => el.shadowRoot!.querySelector('textarea')!;
const button = (el: AkeceComposer) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part=emoji-button]')!;
const picker = (el: AkeceComposer) => el.shadowRoot!.querySelector<AkeceEmojiPicker>('akece-emoji-picker');
const search = (p: AkeceEmojiPicker) => p.shadowRoot!.querySelector('input')!;
const activeId = (p: AkeceEmojiPicker) => search(p).getAttribute('aria-activedescendant');
const activeEmoji = (p: AkeceEmojiPicker) => p.shadowRoot!.getElementById(activeId(p)!)!.textContent;

/** Presses the emoji button and waits for the picker to hold focus. */
async function openPicker(el: AkeceComposer) {
  button(el).click();
  const p = await until(() => picker(el), 'the picker');
  await until(() => p.shadowRoot?.activeElement === search(p), 'focus in the search field');
  return p;
}

/** Field with `text` and the caret at `caret`, as the visitor left it. */
function typed(el: AkeceComposer, text: string, caret: number) {
  const area = field(el);
  area.value = text;
  area.focus();
  area.setSelectionRange(caret, caret);
}

describe('emoji picker (in <akece-composer>)', () => {
  let el: AkeceComposer;
  beforeEach(async () => {
    localStorage.removeItem(RECENT_KEY);
    sessionStorage.removeItem(RECENT_KEY);
    el = await fixture<AkeceComposer>(html`<akece-composer></akece-composer>`);
  });
  afterEach(() => {
    localStorage.removeItem(RECENT_KEY);
    sessionStorage.removeItem(RECENT_KEY);
  });

  it('has a labelled emoji button that loads the picker only when pressed', async () => {
    expect(button(el).getAttribute('aria-label')).to.equal(en.emoji_open);
    expect(button(el).getAttribute('aria-expanded')).to.equal('false');
    expect(picker(el)).to.equal(null);
    const p = await openPicker(el);
    expect(button(el).getAttribute('aria-expanded')).to.equal('true');
    expect(search(p).getAttribute('aria-label')).to.equal(en.emoji_search);
    expect(p.shadowRoot!.querySelectorAll('[role=gridcell]').length).to.equal(EMOJI.length);
  });

  it('inserts the emoji found by name at the caret with the keyboard, and returns to the field', async () => {
    typed(el, 'Thanks a lot', 7); // caret after "Thanks "
    // Tab from the field to the emoji button, Enter opens the picker.
    await sendKeys({press: 'Tab'});
    expect(el.shadowRoot!.activeElement).to.equal(button(el));
    await sendKeys({press: 'Enter'});
    const p = await until(() => picker(el), 'the picker');
    await until(() => p.shadowRoot?.activeElement === search(p), 'focus in the search field');
    await sendKeys({type: 'thumbs up'});
    await sendKeys({press: 'Enter'});
    await until(() => !picker(el), 'the picker closed');
    expect(field(el).value).to.equal('Thanks 👍a lot');
    expect(el.shadowRoot!.activeElement).to.equal(field(el));
    expect(field(el).selectionStart).to.equal('Thanks 👍'.length);
  });

  it('moves through the grid with the arrows (aria-activedescendant) and inserts the active emoji', async () => {
    typed(el, 'ab', 1);
    const p = await openPicker(el);
    expect(activeId(p)).to.equal(null);
    await sendKeys({press: 'ArrowDown'}); // into the grid: the first cell
    expect(activeEmoji(p)).to.equal(EMOJI[0].emoji);
    await sendKeys({press: 'ArrowRight'});
    expect(activeEmoji(p)).to.equal(EMOJI[1].emoji);
    await sendKeys({press: 'ArrowDown'}); // the same column, one row down
    expect(activeEmoji(p)).to.equal(EMOJI[9].emoji);
    await sendKeys({press: 'ArrowLeft'});
    expect(activeEmoji(p)).to.equal(EMOJI[8].emoji);
    await sendKeys({press: 'End'});
    expect(activeEmoji(p)).to.equal(EMOJI[15].emoji);
    await sendKeys({press: 'Home'});
    expect(activeEmoji(p)).to.equal(EMOJI[8].emoji);
    const cell = p.shadowRoot!.getElementById(activeId(p)!)!;
    expect(cell.getAttribute('role')).to.equal('gridcell');
    expect(cell.closest('[role=row]')!.closest('[role=grid]')!.id).to.equal(search(p).getAttribute('aria-controls'));
    await sendKeys({press: 'ArrowUp'});
    await sendKeys({press: 'ArrowUp'}); // above the first row: back to the text
    expect(activeId(p)).to.equal(null);
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'ArrowRight'});
    await sendKeys({press: 'ArrowRight'});
    await sendKeys({press: 'Enter'});
    await until(() => !picker(el), 'the picker closed');
    expect(field(el).value).to.equal('a' + EMOJI[2].emoji + 'b');
  });

  it('reverses the side arrows right to left', async () => {
    const rtl = await fixture<HTMLDivElement>(html`<div dir="rtl"><akece-composer></akece-composer></div>`);
    const composer = rtl.querySelector('akece-composer')!;
    await composer.updateComplete;
    const p = await openPicker(composer);
    expect(getComputedStyle(p).direction).to.equal('rtl');
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'ArrowLeft'}); // forward, right to left
    expect(activeEmoji(p)).to.equal(EMOJI[1].emoji);
    await sendKeys({press: 'ArrowRight'});
    expect(activeEmoji(p)).to.equal(EMOJI[0].emoji);
    // The first cell sits at the right edge.
    const cells = p.shadowRoot!.querySelectorAll('[role=gridcell]');
    expect(cells[0].getBoundingClientRect().left).to.be.greaterThan(cells[1].getBoundingClientRect().left);
  });

  it('leaves with Escape for the text field, without the Escape reaching the panel', async () => {
    typed(el, 'hello', 2);
    let escapes = 0;
    const count = (event: KeyboardEvent) => event.key == 'Escape' && escapes++;
    document.addEventListener('keydown', count);
    try {
      await openPicker(el);
      await sendKeys({press: 'Escape'});
      await until(() => !picker(el), 'the picker closed');
      expect(escapes).to.equal(0);
      expect(el.shadowRoot!.activeElement).to.equal(field(el));
      expect(field(el).selectionStart).to.equal(2);
      expect(field(el).value).to.equal('hello');
    } finally {
      document.removeEventListener('keydown', count);
    }
  });

  it('says when nothing matches, and Enter then inserts nothing', async () => {
    const p = await openPicker(el);
    await sendKeys({type: 'zzzqqq'});
    await p.updateComplete;
    expect(p.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal(en.emoji_none);
    expect(p.shadowRoot!.querySelector<HTMLElement>('[role=grid]')!.hidden).to.equal(true);
    await sendKeys({press: 'Enter'});
    expect(field(el).value).to.equal('');
    expect(picker(el)).to.not.equal(null);
  });

  it('inserts a clicked emoji, keeping the caret', async () => {
    typed(el, 'xy', 1);
    const p = await openPicker(el);
    const cell = [...p.shadowRoot!.querySelectorAll<HTMLElement>('[role=gridcell]')].find((c) => c.textContent == '🎉')!;
    cell.click();
    await until(() => !picker(el), 'the picker closed');
    expect(field(el).value).to.equal('x🎉y');
  });

  it('closes when focus leaves it for the page', async () => {
    const outside = document.createElement('button');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    try {
      await openPicker(el);
      outside.focus();
      await until(() => !picker(el), 'the picker closed');
      expect(button(el).getAttribute('aria-expanded')).to.equal('false');
    } finally {
      outside.remove();
    }
  });

  it('remembers recent emoji in the chosen storage, first in the picker', async () => {
    await openPicker(el);
    await sendKeys({type: 'rocket'});
    await sendKeys({press: 'Enter'});
    await until(() => !picker(el), 'the picker closed');
    expect(JSON.parse(localStorage.getItem(RECENT_KEY)!)).to.deep.equal(['🚀']);
    const p = await openPicker(el);
    const recent = p.shadowRoot!.querySelector('[role=rowgroup]')!;
    expect(recent.getAttribute('aria-label')).to.equal(en.emoji_recent);
    expect(recent.querySelector('[role=gridcell]')!.textContent).to.equal('🚀');
    await sendKeys({press: 'ArrowDown'});
    expect(activeEmoji(p)).to.equal('🚀');

    el.storage = 'session';
    await el.updateComplete;
    await sendKeys({press: 'Escape'});
    await openPicker(el);
    await sendKeys({type: 'pizza'});
    await sendKeys({press: 'Enter'});
    await until(() => !picker(el), 'the picker closed');
    expect(JSON.parse(sessionStorage.getItem(RECENT_KEY)!)).to.deep.equal(['🍕']);
    expect(JSON.parse(localStorage.getItem(RECENT_KEY)!)).to.deep.equal(['🚀']);
  });

  it('writes nothing with storage "none", yet remembers for the page', async () => {
    el.storage = 'none';
    await el.updateComplete;
    await openPicker(el);
    await sendKeys({type: 'coffee'});
    await sendKeys({press: 'Enter'});
    await until(() => !picker(el), 'the picker closed');
    expect(localStorage.getItem(RECENT_KEY)).to.equal(null);
    expect(sessionStorage.getItem(RECENT_KEY)).to.equal(null);
    const p = await openPicker(el);
    expect(p.shadowRoot!.querySelector('[role=rowgroup] [role=gridcell]')!.textContent).to.equal('☕');
  });

  it('ignores a stored list that is not a list of emoji', async () => {
    localStorage.setItem(RECENT_KEY, '{"not": "a list"');
    let p = await openPicker(el);
    expect(p.shadowRoot!.querySelector('[role=rowgroup]')!.getAttribute('aria-label')).to.equal(en.emoji_smileys);
    await sendKeys({press: 'Escape'});
    localStorage.setItem(RECENT_KEY, JSON.stringify(['😀', 42, 'x'.repeat(100)]));
    p = await openPicker(el);
    expect(p.shadowRoot!.querySelectorAll('[role=rowgroup]')[0].querySelectorAll('[role=gridcell]').length).to.equal(1);
  });

  it('is accessible in both themes, with a cell active', async () => {
    for (const theme of ['light', 'dark']) {
      const host = await fixture<TestHost>(html`<akece-test-host theme=${theme} .tpl=${html`<akece-composer></akece-composer>`}></akece-test-host>`);
      const composer = host.shadowRoot!.querySelector('akece-composer')!;
      await composer.updateComplete;
      const p = await openPicker(composer);
      await sendKeys({press: 'ArrowDown'});
      await p.updateComplete;
      await expect(host).to.be.accessible();
      await sendKeys({type: 'heart'});
      await p.updateComplete;
      await expect(host).to.be.accessible();
    }
  });
});

describe('emoji search', () => {
  it('matches the start of each word of names and keywords', () => {
    expect(searchEmoji('thumbs up').map((entry) => entry.emoji)).to.include('👍');
    expect(searchEmoji('thu up').map((entry) => entry.emoji)).to.include('👍');
    expect(searchEmoji('HEART').length).to.be.greaterThan(10);
    expect(searchEmoji('')).to.equal(EMOJI);
    expect(searchEmoji('no such emoji anywhere')).to.deep.equal([]);
  });

  it('holds a few hundred distinct emoji, each with a name', () => {
    expect(EMOJI.length).to.be.within(300, 700);
    expect(new Set(EMOJI.map((entry) => entry.emoji)).size).to.equal(EMOJI.length);
    for (const entry of EMOJI) expect(entry.words, entry.emoji).to.match(/^[a-z0-9]/);
  });
});

import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import sinon from 'sinon';
import type {AkeceComposer} from '../../src/components/composer/composer.js';
import {en} from '../../src/i18n/en.js';
import de from '../../src/i18n/locales/de.js';
import {accepts} from '../../src/components/attachments/attachment-rules.js';
import {once} from './fixtures.js';
import {define, inner} from './host.js';
import type {TestHost} from './host.js';
import {until} from '../chat/kit.js';

define();

// The composer's attachment tray (on demand, with the first file) and voice recorder (on demand,
// with the first press of its button): previews, limits and their reasons, the drop zone, the
// upload's progress; recording, its timer, discarding; keyboard and axe in both themes.

/** The composer inside a themed stand-in root, as the widget renders it. */
async function composerIn(theme = 'light') {
  const host = await fixture<TestHost>(html`<akece-test-host theme=${theme} .tpl=${html`<section class="panel inline"><akece-composer></akece-composer></section>`}></akece-test-host>`);
  const el = inner<HTMLElement>(host, 'section').querySelector<AkeceComposer>('akece-composer')!;
  await el.updateComplete;
  return {host, el};
}

const all = (el: AkeceComposer, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const previews = (el: AkeceComposer) => all(el, '[part=attachment-preview]');
const notes = (el: AkeceComposer) => el.shadowRoot!.querySelector('.tray-notes')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const image = () => new File([new Uint8Array([137, 80, 78, 71])], 'photo.png', {type: 'image/png'});
const pdf = (name = 'invoice.pdf', bytes = 2048) => new File([new Uint8Array(bytes)], name, {type: 'application/pdf'});

/** The deepest focused element. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('attachments in the composer', () => {
  afterEach(() => sinon.restore());

  it('shows a thumbnail for an image and the name and size of other files, each with a remove button', async () => {
    const {el} = await composerIn();
    await el.addFiles([image(), pdf()]);
    await el.updateComplete;
    const [photo, invoice] = previews(el);
    expect(photo.querySelector('img')!.src).to.match(/^blob:/);
    expect(photo.querySelector('img')!.alt).to.equal('');
    expect(invoice.querySelector('img')).to.equal(null);
    expect(invoice.querySelector('.file-name')!.textContent).to.equal('invoice.pdf');
    expect(invoice.querySelector('.file-size')!.textContent).to.equal('2 kB');
    expect(invoice.querySelector('button')!.getAttribute('aria-label')).to.equal('Remove invoice.pdf');
    expect(el.shadowRoot!.querySelector('ul.previews')!.getAttribute('aria-label')).to.equal('2 files');
  });

  it('takes pasted files (and leaves their text out of the field)', async () => {
    const {el} = await composerIn();
    const field = el.shadowRoot!.querySelector('textarea')!;
    const clipboardData = new DataTransfer();
    clipboardData.items.add(image());
    const kept = field.dispatchEvent(new ClipboardEvent('paste', {clipboardData, bubbles: true, cancelable: true, composed: true}));
    expect(kept).to.equal(false);
    await until(() => previews(el).length == 1, 'the preview');
  });

  it('refuses files over the size, of a type not accepted, and beyond 15, each with its reason in the UI language', async () => {
    const {el} = await composerIn();
    el.maxAttachmentSize = 1024 * 1024;
    el.accept = 'image/*, .PDF';
    await el.addFiles([pdf('big.pdf', 2 * 1024 * 1024), new File(['x'], 'notes.txt', {type: 'text/plain'}), pdf()]);
    await el.updateComplete;
    expect(previews(el)).to.have.length(1);
    expect(notes(el)).to.contain('big.pdf is larger than 1 MB');
    expect(notes(el)).to.contain('notes.txt can’t be sent: this type of file isn’t accepted');
    el.strings = de;
    el.accept = '';
    await el.addFiles(Array.from({length: 15}, (_, index) => pdf(`page-${index}.pdf`, 10)));
    await el.updateComplete;
    expect(previews(el)).to.have.length(15);
    expect(notes(el)).to.equal(de.files_max.other.replace('{count}', '15'));
  });

  it('matches accept lists as a file input does', () => {
    const file = (name: string, type: string) => new File([], name, {type});
    expect(accepts('', file('a.exe', ''))).to.be.true;
    expect(accepts('image/*', file('a.png', 'image/png'))).to.be.true;
    expect(accepts('image/*', file('a.pdf', 'application/pdf'))).to.be.false;
    expect(accepts('.pdf,audio/webm', file('A.PDF', ''))).to.be.true;
    expect(accepts('audio/webm', file('note.webm', 'audio/webm;codecs=opus'))).to.be.true;
  });

  it('removes a file by keyboard and moves focus to the next remove button, then to the text field', async () => {
    const {el} = await composerIn();
    await el.addFiles([pdf('one.pdf'), pdf('two.pdf')]);
    await el.updateComplete;
    previews(el)[0].querySelector('button')!.focus();
    await sendKeys({press: 'Enter'});
    await until(() => previews(el).length == 1, 'the removal');
    expect(deepActive()!.getAttribute('aria-label')).to.equal('Remove two.pdf');
    await sendKeys({press: 'Space'});
    await until(() => previews(el).length == 0, 'the second removal');
    expect(deepActive()).to.equal(el.shadowRoot!.querySelector('textarea'));
  });

  it('shows a drop zone while files are dragged over the panel and takes the dropped ones', async () => {
    const {host, el} = await composerIn();
    const panel = inner<HTMLElement>(host, 'section');
    const box = panel.getBoundingClientRect();
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(pdf());
    const drag = (type: string, x = box.left + 10, y = box.top + 10) => {
      const event = new DragEvent(type, {dataTransfer, bubbles: true, cancelable: true, clientX: x, clientY: y});
      el.handleDrag(event, panel);
      return event;
    };
    expect(drag('dragenter').defaultPrevented).to.be.true;
    await until(() => el.shadowRoot!.querySelector('.drop-zone'), 'the drop zone');
    expect(el.shadowRoot!.querySelector('.drop-zone')!.textContent).to.contain(en.drop_files);
    // It covers the panel.
    const zone = el.shadowRoot!.querySelector('.drop-zone')!.getBoundingClientRect();
    expect([zone.width, zone.height]).to.deep.equal([box.width, box.height]);
    drag('dragleave', box.left + 5, box.top + 5); // into a child: still over the panel
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.drop-zone')).to.exist;
    drag('dragleave', box.right + 20, box.top + 5);
    await until(() => !el.shadowRoot!.querySelector('.drop-zone'), 'the zone gone');
    drag('dragenter');
    drag('drop');
    await until(() => previews(el).length == 1 && !el.shadowRoot!.querySelector('.drop-zone'), 'the dropped file');
    // A drag of text is left to the page.
    const text = new DataTransfer();
    text.setData('text/plain', 'hello');
    const event = new DragEvent('dragover', {dataTransfer: text, bubbles: true, cancelable: true});
    el.handleDrag(event, panel);
    expect(event.defaultPrevented).to.be.false;
  });

  it('shows the upload’s progress as a progressbar, and a failed upload', async () => {
    const {el} = await composerIn();
    await el.addFiles([pdf()]);
    const sent = once(el, 'akece-send-request');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=send-button]')!.click();
    const {upload, files} = await sent;
    expect(files).to.have.length(1);
    await el.updateComplete;
    expect(previews(el)).to.have.length(0);
    upload!.progress(512, 2048);
    await el.updateComplete;
    const bar = el.shadowRoot!.querySelector('[part=upload-progress]')!;
    expect(bar.getAttribute('role')).to.equal('progressbar');
    expect(bar.getAttribute('aria-valuenow')).to.equal('25');
    expect(bar.getAttribute('aria-label')).to.equal('Uploading… 25%');
    upload!.finished(false);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=upload-progress]')).to.equal(null);
    expect(notes(el)).to.equal(en.upload_failed);
    upload!.progress(2048, 2048); // the retry
    upload!.finished(true);
    await el.updateComplete;
    expect(notes(el)).to.equal('');
  });

  it('is accessible with previews, refusals and progress, in both themes', async () => {
    for (const theme of ['light', 'dark']) {
      const {host, el} = await composerIn(theme);
      await el.addFiles([pdf()]);
      const sent = once(el, 'akece-send-request');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part=send-button]')!.click();
      (await sent).upload!.progress(1, 2);
      el.maxAttachmentSize = 10;
      await el.addFiles([image(), pdf('big.pdf', 100), new File(['x'], 'note.webm', {type: 'audio/webm'})]);
      await el.updateComplete;
      await expect(host).to.be.accessible();
    }
  });
});

describe('voice notes in the composer (Chromium’s fake microphone)', () => {
  afterEach(() => sinon.restore());

  const recordButton = (el: AkeceComposer) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part=record-button]')!;

  it('records by keyboard: pressed while recording, a timer, and the stopped note waits with a player', async () => {
    const {host, el} = await composerIn();
    const button = recordButton(el);
    expect(button.getAttribute('aria-label')).to.equal(en.record);
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    button.focus();
    await sendKeys({press: 'Enter'});
    await until(() => el.shadowRoot!.querySelector('[part=record-timer]'), 'the timer');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    const timer = el.shadowRoot!.querySelector('[part=record-timer]')!;
    expect(timer.textContent).to.equal('0:00');
    expect(timer.getAttribute('aria-label')).to.equal('Recording 0:00');
    await expect(host).to.be.accessible();
    await until(() => el.shadowRoot!.querySelector('[part=record-timer]')?.textContent == '0:01', 'a second', 3000);
    await sendKeys({press: 'Enter'}); // focus stayed on the button
    await until(() => previews(el).length == 1, 'the note');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(el.shadowRoot!.querySelector('[part=record-timer]')).to.equal(null);
    const player = previews(el)[0].querySelector('audio')!;
    expect(player.controls).to.be.true;
    expect(player.getAttribute('aria-label')).to.equal(en.voice_message);
    await expect(host).to.be.accessible();
    const sent = once(el, 'akece-send-request');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=send-button]')!.click();
    const [note] = (await sent).files;
    expect(note.type).to.match(/^audio\//);
    expect(note.name).to.match(/^voice-message-\d{8}\d{6}\.webm$/);
    expect(note.size).to.be.above(0);
  });

  it('discards a recording with record-cancel, and focus returns to the record button', async () => {
    const {el} = await composerIn('dark');
    recordButton(el).click();
    await until(() => el.shadowRoot!.querySelector('[part=record-cancel]'), 'the discard button');
    const cancel = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=record-cancel]')!;
    expect(cancel.getAttribute('aria-label')).to.equal(en.record_cancel);
    cancel.focus();
    await sendKeys({press: 'Enter'});
    await until(() => recordButton(el).getAttribute('aria-pressed') == 'false', 'stopped');
    expect(previews(el)).to.have.length(0);
    await until(() => deepActive() == recordButton(el), 'focus on the record button');
  });

  it('stops recording and its timer when the composer leaves the page, and keeps waiting files', async () => {
    const {el} = await composerIn();
    await el.addFiles([pdf()]);
    recordButton(el).click();
    await until(() => el.shadowRoot!.querySelector('[part=record-timer]'), 'recording');
    const clearInterval = sinon.spy(window, 'clearInterval');
    const parent = el.parentElement!;
    el.remove();
    expect(clearInterval.calledOnce).to.be.true;
    parent.append(el);
    await el.updateComplete;
    expect(recordButton(el).getAttribute('aria-pressed')).to.equal('false');
    expect(el.shadowRoot!.querySelector('[part=record-timer]')).to.equal(null);
    expect(previews(el)).to.have.length(1);
  });

  it('offers no record button when the page accepts no audio', async () => {
    const {el} = await composerIn();
    el.accept = 'image/*,.pdf';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=record-button]')).to.equal(null);
    el.accept = 'image/*,audio/*';
    await el.updateComplete;
    expect(recordButton(el)).to.exist;
  });

  it('says so when the microphone is refused', async () => {
    const {el} = await composerIn();
    sinon.stub(navigator.mediaDevices, 'getUserMedia').rejects(new DOMException('denied', 'NotAllowedError'));
    recordButton(el).click();
    await until(() => el.shadowRoot!.querySelector('.record-note'), 'the note');
    expect(el.shadowRoot!.querySelector('.record-note')!.textContent).to.equal(en.mic_denied);
    expect(el.shadowRoot!.querySelector('.record-note')!.getAttribute('role')).to.equal('alert');
    expect(recordButton(el).getAttribute('aria-pressed')).to.equal('false');
  });
});

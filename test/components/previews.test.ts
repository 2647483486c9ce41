import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import {renderLauncher} from '../../src/components/launcher/launcher.js';
import {AkecePreviews, type PreviewItem} from '../../src/components/previews/previews.js';
import {en} from '../../src/i18n/en.js';
import {once} from './fixtures.js';
import {define} from './host.js';
import type {TestHost} from './host.js';

define();
customElements.get('akece-previews') || customElements.define('akece-previews', AkecePreviews);

let n = 0;
const item = (text: string, name = 'Priya Sharma'): PreviewItem => ({key: String(++n), name, text, createdAt: 1000 + n});
const LONG = 'A long answer that goes on and on about delivery windows, returns, refunds and the warehouse. '.repeat(8);

/** The launcher and the previews in one root, as <akece-chat> draws them. */
const mount = ({items = [item('Hello!'), item('Your parcel left today.')], dir = 'ltr', position = 'right'} = {}) =>
  fixture<TestHost>(
    html`<akece-test-host
      .tpl=${html`<div dir=${dir}>
        ${renderLauncher({open: false, unread: items.length, controls: 'p1', strings: en})}
        <akece-previews exportparts="preview,preview-dismiss" position=${position} .items=${items} .strings=${en}></akece-previews>
      </div>`}
    ></akece-test-host>`
  );
const previews = (h: TestHost) => h.shadowRoot!.querySelector('akece-previews')!;
const inPreviews = (h: TestHost, selector: string) => [...previews(h).shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const launcher = (h: TestHost) => h.shadowRoot!.querySelector<HTMLElement>('[part=launcher]')!;
const rect = (e: Element) => e.getBoundingClientRect();
const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('<akece-previews>', () => {
  afterEach(() => setViewport({width: 800, height: 600}));

  it('shows each message as a button (name and text) in a named group, with a dismiss button, and is not a live region', async () => {
    const h = await mount();
    const shown = inPreviews(h, '[part=preview]');
    expect(shown.map((b) => [b.localName, b.querySelector('.name')!.textContent, b.querySelector('.text')!.textContent])).to.deep.equal([
      ['button', 'Priya Sharma', 'Hello!'],
      ['button', 'Priya Sharma', 'Your parcel left today.'],
    ]);
    expect(inPreviews(h, '[role=group]')[0].getAttribute('aria-label')).to.equal('2 new messages');
    expect(inPreviews(h, '[part=preview-dismiss]')[0].getAttribute('aria-label')).to.equal(en.preview_dismiss);
    // The root's live region reads each message out once; the previews must not repeat it.
    expect(inPreviews(h, '[aria-live]')).to.have.length(0);
  });

  it('renders nothing without items', async () => {
    const h = await mount({items: []});
    expect(previews(h).shadowRoot!.children).to.have.length(0);
  });

  it('treats text as text', async () => {
    const h = await mount({items: [item('<img src=x onerror=alert(1)> **bold**')]});
    const text = inPreviews(h, '.text')[0];
    expect(text.textContent).to.equal('<img src=x onerror=alert(1)> **bold**');
    expect(text.children).to.have.length(0);
  });

  it('opens the panel from a preview (click, Enter) and hides from the dismiss button or Escape', async () => {
    const h = await mount();
    let event = once(h, 'akece-toggle-request');
    inPreviews(h, '[part=preview]')[0].click();
    const opened = await event;
    expect(opened.bubbles && opened.composed).to.be.true;

    inPreviews(h, '[part=preview]')[1].focus();
    event = once(h, 'akece-toggle-request');
    await sendKeys({press: 'Enter'});
    await event;

    event = once(h, 'akece-preview-dismiss-request');
    await sendKeys({press: 'Escape'});
    await event;

    inPreviews(h, '[part=preview-dismiss]')[0].focus();
    event = once(h, 'akece-preview-dismiss-request');
    await sendKeys({press: 'Space'});
    await event;
  });

  it('is reached by Tab after the launcher: dismiss, then each preview', async () => {
    const h = await mount();
    launcher(h).focus();
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      await sendKeys({press: 'Tab'});
      seen.push(previews(h).shadowRoot!.activeElement?.getAttribute('part') ?? 'elsewhere');
    }
    expect(seen).to.deep.equal(['preview-dismiss', 'preview', 'preview']);
  });

  for (const width of [320, 800]) {
    it(`stays inside a ${width} px wide viewport, above the launcher, long text clamped to a few lines`, async () => {
      await setViewport({width, height: 568});
      const h = await mount({items: [item(LONG), item(LONG), item(LONG)]});
      await previews(h).updateComplete;
      const box = rect(previews(h));
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(width);
      expect(box.top).to.be.at.least(0);
      expect(overlaps(box, rect(launcher(h))), 'covers the launcher').to.be.false;
      for (const text of inPreviews(h, '.text')) {
        const lineHeight = parseFloat(getComputedStyle(text).lineHeight);
        expect(rect(text).height).to.be.at.most(lineHeight * 3 + 1);
      }
    });
  }

  it('sits in the launcher’s corner: right, left, and mirrored in right-to-left', async () => {
    const side = async (dir: string, position: string) => {
      const h = await mount({dir, position});
      h.setAttribute('position', position); // the root's `position` moves the launcher (chat.styles.ts); here, its inline end
      const box = rect(previews(h));
      const centre = rect(launcher(h)).left < innerWidth / 2 ? 'left' : 'right';
      return [box.left < innerWidth / 2 ? 'left' : 'right', centre];
    };
    expect(await side('ltr', 'right')).to.deep.equal(['right', 'right']);
    expect(await side('rtl', 'right')).to.deep.equal(['left', 'left']);
    expect((await side('ltr', 'left'))[0]).to.equal('left');
    expect((await side('rtl', 'left'))[0]).to.equal('right');
  });

  it('survives remove and re-append', async () => {
    const h = await mount();
    const parent = h.parentElement!;
    h.remove();
    parent.append(h);
    await previews(h).updateComplete;
    expect(inPreviews(h, '[part=preview]')).to.have.length(2);
  });

  it('is accessible in both themes, on a phone too', async () => {
    for (const theme of ['light', 'dark']) {
      const h = await mount({items: [item('Hello!'), item(LONG, 'Support bot')]});
      h.theme = theme;
      await h.updateComplete;
      await expect(h).to.be.accessible();
    }
    await setViewport({width: 320, height: 568});
    await expect(await mount({dir: 'rtl'})).to.be.accessible();
  });
});

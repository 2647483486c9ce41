import {expect, fixture, html} from '@open-wc/testing';
import sinon from 'sinon';
import {renderLauncher} from '../../src/components/launcher/launcher.js';
import type {LauncherOptions} from '../../src/components/launcher/launcher.js';
import {en} from '../../src/i18n/en.js';
import {once} from './fixtures.js';
import {define} from './host.js';
import type {TestHost} from './host.js';

define();

const mount = (o: Partial<LauncherOptions> = {}) =>
  fixture<TestHost>(
    html`<akece-test-host .tpl=${renderLauncher({open: false, unread: 0, controls: 'p1', strings: en, ...o})}></akece-test-host>`
  );
const btn = (h: TestHost) => h.shadowRoot!.querySelector<HTMLButtonElement>('button[part=launcher]')!;

describe('renderLauncher', () => {
  it('renders a named button with aria-expanded and aria-controls, no badge by default', async () => {
    const h = await mount();
    const b = btn(h);
    expect(b.getAttribute('aria-label')).to.equal('Open chat');
    expect(b.getAttribute('aria-expanded')).to.equal('false');
    expect(b.getAttribute('aria-controls')).to.equal('p1');
    expect(b.querySelector('svg')).to.exist;
    expect(h.shadowRoot!.querySelector('[part=unread-badge]')).to.be.null;
  });

  it('shows the unread badge and puts the count in the accessible name', async () => {
    const h = await mount({unread: 2});
    expect(btn(h).getAttribute('aria-label')).to.equal('Open chat, 2 unread messages');
    const badge = h.shadowRoot!.querySelector('[part=unread-badge]')!;
    expect(badge.textContent!.trim()).to.equal('2');
    h.tpl = renderLauncher({open: false, unread: 1, controls: 'p1', strings: en});
    await h.updateComplete;
    expect(btn(h).getAttribute('aria-label')).to.equal('Open chat, 1 unread message');
    h.tpl = renderLauncher({open: false, unread: 150, controls: 'p1', strings: en});
    await h.updateComplete;
    expect(h.shadowRoot!.querySelector('[part=unread-badge]')!.textContent!.trim()).to.equal('99+');
  });

  it('reflects the open state', async () => {
    const h = await mount({open: true});
    expect(btn(h).getAttribute('aria-expanded')).to.equal('true');
    expect(btn(h).getAttribute('aria-label')).to.equal(en.close);
  });

  it('emits akece-toggle-request on click, bubbling and composed', async () => {
    const h = await mount();
    const ev = once(h, 'akece-toggle-request');
    btn(h).click();
    const e = await ev;
    expect(e.bubbles && e.composed).to.be.true;
  });

  it('survives remove and re-append, and sets no timers', async () => {
    const clock = sinon.useFakeTimers({toFake: ['setTimeout', 'setInterval']});
    const h = await mount({unread: 3});
    const parent = h.parentElement!;
    h.remove();
    expect(clock.countTimers()).to.equal(0);
    parent.append(h);
    clock.restore();
    expect(btn(h).getAttribute('aria-label')).to.contain('3 unread');
  });

  it('is accessible in both themes, with and without a badge', async () => {
    for (const theme of ['light', 'dark']) {
      const h = await mount({unread: 4});
      h.theme = theme;
      await h.updateComplete;
      await expect(h).to.be.accessible();
    }
    await expect(await mount()).to.be.accessible();
  });
});

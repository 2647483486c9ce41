import {expect, fixture, html} from '@open-wc/testing';
import sinon from 'sinon';
import {renderPanel} from '../../src/components/panel/panel.js';
import type {PanelOptions} from '../../src/components/panel/panel.js';
import {en} from '../../src/i18n/en.js';
import {once} from './fixtures.js';
import {define} from './host.js';
import type {TestHost} from './host.js';

define();

const opts = (o: Partial<PanelOptions> = {}): PanelOptions => ({
  id: 'p1',
  open: true,
  floating: true,
  strings: en,
  availability: null,
  connection: 'connected',
  error: '',
  ...o,
});
const mount = (o: Partial<PanelOptions> = {}) =>
  fixture<TestHost>(html`<akece-test-host .tpl=${renderPanel(opts(o), html`<p>body</p>`)}></akece-test-host>`);
const q = (h: TestHost, s: string) => h.shadowRoot!.querySelector<HTMLElement>(s);

describe('renderPanel', () => {
  it('renders a labelled dialog with header, default texts and the body', async () => {
    const h = await mount();
    const p = q(h, '[part=panel]')!;
    expect(p.id).to.equal('p1');
    expect(p.getAttribute('role')).to.equal('dialog');
    expect(q(h, '#' + p.getAttribute('aria-labelledby'))!.textContent).to.equal(en.title);
    expect(q(h, '[part=header]')!.textContent).to.contain(en.subtitle);
    expect(q(h, '[part=header] button')!.getAttribute('aria-label')).to.equal(en.close);
    expect(p.textContent).to.contain('body');
    expect(q(h, '[part=error]')).to.be.null;
    expect(q(h, '[role=status]')!.textContent).to.equal('');
  });

  it('maps options: titles, availability, inline layout, hidden when closed', async () => {
    const h = await mount({title: 'Acme', subtitle: 'Hi!', availability: 'online', floating: false});
    expect(q(h, 'h2')!.textContent).to.equal('Acme');
    expect(q(h, '[part=header]')!.textContent).to.contain('Hi!');
    expect(q(h, '[part=header]')!.textContent).to.contain(en.online);
    expect(q(h, '[part=header] .online')).to.exist;
    expect(q(h, '[part=header] button')).to.be.null;
    expect(q(h, '[part=panel]')!.getAttribute('role')).to.equal('region');
    expect(q(h, '#' + q(h, '[part=panel]')!.getAttribute('aria-labelledby'))!.textContent).to.equal('Acme');
    h.tpl = renderPanel(opts({open: false, availability: 'away'}), '');
    await h.updateComplete;
    expect(q(h, '[part=panel]')!.hidden).to.be.true;
    expect(getComputedStyle(q(h, '[part=panel]')!).display).to.equal('none');
  });

  it('shows a calm status banner when reconnecting or offline, and errors as alerts', async () => {
    const h = await mount({connection: 'reconnecting'});
    expect(q(h, '[role=status]')!.textContent).to.equal(en.reconnecting);
    h.tpl = renderPanel(opts({connection: 'offline', error: 'Could not send'}), '');
    await h.updateComplete;
    expect(q(h, '[role=status]')!.textContent).to.equal(en.offline);
    const err = q(h, '[part=error]')!;
    expect(err.getAttribute('role')).to.equal('alert');
    expect(err.textContent).to.equal('Could not send');
  });

  it("the visitor's connection wins: no availability unless connected; the reply-time line follows availability", async () => {
    const header = (h: TestHost) => q(h, '[part=header]')!.textContent!.replace(/\s+/g, ' ');
    for (const connection of ['offline', 'reconnecting', 'error', 'connecting'] as const) {
      const h = await mount({availability: 'online', connection});
      expect(header(h), connection).not.to.contain(en.online);
      expect(q(h, '.availability'), connection).to.equal(null);
    }
    const online = await mount({availability: 'online', connection: 'connected'});
    expect(header(online)).to.contain(en.online);
    expect(header(online)).to.contain(en.subtitle);
    // every agent away: no promise of minutes
    const away = await mount({availability: 'away', connection: 'connected'});
    expect(header(away)).to.contain(en.away);
    expect(header(away)).not.to.contain(en.subtitle);
    expect(header(away).match(/away/gi), 'said once').to.have.length(1);
    expect(q(away, '.reply-time'), 'no second line').to.equal(null);
    // a subtitle the page set is the page's word
    const own = await mount({availability: 'away', connection: 'connected', subtitle: 'Mon–Fri, 9–5'});
    expect(header(own)).to.contain('Mon–Fri, 9–5');
  });

  it('working hours and reply time: never contradicts itself', async () => {
    const header = (h: TestHost) => q(h, '[part=header]')!.textContent!.replace(/\s+/g, ' ');
    // Outside working hours: away and back when, whoever is online, and no promise of a quick reply.
    const closed = await mount({availability: 'online', connection: 'connected', replyTime: en.reply_minutes, officeHours: {open: false, back: 'Back on Monday at 09:00'}});
    expect(q(closed, '[part=availability]')!.textContent!.replace(/\s+/g, ' ')).to.equal(`${en.away} · Back on Monday at 09:00`);
    expect(header(closed).match(/away/gi), 'said once').to.have.length(1);
    expect(header(closed)).not.to.contain(en.reply_minutes);
    expect(header(closed)).not.to.contain(en.online);
    // In working hours: in, with the reply time in place of the catalogue's subtitle.
    const open = await mount({availability: null, connection: 'idle', replyTime: en.reply_minutes, officeHours: {open: true, back: ''}});
    expect(q(open, '[part=availability]')!.textContent).to.equal(en.online);
    expect(header(open)).to.contain(en.reply_minutes);
    expect(header(open)).not.to.contain(en.subtitle);
    // …unless the visitor is offline (the banner says so), or every agent is away.
    const offline = await mount({availability: null, connection: 'offline', replyTime: en.reply_minutes, officeHours: {open: true, back: ''}});
    expect(q(offline, '[part=availability]')).to.equal(null);
    const agentsAway = await mount({availability: 'away', connection: 'connected', replyTime: en.reply_minutes, officeHours: {open: true, back: ''}});
    expect(q(agentsAway, '[part=availability]')!.textContent).to.equal(en.away);
    expect(header(agentsAway)).not.to.contain(en.reply_minutes);
    // The page's own subtitle is the page's word.
    const own = await mount({subtitle: 'Mon–Fri, 9–5', replyTime: en.reply_minutes, officeHours: {open: true, back: ''}});
    expect(header(own)).to.contain('Mon–Fri, 9–5');
    expect(header(own)).not.to.contain(en.reply_minutes);
  });

  it('emits akece-close-request from the close button', async () => {
    const h = await mount();
    const ev = once(h, 'akece-close-request');
    q(h, '[part=header] button')!.click();
    expect((await ev).composed).to.be.true;
  });

  it('survives remove and re-append, and sets no timers', async () => {
    const clock = sinon.useFakeTimers({toFake: ['setTimeout', 'setInterval']});
    const h = await mount({error: 'x'});
    const parent = h.parentElement!;
    h.remove();
    expect(clock.countTimers()).to.equal(0);
    parent.append(h);
    clock.restore();
    expect(q(h, '[part=error]')).to.exist;
  });

  it('is accessible in both themes, with banner and error', async () => {
    for (const theme of ['light', 'dark']) {
      const h = await mount({availability: 'away', connection: 'offline', error: 'Something failed'});
      h.theme = theme;
      await h.updateComplete;
      // axe measures contrast as painted: let the opening fade-in finish first.
      for (const a of h.shadowRoot!.getAnimations()) a.finish();
      await expect(h).to.be.accessible();
    }
  });
});

import {expect, fixture} from '@open-wc/testing';
import sinon from 'sinon';
import type {AkeceChat} from '../../src/chat/chat.js';
import {en} from '../../src/i18n/en.js';
import {loadLocale} from '../../src/i18n/load.js';
import {formatReturn, type WorkingDay} from '../../src/i18n/office-hours.js';
import {TOKEN} from '../helpers/frames.js';
import {BASE, CONV, VISITOR, connect, fakeNetwork, json, root, serve, settled, until, wire, type Req, type Wire} from './kit.js';

// Contract §11 on the real <akece-chat> with only the network faked (fetch answers from an
// in-test Akece, WebSocket is a FakeWebSocket) and, where time matters, the clock: the header's
// availability through the day, the sign-in state of an inbox that requires an identity, and
// axe on each state in both themes and right to left.

/** Monday to Friday, 09:00–17:00 in UTC. */
const officeWeek: WorkingDay[] = [0, 1, 2, 3, 4, 5, 6].map((day_of_week) =>
  day_of_week == 0 || day_of_week == 6
    ? {day_of_week, closed_all_day: true, open_all_day: false, open_hour: null, open_minutes: null, close_hour: null, close_minutes: null}
    : {day_of_week, closed_all_day: false, open_all_day: false, open_hour: 9, open_minutes: 0, close_hour: 17, close_minutes: 0}
);

const textOf = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const part = (el: AkeceChat, name: string) => root(el).querySelector<HTMLElement>(`[part~=${name}]`);

describe('<akece-chat> availability and first contact', function () {
  this.timeout(30000);
  const net = fakeNetwork();
  let inbox: Wire;
  let requests: Req[];
  /** The inbox is read once per page: each test has an inbox of its own. */
  let inboxes = 0;
  let identifier = '';

  beforeEach(() => {
    identifier = `inbox-${++inboxes}`;
    inbox = {identifier, name: 'Acme Support', timezone: 'UTC', working_hours_enabled: false, working_hours: officeWeek, identity_validation_enabled: false};
    requests = [];
    serve((request) => {
      requests.push(request);
      const {method, url, tail, body} = request;
      if (url.pathname.endsWith(`/inboxes/${identifier}`)) return json(inbox);
      if (url.pathname.endsWith('/contacts')) return json({source_id: 'src-1', pubsub_token: TOKEN, id: 555});
      if (tail == '/conversations') return method == 'GET' ? json([]) : json({id: CONV, status: 'open'});
      if (tail == `/conversations/${CONV}/messages`) return method == 'POST' ? json({...wire({message_type: 0, sender: VISITOR, content: body.content}), echo_id: body.echo_id}) : json([]);
      return undefined;
    });
  });

  const mount = (attrs: Record<string, string>) =>
    fixture<AkeceChat>(
      `<akece-chat base-url="${BASE}" inbox-identifier="${identifier}" ${Object.entries(attrs)
        .map(([name, value]) => (value ? `${name}="${value}"` : name))
        .join(' ')}></akece-chat>`
    );

  async function accessibleInBothThemes(el: AkeceChat) {
    for (const theme of ['light', 'dark'] as const) {
      el.theme = theme;
      await settled(el);
      for (const animation of root(el).getAnimations()) animation.finish();
      await expect(el).to.be.accessible();
    }
  }

  it('reads the inbox once, when the chat is first needed, not at page load; in working hours the team is in', async () => {
    inbox.working_hours_enabled = true;
    inbox.working_hours = officeWeek.map((day) => ({...day, closed_all_day: false, open_all_day: true}));
    const el = await mount({'reply-time': 'day'});
    await settled(el);
    expect(requests).to.have.length(0);
    el.show();
    await until(() => textOf(part(el, 'header')?.querySelector('h2')) == 'Acme Support', 'the inbox name');
    await connect(el, net.sockets);
    await until(() => textOf(part(el, 'availability')) == en.online, 'the team in');
    expect(textOf(part(el, 'header'))).to.contain(en.reply_day);
    await accessibleInBothThemes(el);
    el.hide();
    el.show();
    await settled(el);
    expect(requests.filter((request) => request.url.pathname.endsWith(`/inboxes/${identifier}`))).to.have.length(1);
    // A title the page set wins over the inbox's name.
    el.headerTitle = 'Help desk';
    await settled(el);
    expect(textOf(part(el, 'header')!.querySelector('h2'))).to.equal('Help desk');
  });

  it('says the team is in during working hours, and that it is away, and back when, as soon as they end while the page is open', async () => {
    inbox.working_hours_enabled = true;
    // Monday 2 March 2026, 16:58 UTC: two minutes before closing.
    const clock = sinon.useFakeTimers({now: new Date('2026-03-02T16:58:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date']});
    const el = await mount({open: '', 'reply-time': 'minutes'});
    await until(() => textOf(part(el, 'availability')) == en.online, 'the team in');
    expect(textOf(part(el, 'header'))).to.contain(en.reply_minutes);

    clock.tick(2 * 60_000);
    const back = formatReturn(new Date('2026-03-03T09:00:00Z'), en);
    await until(() => textOf(part(el, 'availability')).includes(back), 'away, back tomorrow');
    expect(back).to.match(/^Back tomorrow at /);
    const header = textOf(part(el, 'header'));
    expect(header).to.contain(en.team_away);
    expect(header).not.to.contain(en.reply_minutes);
    expect(textOf(root(el).querySelector('.away-notice'))).to.equal(en.away_notice);
    clock.restore(); // (axe runs on timers: the away state is checked right to left below)
  });

  it('is away in the visitor’s language and right to left', async () => {
    inbox.working_hours_enabled = true;
    inbox.working_hours = officeWeek.map((day) => ({...day, closed_all_day: true}));
    inbox.working_hours[3] = officeWeek[3];
    const arabic = await loadLocale('ar');
    const el = await mount({open: '', locale: 'ar', 'reply-time': 'hours'});
    await until(() => textOf(part(el, 'availability')).includes(arabic.away), 'away, in Arabic');
    expect(textOf(part(el, 'availability'))).to.match(/\p{Script=Arabic}/u);
    expect(root(el).querySelector('[dir]')!.getAttribute('dir')).to.equal('rtl');
    expect(textOf(part(el, 'header'))).not.to.contain(arabic.reply_hours);
    await accessibleInBothThemes(el);
  });

  it('identity required: no contact is created, the panel says to sign in and akece-error says identity-required; accessible, also right to left', async () => {
    inbox.identity_validation_enabled = true;
    const errors: string[] = [];
    const el = await mount({});
    el.addEventListener('akece-error', (event) => errors.push(event.detail.code));
    el.show();
    await until(() => errors.includes('identity-required'), 'identity-required');
    await until(() => textOf(root(el).querySelector('.identity-required')) == en.identity_required, 'the sign-in notice');
    expect(root(el).querySelector('akece-composer')).to.equal(null);
    expect(requests.some((request) => request.url.pathname.includes('/contacts'))).to.equal(false);
    await accessibleInBothThemes(el);

    el.locale = 'he';
    const hebrew = await loadLocale('he');
    await until(() => textOf(root(el).querySelector('.identity-required')) == hebrew.identity_required, 'the notice in Hebrew');
    await accessibleInBothThemes(el);

    await el.setUser({identifier: 'user-7', identifierHash: 'abc123'});
    await until(() => root(el).querySelector('akece-composer'), 'the composer once signed in');
    const created = requests.find((request) => request.url.pathname.endsWith('/contacts'));
    expect(created?.body).to.include({identifier: 'user-7', identifier_hash: 'abc123'});
  });

  it('takes its §11 settings as properties too (the snippet’s akeceChatSettings assigns properties), before and after its chunk arrives', async () => {
    const configured = document.createElement('akece-chat') as AkeceChat & Record<string, unknown>;
    Object.assign(configured, {baseUrl: BASE, inboxIdentifier: identifier, replyTime: 'hours', open: true});
    const el = await fixture<AkeceChat>(configured);
    await until(() => textOf(part(el, 'header')).includes(en.reply_hours), 'the reply time from the property');
    configured.replyTime = 'day';
    await until(() => textOf(part(el, 'header')).includes(en.reply_day), 'the property changed');
    el.setAttribute('reply-time', 'minutes'); // the attribute wins
    await until(() => textOf(part(el, 'header')).includes(en.reply_minutes), 'the attribute');
  });

  it('a greeting is the first bubble of an empty conversation, and not of one with history', async () => {
    const el = await mount({open: '', greeting: 'Welcome to **Acme**!'});
    await connect(el, net.sockets);
    await settled(el);
    const bubbles = () => [...root(el).querySelector('akece-message-list')!.shadowRoot!.querySelectorAll('[part~=message]')].map(textOf);
    await until(() => bubbles()[0]?.includes('Welcome to Acme!'), 'the greeting');
    expect(el.messages).to.have.length(0);
    expect(requests.some((request) => request.method == 'POST' && request.tail.endsWith('/messages'))).to.equal(false);
    await accessibleInBothThemes(el);
  });
});

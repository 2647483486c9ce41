import {expect, fixture} from '@open-wc/testing';
import sinon from 'sinon';
import type {AkeceChat} from '../../src/chat/chat.js';
import {en} from '../../src/i18n/en.js';
import {loadLocale} from '../../src/i18n/load.js';
import {formatReturn, type WorkingDay} from '../../src/i18n/office-hours.js';
import {IDENTIFIER, TOKEN} from '../helpers/frames.js';
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
  /** While set, the inbox's answer waits for it. */
  let inboxHeld: Promise<void> | null;
  /** What the server holds of a stored contact (GET /contacts/src-1). */
  let storedContact: Wire;

  beforeEach(() => {
    inboxHeld = null;
    storedContact = {source_id: 'src-1', pubsub_token: TOKEN, id: 555, name: 'Ana Lima', email: null, phone_number: null};
    identifier = `inbox-${++inboxes}`;
    inbox = {identifier, name: 'Acme Support', timezone: 'UTC', working_hours_enabled: false, working_hours: officeWeek, identity_validation_enabled: false};
    requests = [];
    serve((request) => {
      requests.push(request);
      const {method, url, tail, body} = request;
      if (url.pathname.endsWith(`/inboxes/${identifier}`)) return (inboxHeld ?? Promise.resolve()).then(() => json(inbox));
      if (method == 'GET' && url.pathname.endsWith('/contacts/src-1')) return json(storedContact);
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
      // (an endless one, the loading state's, cannot be finished)
      for (const animation of root(el).getAnimations()) if (animation.effect?.getComputedTiming().endTime != Infinity) animation.finish();
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
    expect(header.match(/away/gi), 'away said once, on the availability line').to.have.length(1);
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

  // ── away-mode="hide" as the setting and the team change ───────────────────────────────

  const launcherHidden = (el: AkeceChat) => getComputedStyle(part(el, 'launcher')!).display == 'none';
  const presence = (users: Record<string, string>) => ({identifier: IDENTIFIER, message: {event: 'presence.update', data: {account_id: 1, users}}});
  /** Stores a contact from an earlier visit (the session's storage format, version 1). */
  const storeContact = () => localStorage.setItem(`akece-chat:${BASE}:${identifier}`, JSON.stringify({k: {sourceId: 'src-1', pubsubToken: TOKEN}}));

  it('away-mode="hide" set after load (property, then attribute) hides the launcher while the team is away, follows the working hours as they pass, and never hides an open panel', async () => {
    inbox.working_hours_enabled = true;
    // Monday: in from 09:00 to 09:02 only. The page loads at 08:59.
    inbox.working_hours = officeWeek.map((day) => (day.day_of_week == 1 ? {...day, open_hour: 9, open_minutes: 0, close_hour: 9, close_minutes: 2} : {...day, closed_all_day: true}));
    const clock = sinon.useFakeTimers({now: new Date('2026-03-02T08:59:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date']});
    try {
      const el = await mount({});
      await settled(el);
      expect(launcherHidden(el)).to.equal(false);
      expect(requests).to.have.length(0);

      (el as AkeceChat & {awayMode: string}).awayMode = 'hide';
      await until(() => launcherHidden(el), 'the launcher hidden once the property says hide');
      // Only the inbox is read: no contact, no socket.
      expect(requests.map((request) => request.url.pathname)).to.deep.equal([`/public/api/v1/inboxes/${identifier}`]);
      expect(net.sockets.sockets).to.have.length(0);

      clock.tick(60_000); // 09:00: the team comes in
      await until(() => !launcherHidden(el), 'the launcher back when the team comes in');

      // The visitor opens the chat and the team leaves meanwhile: the panel and its launcher stay.
      el.show();
      await until(() => textOf(part(el, 'availability')) == en.online, 'the team in');
      clock.tick(2 * 60_000); // 09:02: the team leaves
      await until(() => textOf(part(el, 'availability')).includes(en.away), 'the team away');
      await settled(el);
      expect(el.open).to.equal(true);
      expect(launcherHidden(el)).to.equal(false);
      // Closed by the visitor, it goes; `show` brings it back; the attribute hides it again.
      el.hide();
      await until(() => launcherHidden(el), 'the launcher hidden once the panel is closed');
      (el as AkeceChat & {awayMode: string}).awayMode = 'show';
      await until(() => !launcherHidden(el), 'the launcher back with away-mode show');
      el.setAttribute('away-mode', 'hide');
      await until(() => launcherHidden(el), 'the launcher hidden by the attribute');
    } finally {
      clock.restore();
    }
  });

  it('away-mode="hide" follows the agents’ availability over the socket when the inbox has no working hours: a returning visitor’s launcher goes when no agent is online, and comes back with one', async () => {
    storeContact();
    const el = await mount({'away-mode': 'hide'});
    const ws = await connect(el, net.sockets);
    await settled(el);
    expect(launcherHidden(el), 'connected, no presence report yet: not taken for away').to.equal(false);
    await ws.receive(presence({'7': 'online'}));
    await settled(el);
    expect(launcherHidden(el)).to.equal(false);
    await ws.receive(presence({'7': 'busy'}));
    await until(() => launcherHidden(el), 'hidden with nobody online');
    await ws.receive(presence({'7': 'online'}));
    await until(() => !launcherHidden(el), 'back with an agent online');
  });

  // ── returning visitors ────────────────────────────────────────────────────────────────

  const preChat = (el: AkeceChat) => until(() => part(el, 'pre-chat-form')?.shadowRoot?.querySelector('form'), 'the pre-chat form').then(() => part(el, 'pre-chat-form')!);
  const labels = (form: HTMLElement) => [...form.shadowRoot!.querySelectorAll('label')].map(textOf);
  function fill(form: HTMLElement, label: string, value: string) {
    const labelElement = [...form.shadowRoot!.querySelectorAll('label')].find((candidate) => textOf(candidate).startsWith(label))!;
    const input = form.shadowRoot!.getElementById(labelElement.htmlFor) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event(input.tagName == 'SELECT' ? 'change' : 'input', {bubbles: true, composed: true}));
  }
  const submitForm = (form: HTMLElement) => form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  const contactUpdates = () => requests.filter((request) => request.method == 'PATCH' && request.url.pathname.endsWith('/contacts/src-1')).map((request) => request.body);
  const withForm = (el: AkeceChat) =>
    Object.assign(el, {
      preChatForm: {
        fields: [
          {name: 'name', label: 'Your name', type: 'text', required: true},
          {name: 'email', label: 'Your email', type: 'email', required: true},
          {name: 'plan', label: 'Plan', type: 'select', required: true, options: ['free', 'pro']},
          {name: 'phone_number', label: 'Phone', type: 'tel'},
        ],
      },
    });

  it('a returning visitor who never answered the pre-chat form is asked what is missing (not the email the server has; the name the server made up, yes), it is saved on the contact, and not asked again', async () => {
    storeContact();
    storedContact = {...storedContact, name: 'lively-island-930', email: 'ana@example.com'};
    const el = withForm(await mount({}));
    el.show();
    const form = await preChat(el);
    expect(labels(form)).to.deep.equal(['Your name', 'Plan', `Phone ${en.field_optional}`]);
    expect(root(el).querySelector('akece-composer')).to.equal(null);
    await accessibleInBothThemes(el);
    fill(form, 'Your name', 'Ana Lima');
    fill(form, 'Plan', 'pro');
    submitForm(form);
    await until(() => root(el).querySelector('akece-composer'), 'the composer once answered');
    await until(() => contactUpdates().length == 1, 'the contact updated');
    expect(contactUpdates()[0]).to.deep.equal({name: 'Ana Lima', custom_attributes: {plan: 'pro'}});

    // The next visit: the server has the name, this browser remembers the plan (and that the phone was left out).
    storedContact = {...storedContact, name: 'Ana Lima'};
    el.remove();
    const again = withForm(await mount({}));
    again.show();
    await until(() => root(again).querySelector('akece-composer'), 'the composer, without a form');
    expect(part(again, 'pre-chat-form')).to.equal(null);
  });

  it('a returning visitor without an email is asked for one while the team is away (away-mode="email"), and with one is not', async () => {
    inbox.working_hours_enabled = true;
    inbox.working_hours = officeWeek.map((day) => ({...day, closed_all_day: true}));
    storeContact();
    const el = await mount({open: '', 'away-mode': 'email'});
    const form = await preChat(el);
    expect(textOf(form.shadowRoot!.querySelector('.intro'))).to.equal(en.away_email_ask);
    expect(labels(form).map((label) => label.replace(/\s*\*$/, ''))).to.deep.equal([en.field_email]);
    fill(form, en.field_email, 'ana@example.com');
    submitForm(form);
    await until(() => root(el).querySelector('akece-composer'), 'the composer once answered');
    await until(() => contactUpdates().length == 1, 'the contact updated');
    expect(contactUpdates()[0]).to.deep.equal({email: 'ana@example.com'});

    storedContact = {...storedContact, email: 'ana@example.com'};
    el.remove();
    const again = await mount({open: '', 'away-mode': 'email'});
    await until(() => root(again).querySelector('akece-composer'), 'the composer, without asking');
    expect(part(again, 'pre-chat-form')).to.equal(null);
  });

  it('identity required: a returning visitor who is not signed in is gated like a new one until setUser signs them in', async () => {
    inbox.identity_validation_enabled = true;
    storeContact();
    const errors: string[] = [];
    const el = await fixture<AkeceChat>(`<akece-chat base-url="${BASE}" inbox-identifier="${identifier}"></akece-chat>`);
    el.addEventListener('akece-error', (event) => errors.push(event.detail.code));
    el.show();
    await until(() => textOf(root(el).querySelector('.identity-required')) == en.identity_required, 'the sign-in notice');
    expect(errors).to.include('identity-required');
    expect(root(el).querySelector('akece-composer')).to.equal(null);
    await el.setUser({identifier: 'user-7', identifierHash: 'abc123'});
    await until(() => root(el).querySelector('akece-composer'), 'the composer once signed in');
  });

  // ── no composer before the panel knows what comes first ───────────────────────────────

  /** Records whether an <akece-composer> was ever put into the root's shadow tree. */
  function watchComposer(el: AkeceChat) {
    const seen = {composer: false};
    const observer = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element && (node.matches('akece-composer') || node.querySelector('akece-composer'))) seen.composer = true;
    });
    observer.observe(root(el), {childList: true, subtree: true});
    return {seen, stop: () => observer.disconnect()};
  }

  it('while the inbox is still being read, the panel shows a loading state, never the composer; then the pre-chat form', async () => {
    let release = () => {};
    inboxHeld = new Promise<void>((resolve) => (release = resolve));
    const el = await mount({'pre-chat': ''});
    const watch = watchComposer(el);
    el.show();
    await until(() => root(el).querySelector('.entry-waiting'), 'the loading state');
    expect(textOf(root(el).querySelector('.entry-waiting'))).to.equal(en.loading);
    expect(root(el).querySelector('.entry-waiting')!.getAttribute('role')).to.equal('status');
    await settled(el);
    await accessibleInBothThemes(el);
    expect(watch.seen.composer).to.equal(false);
    release();
    await preChat(el);
    expect(watch.seen.composer).to.equal(false);
    watch.stop();
  });

  it('after reset() with the panel open, a new visitor starts again: the pre-chat form comes first, not the composer', async () => {
    const el = await mount({'pre-chat': ''});
    el.show();
    let form = await preChat(el);
    fill(form, en.field_name, 'Ana Lima');
    fill(form, en.field_email, 'ana@example.com');
    submitForm(form);
    await until(() => root(el).querySelector('akece-composer'), 'the composer once answered');
    await el.reset();
    form = await preChat(el);
    expect(root(el).querySelector('akece-composer'), 'no composer before the form').to.equal(null);
    expect(labels(form).map((label) => label.replace(/\s*\*$/, ''))).to.include(en.field_email);
  });

  it('without a form to show, the composer comes once the inbox says nothing is required, not before', async () => {
    let release = () => {};
    inboxHeld = new Promise<void>((resolve) => (release = resolve));
    const el = await mount({});
    const watch = watchComposer(el);
    el.show();
    await until(() => root(el).querySelector('.entry-waiting'), 'the loading state');
    await settled(el);
    expect(watch.seen.composer).to.equal(false);
    release();
    await until(() => root(el).querySelector('akece-composer'), 'the composer');
    expect(root(el).querySelector('.entry-waiting')).to.equal(null);
    watch.stop();
  });
});

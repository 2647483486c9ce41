import {expect} from '@open-wc/testing';
import {en} from '../../src/i18n/en.js';
import {formatReturn, officeHoursAt, type WorkingDay} from '../../src/i18n/office-hours.js';
import type {TestServer} from '../helpers/server.js';
import {agent, deep, field, onlyConversation, openWidget, part, perTest, reload, requestsTo, shownTexts, typeAndSend, until} from './helpers.js';

// Contract §11 end to end: the inbox's name and working hours in the header, the greeting, the
// pre-chat form, away modes, custom attributes and an inbox that requires a verified identity,
// against the real local server, whose inbox is set through its agent API.

/** The agent API call the shared helpers do not wrap. */
async function agentCall<T>(server: TestServer, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}/agent/api${path}`, {
    method,
    headers: body ? {'content-type': 'application/json'} : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<T>;
}

const everyDay = [0, 1, 2, 3, 4, 5, 6];
/** Open all day, every day: the team is in whenever the test runs. */
const alwaysOpen: WorkingDay[] = everyDay.map((day_of_week) => ({day_of_week, open_all_day: true, closed_all_day: false, open_hour: 0, open_minutes: 0, close_hour: 23, close_minutes: 59}));
/** Closed today and tomorrow; 09:00–17:00 (UTC) the day after: the team is away now and back on a weekday. */
function closedUntilTheDayAfterTomorrow(): WorkingDay[] {
  const openDay = (new Date().getUTCDay() + 2) % 7;
  return everyDay.map((day_of_week) =>
    day_of_week == openDay
      ? {day_of_week, closed_all_day: false, open_all_day: false, open_hour: 9, open_minutes: 0, close_hour: 17, close_minutes: 0}
      : {day_of_week, closed_all_day: true, open_all_day: false}
  );
}

const textOf = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The pre-chat form once its chunk has drawn it. */
const preChatForm = (el: Element) => until(() => (part(el, 'pre-chat-form')?.shadowRoot?.querySelector('form') ? part(el, 'pre-chat-form')! : null), 'the pre-chat form');

/** The control labelled `label` in the form. */
function control(form: HTMLElement, label: string): HTMLInputElement {
  const root = form.shadowRoot!;
  const labelElement = [...root.querySelectorAll('label')].find((candidate) => textOf(candidate).startsWith(label));
  if (!labelElement) throw new Error(`no field labelled ${label}`);
  return root.getElementById(labelElement.htmlFor) as HTMLInputElement;
}

/** Answers a field as a visitor would (typing, choosing, ticking). */
function answer(form: HTMLElement, label: string, value: string | boolean) {
  const input = control(form, label);
  if (typeof value == 'boolean') {
    if (input.checked != value) input.click();
    return;
  }
  input.value = value;
  input.dispatchEvent(new Event(input.tagName == 'SELECT' ? 'change' : 'input', {bubbles: true, composed: true}));
}

const submit = (form: HTMLElement) => form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();

/** The error shown for a field, through its aria-describedby ('' when it is valid). */
function errorOf(form: HTMLElement, label: string): string {
  const input = control(form, label);
  if (input.getAttribute('aria-invalid') != 'true') return '';
  return textOf(form.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!));
}

describe('e2e: availability and first contact (contract §11)', function () {
  this.timeout(60000);
  const t = perTest();

  const inbox = (settings: Record<string, unknown>) => agentCall(t.server, 'PATCH', '/inbox', settings);
  const open = async (attrs: Record<string, string> = {}) => (t.page = await openWidget({'base-url': t.server.url, 'inbox-identifier': 'demo-inbox', ...attrs}));
  const contactOnServer = async () => {
    const conversation = await onlyConversation(t.server);
    return agentCall<{name: string; email: string; phone_number: string; identifier: string; custom_attributes: Record<string, unknown>; contact_inboxes: {hmac_verified: boolean}[]}>(
      t.server,
      'GET',
      `/contacts/${conversation.meta.sender.id}`
    );
  };
  const conversationOnServer = async () => (await onlyConversation(t.server)) as unknown as {custom_attributes: Record<string, unknown>};

  it('inside working hours: the inbox names the header, the team is in, the reply time shows and the greeting comes first, never sent', async () => {
    await inbox({name: 'Acme Support', working_hours_enabled: true, working_hours: alwaysOpen});
    const {el} = await open({open: '', 'reply-time': 'hours', greeting: 'Hello! Ask us anything.'});
    const header = part(el, 'header')!;
    await until(() => textOf(header.querySelector('h2')) == 'Acme Support', 'the inbox name as the title');
    await until(() => textOf(part(el, 'availability')) == en.online, 'the team in');
    expect(textOf(header)).to.contain(en.reply_hours);
    await until(() => shownTexts(el)[0]?.includes('Hello! Ask us anything.'), 'the greeting bubble');
    expect(el.messages).to.have.length(0);

    await until(() => el.connectionState === 'connected', 'connected');
    await typeAndSend(el, 'Do you ship abroad?');
    await until(() => el.messages.some((message) => message.id != null), 'the message sent');
    const conversation = await onlyConversation(t.server);
    const onServer = await agent(t.server).messages(conversation.id);
    expect(onServer.map((message) => message.content)).to.deep.equal(['Do you ship abroad?']);
    // The greeting stays first, above the conversation it opened.
    await until(() => shownTexts(el).length == 2, 'the greeting and the message');
    expect(shownTexts(el)[0]).to.contain('Hello! Ask us anything.');
    expect(el.messages.map((message) => message.content)).to.deep.equal(['Do you ship abroad?']);
  });

  it('outside working hours: away, back on a day and time in the visitor’s zone; no promise of a quick reply; the chat still works', async () => {
    const hours = closedUntilTheDayAfterTomorrow();
    await inbox({working_hours_enabled: true, timezone: 'UTC', working_hours: hours});
    const {el} = await open({open: '', 'reply-time': 'minutes'});
    const state = officeHoursAt(hours, 'UTC');
    expect(state.open).to.equal(false);
    const back = formatReturn((state as {opensAt: Date}).opensAt, en);
    expect(back).to.match(/^Back (on \w+day|tomorrow) at /);
    await until(() => textOf(part(el, 'availability')).includes(back), 'the time the team is back');
    const header = textOf(part(el, 'header'));
    expect(header.match(/away/gi), 'away said once, on the availability line').to.have.length(1);
    expect(header).not.to.contain(en.reply_minutes);
    expect(header).not.to.contain(en.online);
    expect(textOf(el.shadowRoot!.querySelector('.away-notice'))).to.equal(en.away_notice);

    await until(() => el.connectionState === 'connected', 'connected');
    // Agents online do not make the header say so outside working hours.
    await agent(t.server).presence('online');
    await typeAndSend(el, 'Anyone there?');
    await until(() => el.messages.some((message) => message.id != null), 'the message sent');
    expect(textOf(part(el, 'header'))).not.to.contain(en.online);
  });

  it('away-mode="hide": outside working hours the launcher is hidden at page load (only the inbox is read), and shown for unread messages', async () => {
    await inbox({working_hours_enabled: true, working_hours: closedUntilTheDayAfterTomorrow()});
    const {el, win} = await open({'away-mode': 'hide'});
    const launcher = () => part(el, 'launcher')!;
    await until(() => getComputedStyle(launcher()).display == 'none', 'the launcher hidden');
    const requests = requestsTo(win, t.server.url).map((entry) => new URL(entry.name).pathname);
    expect(requests).to.deep.equal(['/public/api/v1/inboxes/demo-inbox']);
    expect(win.localStorage.length).to.equal(0);
    expect(el.connectionState).to.equal('idle');
  });

  it('away-mode="hide": inside working hours the launcher shows; a known contact with an unread reply sees it outside them too', async () => {
    await inbox({working_hours_enabled: true, working_hours: alwaysOpen});
    let page = await open({'away-mode': 'hide'});
    t.page = page;
    await until(() => requestsTo(page.win, t.server.url).some((entry) => entry.name.endsWith('/inboxes/demo-inbox')), 'the inbox read at load');
    await page.el.updateComplete;
    expect(getComputedStyle(part(page.el, 'launcher')!).display).not.to.equal('none');
    part(page.el, 'launcher')!.click();
    await until(() => page.el.connectionState === 'connected', 'connected');
    await typeAndSend(page.el, 'Is the shop open on Sunday?');
    await until(() => page.el.messages.some((message) => message.id != null), 'the message sent');
    page.el.hide();
    // The team leaves and replies on its way out; the visitor comes back later.
    await inbox({working_hours: closedUntilTheDayAfterTomorrow()});
    const conversation = await onlyConversation(t.server);
    await agent(t.server).reply(conversation.id, 'Yes, from 10:00.');
    await until(() => page.el.unreadCount == 1, 'the unread reply');
    page = t.page = await reload(page);
    await until(() => page.el.unreadCount == 1, 'the unread reply after the reload');
    await until(() => part(page.el, 'unread-badge'), 'the badge');
    expect(getComputedStyle(part(page.el, 'launcher')!).display).not.to.equal('none');
    // Once read, outside working hours the launcher goes.
    page.el.show();
    await until(() => page.el.unreadCount == 0, 'the reply read');
    page.el.hide();
    await until(() => getComputedStyle(part(page.el, 'launcher')!).display == 'none', 'the launcher hidden');
  });

  it('away-mode="email": outside working hours asks where to reply before the first message, and saves it on the contact', async () => {
    await inbox({working_hours_enabled: true, working_hours: closedUntilTheDayAfterTomorrow()});
    const {el} = await open({open: '', 'away-mode': 'email'});
    const form = await preChatForm(el);
    expect(textOf(form.shadowRoot!.querySelector('.intro'))).to.equal(en.away_email_ask);
    expect(deep(el, 'composer')).to.have.length(0);
    submit(form);
    await until(() => errorOf(form, en.field_email) == en.error_required, 'the required error');
    answer(form, en.field_email, 'not an address');
    await until(() => errorOf(form, en.field_email) == en.error_email, 'the email error');
    answer(form, en.field_email, 'ana@example.com');
    submit(form);
    await until(() => deep(el, 'composer').length == 1, 'the composer after the form');
    await typeAndSend(el, 'Please call me back');
    const contact = await until(async () => {
      const found = await contactOnServer().catch(() => null);
      return found?.email ? found : null;
    }, 'the contact with its email');
    expect(contact.email).to.equal('ana@example.com');
  });

  it('away-mode="email" inside working hours asks nothing', async () => {
    await inbox({working_hours_enabled: true, working_hours: alwaysOpen});
    const {el} = await open({open: '', 'away-mode': 'email'});
    await until(() => textOf(part(el, 'availability')) == en.online, 'the team in');
    await until(() => el.connectionState === 'connected', 'connected');
    expect(part(el, 'pre-chat-form')).to.equal(null);
    expect(deep(el, 'composer')).to.have.length(1);
  });

  it('the pre-chat form: every field type, errors in the UI language tied to their fields, answers stored where they belong', async () => {
    const {el} = await open();
    Object.assign(el, {
      preChatForm: {
        intro: 'Before we start',
        fields: [
          {name: 'name', label: 'Your name', type: 'text', required: true},
          {name: 'email', label: 'Your email', type: 'email', required: true},
          {name: 'phone_number', label: 'Phone', type: 'tel'},
          {name: 'age', label: 'Age', type: 'number'},
          {name: 'plan', label: 'Plan', type: 'select', required: true, options: ['free', 'pro']},
          {name: 'order', label: 'Order number', type: 'text', pattern: '[A-Z]{2}-\\d{4}', placeholder: 'AB-1234', target: 'conversation'},
          {name: 'details', label: 'Details', type: 'textarea', target: 'conversation'},
          {name: 'terms', label: 'I accept the terms', type: 'checkbox', required: true},
        ],
      },
    });
    await el.setCustomAttributes({source: 'pricing-page'});
    await el.setConversationCustomAttributes({page: '/pricing'});
    part(el, 'launcher')!.click();
    const form = await preChatForm(el);
    expect(textOf(form.shadowRoot!.querySelector('.intro'))).to.equal('Before we start');

    submit(form);
    await until(() => errorOf(form, 'Your name') == en.error_required, 'the errors');
    expect(errorOf(form, 'Your email')).to.equal(en.error_required);
    expect(errorOf(form, 'Plan')).to.equal(en.error_select);
    expect(errorOf(form, 'I accept the terms')).to.equal(en.error_checkbox);
    expect(errorOf(form, 'Phone')).to.equal(''); // optional
    // The first field in error has the focus.
    expect(form.shadowRoot!.activeElement).to.equal(control(form, 'Your name'));

    answer(form, 'Your name', 'Ana Lima');
    answer(form, 'Your email', 'ana@');
    answer(form, 'Phone', '12');
    answer(form, 'Order number', 'nope');
    submit(form);
    await until(() => errorOf(form, 'Your email') == en.error_email, 'the email error');
    expect(errorOf(form, 'Your name')).to.equal('');
    expect(errorOf(form, 'Phone')).to.equal(en.error_phone);
    expect(errorOf(form, 'Order number')).to.equal(en.error_pattern);

    answer(form, 'Your email', 'ana@example.com');
    answer(form, 'Phone', '+1 (555) 123-4567');
    answer(form, 'Age', '42');
    answer(form, 'Plan', 'pro');
    answer(form, 'Order number', 'AB-1234');
    answer(form, 'Details', 'The blue one');
    answer(form, 'I accept the terms', true);
    submit(form);
    await until(() => deep(el, 'composer').length == 1, 'the composer after the form');
    await until(() => el.connectionState === 'connected', 'connected');
    await typeAndSend(el, 'Hello');
    await until(() => el.messages.some((message) => message.id != null), 'the message sent');

    const contact = await contactOnServer();
    expect(contact).to.include({name: 'Ana Lima', email: 'ana@example.com', phone_number: '+15551234567'});
    expect(contact.custom_attributes).to.deep.equal({source: 'pricing-page', age: 42, plan: 'pro', terms: true});
    expect((await conversationOnServer()).custom_attributes).to.deep.equal({page: '/pricing', order: 'AB-1234', details: 'The blue one'});
  });

  it('pre-chat: fields setUser gave are skipped, and with all of them known there is no form', async () => {
    const {el} = await open({'pre-chat': ''});
    await el.setUser({name: 'Ana Lima'});
    part(el, 'launcher')!.click();
    const form = await preChatForm(el);
    expect([...form.shadowRoot!.querySelectorAll('label')].map(textOf)).to.deep.equal([en.field_email]);
    answer(form, en.field_email, 'ana@example.com');
    submit(form);
    await until(() => deep(el, 'composer').length == 1, 'the composer after the form');
    await typeAndSend(el, 'Hi');
    await until(() => el.messages.some((message) => message.id != null), 'the message sent');
    expect(await contactOnServer()).to.include({name: 'Ana Lima', email: 'ana@example.com'});

    t.page!.close();
    t.page = undefined;
    const again = await open({'pre-chat': '', storage: 'none'});
    await again.el.setUser({name: 'Bo', email: 'bo@example.com'});
    part(again.el, 'launcher')!.click();
    await until(() => again.el.connectionState === 'connected', 'connected without a form');
    expect(part(again.el, 'pre-chat-form')).to.equal(null);
    expect(deep(again.el, 'composer')).to.have.length(1);
  });

  it('identity required: no anonymous contact, a sign-in notice and identity-required, until setUser signs the visitor in', async () => {
    await inbox({identity_validation_enabled: true, hmac_token: 'e2e-key-1'});
    const {el, win} = await open();
    const errors: string[] = [];
    el.addEventListener('akece-error', (event) => errors.push(event.detail.code));
    part(el, 'launcher')!.click();
    await until(() => errors.includes('identity-required'), 'akece-error identity-required');
    await until(() => textOf(el.shadowRoot!.querySelector('.identity-required')) == en.identity_required, 'the sign-in notice');
    expect(deep(el, 'composer')).to.have.length(0);
    expect(requestsTo(win, t.server.url).some((entry) => /\/contacts/.test(entry.name))).to.equal(false);
    expect(errors).not.to.include('connect-failed');

    const {identifier_hash} = await agentCall<{identifier_hash: string}>(t.server, 'GET', '/identifier_hash?identifier=user-1042');
    await el.setUser({identifier: 'user-1042', identifierHash: identifier_hash, name: 'Ana'});
    await until(() => deep(el, 'composer').length == 1, 'the composer once signed in');
    await until(() => el.connectionState === 'connected', 'connected');
    await typeAndSend(el, 'Signed in now');
    await until(() => el.messages.some((message) => message.id != null), 'the message sent');
    const contact = await until(async () => {
      const found = await contactOnServer();
      return found.contact_inboxes.some((contactInbox) => contactInbox.hmac_verified) ? found : null;
    }, 'a verified contact');
    expect(contact.identifier).to.equal('user-1042');
    expect(field(el)).to.exist;
  });

  it('away-mode="hide" set after load (property or attribute): hidden at once outside working hours, with only the inbox read; shown again with away-mode show', async () => {
    await inbox({working_hours_enabled: true, working_hours: closedUntilTheDayAfterTomorrow()});
    const {el, win} = await open();
    const launcher = () => part(el, 'launcher')!;
    await el.updateComplete;
    expect(getComputedStyle(launcher()).display).not.to.equal('none');
    (el as typeof el & {awayMode: string}).awayMode = 'hide';
    await until(() => getComputedStyle(launcher()).display == 'none', 'the launcher hidden by the property');
    expect(requestsTo(win, t.server.url).map((entry) => new URL(entry.name).pathname)).to.deep.equal(['/public/api/v1/inboxes/demo-inbox']);
    el.setAttribute('away-mode', 'show');
    await until(() => getComputedStyle(launcher()).display != 'none', 'the launcher back with away-mode show');
    el.setAttribute('away-mode', 'hide');
    await until(() => getComputedStyle(launcher()).display == 'none', 'the launcher hidden by the attribute');
  });

  it('away-mode="hide" follows the agents’ availability over the socket: the launcher goes when the agent leaves and comes back with them, and an open panel stays open', async () => {
    await inbox({working_hours_enabled: false});
    await agent(t.server).presence('online');
    const {el} = await open({'presence-interval': '1'});
    const hidden = () => getComputedStyle(part(el, 'launcher')!).display == 'none';
    part(el, 'launcher')!.click();
    await until(() => el.connectionState === 'connected', 'connected');
    await typeAndSend(el, 'Hello, is anyone there?');
    await until(() => el.messages.some((message) => message.id != null), 'the message sent');
    el.setAttribute('away-mode', 'hide');
    await until(() => textOf(part(el, 'availability')) == en.online, 'the agent online');

    // The agent leaves while the visitor is in the conversation: nothing is taken from under them.
    await agent(t.server).presence('offline');
    await until(() => textOf(part(el, 'availability')) == en.away, 'the agent away, over the socket');
    expect(el.open).to.equal(true);
    expect(hidden()).to.equal(false);
    expect(shownTexts(el).some((text) => text.includes('Hello, is anyone there?'))).to.equal(true);
    el.hide();
    await until(() => hidden(), 'the launcher hidden once the panel is closed');

    await agent(t.server).presence('online');
    await until(() => !hidden(), 'the launcher back with the agent');
    part(el, 'launcher')!.click();
    await until(() => shownTexts(el).some((text) => text.includes('Hello, is anyone there?')), 'the conversation kept');
  });

  it('a returning visitor who never gave the pre-chat form’s details is asked them like a new one, saved on their contact, and not asked on the next visit', async () => {
    const first = await open();
    part(first.el, 'launcher')!.click();
    await until(() => first.el.connectionState === 'connected', 'connected');
    await typeAndSend(first.el, 'Hello from before the form');
    await until(() => first.el.messages.some((message) => message.id != null), 'the message sent');
    first.close(); // the contact stays stored
    t.page = undefined;

    const {el} = await open({'pre-chat': ''});
    part(el, 'launcher')!.click();
    const form = await preChatForm(el);
    expect([...form.shadowRoot!.querySelectorAll('label')].map(textOf)).to.deep.equal([en.field_name, en.field_email]);
    expect(deep(el, 'composer')).to.have.length(0);
    await until(() => shownTexts(el).some((text) => text.includes('Hello from before the form')), 'the conversation so far');
    answer(form, en.field_name, 'Ana Lima');
    answer(form, en.field_email, 'ana@example.com');
    submit(form);
    await until(() => deep(el, 'composer').length == 1, 'the composer after the form');
    const contact = await until(async () => {
      const found = await contactOnServer();
      return found.email ? found : null;
    }, 'the contact with its details');
    expect(contact).to.include({name: 'Ana Lima', email: 'ana@example.com'});

    t.page!.close();
    const again = (t.page = await open({'pre-chat': ''}));
    part(again.el, 'launcher')!.click();
    await until(() => deep(again.el, 'composer').length == 1, 'the composer, without a form');
    expect(part(again.el, 'pre-chat-form')).to.equal(null);
  });
});

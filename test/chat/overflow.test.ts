import {expect, fixture} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import type {AkeceChat} from '../../src/chat/chat.js';
import {en, type Catalogue} from '../../src/i18n/en.js';
import {languages} from '../../src/i18n/languages.js';
import {loadLocale} from '../../src/i18n/load.js';
import type {WorkingDay} from '../../src/i18n/office-hours.js';
import {TOKEN} from '../helpers/frames.js';
import {BASE, CONV, fakeNetwork, json, root, serve, settled, until, type Wire} from './kit.js';

// Every language's panel in the states of contract §11 (greeting, reply time, availability, the
// away notice, the pre-chat form with every field type and its errors, the away email ask), at a
// phone's width and on a desktop, left to right and right to left: no text container is wider
// than its box (scrollWidth ≤ clientWidth), no button's text is cut, and nothing sticks out of
// the panel. Only the network is faked.

const everyDay = [0, 1, 2, 3, 4, 5, 6];
const openAllDay: WorkingDay[] = everyDay.map((day_of_week) => ({day_of_week, closed_all_day: false, open_all_day: true, open_hour: null, open_minutes: null, close_hour: null, close_minutes: null}));
/** Closed today; 09:00–17:00 UTC the day after tomorrow: away, back on a named day. */
function closedForNow(): WorkingDay[] {
  const openDay = (new Date().getUTCDay() + 2) % 7;
  return everyDay.map((day_of_week) =>
    day_of_week == openDay
      ? {day_of_week, closed_all_day: false, open_all_day: false, open_hour: 9, open_minutes: 0, close_hour: 17, close_minutes: 0}
      : {day_of_week, closed_all_day: true, open_all_day: false, open_hour: null, open_minutes: null, close_hour: null, close_minutes: null}
  );
}

/** A form with every field type; the contact's own fields are named by the UI (in its language). */
const everyField = (strings: Catalogue) => ({
  fields: [
    {name: 'name', label: '', type: 'text', required: true},
    {name: 'email', label: '', type: 'email', required: true},
    {name: 'phone_number', label: '', type: 'tel'},
    {name: 'age', label: strings.field_name, type: 'number', required: true},
    {name: 'plan', label: strings.field_name, type: 'select', required: true, options: [strings.field_email, strings.field_phone]},
    {name: 'order', label: strings.field_name, type: 'text', pattern: '[A-Z]{2}', required: true},
    {name: 'details', label: strings.field_name, type: 'textarea'},
    {name: 'terms', label: strings.prechat_intro, type: 'checkbox', required: true},
  ],
});

const WIDTHS = [
  {name: 'phone', width: 360, height: 740},
  {name: 'desktop', width: 1280, height: 860},
];

/** Every element of `node`'s tree, through open shadow roots. */
function* allElements(node: ParentNode): Generator<Element> {
  for (const element of node.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* allElements(element.shadowRoot);
  }
}

/** What overflows in the panel: boxes narrower than their content, and boxes reaching outside the panel. */
function overflowsIn(el: AkeceChat): string[] {
  const panel = root(el).querySelector<HTMLElement>('[part~=panel]')!;
  const bounds = panel.getBoundingClientRect();
  const found: string[] = [];
  for (const element of allElements(panel)) {
    if (!(element instanceof HTMLElement)) continue;
    const style = getComputedStyle(element);
    if (style.display == 'none' || style.visibility == 'hidden' || style.display == 'inline') continue;
    const rect = element.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) continue; // screen-reader-only text
    const name = `${element.localName}${element.className && typeof element.className == 'string' ? '.' + element.className.split(' ').join('.') : ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
    // An input's own value may scroll inside it; its box must still fit.
    const textBox = !['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
    if (textBox && element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) found.push(`${name}: content ${element.scrollWidth}px in ${element.clientWidth}px`);
    if (rect.left < bounds.left - 1 || rect.right > bounds.right + 1) found.push(`${name}: outside the panel (${Math.round(rect.left)}–${Math.round(rect.right)} of ${Math.round(bounds.left)}–${Math.round(bounds.right)})`);
  }
  return found;
}

describe('<akece-chat> §11 panel states in every language: nothing overflows', function () {
  this.timeout(240000);
  fakeNetwork();
  let inbox: Wire;
  let mounts = 0;

  beforeEach(() => {
    serve(({method, url, tail, body}) => {
      if (url.pathname.includes('/inboxes/overflow-') && !url.pathname.includes('/contacts')) return json(inbox);
      if (url.pathname.endsWith('/contacts')) return json({source_id: 'src-1', pubsub_token: TOKEN, id: 555});
      if (tail == '/conversations') return method == 'GET' ? json([]) : json({id: CONV, status: 'open'});
      if (tail == `/conversations/${CONV}/messages`) return json(method == 'POST' ? {...body} : []);
      return undefined;
    });
  });
  after(() => setViewport({width: 800, height: 600}));

  /** The widget open in `tag` (each mount reads an inbox of its own: it is read once per page). */
  async function openIn(tag: string, attrs: Record<string, string>, form?: unknown) {
    const el = document.createElement('akece-chat') as AkeceChat & Record<string, unknown>;
    for (const [name, value] of Object.entries({'base-url': BASE, 'inbox-identifier': `overflow-${++mounts}`, locale: tag, ...attrs})) el.setAttribute(name, value);
    if (form) el.preChatForm = form;
    el.open = true;
    return fixture<AkeceChat>(el);
  }

  const formOf = (el: AkeceChat) => until(() => root(el).querySelector('[part~=pre-chat-form]')?.shadowRoot?.querySelector('form'), 'the pre-chat form').then(() => root(el).querySelector<HTMLElement>('[part~=pre-chat-form]')!);

  for (const {name: widthName, width, height} of WIDTHS) {
    for (const {tag, dir} of languages) {
      it(`${tag} (${dir}), ${widthName} ${width}px: greeting, reply time, team in, the pre-chat form with every field type and its errors; away, back when, the away notice and email ask`, async () => {
        await setViewport({width, height});
        const strings = tag == 'en' ? en : await loadLocale(tag);

        inbox = {name: strings.title, timezone: 'UTC', working_hours_enabled: true, working_hours: openAllDay, identity_validation_enabled: false};
        const inHours = await openIn(tag, {greeting: strings.greeting, 'reply-time': 'minutes'}, everyField(strings));
        const form = await formOf(inHours);
        await until(() => root(inHours).querySelector('[part~=availability]')?.textContent?.includes(strings.online), 'the team in');
        await settled(inHours);
        expect(root(inHours).querySelector('[part~=panel]')!.getAttribute('dir') ?? root(inHours).querySelector('[dir]')!.getAttribute('dir')).to.equal(dir);
        expect(overflowsIn(inHours), 'the form').to.deep.equal([]);
        for (const replyTime of ['hours', 'day']) {
          inHours.setAttribute('reply-time', replyTime);
          await settled(inHours);
          expect(overflowsIn(inHours), `reply time ${replyTime}`).to.deep.equal([]);
        }
        form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
        await until(() => form.shadowRoot!.querySelector('[aria-invalid=true]'), 'the errors');
        await settled(inHours);
        expect(overflowsIn(inHours), 'the errors').to.deep.equal([]);
        inHours.remove();

        inbox = {...inbox, working_hours: closedForNow()};
        const away = await openIn(tag, {greeting: strings.greeting, 'reply-time': 'day', 'away-mode': 'email'});
        const ask = await formOf(away);
        await until(() => root(away).querySelector('.away-notice'), 'the away notice');
        await until(() => (root(away).querySelector('[part~=availability]')?.textContent ?? '').length > strings.away.length + 3, 'back when');
        await settled(away);
        expect(overflowsIn(away), 'away').to.deep.equal([]);
        ask.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
        await until(() => ask.shadowRoot!.querySelector('[aria-invalid=true]'), 'the email error');
        await settled(away);
        expect(overflowsIn(away), 'the email error').to.deep.equal([]);
        away.remove();
      });
    }
  }

  it('an inbox name longer than the header (one long word, as a server may send) wraps inside it, at both widths', async () => {
    for (const {width, height} of WIDTHS) {
      await setViewport({width, height});
      inbox = {name: 'Customerservicedepartmentinternational'.repeat(3), timezone: 'UTC', working_hours_enabled: false, identity_validation_enabled: false};
      const el = await openIn('en', {'reply-time': 'day'});
      await until(() => root(el).querySelector('h2')?.textContent?.startsWith('Customerservice'), 'the inbox name');
      await settled(el);
      expect(overflowsIn(el)).to.deep.equal([]);
      el.remove();
    }
  });
});

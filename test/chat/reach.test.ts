import {expect, fixture} from '@open-wc/testing';
import {executeServerCommand, sendMouse} from '@web/test-runner-commands';
import sinon from 'sinon';
import type {AkeceChat} from '../../src/chat/chat.js';
import {en} from '../../src/i18n/en.js';
import type {FakeWebSocket} from '../../src/protocol/testing.js';
import {IDENTIFIER, TOKEN} from '../helpers/frames.js';
import {BASE, CONV, AGENT, VISITOR, wire, json, until, root, settled, fakeNetwork, connect, serve, type Wire} from './kit.js';

// Reaching the visitor (contract §10) on the real <akece-chat>: previews beside the closed
// launcher, the chime (counted through an AudioContext that counts its notes, still playing
// them) and system notifications (a Notification that records itself, still shown by the
// browser, whose permission the test grants through DevTools as a visitor's "Allow" would).
// Only the network (fetch, WebSocket) and, for bursts, Date are faked; clicks are the
// browser's own (sendMouse), so that the page really has a user activation.

/** Counts the chime's notes: two per chime. */
class CountingAudioContext extends AudioContext {
  static notes = 0;
  override createOscillator() {
    CountingAudioContext.notes++;
    return super.createOscillator();
  }
}
const chimes = () => CountingAudioContext.notes / 2;

/** Records every notification the widget raises. */
class RecordingNotification extends Notification {
  static raised: RecordingNotification[] = [];
  constructor(title: string, options?: NotificationOptions) {
    super(title, options);
    RecordingNotification.raised.push(this);
  }
}

/** Emulates the page being hidden (another tab in front) or shown again. */
function setPageHidden(hidden: boolean) {
  Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => (hidden ? 'hidden' : 'visible')});
  Object.defineProperty(document, 'hidden', {configurable: true, get: () => hidden});
  document.dispatchEvent(new Event('visibilitychange'));
}

/** A real click of the browser's mouse on `element` (a user activation). */
async function click(element: Element) {
  const box = element.getBoundingClientRect();
  await sendMouse({type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)]});
}

describe('<akece-chat> reaching the visitor', function () {
  this.timeout(30000);
  const net = fakeNetwork();
  const realAudioContext = window.AudioContext;
  const realNotification = window.Notification;

  beforeEach(() => {
    serve(({method, url, tail}) => {
      if (url.pathname.endsWith('/contacts')) return json({source_id: 'src-1', pubsub_token: TOKEN, id: 555});
      if (tail == '/conversations') return method == 'GET' ? json([{id: CONV, status: 'open', messages: []}]) : json({id: CONV, status: 'open'});
      if (tail == `/conversations/${CONV}`) return json({id: CONV, status: 'open'});
      if (tail == `/conversations/${CONV}/messages`) return json([]);
      return undefined; // last seen, typing
    });
    // A known contact: the widget connects at load, so replies arrive while the panel is closed.
    localStorage.setItem(`akece-chat:${BASE}:inbox`, JSON.stringify({k: {sourceId: 'src-1', pubsubToken: TOKEN}, o: []}));
    CountingAudioContext.notes = 0;
    RecordingNotification.raised = [];
    window.AudioContext = CountingAudioContext;
    window.Notification = RecordingNotification;
  });

  afterEach(async () => {
    window.AudioContext = realAudioContext;
    window.Notification = realNotification;
    delete (document as {visibilityState?: unknown}).visibilityState;
    delete (document as {hidden?: unknown}).hidden;
    await executeServerCommand('grant-permissions', {permissions: []});
  });

  async function mount(attrs = '') {
    const page = await fixture<HTMLElement>(`<div><button>page button</button><akece-chat base-url="${BASE}" inbox-identifier="inbox" ${attrs}></akece-chat></div>`);
    const el = page.querySelector('akece-chat')!;
    const ws = await connect(el, net.sockets);
    return {el, ws, pageButton: page.querySelector('button')!};
  }

  const reply = (ws: FakeWebSocket, data: Wire) => ws.receive({identifier: IDENTIFIER, message: {event: 'message.created', data: wire(data)}});
  const previews = (el: AkeceChat) => root(el).querySelector('akece-previews');
  const shown = (el: AkeceChat) => [...(previews(el)?.shadowRoot?.querySelectorAll<HTMLElement>('[part=preview]') ?? [])];
  const texts = (el: AkeceChat) => shown(el).map((b) => b.querySelector('.text')!.textContent);
  const part = (el: AkeceChat, name: string) => root(el).querySelector<HTMLElement>(`[part~=${name}]`);
  /** Waits until the previews show `text` last: the reply has been heard (and chimed or not). */
  const previewed = (el: AkeceChat, text: string) => until(() => texts(el).at(-1) == text, `a preview of "${text}"`);

  // First: the page has had no user activation yet (it lasts for the page's life).
  it('chimes once per burst, only after a user activation, never once muted or with sound="off"', async () => {
    const clock = sinon.useFakeTimers({now: Date.now(), toFake: ['Date']});
    const {el, ws, pageButton} = await mount();
    expect(navigator.userActivation.hasBeenActive, 'no gesture yet').to.equal(false);
    reply(ws, {content: 'Before any click'});
    await previewed(el, 'Before any click');
    expect(chimes(), 'no sound before the visitor interacted').to.equal(0);

    await click(pageButton);
    clock.tick(2500);
    reply(ws, {content: 'First of a burst'});
    await until(() => chimes() == 1, 'one chime');
    clock.tick(1500);
    reply(ws, {content: 'Same burst'});
    await previewed(el, 'Same burst'); // heard at this time
    clock.tick(1500);
    reply(ws, {content: 'Still the same burst'});
    await previewed(el, 'Still the same burst');
    expect(chimes(), 'replies less than 2 s apart are one burst').to.equal(1);

    clock.tick(2500);
    setPageHidden(true);
    el.show(); // open, but the page is hidden: the visitor does not see the reply
    await until(() => part(el, 'sound-toggle'), 'the sound toggle');
    reply(ws, {content: 'While hidden'});
    await until(() => chimes() == 2, 'a chime for the hidden page');
    setPageHidden(false);

    // Muted in the panel: remembered in the chosen storage.
    const toggle = part(el, 'sound-toggle')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(toggle.getAttribute('aria-label')).to.equal(en.sound_mute);
    await click(toggle);
    await until(() => toggle.getAttribute('aria-pressed') == 'true', 'muted');
    expect(JSON.parse(localStorage.getItem(`akece-chat:${BASE}:inbox:reach`)!)).to.include({muted: true});
    el.hide();
    await settled(el); // closed: what arrives now is unread
    clock.tick(2500);
    reply(ws, {content: 'Muted'});
    await previewed(el, 'Muted');
    expect(chimes()).to.equal(2);

    // Unmuted again, but the page turned sound off: no toggle, no chime.
    el.show();
    await settled(el);
    await until(() => part(el, 'sound-toggle'), 'the sound toggle');
    await click(part(el, 'sound-toggle')!);
    await until(() => part(el, 'sound-toggle')!.getAttribute('aria-pressed') == 'false', 'unmuted');
    el.setAttribute('sound', 'off');
    await until(() => !part(el, 'sound-toggle'), 'no toggle with sound="off"');
    el.hide();
    await settled(el);
    clock.tick(2500);
    reply(ws, {content: 'Sound off'});
    await previewed(el, 'Sound off');
    expect(chimes()).to.equal(2);
    clock.restore();
  });

  it('previews the newest three unread replies beside the closed launcher; a preview opens the panel', async () => {
    const {el, ws} = await mount();
    for (const content of ['One', 'Two', 'Three']) reply(ws, {content});
    reply(ws, {content: 'From me', message_type: 0, sender: VISITOR});
    reply(ws, {content: 'Four'});
    await previewed(el, 'Four');
    expect(texts(el)).to.deep.equal(['Two', 'Three', 'Four']);
    expect(shown(el)[0].querySelector('.name')!.textContent).to.equal(AGENT.available_name);
    // Read out once, by the root's live region (the previews are not one).
    expect(root(el).querySelector('[aria-live]')!.textContent).to.equal(`${AGENT.available_name}: Four`);
    await expect(el).to.be.accessible();

    await click(shown(el)[1]);
    await until(() => el.open, 'the panel open');
    await settled(el);
    expect(previews(el), 'no previews while the panel is open').to.equal(null);
    el.hide();
    await settled(el);
    expect(previews(el), 'all read: nothing to preview').to.equal(null);
  });

  it('hides the previews on dismiss (focus back on the launcher) until a newer reply; none with previews="off"', async () => {
    const {el, ws} = await mount();
    reply(ws, {content: 'Hello there'});
    await previewed(el, 'Hello there');
    await click(previews(el)!.shadowRoot!.querySelector('[part=preview-dismiss]')!);
    await until(() => !previews(el), 'the previews gone');
    expect(root(el).activeElement).to.equal(part(el, 'launcher'));
    expect(el.unreadCount, 'dismissed, still unread').to.equal(1);

    reply(ws, {content: 'Are you still there?'});
    await previewed(el, 'Are you still there?');
    expect(texts(el)).to.deep.equal(['Are you still there?']);

    el.setAttribute('previews', 'off');
    await until(() => !previews(el), 'no previews with previews="off"');
  });

  it('asks for notification permission only on the visitor’s click, then notifies of replies while the page is hidden; a notice opens the chat', async () => {
    const permission = sinon.spy(Notification, 'requestPermission');
    const {el, ws} = await mount('notifications="on"');
    el.show();
    await until(() => part(el, 'notifications-toggle'), 'the notifications toggle');
    const toggle = part(el, 'notifications-toggle')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(permission.called, 'no prompt without a click').to.equal(false);
    await expect(el).to.be.accessible();

    await executeServerCommand('grant-permissions', {permissions: ['notifications']});
    await click(toggle);
    await until(() => toggle.getAttribute('aria-pressed') == 'true', 'notifications on');
    el.hide();
    await settled(el);

    reply(ws, {content: 'Visible page: no notice'});
    await previewed(el, 'Visible page: no notice');
    expect(RecordingNotification.raised).to.have.length(0);

    setPageHidden(true);
    reply(ws, {content: 'Your order shipped'});
    await until(() => RecordingNotification.raised.length == 1, 'a notification');
    const [notice] = RecordingNotification.raised;
    expect([notice.title, notice.body]).to.deep.equal([`New message from ${AGENT.available_name}`, 'Your order shipped']);
    notice.dispatchEvent(new Event('click'));
    await until(() => el.open, 'the chat open');
  });

  it('says so when the browser blocks notifications, and asks nothing', async () => {
    await executeServerCommand('grant-permissions', {permissions: ['geolocation']}); // any other: notifications are then denied
    const permission = sinon.spy(Notification, 'requestPermission');
    const {el} = await mount('notifications="on"');
    el.show();
    await settled(el);
    await until(() => part(el, 'notifications-toggle'), 'the notifications toggle');
    const toggle = part(el, 'notifications-toggle')!;
    expect(Notification.permission).to.equal('denied');
    expect([toggle.getAttribute('aria-pressed'), toggle.getAttribute('aria-disabled'), toggle.title]).to.deep.equal(['false', 'true', en.notifications_denied]);
    await click(toggle);
    await settled(el);
    expect(permission.called).to.equal(false);
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
  });

  it('shows no notifications toggle and raises none by default', async () => {
    await executeServerCommand('grant-permissions', {permissions: ['notifications']});
    const {el, ws} = await mount();
    el.show();
    await until(() => part(el, 'sound-toggle'), 'the panel’s toggles');
    expect(part(el, 'notifications-toggle')).to.equal(null);
    el.hide();
    setPageHidden(true);
    reply(ws, {content: 'Hidden, but notifications are off'});
    await previewed(el, 'Hidden, but notifications are off');
    expect(RecordingNotification.raised).to.have.length(0);
  });
});

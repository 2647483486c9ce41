import {expect, fixture, fixtureCleanup, html, oneEvent} from '@open-wc/testing';
import sinon from 'sinon';
import type {AkeceChat} from '../../src/chat/chat.js';
import {fakeSockets} from '../../src/protocol/testing.js';
import {trackTimers} from '../helpers/timers.js';
import {until} from './kit.js';
import '../../src/define.js'; // registers the elements (guarded, as on a page)

// The root element with only the network edge faked: fetch returns real Responses from a tiny
// in-test Akece, and WebSocket is a FakeWebSocket the test drives.

const BASE = 'https://akece.test';
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), {status, headers: {'content-type': 'application/json'}});

/** The id the Web Locks API gives this page (found by holding a lock of its own for a moment). */
async function thisPagesClientId(): Promise<string> {
  const name = `test:client:${Math.random()}`;
  return navigator.locks.request(name, async () => (await navigator.locks.query()).held!.find((lock) => lock.name == name)!.clientId!);
}

describe('<akece-chat>', () => {
  let sockets: ReturnType<typeof fakeSockets>;
  let fetchStub: sinon.SinonStub;
  let realWebSocket: typeof WebSocket;

  beforeEach(() => {
    localStorage.clear();
    sockets = fakeSockets();
    realWebSocket = window.WebSocket;
    (window as unknown as {WebSocket: unknown}).WebSocket = sockets.WebSocket;
    fetchStub = sinon.stub(window, 'fetch').callsFake(async (input) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.endsWith('/contacts')) return json({source_id: 'src-1', pubsub_token: 'tok-1', id: 5});
      if (url.endsWith('/conversations')) return json([]);
      return json({});
    });
  });

  afterEach(async function () {
    // Every element removed (the fixtures' own cleanup, done here so that it comes first), the
    // tabs' locks must go too: a socket or sender left behind by a removed element would lead
    // the next test's tabs, holding its socket open after that element is removed in turn.
    fixtureCleanup();
    // (Locks are the origin's: the pages of other test files may hold theirs. Only this page's count.)
    const page = await thisPagesClientId();
    // (held, or still asked for: a removed element waiting in a queue would lead once its turn came)
    const leftOver = async () => {
      const {held = [], pending = []} = await navigator.locks.query();
      const ours = (lock: LockInfo) => lock.clientId == page && lock.name!.startsWith('akece-chat:');
      return [...held.filter(ours).map((lock) => `${lock.name} (held)`), ...pending.filter(ours).map((lock) => `${lock.name} (asked for)`)];
    };
    const end = performance.now() + 2000;
    while ((await leftOver()).length && performance.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
    const left = await leftOver();
    sinon.restore();
    window.WebSocket = realWebSocket;
    localStorage.clear();
    expect(left, `locks left after "${this.currentTest?.title}": ${left.join(', ')}`).to.deep.equal([]);
  });

  const mount = (attrs = html`<akece-chat base-url=${BASE} inbox-identifier="inbox"></akece-chat>`) => fixture<AkeceChat>(attrs);
  const part = (el: AkeceChat, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`);

  /** A known contact (stored) with conversation 87, no history: it connects at load; the socket is subscribed. */
  async function mountSubscribed() {
    localStorage.setItem(`akece-chat:${BASE}:inbox`, JSON.stringify({k: {sourceId: 'src-1', pubsubToken: 'tok-1'}}));
    fetchStub.callsFake(async (input) => {
      const url = String(input);
      if (url.endsWith('/conversations')) return json([{id: 87, status: 'open', messages: []}]);
      if (url.includes('/messages')) return json([]);
      return json({});
    });
    const el = await mount();
    await until(() => sockets.sockets.length > 0, 'the known contact\'s socket');
    const socket = sockets.last!;
    const identifier = JSON.stringify({channel: 'RoomChannel', pubsub_token: 'tok-1'});
    socket.accept();
    await socket.receive({type: 'welcome'});
    await socket.receive({identifier, type: 'confirm_subscription'});
    await until(() => el.connectionState == 'connected', 'connected');
    // The history request has been answered (empty) before the test's frames arrive.
    await until(() => fetchStub.getCalls().some((call) => String(call.args[0]).includes('/messages')), 'the history request');
    await el.updateComplete;
    return {el, socket, identifier};
  }

  it('renders its defaults: a closed floating launcher, no request, no socket, nothing stored', async () => {
    const el = await mount();
    expect(el.open).to.equal(false);
    expect(el.layout).to.equal('floating');
    expect(el.connectionState).to.equal('idle');
    expect(el.unreadCount).to.equal(0);
    expect(el.messages).to.deep.equal([]);
    expect(el.getAttribute('connection-state')).to.equal('idle');
    const launcher = part(el, 'launcher')!;
    expect(launcher.tagName).to.equal('BUTTON');
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    expect(part(el, 'panel'), 'no panel before it first opens (its code loads then)').to.equal(null);
    expect(fetchStub.called).to.equal(false);
    expect(sockets.sockets).to.have.length(0);
    expect(localStorage.length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('maps attributes to properties and never reflects secrets', async () => {
    const el = await fixture<AkeceChat>(html`<akece-chat
      base-url=${BASE}
      websocket-url="wss://cable.test/cable"
      inbox-identifier="inbox"
      conversation-id="87"
      layout="inline"
      position="left"
      theme="dark"
      locale="en-GB"
      storage="session"
      presence-interval="20"
      header-title="Support"
      header-subtitle="Here to help"
    ></akece-chat>`);
    expect(el.baseUrl).to.equal(BASE);
    expect(el.websocketUrl).to.equal('wss://cable.test/cable');
    expect(el.inboxIdentifier).to.equal('inbox');
    expect(el.conversationId).to.equal(87);
    expect(el.layout).to.equal('inline');
    expect(el.position).to.equal('left');
    expect(el.theme).to.equal('dark');
    expect(el.storage).to.equal('session');
    expect(el.presenceInterval).to.equal(20);
    expect(part(el, 'header')!.textContent).to.contain('Support').and.contain('Here to help');
    expect(part(el, 'launcher')).to.equal(null);
    el.pubsubToken = 'secret';
    el.contactIdentifier = 'src-secret';
    await el.updateComplete;
    expect(el.getAttribute('pubsub-token')).to.equal(null);
    expect(el.outerHTML).not.to.contain('secret');
  });

  it('opens from the launcher: creates the contact, subscribes, fires its events, moves focus', async () => {
    const el = await mount();
    const opened = oneEvent(el, 'akece-open-change');
    part(el, 'launcher')!.click();
    expect((await opened).detail).to.deep.equal({open: true});
    expect(el.open).to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    await until(() => sockets.sockets.length > 0, 'the socket, once the contact is created');
    // (the inbox itself may be read first, for the header: contract §11)
    expect(fetchStub.getCalls().map((call) => String(call.args[0]))).to.include('https://akece.test/public/api/v1/inboxes/inbox/contacts');
    const socket = sockets.last!;
    expect(socket.url).to.equal('wss://akece.test/cable');
    const changes: string[] = [];
    el.addEventListener('akece-connection-change', (e) => changes.push(e.detail.state));
    socket.accept();
    await socket.receive({type: 'welcome'});
    const identifier = JSON.stringify({channel: 'RoomChannel', pubsub_token: 'tok-1'});
    expect(socket.frames[0]).to.deep.equal({command: 'subscribe', identifier});
    await socket.receive({identifier, type: 'confirm_subscription'});
    expect(el.connectionState).to.equal('connected');
    expect(changes).to.include('connected');
    await el.updateComplete;
    expect(el.getAttribute('connection-state')).to.equal('connected');
    expect(JSON.parse(localStorage.getItem(localStorage.key(0)!)!).k ?? localStorage.getItem(localStorage.key(0)!)).to.exist;
    const composer = el.shadowRoot!.querySelector('akece-composer')!;
    expect(composer.shadowRoot!.activeElement?.tagName).to.equal('TEXTAREA');
  });

  it('adds agent messages from the socket, counts them unread while closed, and emits akece-message', async () => {
    const {el, socket, identifier} = await mountSubscribed();
    const got = oneEvent(el, 'akece-message');
    const unread = oneEvent(el, 'akece-unread-change');
    await socket.receive({
      identifier,
      message: {event: 'message.created', data: {id: 9, content: '<img src=x onerror=alert(1)> hi', message_type: 1, created_at: 1781692380, conversation_id: 87, sender: {id: 7, name: 'Priya'}}},
    });
    expect((await got).detail.message.content).to.contain('hi');
    expect((await unread).detail.count).to.equal(1);
    await el.updateComplete;
    expect(part(el, 'unread-badge')!.textContent!.trim()).to.equal('1');
    el.show(); // the message list comes with the panel's code
    await el.updateComplete;
    const list = el.shadowRoot!.querySelector('akece-message-list')!;
    await until(() => list.shadowRoot!.querySelector('[part~=message]'), 'the message in the opened panel');
    expect(list.shadowRoot!.querySelector('img[src=x]')).to.equal(null);
    expect(list.shadowRoot!.querySelector('[part~=message]')!.textContent).to.contain('<img src=x onerror=alert(1)> hi');
  });

  it('reads out each message from the other side once, with its sender, and typing, without a flood', async () => {
    const {el, socket, identifier} = await mountSubscribed();
    const region = () => el.shadowRoot!.querySelector('[aria-live=polite]')!;
    const said: string[] = [];
    // Every change of the region's text, as a screen reader would hear it.
    new MutationObserver(() => said.push(region().textContent!.trim())).observe(region(), {subtree: true, childList: true, characterData: true});
    const frame = (event: string, data: unknown) => socket.receive({identifier, message: {event, data}});
    // A frame is read once its transport hands it over (`frame` resolves then); the region's text
    // is in the DOM once the element has rendered, and the observer's records once that microtask has run.
    const settle = async () => {
      await el.updateComplete;
      await Promise.resolve();
    };
    const agent = {id: 7, name: 'Priya', type: 'user'};
    await frame('conversation.typing_on', {conversation: {id: 87}, is_private: false, user: agent});
    await settle();
    await frame('conversation.typing_on', {conversation: {id: 87}, is_private: false, user: agent}); // again: not repeated
    await settle();
    const message = (id: number, content: string) => ({id, content, message_type: 1, created_at: 1781692380 + id, conversation_id: 87, sender: {id: 7, name: 'Priya'}});
    await frame('message.created', message(1, 'Hello there'));
    await settle();
    await frame('message.created', message(1, 'Hello there')); // twice: read once
    await frame('message.updated', {...message(1, 'Hello there!'), updated_at: '2026-01-01T00:00:00Z'}); // an edit is not news
    await settle();
    // A burst (a backfill after a reconnect) is one announcement, the latest message.
    let burst: Promise<void> = Promise.resolve();
    for (let id = 2; id < 12; id++) burst = frame('message.created', message(id, `burst ${id}`));
    await burst;
    await settle();
    expect(said.filter(Boolean)).to.deep.equal(['Priya is typing…', 'Priya: Hello there', 'Priya: burst 11']);
    // The region is outside the panel, which is closed: a reply is heard all the same.
    expect(el.open).to.equal(false);
    expect(region().closest('[hidden]')).to.equal(null);
    // Unseen, and a long message read out does not make the page longer.
    const pageHeight = document.documentElement.scrollHeight;
    await frame('message.created', message(12, 'A long answer. '.repeat(2000)));
    await settle();
    expect(region().textContent).to.contain('A long answer.');
    // Its first paragraph, cut at a word, not 30,000 characters for a screen reader to read.
    const readOut = region().textContent!.trim();
    expect(readOut.endsWith('…'), readOut).to.equal(true);
    const start = readOut.slice('Priya: '.length, -1);
    expect('A long answer. '.repeat(2000).startsWith(`${start} `), 'cut after a whole word').to.equal(true);
    expect(readOut.length).to.be.within(200, 420);
    const box = region().getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([1, 1]);
    expect(document.documentElement.scrollHeight).to.equal(pageHeight);
  });

  it('takes deleted and edited text out of the live region at once, and empties it after it was read out (issue 12, item 1)', async () => {
    const {el, socket, identifier} = await mountSubscribed();
    const region = () => el.shadowRoot!.querySelector('[aria-live=polite]')!;
    const frame = (event: string, data: unknown) => socket.receive({identifier, message: {event, data}});
    const message = (id: number, content: string, more: object = {}) => ({id, content, message_type: 1, created_at: 1781692380 + id, conversation_id: 87, sender: {id: 7, name: 'Priya'}, ...more});
    await frame('message.created', message(31, 'My phone number is 555-0101'));
    await until(() => region().textContent!.includes('555-0101'), 'the message read out');
    await frame('message.updated', message(31, 'This message was deleted', {content_attributes: {deleted: true}}));
    await until(() => !region().textContent!.includes('555-0101'), 'the deleted text gone from the region');
    expect(el.shadowRoot!.textContent).to.not.contain('555-0101');
    await frame('message.created', message(32, 'Meet at 10'));
    await until(() => region().textContent!.includes('Meet at 10'), 'the next message read out');
    await frame('message.updated', message(32, 'Meet at 11'));
    await until(() => !region().textContent!.includes('Meet at 10'), 'the edited text gone from the region');
    // Once read out, the region empties by itself (a screen reader's browse mode finds nothing stale).
    await frame('message.created', message(33, 'Bye'));
    await until(() => region().textContent!.includes('Bye'), 'the last message read out');
    await until(() => region().textContent!.trim() == '', 'the region empty after it was read out', 8000);
  });

  it('picks white or black text on the accent, whichever reads (WCAG AA)', async () => {
    // Any CSS colour (the text is computed as lch()) as sRGB bytes: paint a pixel, read it.
    const ctx = document.createElement('canvas').getContext('2d', {willReadFrequently: true})!;
    const rgb = (color: string) => {
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, 1, 1);
      return `rgb(${[...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)].join(', ')})`;
    };
    // Relative luminance and contrast ratio as WCAG 2.1 defines them.
    const luminance = (color: string) => {
      const [r, g, b] = rgb(color).match(/[\d.]+/g)!.map((v) => {
        const c = Number(v) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    for (const [accent, text] of [
      ['', 'rgb(255, 255, 255)'],
      ['#fde047', 'rgb(0, 0, 0)'],
      ['#1e3a8a', 'rgb(255, 255, 255)'],
      ['#22c55e', 'rgb(0, 0, 0)'],
      ['#7c3aed', 'rgb(255, 255, 255)'],
      ['hsl(0 0% 100%)', 'rgb(0, 0, 0)'],
    ]) {
      const el = await mount();
      if (accent) el.style.setProperty('--akece-color-accent', accent);
      const launcher = part(el, 'launcher')!;
      const {color, backgroundColor} = getComputedStyle(launcher);
      expect(rgb(color), accent).to.equal(text);
      expect(contrast(color, backgroundColor), accent).to.be.at.least(4.5);
      el.remove();
    }
  });

  it('closes on Escape and gives focus back to the launcher', async () => {
    const el = await mount();
    el.show();
    await el.updateComplete;
    const closed = oneEvent(el, 'akece-open-change');
    part(el, 'panel')!.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true, composed: true}));
    expect((await closed).detail.open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'launcher'));
  });

  it('keeps internal intent events inside: none reaches the page', async () => {
    const el = await mount();
    const seen: string[] = [];
    const spy = (e: Event) => seen.push(e.type);
    const names = ['akece-toggle-request', 'akece-close-request', 'akece-send-request', 'akece-retry-request', 'akece-load-older-request', 'akece-answer-request', 'akece-typing'];
    for (const n of names) document.addEventListener(n, spy);
    part(el, 'launcher')!.click();
    await el.updateComplete;
    for (const n of names) document.removeEventListener(n, spy);
    expect(seen).to.deep.equal([]);
    expect(el.open).to.equal(true);
  });

  it('queues method calls made before it is connected and runs them in order', async () => {
    const el = document.createElement('akece-chat');
    el.baseUrl = BASE;
    el.inboxIdentifier = 'inbox';
    const user = el.setUser({name: 'Alex', email: 'alex@example.com'});
    el.show();
    document.body.append(el);
    await user;
    // The contact is created on open, with the user's details.
    const bodies = () => fetchStub.getCalls().map((c) => String(c.args[1]?.body ?? ''));
    await until(() => bodies().some((b) => b.includes('alex@example.com')), 'the contact created with the user\'s e-mail');
    expect(el.open).to.equal(true);
    el.remove();
  });

  it('survives remove and re-append, and leaves no timer or socket behind', async () => {
    const timers = trackTimers(); // before the widget exists, so its first timers count too
    try {
      const el = await mount();
      el.show();
      await until(() => sockets.sockets.length > 0, 'a socket');
      const socket = sockets.last!;
      socket.accept();
      await socket.receive({type: 'welcome'});
      const parent = el.parentElement!;
      expect(timers.live, 'the connected widget runs its timers').to.be.greaterThan(0);
      el.remove();
      expect(socket.readyState).to.equal(3);
      expect(el.connectionState).to.equal('idle');
      // The root renders once per frame; wait for that frame's work, then nothing may be left.
      await el.updateComplete;
      await until(() => timers.live == 0, 'every timer cleared after removal');
      parent.append(el);
      await until(() => sockets.sockets.length > 1, 'a new socket after re-append');
      expect(el.open).to.equal(true);
      expect(sockets.last).to.not.equal(socket);
      expect(sockets.last!.url).to.equal('wss://akece.test/cable');
    } finally {
      timers.restore();
    }
  });
});

import {expect, fixture, nextFrame} from '@open-wc/testing';
import sinon from 'sinon';
import type {AkeceChat} from '../../src/chat/chat.js';
import {en} from '../../src/i18n/en.js';
import {IDENTIFIER, TOKEN, fixtureJson} from '../helpers/frames.js';
import {BASE, CONV, VISITOR, RECORD_INVALID, wire, json, until, root, list, inList, settled, fakeNetwork, connect, serve, type Wire} from './kit.js';

// The accessibility matrix: axe (through @open-wc/testing, which looks inside shadow roots and
// checks colour contrast) on the real <akece-chat> in every visual state, in the light and the dark
// theme, plus custom accent colours. Only the network edge is faked: fetch answers from a tiny
// in-test Akece with real Responses, and WebSocket is a FakeWebSocket that the test drives with
// ActionCable frames (some taken from the shared protocol fixtures).

/** Media on the test server's own origin (no DNS lookup): a real picture from the demo shop, and
 * sound and video files that do not exist (a 404 changes nothing for axe). */
const PICTURE = `${location.origin}/demo/shop/shoe.svg`;
const ASSET = `${location.origin}/test/chat/missing-asset`;
// As the shared protocol fixture public-api-error-500.json.
const SERVER_ERROR = {status: 500, error: 'Internal Server Error'};

/** Every kind of message the widget renders, as the server's history page returns them. */
const everyKind = (): Wire[] => [
  wire({message_type: 0, sender: VISITOR, content: 'Hi, my invoice shows the wrong VAT number.'}),
  wire({content: 'Hi Alex! Let me check that for you.'}),
  wire({content: 'Here is **what to do**, _step by step_:\n\n- open [your account](https://shop.test/account)\n- press `Edit VAT`\n\n1. save\n2. reload'}),
  wire({
    content: 'The documents you asked for',
    attachments: [
      {file_type: 'image', data_url: PICTURE, thumb_url: PICTURE, file_size: 184233},
      {file_type: 'file', data_url: `${ASSET}/terms.pdf`, file_size: 2400000},
      {file_type: 'audio', data_url: `${ASSET}/note.mp3`},
      {file_type: 'video', data_url: `${ASSET}/howto.mp4`},
    ],
  }),
  wire({content: 'What is it about?', content_type: 'input_select', content_attributes: {items: [{title: 'Billing', value: 'billing'}, {title: 'Shipping', value: 'shipping'}]}}),
  wire({content: 'Where can we reach you?', content_type: 'input_email'}),
  wire({message_type: 3, sender: null, content: 'Please rate the conversation', content_type: 'input_csat', content_attributes: {display_type: 'emoji'}}),
  wire({message_type: 3, sender: null, content: 'And this one too', content_type: 'input_csat', content_attributes: {display_type: 'star'}}),
  wire({
    content: 'You may like',
    content_type: 'cards',
    content_attributes: {
      items: [
        {title: 'Trail shoe', description: 'Light and grippy', media_url: PICTURE, actions: [{text: 'Buy now', uri: 'https://shop.test/buy'}, {text: 'More like this', uri: ''}]},
      ],
    },
  }),
  wire({content: 'Read more', content_type: 'article', content_attributes: {items: [{title: 'VAT numbers explained', description: 'How to change yours', link: 'https://docs.test/vat'}]}}),
  wire({content: 'Sent by mistake', content_attributes: {deleted: true}}),
];

/** The visitor's own messages and an answered bot question: what the accent colours. */
const accentHistory = (): Wire[] => [
  wire({message_type: 0, sender: VISITOR, content: 'Hello, I need help with an order.'}),
  wire({
    content: 'Sure, which one?',
    content_type: 'input_select',
    content_attributes: {items: [{title: 'Latest order', value: 'latest'}, {title: 'Another one', value: 'other'}], submitted_values: [{title: 'Latest order', value: 'latest'}]},
  }),
  wire({message_type: 0, sender: VISITOR, content: 'The latest one, **please**: [link](https://shop.test/o/1)'}),
];


const part = (el: AkeceChat, name: string) => root(el).querySelector<HTMLElement>(`[part~=${name}]`);


/** Colour-contrast checks axe could not decide (it reports them as "incomplete", which
 * `accessible()` lets pass): text on a background it cannot compute would otherwise go unchecked.
 * What axe can never decide is left out: one-letter text (an agent's initial in the avatar) and
 * pictographs (the CSAT scale's emoji and stars, whose labels carry the text). */
async function undecidedContrast(el: Element): Promise<string[]> {
  const axe = (window as unknown as {axe: AxeLike}).axe;
  const r = await axe.run(el, {runOnly: ['color-contrast'], resultTypes: ['incomplete']});
  return r.incomplete.flatMap((rule) =>
    rule.nodes.filter((n) => !n.any.some((c) => /^(shortTextContent|nonBmp)$/.test(c.data?.messageKey ?? ''))).map((n) => `${n.target.join(' > ')}: ${n.any.map((c) => c.message).join('; ')}`)
  );
}
interface AxeLike {
  run(el: Element, o: object): Promise<{incomplete: {nodes: {target: string[]; any: {message: string; data?: {messageKey?: string}}[]}[]}[]}>;
}

/**
 * axe checks only what is on screen: a message scrolled out of the log is skipped, contrast
 * included. So the log is scrolled a screenful at a time, top to bottom, and axe runs at each
 * position; every message is seen once. A closed panel is one position.
 */
async function expectAccessible(el: AkeceChat) {
  // A widget that was never opened has no message list (the panel's code loads when it opens).
  const log = root(el).querySelector('akece-message-list')?.shadowRoot!.querySelector<HTMLElement>('[part~=messages]') ?? null;
  const step = Math.max(1, Math.floor((log?.clientHeight ?? 0) * 0.8));
  const stops = log?.clientHeight ? Array.from({length: Math.ceil(Math.max(1, log.scrollHeight - log.clientHeight) / step) + 1}, (_, i) => i * step) : [0];
  for (const top of stops) {
    if (log) {
      log.scrollTop = top;
      await nextFrame();
      await list(el).updateComplete;
    }
    await expect(el).to.be.accessible();
    expect(await undecidedContrast(el), 'contrast axe could not decide').to.deep.equal([]);
  }
}

describe('<akece-chat> accessibility (axe, both themes)', function () {
  this.timeout(30000);
  const net = fakeNetwork();
  /** The in-test server's state, reset for every test. */
  let server: {history: Wire[]; contactStatus: number; post: (body: Wire) => Promise<Response>};

  beforeEach(() => {
    server = {
      history: [],
      contactStatus: 200,
      post: async (body) => json({...wire({message_type: 0, sender: VISITOR, content: body.content}), echo_id: body.echo_id}),
    };
    serve(({method, url, tail, body}) => {
      if (url.pathname.endsWith('/contacts'))
        return server.contactStatus == 200
          ? json({source_id: 'src-1', pubsub_token: TOKEN, id: 555})
          : json(SERVER_ERROR, server.contactStatus);
      if (tail == '/conversations') return method == 'GET' ? json([{id: CONV, status: 'open', messages: []}]) : json({id: CONV, status: 'open'});
      if (tail == `/conversations/${CONV}`) return json({id: CONV, status: 'open'});
      if (tail == `/conversations/${CONV}/messages`) return method == 'POST' ? server.post(body) : json(url.searchParams.has('before') ? [] : server.history);
      return undefined; // last seen, typing
    });
  });

  /** Mounts <akece-chat> with these attributes (plus the base URL and inbox). */
  const mount = (attrs: Record<string, string>) =>
    fixture<AkeceChat>(
      `<akece-chat base-url="${BASE}" inbox-identifier="inbox" ${Object.entries(attrs)
        .map(([k, v]) => (v ? `${k}="${v}"` : k))
        .join(' ')}></akece-chat>`
    );


  /** Mounts an open widget (or inline, per `attrs`) with `history`, connected, every message shown. */
  async function openWith(attrs: Record<string, string>, history: Wire[]) {
    server.history = history;
    const el = await mount({open: '', ...attrs});
    const ws = await connect(el, net.sockets);
    await until(() => el.messages.length == history.length, 'the history');
    await settled(el);
    return {el, ws};
  }

  /** A socket event frame from a shared fixture, with `patch` applied to its data. */
  const fixtureEvent = async (name: string, patch: Wire = {}) => {
    const f = await fixtureJson<{identifier: string; message: {event: string; data: Wire}}>(name);
    Object.assign(f.message.data, patch);
    return f;
  };

  /** Everything at once: the whole history, the visitor's failed and pending messages, a resolved
   * and reopened conversation, agents online, an agent typing. */
  async function everything(attrs: Record<string, string>) {
    const {el, ws} = await openWith(attrs, everyKind());
    await ws.receive(await fixtureEvent('presence.update'));
    // First send: refused for good (422), shown failed with a retry button. Second: no answer yet, pending.
    server.post = async () => json(RECORD_INVALID, 422);
    await el.sendMessage('This one fails').catch(() => {});
    server.post = () => new Promise(() => {});
    el.sendMessage('This one is on its way').catch(() => {}); // rejected when the test unmounts
    await ws.receive(await fixtureEvent('conversation.status_changed', {status: 'resolved'}));
    await ws.receive(await fixtureEvent('conversation.status_changed', {status: 'open'}));
    await ws.receive(await fixtureEvent('conversation.typing_on'));
    await until(() => inList(el, '[part~=typing-indicator]').length, 'the typing indicator');
    await settled(el);
    // Every kind is rendered (so axe sees it), not only held in the state.
    const has = (sel: string, n = 1) => expect(inList(el, sel), sel).to.have.length.of.at.least(n);
    has('.bubble strong');
    has('.bubble em');
    has('.bubble ul li', 2);
    has('.bubble ol li', 2);
    has('.bubble code');
    has('.bubble a[target=_blank]');
    has('.bubble img');
    has('audio');
    has('video');
    has('a.file');
    has('.options button', 2);
    has('input[type=email]');
    has('input[type=radio]', 10);
    has('.card', 2);
    has('.status-note', 2);
    expect(inList(el, 'fieldset').map((f) => f.textContent)).to.satisfy((t: string[]) => t.some((x) => x.includes('★')) && t.some((x) => x.includes('😍')));
    expect(el.messages.map((m) => [m.role, m.status])).to.deep.include.members([
      ['visitor', 'failed'],
      ['visitor', 'pending'],
    ]);
    expect(el.messages.filter((m) => m.deleted)).to.have.length(1);
    expect(inList(el, '.bubble small button')).to.have.length(1); // the failed message's retry button
    expect(el.connectionState).to.equal('connected');
    return el;
  }

  type State = {name: string; build: (theme: string) => Promise<AkeceChat>};
  const states: State[] = [
    {
      name: 'closed',
      build: async (theme) => {
        const el = await mount({theme});
        await settled(el);
        expect(part(el, 'launcher')!.getAttribute('aria-expanded')).to.equal('false');
        expect(part(el, 'panel'), 'no panel before it first opens (its code loads then)').to.equal(null);
        return el;
      },
    },
    {
      name: 'closed, with an unread badge',
      build: async (theme) => {
        // A known contact connects at load, so agent replies count while the panel is closed.
        localStorage.setItem(`akece-chat:${BASE}:inbox`, JSON.stringify({k: {sourceId: 'src-1', pubsubToken: TOKEN}, o: []}));
        const el = await mount({theme});
        const ws = await connect(el, net.sockets);
        await ws.receive({identifier: IDENTIFIER, message: {event: 'message.created', data: wire({content: 'Your refund is on its way.'})}});
        await ws.receive({identifier: IDENTIFIER, message: {event: 'message.created', data: wire({content: 'Anything else?'})}});
        await until(() => part(el, 'unread-badge'), 'the unread badge');
        await settled(el);
        expect(part(el, 'unread-badge')!.textContent!.trim()).to.equal('2');
        expect(part(el, 'launcher')!.getAttribute('aria-label')).to.equal('Open chat, 2 unread messages');
        return el;
      },
    },
    {
      name: 'open and empty',
      build: async (theme) => {
        const {el} = await openWith({theme}, []);
        expect(part(el, 'panel')!.hidden).to.equal(false);
        expect(inList(el, '[part~=message]')).to.have.length(0);
        return el;
      },
    },
    {name: 'open, with every message type at once', build: (theme) => everything({theme})},
    {
      name: 'open, with an error shown (contact creation answered 500)',
      build: async (theme) => {
        server.contactStatus = 500;
        const el = await mount({theme, open: ''});
        await until(() => part(el, 'error'), 'the error box');
        await settled(el);
        expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
        expect(part(el, 'error')!.textContent!.trim()).to.equal(en.err_connect);
        return el;
      },
    },
    {
      name: 'open, reconnecting (socket dropped)',
      build: async (theme) => {
        const {el, ws} = await openWith({theme}, everyKind().slice(0, 5));
        ws.drop();
        await until(() => el.connectionState == 'reconnecting', 'reconnecting');
        await settled(el);
        expect(root(el).querySelector('[role=status]')!.textContent!.trim()).to.equal(en.reconnecting);
        return el;
      },
    },
    {
      name: 'open, offline (the browser reports no network)',
      build: async (theme) => {
        const {el} = await openWith({theme}, everyKind().slice(0, 5));
        sinon.stub(navigator, 'onLine').get(() => false);
        window.dispatchEvent(new Event('offline'));
        await until(() => el.connectionState == 'offline', 'offline');
        await settled(el);
        expect(root(el).querySelector('[role=status]')!.textContent!.trim()).to.equal(en.offline);
        return el;
      },
    },
    {
      name: 'open, with files waiting (an image, a voice note, a document), one refused, and a voice note recording',
      build: async (theme) => {
        const {el} = await openWith({theme}, everyKind().slice(0, 3));
        const composer = root(el).querySelector('akece-composer')!;
        composer.maxAttachmentSize = 100_000;
        const picture = await (await fetch(PICTURE)).blob();
        await composer.addFiles([
          new File([picture], 'shoe.svg', {type: 'image/svg+xml'}),
          new File([new Uint8Array(2000)], 'voice-message.webm', {type: 'audio/webm'}),
          new File([new Uint8Array(5000)], 'invoice.pdf', {type: 'application/pdf'}),
          new File([new Uint8Array(200_000)], 'too-big.zip', {type: 'application/zip'}),
        ]);
        composer.shadowRoot!.querySelector<HTMLButtonElement>('[part~=record-button]')!.click();
        await until(() => composer.shadowRoot!.querySelector('[part~=record-timer]'), 'recording');
        await settled(el);
        expect(composer.shadowRoot!.querySelectorAll('[part~=attachment-preview]')).to.have.length(3);
        return el;
      },
    },
    {
      name: 'inline layout',
      build: async (theme) => {
        const {el} = await openWith({theme, layout: 'inline'}, everyKind().slice(0, 6));
        expect(part(el, 'launcher')).to.equal(null);
        expect(part(el, 'panel')!.getAttribute('role')).to.equal('region');
        return el;
      },
    },
    {
      name: 'Arabic (locale="ar", right to left), every message type',
      build: async (theme) => {
        const ar = (await import('../../src/i18n/locales/ar.js')).default;
        const el = await everything({theme, locale: 'ar'});
        await until(() => part(el, 'header')!.textContent!.includes(ar.title), 'the Arabic strings');
        await settled(el);
        expect(root(el).querySelector('[dir]')!.getAttribute('dir')).to.equal('rtl');
        return el;
      },
    },
  ];

  for (const theme of ['light', 'dark'])
    for (const state of states)
      it(`${state.name}, theme="${theme}"`, async () => {
        const el = await state.build(theme);
        expect(el.getAttribute('theme')).to.equal(theme);
        await expectAccessible(el);
      });

  // Custom accents: the launcher, the header, the send button, the visitor's own messages and the
  // chosen bot option are drawn on the accent, so their text must stay readable on it.
  const accents = [
    {name: 'light yellow', value: '#fde047'},
    {name: 'dark navy', value: '#1e3a8a'},
  ];
  for (const accent of accents)
    for (const theme of ['light', 'dark'])
      it(`custom accent ${accent.name} (${accent.value}), open with own messages and a chosen bot option, theme="${theme}": no contrast violation`, async () => {
        const {el} = await openWith({theme, style: `--akece-color-accent: ${accent.value}`}, accentHistory());
        await el.sendMessage('And one sent just now');
        await settled(el);
        // The accent really is in use where text sits on it (computed colours are rgb()).
        const probe = document.body.appendChild(document.createElement('i'));
        probe.style.color = accent.value;
        const want = getComputedStyle(probe).color;
        probe.remove();
        const send = root(el).querySelector('akece-composer')!.shadowRoot!.querySelector<HTMLElement>('[part~=send-button]')!;
        for (const on of [...inList(el, '.bubble.own'), inList(el, '.options button[aria-pressed=true]')[0], send, part(el, 'header')!])
          expect(getComputedStyle(on).backgroundColor).to.equal(want);
        await expectAccessible(el);
      });
});

import {expect, fixture} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {AkeceChat} from '../../src/chat/chat.js';
import {en} from '../../src/i18n/en.js';
import type {FakeWebSocket} from '../../src/protocol/testing.js';
import {IDENTIFIER, TOKEN, fixtureJson} from '../helpers/frames.js';
import {BASE, CONV, T0, VISITOR, RECORD_INVALID, wire, json, until, root, inList, settled, fakeNetwork, connect, serve, type Wire} from './kit.js';

// Keyboard use of the real <akece-chat> with real key presses (sendKeys drives the browser's own
// keyboard, so focus moves as it does for a visitor): reaching and opening the launcher, the Tab
// order inside the panel, answering bot questions and the CSAT survey, retrying a failed message,
// Escape, visible focus rings, and focus that stays put while the conversation changes. Only the
// network edge is faked: fetch answers from a tiny in-test Akece, WebSocket is a FakeWebSocket.


/** A full first page (20 messages, so "Show older" is offered) ending with every answerable kind. */
const history = (): Wire[] => [
  ...Array.from({length: 16}, (_, i) => wire(i % 2 ? {} : {message_type: 0, sender: VISITOR})),
  wire({content: 'How can we help?', content_type: 'input_select', content_attributes: {items: [{title: 'Sales', value: 'sales'}, {title: 'Support', value: 'support'}]}}),
  wire({message_type: 3, sender: null, content: 'Please rate the conversation', content_type: 'input_csat', content_attributes: {display_type: 'emoji'}}),
  wire({content: 'Where can we reach you?', content_type: 'input_email'}),
  wire({
    content: 'You may like',
    content_type: 'cards',
    content_attributes: {items: [{title: 'Trail shoe', description: 'Light and grippy', media_url: '', actions: [{text: 'More like this', uri: ''}, {text: 'Buy now', uri: 'https://shop.test/buy'}]}]},
  }),
];

/** Tab order through the open panel, from the launcher to the page's next control. Links in
 * messages are stops too. A radio group is one stop; which of its radios takes focus while none is
 * checked is the browser's choice (Chromium: the first going forward, the last going back, and
 * afterwards the one focused last), so the walk names it only as "a rating". */
const RATING = 'radio "a rating"';
const stop = (d: string) => d.replace(/^radio "\d of 5"/, RATING).replace(`button "${en.loading}"`, `button "${en.older}"`);
const TAB_ORDER = [
  `button "${en.close}" [launcher]`,
  `button "${en.transcript}" [transcript-button]`,
  `button "${en.end_conversation}" [end-conversation-button]`,
  `button "${en.sound_mute}" [sound-toggle]`, // the header's toggles (contract §10), when their chunk is there
  `button "${en.close}"`, // the header's close button
  `log "${en.messages}" [messages]`,
  `button "${en.older}"`,
  'button "Sales"',
  'button "Support"',
  RATING,
  `textarea "${en.feedback}"`,
  `button "${en.submit}"`,
  `email "${en.email}"`,
  `button "${en.submit}"`,
  'button "More like this"',
  'link "Buy now"',
  `textarea "${en.input}"`,
  `button "${en.emoji_open}" [emoji-button]`,
  `button "${en.attach}" [attach-button]`,
  `button "${en.record}" [record-button]`,
  `button "${en.send}" [send-button]`,
  'button "after"',
];


/** The focused element, followed down through nested shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** A control as a visitor meets it: its kind, its accessible name and its part, if any. */
function nameOf(e: Element | null): string {
  if (!e) return 'nothing';
  if (e == document.body) return LOST;
  const kind = e.getAttribute('role') ?? (e.localName == 'a' ? 'link' : e.localName == 'input' ? (e as HTMLInputElement).type : e.localName);
  const name = e.getAttribute('aria-label') ?? e.textContent!.trim();
  const part = e.getAttribute('part');
  return `${kind} "${name}"${part ? ` [${part}]` : ''}`;
}
/** Focus fell out of every control (the focused one was removed). */
const LOST = 'the page body (focus lost)';
const focused = () => nameOf(deepActive());

/** Presses a key like a visitor; `Shift+Tab` holds Shift around the Tab (puppeteer has no combos). */
async function press(key: string) {
  const [mod, k] = key.includes('+') ? key.split('+') : ['', key];
  if (mod) await sendKeys({down: mod});
  await sendKeys({press: k});
  if (mod) await sendKeys({up: mod});
}

/** Presses `key` until the focused control matches `want` (at most `max` presses); returns every
 * control passed, after calling `each` on it while it has focus. */
async function pressUntil(key: string, want: (d: string) => boolean, max = 30, each?: (e: Element) => void): Promise<Element[]> {
  const seen: Element[] = [];
  for (let i = 0; i < max; i++) {
    await press(key);
    seen.push(deepActive()!);
    each?.(deepActive()!);
    if (want(focused())) return seen;
  }
  throw new Error(`${key} never reached the control; passed ${seen.map(nameOf).join(', ')}`);
}

/** A visible focus ring: an outline, or a box-shadow the control does not have unfocused. */
type Ring = {outline: string; outlineColor: string; shadow: string};
const ringOf = (e: Element): Ring => {
  const s = getComputedStyle(e);
  return {outline: s.outlineStyle != 'none' && parseFloat(s.outlineWidth) > 0 ? `${s.outlineStyle} ${s.outlineWidth}` : '', outlineColor: s.outlineColor, shadow: s.boxShadow};
};

/** Any CSS colour (rgb(), lch(), …) as sRGB 0–255 and alpha 0–1, read back from a 1×1 canvas. */
const pen = document.createElement('canvas').getContext('2d', {willReadFrequently: true})!;
const rgba = (c: string) => {
  pen.clearRect(0, 0, 1, 1);
  pen.fillStyle = c;
  pen.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = pen.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
};
/** WCAG relative luminance and contrast of two opaque colours. */
const luminance = (c: string) => {
  const [r, g, b] = rgba(c).slice(0, 3).map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
/** The colour a focus ring drawn around `e` is seen against: the backgrounds of its ancestors
 * (across shadow roots), translucent ones blended over the first opaque one, white at the top. */
function behind(e: Element, self = false): string {
  const layers: number[][] = [];
  const up = (n: Element) => n.parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null);
  for (let n: Element | null = self ? e : up(e); n; n = up(n)) {
    const [r, g, b, a] = rgba(getComputedStyle(n).backgroundColor);
    if (a > 0) layers.unshift([r, g, b, a]);
    if (a == 1) break;
  }
  const [r, g, b] = layers.reduce(([r0, g0, b0], [r, g, b, a]) => [r * a + r0 * (1 - a), g * a + g0 * (1 - a), b * a + b0 * (1 - a)], [255, 255, 255]);
  return `rgb(${r}, ${g}, ${b})`;
}

describe('<akece-chat> by keyboard', function () {
  this.timeout(30000);
  const net = fakeNetwork();
  /** Requests the in-test server received, bodies decoded. */
  let requests: {method: string; path: string; body: Wire}[];
  /** `older()`: how many messages the next page before the oldest one holds (20: a full page, so
   * more are offered), or null for a page that never arrives (a slow server). */
  let server: {history: Wire[]; post: (body: Wire) => Promise<Response>; older: () => number | null | Promise<number>};

  beforeEach(() => {
    requests = [];
    server = {history: [], post: async (body) => json({...wire({message_type: 0, sender: VISITOR, content: body.content}), echo_id: body.echo_id}), older: () => 20};
    serve(async ({method, url, tail, body}) => {
      requests.push({method, path: tail + url.search, body});
      if (url.pathname.endsWith('/contacts')) return json({source_id: 'src-1', pubsub_token: TOKEN, id: 555});
      if (tail == '/conversations') return method == 'GET' ? json([{id: CONV, status: 'open', messages: []}]) : json({id: CONV, status: 'open'});
      if (tail == `/conversations/${CONV}`) return json({id: CONV, status: 'open'});
      if (tail == `/conversations/${CONV}/messages`) {
        if (method == 'POST') return server.post(body);
        const before = Number(url.searchParams.get('before'));
        if (!before) return json(server.history);
        const n = await server.older();
        if (n == null) return new Promise<Response>(() => {});
        return json(Array.from({length: n}, (_, i) => ({...wire({content: `Older ${before - n + i}`}), id: before - n + i, created_at: T0 - 1000 + i})));
      }
      const answered = /\/messages\/(\d+)$/.exec(tail);
      if (answered && method == 'PATCH') {
        // As Akece does: the answer is stored in content_attributes.submitted_values.
        const m = server.history.find((w) => w.id == +answered[1])!;
        m.content_attributes = {...m.content_attributes, submitted_values: body.submitted_values};
        return json(m);
      }
      return undefined; // last seen, typing
    });
  });

  /** The widget between two page buttons, so Tab has somewhere to come from and go to. */
  async function mount(attrs = '') {
    const page = await fixture<HTMLElement>(`<div><button>before</button><akece-chat base-url="${BASE}" inbox-identifier="inbox" ${attrs}></akece-chat><button>after</button></div>`);
    const el = page.querySelector('akece-chat')!;
    await el.updateComplete;
    return {el, before: page.querySelector('button')!};
  }

  const launcher = (el: AkeceChat) => root(el).querySelector<HTMLButtonElement>('[part~=launcher]')!;
  /** The composer's text field; null until the panel's code has arrived. */
  const textarea = (el: AkeceChat) => root(el).querySelector('akece-composer')?.shadowRoot?.querySelector('textarea') ?? null;



  /** Tabs from the page to the launcher and opens it with `key`; connects and waits for the history. */
  async function openByKeyboard(key = 'Enter', messages = history()) {
    server.history = messages;
    const {el, before} = await mount();
    before.focus();
    await sendKeys({press: 'Tab'});
    expect(deepActive()).to.equal(launcher(el));
    await sendKeys({press: key});
    await until(() => el.open && deepActive() == textarea(el), 'the panel open with focus in the composer');
    const ws = await connect(el, net.sockets);
    await until(() => el.messages.length == messages.length, 'the history');
    await settled(el);
    return {el, ws};
  }

  for (const key of ['Enter', 'Space'])
    it(`reaches the launcher with Tab and opens it with ${key}, moving focus to the composer's text field`, async () => {
      const {el} = await openByKeyboard(key, []);
      expect(el.open).to.equal(true);
      expect(launcher(el).getAttribute('aria-expanded')).to.equal('true');
      expect(focused()).to.equal(`textarea "${en.input}"`);
    });

  it('has a sensible Tab order through the open panel, and Shift+Tab walks it back', async () => {
    const {el} = await openByKeyboard();
    // Focusing "Show older" scrolls the log to its top, which asks for the older page; that page
    // never arrives here, so the walk sees the panel as it is (the button then reads "Loading…").
    server.older = () => null;
    await until(() => root(el).querySelector('[part~=sound-toggle]'), 'the header’s toggles (their chunk loads with the panel)');
    // Back from the composer to the launcher…
    const back = await pressUntil('Shift+Tab', (d) => d.endsWith('[launcher]'));
    // …then forward to the page's next control.
    const forward = await pressUntil('Tab', (d) => d == 'button "after"');
    expect([`button "${en.close}" [launcher]`, ...forward.map(nameOf)].map(stop)).to.deep.equal(TAB_ORDER);
    expect(back.map(nameOf).map(stop)).to.deep.equal(TAB_ORDER.slice(0, TAB_ORDER.indexOf(`textarea "${en.input}"`)).reverse());
    expect(el.open).to.equal(true);
  });

  for (const key of ['Enter', 'Space'])
    it(`answers a bot question with ${key} on an option button: sends the answer and shows it pressed`, async () => {
      const {el} = await openByKeyboard();
      await pressUntil('Shift+Tab', (d) => d == 'button "Support"');
      await sendKeys({press: key});
      await until(() => requests.some((r) => r.method == 'PATCH'), 'the answer');
      const question = server.history.find((w) => w.content_type == 'input_select')!;
      const patch = requests.find((r) => r.method == 'PATCH')!;
      expect(patch.path).to.equal(`/conversations/${CONV}/messages/${question.id}`);
      expect(patch.body).to.deep.equal({submitted_values: [{title: 'Support', value: 'support'}]});
      await until(() => inList(el, '.options button[aria-pressed=true]').length, 'the pressed option');
      const options = inList(el, '.options button') as HTMLButtonElement[];
      expect(options.map((b) => [b.textContent!.trim(), b.getAttribute('aria-pressed'), b.disabled])).to.deep.equal([
        ['Sales', 'false', true],
        ['Support', 'true', true],
      ]);
      expect(requests.filter((r) => r.method == 'PATCH')).to.have.length(1);
    });

  it('rates the CSAT survey by keyboard: arrow keys move between the ratings, the form submits the choice', async () => {
    const {el} = await openByKeyboard();
    // Shift+Tab enters the unanswered scale at its last rating (the browser's rule)
    await pressUntil('Shift+Tab', (d) => d.startsWith('radio'));
    expect(focused()).to.equal('radio "5 of 5"');
    for (const [key, want] of [
      ['ArrowLeft', 4],
      ['ArrowLeft', 3],
      ['ArrowUp', 2],
      ['ArrowRight', 3],
      ['ArrowDown', 4],
    ] as const) {
      await sendKeys({press: key});
      expect(focused(), key).to.equal(`radio "${want} of 5"`);
      expect((deepActive() as HTMLInputElement).checked).to.equal(true);
    }
    await sendKeys({press: 'Tab'});
    expect(focused()).to.equal(`textarea "${en.feedback}"`);
    await sendKeys({type: 'Quick and helpful'});
    await sendKeys({press: 'Tab'});
    expect(focused()).to.equal(`button "${en.submit}"`);
    await sendKeys({press: 'Enter'});
    await until(() => requests.some((r) => r.method == 'PATCH'), 'the rating');
    const survey = server.history.find((w) => w.content_type == 'input_csat')!;
    const patch = requests.find((r) => r.method == 'PATCH')!;
    expect(patch.path).to.equal(`/conversations/${CONV}/messages/${survey.id}`);
    expect(patch.body).to.deep.equal({submitted_values: {csat_survey_response: {rating: 4, feedback_message: 'Quick and helpful'}}});
    // What was sent is confirmed in place of the form, and focus stays in the log
    await until(() => inList(el, '.answer-summary [role=img]').length, 'the answered survey');
    const sent = inList(el, '.answer-summary')[0];
    expect(sent.querySelector('[role=img]')!.getAttribute('aria-label')).to.equal('4 of 5');
    expect(sent.textContent).to.contain(en.csat_thanks).and.to.contain('Quick and helpful');
    expect(inList(el, 'input[type=radio]')).to.have.length(0);
    expect(focused()).to.equal(`log "${en.messages}" [messages]`);
  });

  it('answers the email question by typing and pressing Enter', async () => {
    const {el} = await openByKeyboard();
    await pressUntil('Shift+Tab', (d) => d == `email "${en.email}"`);
    await sendKeys({type: 'alex@example.com'});
    await sendKeys({press: 'Enter'});
    await until(() => requests.some((r) => r.method == 'PATCH'), 'the email');
    expect(requests.find((r) => r.method == 'PATCH')!.body).to.deep.equal({submitted_values: [{name: 'email', title: 'alex@example.com', value: 'alex@example.com'}]});
    await until(() => inList(el, '.answer-summary').some((s) => s.textContent!.includes('alex@example.com')), 'the thank-you');
    expect(inList(el, 'input[type=email]')).to.have.length(0);
    expect(focused()).to.equal(`log "${en.messages}" [messages]`);
  });

  it("sends a card's button text with Enter", async () => {
    await openByKeyboard();
    await pressUntil('Shift+Tab', (d) => d == 'button "More like this"');
    await sendKeys({press: 'Enter'});
    await until(() => requests.some((r) => r.method == 'POST' && r.path.endsWith('/messages')), 'the message');
    expect(requests.find((r) => r.method == 'POST' && r.path.endsWith('/messages'))!.body.content).to.equal('More like this');
  });

  it("retries a failed message with the keyboard: the retry button is reached with Shift+Tab and works with Enter", async () => {
    const {el} = await openByKeyboard('Enter', []);
    let posts = 0;
    const ok = server.post;
    server.post = async (body) => (++posts == 1 ? json(RECORD_INVALID, 422) : ok(body));
    await sendKeys({type: 'Where is my parcel?'});
    await sendKeys({press: 'Enter'});
    await until(() => el.messages.some((m) => m.status == 'failed'), 'the failed message');
    await settled(el);
    await press('Shift+Tab');
    expect(focused()).to.equal(`button "${en.retry}"`);
    await sendKeys({press: 'Enter'});
    await until(() => el.messages.at(-1)!.status == 'sent', 'the message sent');
    const sent = requests.filter((r) => r.method == 'POST' && r.path.endsWith('/messages')).map((r) => r.body);
    expect(sent).to.have.length(2);
    expect(sent[1]).to.deep.equal(sent[0]); // the same content and echo_id: shown once
    expect(sent[0].content).to.equal('Where is my parcel?');
    await settled(el);
    expect(inList(el, '.bubble small button')).to.have.length(0);
  });

  it('keeps focus in the widget when the focused "Show older" button goes away with the last page', async () => {
    const {el} = await openByKeyboard();
    // The page is held until the button has focus: focusing it scrolls the log to its top,
    // which asks for the page at once.
    let release!: (n: number) => void;
    server.older = () => new Promise<number>((r) => (release = r));
    await pressUntil('Shift+Tab', () => deepActive()?.classList.contains('older') ?? false);
    await until(() => release, 'the request for the older page');
    await settled(el);
    expect(focused()).to.equal(`button "${en.loading}"`);
    release(5); // a short page: the oldest, so the button goes away
    await until(() => el.messages.length == 25, 'the older page');
    await settled(el);
    expect(requests.filter((r) => r.path.includes('before='))).to.have.length(1);
    expect(inList(el, '.older')).to.have.length(0);
    // Focus falls back to the log, inside the widget, not to the page's body. (Names are
    // compared, not elements: a failed comparison of DOM nodes makes the runner serialise the
    // whole document, which brings the browser down.)
    expect(focused()).to.equal(`log "${en.messages}" [messages]`);
    expect(document.activeElement === el).to.equal(true);
  });

  const escapeFrom: [string, string][] = [
    ['the composer', `textarea "${en.input}"`],
    ["the header's close button", `button "${en.close}"`],
    ['a bot option button', 'button "Sales"'],
  ];
  for (const [where, control] of escapeFrom)
    it(`closes with Escape from ${where} and gives focus back to the launcher`, async () => {
      const {el} = await openByKeyboard();
      if (focused() != control) await pressUntil('Shift+Tab', (d) => d == control);
      await sendKeys({press: 'Escape'});
      await until(() => !el.open, 'closed');
      await until(() => deepActive() == launcher(el), 'focus on the launcher');
      expect(launcher(el).getAttribute('aria-expanded')).to.equal('false');
      expect(root(el).querySelector<HTMLElement>('[part~=panel]')!.hidden).to.equal(true);
    });

  it('shows a visible focus ring on every control reached by keyboard (failed message and closed launcher included)', async () => {
    const {el, before} = await mount();
    before.focus();
    await sendKeys({press: 'Tab'});
    const rings = new Map<Element, Ring>([[launcher(el), ringOf(launcher(el))]]);
    // The history is on the server before opening: a session that loads it at once finds it.
    server.history = history();
    server.older = () => null; // (see the Tab order test)
    await sendKeys({press: 'Enter'});
    await until(() => deepActive() == textarea(el), 'the composer focused');
    await connect(el, net.sockets);
    await until(() => el.messages.length == 20, 'the history');
    server.post = async () => json(RECORD_INVALID, 422);
    await sendKeys({type: 'Not going through'});
    await sendKeys({press: 'Enter'});
    await until(() => inList(el, '.bubble small button').length, 'the retry button');
    await settled(el);
    const measure = (e: Element) => rings.has(e) || rings.set(e, ringOf(e));
    await pressUntil('Shift+Tab', (d) => d.endsWith('[launcher]'), 30, measure);
    await pressUntil('Tab', (d) => d == 'button "after"', 30, measure);
    // Focus is now outside the widget: the unfocused look of each control, to tell a ring from a shadow it always has.
    const controls = [...rings.keys()].filter((e) => e.getRootNode() != document);
    expect(controls.every((e) => e.isConnected)).to.equal(true);
    expect(controls.map(nameOf).map(stop)).to.include.members([`button "${en.retry}"`, RATING, `log "${en.messages}" [messages]`, `button "${en.older}"`, `button "${en.send}" [send-button]`]);
    const missing = controls.filter((e) => !rings.get(e)!.outline && rings.get(e)!.shadow == getComputedStyle(e).boxShadow).map(nameOf);
    expect(missing, 'controls without a focus ring').to.deep.equal([]);
  });

  // WCAG 2.2 (1.4.11, 2.4.13): a focus ring must contrast 3:1 with what is around it, whatever
  // the accent: a light accent on a light surface, or a dark accent on the dark one, must not
  // make it vanish.
  const ringCases = [
    {accent: '', theme: 'light'},
    {accent: '', theme: 'dark'},
    {accent: '#fde047', theme: 'light'},
    {accent: '#fde047', theme: 'dark'},
    {accent: '#1e3a8a', theme: 'light'},
    {accent: '#1e3a8a', theme: 'dark'},
  ];
  for (const c of ringCases)
    it(`focus rings contrast 3:1 with their surroundings, accent ${c.accent || 'default'}, theme="${c.theme}"`, async () => {
      server.history = history();
      server.older = () => null; // (see the Tab order test)
      const {el} = await mount(`theme="${c.theme}" ${c.accent ? `style="--akece-color-accent: ${c.accent}"` : ''}`);
      el.show();
      await connect(el, net.sockets);
      await until(() => el.messages.length == 20 && deepActive() == textarea(el), 'the open panel');
      await settled(el);
      const ratios: string[] = [];
      const weak: string[] = [];
      await pressUntil('Shift+Tab', (d) => d.endsWith('[launcher]'), 30, (e) => {
        const r = ringOf(e);
        expect(r.outline, `${nameOf(e)} has a ring`).to.not.equal('');
        // A ring drawn inside the control (negative offset) lies on the control's own background.
        const ratio = contrast(r.outlineColor, behind(e, parseFloat(getComputedStyle(e).outlineOffset) < 0));
        ratios.push(`${nameOf(e)}: ${ratio.toFixed(2)}:1`);
        if (ratio < 3) weak.push(ratios.at(-1)!);
      });
      expect(ratios.length).to.be.greaterThan(10);
      expect(weak, 'focus rings under 3:1').to.deep.equal([]);
    });

  // The widget never takes focus on its own (contract §6): what the visitor focused stays
  // focused, and what they typed stays typed, whatever the conversation does meanwhile.
  const happenings: [string, (el: AkeceChat, ws: FakeWebSocket) => Promise<unknown>][] = [
    [
      'an agent message arrives',
      async (el, ws) => {
        await ws.receive({identifier: IDENTIFIER, message: {event: 'message.created', data: wire({content: 'Found it: **order 1042**.'})}});
        await until(() => inList(el, '[part~=message]').some((m) => m.textContent!.includes('order 1042')), 'the new message');
      },
    ],
    [
      'an agent starts typing',
      async (el, ws) => {
        await ws.receive(await fixtureJson('conversation.typing_on'));
        await until(() => inList(el, '[part~=typing-indicator]').length, 'the typing indicator');
      },
    ],
    [
      'the connection drops and comes back',
      async (el, ws) => {
        const n = net.sockets.sockets.length;
        ws.drop();
        await until(() => el.connectionState == 'reconnecting', 'reconnecting');
        await settled(el);
        await connect(el, net.sockets, n);
        await until(() => requests.filter((r) => r.path.endsWith('/messages')).length >= 2, 'the backfill');
      },
    ],
    [
      'older messages are loaded above it',
      async (el) => {
        // The visitor scrolls the log to its top (wheel or touch: focus stays where it is).
        const log = inList(el, '[part~=messages]')[0];
        log.scrollTop = 0;
        await until(() => el.messages.length == 40, 'the older page');
      },
    ],
  ];
  const spots: [string, string][] = [
    ['the composer (with text typed)', `textarea "${en.input}"`],
    ['the message log', `log "${en.messages}" [messages]`],
    ['a bot option button', 'button "Support"'],
  ];
  for (const [spot, control] of spots)
    for (const [what, happen] of happenings)
      it(`keeps focus in ${spot} when ${what}`, async () => {
        const {el, ws} = await openByKeyboard();
        const typed = 'I also wanted to ask';
        if (control == focused()) await sendKeys({type: typed});
        else await pressUntil('Shift+Tab', (d) => d == control);
        const before = deepActive();
        await happen(el, ws);
        await settled(el);
        expect(focused()).to.equal(control);
        expect(deepActive()).to.equal(before);
        if (control.startsWith('textarea')) expect(textarea(el)!.value).to.equal(typed);
      });
});

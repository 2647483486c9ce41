import {expect, fixture, html} from '@open-wc/testing';
import sinon from 'sinon';
import type {AkeceChat} from '../../src/chat/chat.js';
import {fakeSockets, type FakeWebSocket} from '../../src/protocol/testing.js';
import {IDENTIFIER, TOKEN} from '../helpers/frames.js';
import {richReady} from '../../src/components/message/load-rich.js';
import '../../src/define.js'; // registers the elements (guarded, as on a page)

// Oversized input through the real element (only fetch and WebSocket faked): a 150,000-character
// message, 10,000 messages, a 5,000-character sender name. The widget renders them, keeps its DOM
// small, and the composer still works. Times are measured and printed, not asserted.

const BASE = 'https://akece.test';
const CONV = 87;
const T0 = 1781692380;
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), {status, headers: {'content-type': 'application/json'}});
const wire = (id: number, content: string, extra: Record<string, unknown> = {}) => ({
  id,
  content,
  conversation_id: CONV,
  message_type: 1,
  created_at: T0 + id,
  content_type: 'text',
  content_attributes: {},
  status: 'sent',
  sender: {id: 7, name: 'Priya Nair', type: 'user'},
  ...extra,
});

describe('<akece-chat> with oversized input', function () {
  before(() => richReady()); // Markdown is rendered by the on-demand module
  this.timeout(170000);
  let sockets: ReturnType<typeof fakeSockets>;
  let realWebSocket: typeof WebSocket;
  let fetchStub: sinon.SinonStub;
  let history: unknown[];
  const posted: string[] = [];

  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(`akece-chat:${BASE}:inbox`, JSON.stringify({k: {sourceId: 'src-1', pubsubToken: TOKEN}, o: []}));
    sockets = fakeSockets();
    realWebSocket = window.WebSocket;
    (window as unknown as {WebSocket: unknown}).WebSocket = sockets.WebSocket;
    history = [];
    fetchStub = sinon.stub(window, 'fetch').callsFake(async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (/\/conversations$/.test(url)) return json([{id: CONV, status: 'open', messages: []}]);
      if (url.includes('/messages') && init?.method == 'POST') {
        const body = JSON.parse(String(init.body)) as {content: string; echo_id: string};
        posted.push(body.content);
        return json({...wire(5e6 + posted.length, body.content), message_type: 0, echo_id: body.echo_id, sender: {id: 5, type: 'contact'}});
      }
      if (url.includes('/messages')) return json(url.includes('before=') ? [] : history);
      return json({});
    });
  });

  afterEach(() => {
    sinon.restore();
    window.WebSocket = realWebSocket;
    localStorage.clear();
  });

  const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
  const list = (el: AkeceChat) => el.shadowRoot!.querySelector('akece-message-list')!;
  const rendered = (el: AkeceChat) => [...list(el).shadowRoot!.querySelectorAll<HTMLElement>('[part~=message]')];
  const settled = async (el: AkeceChat) => {
    await el.updateComplete;
    await list(el).updateComplete;
    await new Promise((r) => requestAnimationFrame(() => r(null))); // layout included
  };

  const start = async () => {
    const el = await fixture<AkeceChat>(html`<akece-chat base-url=${BASE} inbox-identifier="inbox" open></akece-chat>`);
    // The contact is created once the inbox was read (identity validation, contract §11): wait for its socket.
    while (!sockets.last) await tick(10);
    const ws = sockets.last as FakeWebSocket;
    ws.accept();
    await ws.receive({type: 'welcome'});
    await ws.receive({identifier: IDENTIFIER, type: 'confirm_subscription'});
    await tick(20);
    await settled(el);
    return {el, ws};
  };
  const push = (ws: FakeWebSocket, data: unknown) => ws.receive({identifier: IDENTIFIER, message: {event: 'message.created', data}});

  /** The composer still takes text and sends it. */
  const composerWorks = async (el: AkeceChat, text: string) => {
    const composer = el.shadowRoot!.querySelector('akece-composer')!;
    const area = composer.shadowRoot!.querySelector('textarea')!;
    area.value = text;
    area.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
    const t = performance.now();
    composer.shadowRoot!.querySelector<HTMLElement>('[part~=send-button]')!.click();
    await until(() => posted.includes(text), 'the composer send');
    await until(() => rendered(el).some((m) => m.textContent!.includes(text)), 'the sent message rendered');
    return performance.now() - t;
  };

  const until = async (check: () => unknown, what: string, ms = 60000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await tick(10);
    }
  };

  it('renders a 150,000-character agent message and a 150,000-character visitor message', async () => {
    const {el, ws} = await start();
    // Markdown-ish text with long lines, emphasis markers and links, the costly case for the parser.
    const unit = 'Word **bold** _it_ [link](https://example.com/a) `code` https://example.org/x * stray _ marker [ ( ';
    const agentText = ('START ' + unit.repeat(Math.ceil(150000 / unit.length))).slice(0, 149990) + ' AGENT-END';
    expect(agentText.length).to.equal(150000);
    let t = performance.now();
    await push(ws, wire(1, agentText));
    await settled(el);
    const agentMs = performance.now() - t;
    const last = rendered(el).at(-1)!;
    expect(last.textContent).to.contain('AGENT-END');
    expect(last.querySelectorAll('a').length).to.be.greaterThan(100);

    const own = 'v'.repeat(149990) + ' VISIT-END';
    t = performance.now();
    await push(ws, {...wire(2, own), message_type: 0, sender: {id: 5, type: 'contact'}});
    await settled(el);
    const visitorMs = performance.now() - t;
    expect(rendered(el).at(-1)!.textContent).to.contain('VISIT-END');
    const sendMs = await composerWorks(el, 'still typing after 150k');
    console.log(`oversized: 150,000-char agent message (Markdown) rendered in ${agentMs.toFixed(0)} ms; 150,000-char visitor message in ${visitorMs.toFixed(0)} ms; composer send afterwards ${sendMs.toFixed(0)} ms`);
  });

  it('holds 10,000 messages from the socket with a small DOM', async () => {
    const {el, ws} = await start();
    const N = 10000;
    let t = performance.now();
    let pushed: Promise<void> = Promise.resolve();
    for (let i = 1; i <= N; i++) pushed = push(ws, wire(i, `socket message ${i}`, i % 3 ? {} : {message_type: 0, sender: {id: 5, type: 'contact'}}));
    await pushed; // (handed over together, in one task)
    const mergeMs = performance.now() - t;
    t = performance.now();
    await settled(el);
    const renderMs = performance.now() - t;
    expect(el.messages.length).to.equal(N);
    const dom = rendered(el);
    expect(dom.length).to.be.within(1, 300);
    expect(dom.at(-1)!.textContent).to.contain(`socket message ${N}`);
    const nodes = list(el).shadowRoot!.querySelectorAll('*').length;
    expect(nodes).to.be.below(5000);
    // One more message on top of 10,000.
    t = performance.now();
    await push(ws, wire(N + 1, 'one more'));
    await settled(el);
    const oneMs = performance.now() - t;
    expect(rendered(el).at(-1)!.textContent).to.contain('one more');
    const sendMs = await composerWorks(el, 'still typing after 10k');
    expect(rendered(el).length).to.be.below(300);
    console.log(
      `oversized: 10,000 socket messages merged in ${mergeMs.toFixed(0)} ms (${((mergeMs / N) * 1000).toFixed(0)} µs each), first render ${renderMs.toFixed(0)} ms, ` +
        `${dom.length} [part~=message] / ${nodes} nodes in the list; one more message ${oneMs.toFixed(0)} ms; composer send ${sendMs.toFixed(0)} ms`
    );
  });

  it('loads a 10,000-message history page with a small DOM', async () => {
    const N = 10000;
    history = Array.from({length: N}, (_, i) => wire(i + 1, `history message ${i + 1}`));
    const t = performance.now();
    const el = await fixture<AkeceChat>(html`<akece-chat base-url=${BASE} inbox-identifier="inbox" open></akece-chat>`);
    await until(() => el.messages.length == N, '10,000 history messages');
    await settled(el);
    const loadMs = performance.now() - t;
    const dom = rendered(el);
    expect(dom.length).to.be.within(1, 300);
    expect(dom.at(-1)!.textContent).to.contain(`history message ${N}`);
    const sockets0 = sockets.last!;
    sockets0.accept();
    await sockets0.receive({type: 'welcome'});
    await sockets0.receive({identifier: IDENTIFIER, type: 'confirm_subscription'});
    const sendMs = await composerWorks(el, 'still typing after a 10k history');
    console.log(`oversized: a 10,000-message history page loaded and rendered in ${loadMs.toFixed(0)} ms, ${dom.length} [part~=message] in the DOM; composer send ${sendMs.toFixed(0)} ms`);
    expect(fetchStub.called).to.equal(true);
  });

  it('renders a 5,000-character sender name', async () => {
    const {el, ws} = await start();
    const name = 'N'.repeat(4990) + ' NAME-END';
    const t = performance.now();
    await push(ws, wire(1, 'hello from a long name', {sender: {id: 9, name, available_name: name, type: 'user'}}));
    await settled(el);
    const ms = performance.now() - t;
    const msg = rendered(el).at(-1)!;
    expect(msg.textContent).to.contain('hello from a long name');
    expect(list(el).shadowRoot!.textContent).to.contain('NAME-END');
    // The name must not push the panel wider than itself.
    const panel = el.shadowRoot!.querySelector<HTMLElement>('[part~=panel]')!;
    expect(panel.scrollWidth, 'the panel overflows sideways').to.be.at.most(panel.clientWidth + 1);
    const logEl = list(el).shadowRoot!.querySelector<HTMLElement>('[part~=messages]')!;
    expect(logEl.scrollWidth, 'the message log scrolls sideways').to.be.at.most(logEl.clientWidth + 1);
    const sendMs = await composerWorks(el, 'still typing after a long name');
    console.log(`oversized: 5,000-char sender name rendered in ${ms.toFixed(0)} ms; composer send ${sendMs.toFixed(0)} ms`);
  });
});

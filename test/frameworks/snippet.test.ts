import {expect} from '@open-wc/testing';
import {startServer, stopServer, type TestServer} from '../helpers/server.js';
import {agent, panel, until} from './helpers.js';
import type {AkeceChat} from '../../src/chat/chat.js';

type Win = Window & typeof globalThis & {akeceChat?: unknown; akeceChatSettings?: unknown};

// The snippet without markup, with the built script-tag bundle (dist/akece-chat.js) in real pages
// (iframes) against the local server: `window.akeceChatSettings` adds the element, calls queued
// in `window.akeceChat` run in order once the script has loaded.
describe('snippet: window.akeceChatSettings and the window.akeceChat queue (built bundle)', function () {
  this.timeout(60000);
  let server: TestServer;
  let frame: HTMLIFrameElement | undefined;

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    frame?.contentWindow?.localStorage.clear();
    frame?.remove();
    frame = undefined;
    await stopServer(server);
  });

  const settings = (extra: Record<string, unknown> = {}) => ({baseUrl: server.url, inboxIdentifier: 'demo-inbox', ...extra});

  /** Opens a snippet page; resolves once the page has loaded and its scripts have run. */
  async function openPage(query: Record<string, unknown>, page = 'snippet.html') {
    frame = document.createElement('iframe');
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) params.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    frame.src = `/test/frameworks/pages/${page}?${params}`;
    const loaded = new Promise((r) => frame!.addEventListener('load', r, {once: true}));
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Win;
    await until(() => win.customElements.get('akece-chat'), 'the bundle');
    return win;
  }

  const widgets = (win: Win) => [...win.document.querySelectorAll('akece-chat')] as AkeceChat[];

  it('adds <akece-chat> to the body with the settings as properties', async () => {
    const win = await openPage({settings: settings({presenceInterval: 15, layout: 'inline', headerTitle: 'Help'})});
    const [el] = widgets(win);
    expect(widgets(win)).to.have.length(1);
    expect(el.parentElement).to.equal(win.document.body);
    expect(el.baseUrl).to.equal(server.url);
    expect(el.inboxIdentifier).to.equal('demo-inbox');
    expect(el.presenceInterval).to.equal(15);
    expect(el.headerTitle).to.equal('Help');
    await el.updateComplete;
    expect(el.getAttribute('layout')).to.equal('inline');
    expect(panel(el).hidden).to.equal(false);
  });

  it('runs the calls queued before the script loaded, in order, then runs later pushes at once', async () => {
    const win = await openPage({
      settings: settings(),
      calls: [['setUser', {name: 'Ada Lovelace', email: 'ada@example.com'}], ['show'], ['sendMessage', 'Hello from the snippet']],
    });
    const [el] = widgets(win);
    await until(() => el.open && panel(el)?.hidden === false, 'the queued show()');
    const conversation = await agent(server).only();
    // setUser ran before sendMessage: the contact that wrote is Ada.
    expect(conversation.meta.sender.name).to.equal('Ada Lovelace');
    await until(async () => (await agent(server).messages(conversation.id)).length === 1, 'the queued message');
    expect((await agent(server).messages(conversation.id))[0].content).to.equal('Hello from the snippet');

    expect(Array.isArray(win.akeceChat)).to.equal(false);
    (win.akeceChat as {push(...calls: unknown[][]): unknown[]}).push(['hide']);
    expect(el.open).to.equal(false);
  });

  it('waits for the document when the script runs in the <head> before <body> exists', async () => {
    const win = await openPage({settings: settings(), calls: [['show']]}, 'snippet-head.html');
    await until(() => widgets(win).length === 1 && widgets(win)[0].open, 'the widget, open');
    expect(widgets(win)[0].parentElement).to.equal(win.document.body);
  });

  it('drives an <akece-chat> already in the markup and adds no second one', async () => {
    const win = await openPage({markup: {'base-url': server.url, 'inbox-identifier': 'demo-inbox'}, calls: [['show']]});
    await until(() => widgets(win)[0]?.open, 'the queued show() on the markup element');
    expect(widgets(win)).to.have.length(1);
    expect(widgets(win)[0].baseUrl).to.equal(server.url);
  });

  it('is harmless when the page includes the script twice: one element, each queued call once', async () => {
    const win = await openPage({settings: settings(), calls: [['sendMessage', 'Only once']], scripts: '2'});
    await until(() => win.document.querySelectorAll('script[src="/dist/akece-chat.js"]').length === 2, 'the second script');
    const conversation = await agent(server).only();
    await until(async () => (await agent(server).messages(conversation.id)).length === 1, 'the queued message');
    await new Promise((r) => setTimeout(r, 500));
    expect(await agent(server).messages(conversation.id)).to.have.length(1);
    expect(widgets(win)).to.have.length(1);
  });

  it('adds nothing and keeps the queue when there are neither settings nor markup', async () => {
    const win = await openPage({calls: [['show']]});
    expect(widgets(win)).to.have.length(0);
    expect(win.akeceChat).to.deep.equal([['show']]);
  });
});

describe('npm ES module: no globals but the registration', () => {
  it('defines <akece-chat> and neither reads akeceChatSettings nor touches window.akeceChat', async () => {
    const win = window as Win;
    win.akeceChatSettings = {inboxIdentifier: 'demo-inbox'};
    const queue = [['show']];
    win.akeceChat = queue;
    const url = '/dist/lib/main.js';
    const mod = (await import(url)) as {AkeceChat: CustomElementConstructor};
    expect(customElements.get('akece-chat')).to.equal(mod.AkeceChat);
    await new Promise((r) => setTimeout(r, 50));
    expect(document.querySelector('akece-chat')).to.equal(null);
    expect(win.akeceChat).to.equal(queue);
    expect(queue).to.deep.equal([['show']]);
    delete win.akeceChatSettings;
    delete win.akeceChat;
  });
});

import {expect} from '@open-wc/testing';
import type {AkeceChat} from '../../src/chat/chat.js';
import {heapUsage, startServer, stopServer, type TestServer} from '../helpers/server.js';
import {agent, until} from './helpers.js';

// Leaks of the built bundle in a page that counts pending timers, open sockets and page listeners
// (test/e2e/pages/leak.js, loaded before the bundle): 100 remove/re-append cycles and 100
// connection drops (cut by the server), against the real server. The heap is measured after forced GCs.
interface Counts {
  timeouts: number;
  intervals: number;
  sockets: number;
  listeners: number;
}
type LeakWindow = Window & typeof globalThis & {__leak: {counts(): Counts; listenerKeys(): string[]}};

const MB = 1024 * 1024;

describe('e2e: leaks', function () {
  this.timeout(180000);
  let server: TestServer;
  let frame: HTMLIFrameElement;
  let win: LeakWindow;

  before(async () => {
    server = await startServer();
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 800px; height: 700px; border: 0';
    frame.src = '/test/e2e/pages/leak.html';
    document.body.append(frame);
    win = await until(() => {
      const w = frame.contentWindow as LeakWindow | null;
      return w?.document.readyState === 'complete' && w.customElements.get('akece-chat') && w.__leak ? w : null;
    }, 'the leak page');
  });

  after(async () => {
    win?.localStorage.clear();
    frame?.remove();
    await stopServer(server);
  });

  const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const counts = () => win.__leak.counts();
  const heap = async () => (await heapUsage()).usedSize;

  it('leaves no timer, socket or listener behind across 100 re-appends and 100 reconnections', async () => {
    await tick(300);
    const base = counts(); // the page and the bundle, no element yet
    const heap0 = await heap();

    const el = win.document.createElement('akece-chat') as AkeceChat;
    el.setAttribute('base-url', server.url);
    el.setAttribute('inbox-identifier', 'demo-inbox');
    el.setAttribute('open', '');
    win.document.body.append(el);
    await until(() => el.connectionState === 'connected', 'connected');
    await el.sendMessage('Hello, counting leaks');
    await tick(1500); // the first heartbeat, seen-timer and similar have run
    const steady = counts();
    expect(steady.sockets).to.equal(1);
    const heap1 = await heap();

    // 1. Remove and re-append, waiting each time for the connection to come back.
    const reappendStart = performance.now();
    for (let i = 0; i < 100; i++) {
      el.remove();
      expect(counts().sockets, `sockets after removal ${i}`).to.equal(0);
      win.document.body.append(el);
      await until(() => el.connectionState === 'connected', `connected after re-append ${i}`);
    }
    const reappendMs = performance.now() - reappendStart;
    await tick(1500);
    const afterReappend = counts();
    const heap2 = await heap();

    // 2. Connection drops: every socket cut by the server at the TCP level, then the reconnection.
    const dropStart = performance.now();
    for (let i = 0; i < 100; i++) {
      await agent(server).drop();
      await until(() => el.connectionState !== 'connected', `drop ${i} noticed`);
      await until(() => el.connectionState === 'connected', `reconnected ${i}`, 15000);
      expect(counts().sockets, `sockets after reconnection ${i}`).to.equal(1);
    }
    const dropMs = performance.now() - dropStart;
    await tick(1500);
    const afterDrops = counts();
    const heap3 = await heap();

    // 3. Final removal.
    el.remove();
    await tick(500);
    const final = counts();
    const heap4 = await heap();

    console.log(
      `leaks: counts base ${JSON.stringify(base)}, steady ${JSON.stringify(steady)}, after 100 re-appends ${JSON.stringify(afterReappend)} (${(reappendMs / 1000).toFixed(1)} s), ` +
        `after 100 reconnections ${JSON.stringify(afterDrops)} (${(dropMs / 1000).toFixed(1)} s), after removal ${JSON.stringify(final)}`
    );
    console.log(
      `leaks: heap (after GC) empty page ${(heap0 / MB).toFixed(2)} MB, connected ${(heap1 / MB).toFixed(2)} MB, after re-appends ${(heap2 / MB).toFixed(2)} MB ` +
        `(${((heap2 - heap1) / 1024).toFixed(0)} KB growth), after reconnections ${(heap3 / MB).toFixed(2)} MB (${((heap3 - heap2) / 1024).toFixed(0)} KB growth), ` +
        `after removal ${(heap4 / MB).toFixed(2)} MB (total growth over the connected state ${((heap4 - heap1) / 1024).toFixed(0)} KB)`
    );
    if (final.listeners != base.listeners) console.log(`leaks: listeners left: ${win.__leak.listenerKeys().join(', ')}`);

    for (const [what, now] of [
      ['after re-appends', afterReappend],
      ['after reconnections', afterDrops],
    ] as const) {
      expect(now.sockets, `open sockets ${what}`).to.equal(1);
      expect(now.intervals, `intervals ${what}`).to.be.at.most(steady.intervals);
      expect(now.timeouts, `pending timeouts ${what}`).to.be.at.most(steady.timeouts + 2);
      expect(now.listeners, `page listeners ${what}`).to.equal(steady.listeners);
    }
    expect(final.sockets, 'open sockets after removal').to.equal(0);
    expect(final.intervals, 'intervals after removal').to.equal(base.intervals);
    expect(final.timeouts, 'pending timeouts after removal').to.be.at.most(base.timeouts);
    expect(final.listeners, 'page listeners after removal').to.equal(base.listeners);
    expect(heap3 - heap1, 'heap growth over 200 cycles').to.be.below(5 * MB);
    expect(el.messages.some((m) => m.content === 'Hello, counting leaks')).to.equal(true);
  });
});

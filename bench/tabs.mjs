// 10. Tabs: one visitor with 1, 5 and 20 tabs open (contract §10, "Several tabs"). The tabs are
// same-origin frames of one page (they share storage, Web Locks and BroadcastChannel, as the tabs
// of a browser do, and one JS heap, which is how the heap per tab is measured). Each frame holds
// one <akece-chat> of the same known contact (panel closed). Measured, for the widget as it is
// (`storage="local"`: the tabs share one socket) and for a socket per tab (`storage="none"`,
// which is what an iframe-per-tab widget such as Chatwoot's does):
// - the sockets the server has subscribed for the contact (it answers how many it sent a frame to);
// - the JS heap per tab: (heap with the frames − heap of the empty page) / tabs, after forced GCs;
// - the time from the agent's reply (the POST leaving the bench) to the `akece-message` event in
//   the last of the tabs (wall clock on both sides: one machine).
import {heapAfterGc, newPage} from './lib/browser.mjs';
import {call} from './lib/server.mjs';
import {setting, sleep, until} from './lib/env.mjs';
import {summary} from './lib/stats.mjs';

const TAB_COUNTS = [1, 5, 20];
const MODES = [
  {id: 'shared', storage: 'local', what: 'one socket for all tabs'},
  {id: 'per-tab', storage: 'none', what: 'a socket per tab'},
];

/** Adds `count` frames of the widget page to the host page; resolves once every widget is connected. */
async function openTabs(page, url, count) {
  await page.evaluate(
    (src, n) => {
      for (let i = 0; i < n; i++) {
        const frame = document.createElement('iframe');
        frame.src = src;
        frame.style.cssText = 'width: 240px; height: 160px; border: 0';
        document.body.append(frame);
      }
    },
    url,
    count
  );
  const connected = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('iframe')].every((frame) => frame.contentDocument?.querySelector('akece-chat')?.connectionState === 'connected')
    );
  await until(connected, `${count} tabs connected`, 60000, 50);
  // Each tab hears of the replies: the time (epoch ms) of each `akece-message`, per tab.
  await page.evaluate(() => {
    window.__tabArrivals = [...document.querySelectorAll('iframe')].map((frame) => {
      const arrivals = new Map();
      frame.contentDocument.querySelector('akece-chat').addEventListener('akece-message', (event) => arrivals.set(event.detail.message.content, Date.now()));
      return arrivals;
    });
  });
}

/** When the last tab heard `content` (epoch ms), or 0 while some tab has not. */
const lastArrival = (page, content) =>
  page.evaluate((text) => {
    const times = window.__tabArrivals.map((arrivals) => arrivals.get(text) ?? 0);
    return times.includes(0) ? 0 : Math.max(...times);
  }, content);

async function measure(ctx, mode, tabs, replies) {
  const {server, pages} = ctx;
  const visitor = await server.visitor(`Tabs ${mode.id} ${tabs}`);
  const {page, cdp} = await newPage(ctx.browser);
  try {
    await page.goto(`${pages.origin}/frames`, {waitUntil: 'load'});
    const emptyHeap = await heapAfterGc(cdp);
    const url = pages.url({
      'base-url': server.url,
      'inbox-identifier': 'demo-inbox',
      'pubsub-token': visitor.token,
      'contact-identifier': visitor.sourceId,
      'conversation-id': String(visitor.conversationId),
      storage: mode.storage,
    });
    await openTabs(page, url, tabs);
    await sleep(500); // the history each tab reads, and the first renders
    const heap = await heapAfterGc(cdp);
    const {sent: sockets} = await call(`${server.url}/agent/api/cable/raw`, 'POST', {pubsub_token: visitor.token, frame: {type: 'ping', message: Math.floor(Date.now() / 1000)}});
    const times = [];
    for (let i = 0; i < replies; i++) {
      const content = `Reply ${i + 1} to ${tabs} tabs`;
      const sentAt = Date.now();
      await server.reply(visitor.conversationId, content);
      const heardAt = await until(() => lastArrival(page, content), `the reply in all ${tabs} tabs`, 20000, 5);
      times.push(heardAt - sentAt);
      await sleep(100);
    }
    return {tabs, sockets, heapPerTab: (heap - emptyHeap) / tabs, heap, emptyHeap, replyMs: times};
  } finally {
    await page.close();
  }
}

export default async function tabsBench(ctx) {
  const replies = setting('TABS_REPLIES', 5, 2);
  const rows = [];
  const data = {replies};
  for (const mode of MODES) {
    data[mode.id] = [];
    for (const tabs of TAB_COUNTS) {
      const result = await measure(ctx, mode, tabs, replies);
      data[mode.id].push(result);
      const shared = mode.id === 'shared';
      const one = (value) => ({median: value, n: 1});
      rows.push(
        {
          metric: `${tabs} tab${tabs > 1 ? 's' : ''}, ${mode.what}: sockets on the server`,
          value: one(result.sockets),
          unit: '',
          target: shared ? '1' : '',
          pass: shared ? result.sockets === 1 : undefined,
        },
        {
          metric: `${tabs} tab${tabs > 1 ? 's' : ''}, ${mode.what}: JS heap per tab`,
          value: one(result.heapPerTab / 2 ** 20),
          unit: 'MB',
          note: `${(result.emptyHeap / 2 ** 20).toFixed(2)} MB empty page → ${(result.heap / 2 ** 20).toFixed(2)} MB with ${tabs} tabs, after forced GC`,
        },
        {
          metric: `${tabs} tab${tabs > 1 ? 's' : ''}, ${mode.what}: agent's reply → heard in every tab`,
          value: summary(result.replyMs),
          unit: 'ms',
          // Contract §10: the tabs agree within 1 s (the median: one reply of a run can meet a busy machine).
          target: shared ? 'median < 1,000 ms' : '',
          pass: shared ? summary(result.replyMs).median < 1000 : undefined,
          note: `${replies} replies (slowest ${Math.max(...result.replyMs)} ms); the POST leaving the bench → the last tab's akece-message`,
        }
      );
    }
  }
  return {rows, data};
}

// 7. Soak: 100 disconnect/reconnect cycles of the widget in the page (the server drops every
// ActionCable socket at the TCP level; the widget reconnects, resubscribes and backfills), then
// the JS heap growth after forced GCs (CDP HeapProfiler.collectGarbage) and the timers left.
import {heapAfterGc} from './lib/browser.mjs';
import {setting, sleep, until} from './lib/env.mjs';
import {openWidget} from './lib/widget.mjs';

const WARMUP = 5;

export default async function soak(ctx) {
  const cycles = setting('SOAK_CYCLES', 100, 20);
  const {server} = ctx;
  const v = await server.visitor('Soak');
  await server.bulk(v.conversationId, 30);
  const {page, cdp} = await openWidget(ctx, v);
  await page.evaluate(() => {
    window.__bench.track = false;
    window.__ups = 0;
    document.querySelector('akece-chat').addEventListener('akece-connection-change', (e) => e.detail.state === 'connected' && window.__ups++);
  });
  const cycle = async () => {
    const before = await page.evaluate(() => window.__ups);
    await server.drop();
    await until(() => page.evaluate((n) => window.__ups > n, before), 'the widget back after a drop', 20000, 10);
    // Let the backfill that follows each resubscription finish before the next drop.
    await sleep(150);
  };
  for (let i = 0; i < WARMUP; i++) await cycle();
  const timers = () => page.evaluate(() => [...window.__bench.timers.values()]);
  const heap0 = await heapAfterGc(cdp);
  const timers0 = await timers();
  const t0 = Date.now();
  for (let i = 0; i < cycles; i++) await cycle();
  const seconds = (Date.now() - t0) / 1000;
  await sleep(500);
  const heap1 = await heapAfterGc(cdp);
  const timers1 = await timers();
  const state = await page.evaluate(() => ({state: document.querySelector('akece-chat').connectionState, held: document.querySelector('akece-chat').messages.length}));
  await page.close();

  const growth = (heap1 - heap0) / 2 ** 20;
  const one = (x) => ({median: x, n: 1});
  const count = (list) => Object.entries(list.reduce((m, k) => ((m[k] = (m[k] || 0) + 1), m), {})).map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
  return {
    rows: [
      {
        metric: `JS heap growth over ${cycles} reconnects`,
        value: one(growth),
        unit: 'MB',
        target: '< 1 MB',
        pass: growth < 1,
        note: `${(heap0 / 2 ** 20).toFixed(2)} → ${(heap1 / 2 ** 20).toFixed(2)} MB after forced GC; ${cycles} cycles in ${seconds.toFixed(0)} s, after ${WARMUP} warm-up cycles; ends ${state.state} with ${state.held} messages`,
      },
      {
        metric: 'live timers, before → after',
        value: one(timers1.length - timers0.length),
        unit: '',
        target: '0 more',
        pass: timers1.length <= timers0.length,
        note: `before: ${count(timers0)}; after: ${count(timers1)}`,
      },
    ],
    data: {cycles, warmup: WARMUP, seconds, heapBefore: heap0, heapAfter: heap1, growthMB: growth, timersBefore: timers0, timersAfter: timers1, end: state},
  };
}

// 4. Burst: 1,000 messages arriving at once (the agent API's bulk create broadcasts them in one
// go): the time from the first frame's arrival until the last is painted, and the longest
// main-thread task meanwhile (every task from a trace; the Long Tasks API as a cross-check).
import {setting, until} from './lib/env.mjs';
import {summary} from './lib/stats.mjs';
import {startTrace, stopTrace} from './lib/trace.mjs';
import {messageTimes, openWidget, resetProbe} from './lib/widget.mjs';

export default async function burst(ctx) {
  const count = setting('BURST_COUNT', 1000, 1000);
  const runs = setting('BURST_RUNS', 5, 2);
  const {server} = ctx;
  const total = [];
  const longest = [];
  const longApi = [];
  const arrivalSpan = [];
  const afterLast = [];
  for (let run = 0; run < runs; run++) {
    const v = await server.visitor(`Burst ${run}`);
    const {page} = await openWidget(ctx, v);
    await resetProbe(page);
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration))).observe({type: 'longtask'});
    });
    await startTrace(page);
    const {ids} = await server.bulk(v.conversationId, count);
    const last = String(Math.max(...ids));
    await until(
      () => page.evaluate((k, n) => window.__bench.painted.has(k) && document.querySelector('akece-chat').messages.length >= n, last, count),
      'the burst rendered',
      30000
    );
    const tasks = await stopTrace(page);
    const times = await messageTimes(page);
    const first = Math.min(...times.map((m) => m.arrival));
    const end = Math.max(...times.filter((m) => m.painted !== undefined).map((m) => m.painted));
    const lastArrival = Math.max(...times.map((m) => m.arrival));
    total.push(end - first);
    // How the total splits: the frames' own spread (the server and the socket), and what the
    // widget needs after the last one.
    arrivalSpan.push(lastArrival - first);
    afterLast.push(end - lastArrival);
    const api = Math.max(0, ...(await page.evaluate(() => window.__long)));
    longApi.push(api);
    longest.push(Math.max(api, ...tasks));
    await page.close();
  }
  const t = summary(total);
  const l = summary(longest);
  return {
    rows: [
      {metric: `${count} messages: first arrival → all painted`, value: t, unit: 'ms', target: '< 100 ms', pass: t.median < 100, note: `${runs} runs`},
      {metric: 'of which: first → last frame arrival', value: summary(arrivalSpan), unit: 'ms', target: '', pass: null, note: 'the frames arriving (server and socket)'},
      {metric: 'of which: last arrival → all painted', value: summary(afterLast), unit: 'ms', target: '', pass: null, note: 'what the widget adds after the last frame'},
      {
        metric: 'longest main-thread task',
        value: l,
        unit: 'ms',
        target: '',
        pass: null,
        note: `the longer of a trace of every task and the Long Tasks API (per run: ${longApi.map((x) => (x ? x.toFixed(0) : '<50')).join(', ')} ms)`,
      },
    ],
    data: {count, runs, totalMs: total, arrivalSpanMs: arrivalSpan, afterLastArrivalMs: afterLast, longestTaskMs: longest, longTaskApiMs: longApi},
  };
}

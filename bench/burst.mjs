// 4. Burst: 1,000 messages arriving at once (the agent API's bulk create broadcasts them in one
// go): the time from the first frame's arrival until the last is painted, and the longest
// main-thread task meanwhile (every task from a trace; the Long Tasks API as a cross-check).
// The same burst is measured on the floor page (bench/floor/bare-socket-page.js: a bare socket
// appending each message, the same probe) in the same run: how fast this browser hands a page
// 1,000 frames at all, which the widget cannot beat. The timed runs of both are traced by
// nothing (a trace slows every task down, the widget's many more than the floor's): the longest
// task comes from runs of their own.
import {setting, until} from './lib/env.mjs';
import {summary} from './lib/stats.mjs';
import {startTrace, stopTrace} from './lib/trace.mjs';
import {messageTimes, openFloor, openWidget, resetProbe} from './lib/widget.mjs';

/** First arrival → all painted, and first → last arrival (ms), of the burst now on `page`. */
async function burstTimes(page) {
  const times = await messageTimes(page);
  const first = Math.min(...times.map((m) => m.arrival));
  const end = Math.max(...times.filter((m) => m.painted !== undefined).map((m) => m.painted));
  const lastArrival = Math.max(...times.map((m) => m.arrival));
  return {total: end - first, arrivalSpan: lastArrival - first, afterLast: end - lastArrival};
}

/** Opens the widget for a new visitor, sends it a burst of `count`, and waits until all of it is painted. */
async function widgetBurst(ctx, name, count, {traced = false} = {}) {
  const {server} = ctx;
  const v = await server.visitor(name);
  const {page} = await openWidget(ctx, v);
  await resetProbe(page);
  if (traced) {
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration))).observe({type: 'longtask'});
    });
    await startTrace(page);
  }
  const {ids} = await server.bulk(v.conversationId, count);
  const last = String(Math.max(...ids));
  await until(
    () => page.evaluate((k, n) => window.__bench.painted.has(k) && document.querySelector('akece-chat').messages.length >= n, last, count),
    'the burst rendered',
    30000
  );
  const tasks = traced ? await stopTrace(page) : [];
  return {page, tasks};
}

export default async function burst(ctx) {
  const count = setting('BURST_COUNT', 1000, 1000);
  const runs = setting('BURST_RUNS', 5, 2);
  const tracedRuns = setting('BURST_TRACED_RUNS', 3, 1);
  const {server} = ctx;
  const total = [];
  const longest = [];
  const longApi = [];
  const arrivalSpan = [];
  const afterLast = [];
  const floorTotal = [];
  for (let run = 0; run < runs; run++) {
    const {page} = await widgetBurst(ctx, `Burst ${run}`, count);
    const widget = await burstTimes(page);
    total.push(widget.total);
    // How the total splits: the frames' arrival (the socket, and the widget's work on each frame
    // as it comes), and what the widget needs after the last one.
    arrivalSpan.push(widget.arrivalSpan);
    afterLast.push(widget.afterLast);
    await page.close();

    const bare = await server.visitor(`Burst floor ${run}`);
    const floor = await openFloor(ctx, bare);
    await resetProbe(floor.page);
    const bulk = await server.bulk(bare.conversationId, count);
    const lastBare = String(Math.max(...bulk.ids));
    await until(() => floor.page.evaluate((k) => window.__bench.painted.has(k), lastBare), 'the floor page painted the burst', 30000);
    floorTotal.push((await burstTimes(floor.page)).total);
    await floor.page.close();
  }
  for (let run = 0; run < tracedRuns; run++) {
    const {page, tasks} = await widgetBurst(ctx, `Burst traced ${run}`, count, {traced: true});
    const api = Math.max(0, ...(await page.evaluate(() => window.__long)));
    longApi.push(api);
    longest.push(Math.max(api, ...tasks));
    await page.close();
  }
  const t = summary(total);
  const l = summary(longest);
  const floor = summary(floorTotal);
  const ratio = summary(total.map((value, run) => value / floorTotal[run]));
  return {
    rows: [
      {metric: `${count} messages: first arrival → all painted`, value: t, unit: 'ms', target: '< 100 ms', pass: t.median < 100, note: `${runs} runs`},
      {metric: 'of which: first → last frame arrival', value: summary(arrivalSpan), unit: 'ms', target: '', pass: null, note: 'the frames arriving (the socket, and the widget’s work on each as it comes)'},
      {metric: 'of which: last arrival → all painted', value: summary(afterLast), unit: 'ms', target: '', pass: null, note: 'what the widget adds after the last frame'},
      {
        metric: 'floor: a bare socket appending each message',
        value: floor,
        unit: 'ms',
        target: '',
        pass: null,
        note: 'the same burst and probe without the widget: how fast this browser hands a page 1,000 frames',
      },
      {metric: 'widget ÷ floor', value: ratio, unit: '×', target: '', pass: null, note: 'per run'},
      {
        metric: 'longest main-thread task',
        value: l,
        unit: 'ms',
        target: '',
        pass: null,
        note: `in ${tracedRuns} runs of their own: the longer of a trace of every task and the Long Tasks API (per run: ${longApi.map((x) => (x ? x.toFixed(0) : '<50')).join(', ')} ms)`,
      },
    ],
    data: {count, runs, tracedRuns, totalMs: total, floorTotalMs: floorTotal, arrivalSpanMs: arrivalSpan, afterLastArrivalMs: afterLast, longestTaskMs: longest, longTaskApiMs: longApi},
  };
}

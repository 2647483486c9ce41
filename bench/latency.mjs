// 3. Latency: the server broadcasts message.created at 50 per second for 20 s; for each message,
// the time from the frame's arrival in the page to the message painted (the next animation
// frame after it is in the DOM). The same is measured on the floor page (bench/floor/
// bare-socket-page.js: a bare socket appending each message, the same probe) in the same run:
// waiting for the next frame and painting it is the browser's part, the rest is the widget's.
import {setting, sleep, until} from './lib/env.mjs';
import {percentile, summary} from './lib/stats.mjs';
import {messageTimes, openFloor, openWidget, resetProbe} from './lib/widget.mjs';

const FRAME = 1000 / 60;

/** Arrival → painted (ms) of `rate`/s agent messages for `seconds`, on `page` (its probe reset). */
async function measure(server, page, v, label, rate, seconds) {
  await resetProbe(page);
  const n = rate * seconds;
  const posts = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    posts.push(server.reply(v.conversationId, `${label}, message ${i + 1} of ${n}`));
  }
  const ids = new Set((await Promise.all(posts)).map((m) => String(m.id)));
  await until(async () => (await messageTimes(page)).filter((m) => m.painted !== undefined).length >= n, 'all messages painted', 20000).catch(() => {});
  const times = (await messageTimes(page)).filter((m) => ids.has(String(m.id)));
  return {sent: n, ms: times.filter((m) => m.painted !== undefined).map((m) => m.painted - m.arrival)};
}

export default async function latency(ctx) {
  const rate = setting('LATENCY_RATE', 50, 50);
  const seconds = setting('LATENCY_SECONDS', 20, 5);
  const runs = setting('LATENCY_RUNS', 2, 1);
  const {server} = ctx;
  const per = {p50: [], p95: [], p99: [], max: [], p95First100: [], p95Rest: []};
  const floor = {p50: [], p95: [], p99: []};
  let missing = 0;
  let total = 0;
  let sent = 0;
  for (let run = 0; run < runs; run++) {
    // The widget and the floor page take turns, so that both see the same machine.
    const v = await server.visitor(`Latency ${run}`);
    const {page} = await openWidget(ctx, v);
    const widget = await measure(server, page, v, `Latency run ${run}`, rate, seconds);
    await page.close();
    const ms = widget.ms;
    // The list renders a window of the latest 100: once full, every arrival shifts it.
    per.p95First100.push(percentile(ms.slice(0, 100), 95));
    per.p95Rest.push(percentile(ms.slice(100), 95));
    sent += widget.sent;
    missing += widget.sent - ms.length;
    total += ms.length;
    per.p50.push(percentile(ms, 50));
    per.p95.push(percentile(ms, 95));
    per.p99.push(percentile(ms, 99));
    per.max.push(Math.max(...ms));

    const bare = await server.visitor(`Latency floor ${run}`);
    const floorPage = await openFloor(ctx, bare);
    const base = await measure(server, floorPage.page, bare, `Floor run ${run}`, rate, seconds);
    await floorPage.page.close();
    floor.p50.push(percentile(base.ms, 50));
    floor.p95.push(percentile(base.ms, 95));
    floor.p99.push(percentile(base.ms, 99));
  }
  const p95 = summary(per.p95);
  const floorP95 = summary(floor.p95);
  const over = summary(per.p95.map((value, run) => value - floor.p95[run]));
  const note = `${runs} × ${seconds} s at ${rate}/s, ${total} of ${sent} messages painted${missing ? ` (${missing} not painted)` : ''}; spread across runs`;
  return {
    rows: [
      {metric: 'frame arrival → painted, p50', value: summary(per.p50), unit: 'ms', target: '', pass: null, note},
      {
        metric: 'frame arrival → painted, p95',
        value: p95,
        unit: 'ms',
        target: `≤ ${FRAME.toFixed(1)} ms`,
        pass: p95.median <= FRAME,
        note: `p95 of the first 100 messages of a run: ${summary(per.p95First100).median.toFixed(1)} ms; of the later ones: ${summary(per.p95Rest).median.toFixed(1)} ms`,
      },
      {metric: 'frame arrival → painted, p99', value: summary(per.p99), unit: 'ms', target: '', pass: null},
      {
        metric: 'floor: a bare socket appending each message, p95',
        value: floorP95,
        unit: 'ms',
        target: '',
        pass: null,
        note: `the same frames and probe without the widget (p50 ${summary(floor.p50).median.toFixed(1)} ms, p99 ${summary(floor.p99).median.toFixed(1)} ms): the wait for the next frame and its paint`,
      },
      {metric: 'widget over the floor, p95', value: over, unit: 'ms', target: '', pass: null, note: 'per run, the widget’s p95 less the floor page’s'},
    ],
    data: {rate, seconds, runs, sent, painted: total, perRun: per, floorPerRun: floor},
  };
}

// 6. Big messages: one message of the server's maximum length (150,000 characters) in the shapes
// that made rendering superlinear (issue 12, item 5): short lines, nested list items and an
// emphasis run; each on the plain-text path (the visitor's own message) and on the Markdown path
// (an agent's message, once the rich-content module has loaded). The figure is the time from the
// frame's arrival to the message painted; a render still running at the cap (BENCH_BIG_SECONDS)
// is reported as not painted, and its page is closed.
import {setting, sleep} from './lib/env.mjs';
import {call} from './lib/server.mjs';
import {summary} from './lib/stats.mjs';
import {messageTimes, openWidget, resetProbe} from './lib/widget.mjs';

const TARGET_MS = 200;

/** `unit` repeated up to exactly `length` characters. */
const repeated = (unit, length) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

const SHAPES = [
  ['short lines', 'x\n'],
  ['nested list items', '- item\n  - item\n    - item\n'],
  ['emphasis run', '*a'],
];

/** A message by the visitor, posted through the public API as the widget would. */
const postAsVisitor = (server, visitor, content) =>
  call(`${server.url}/public/api/v1/inboxes/demo-inbox/contacts/${visitor.sourceId}/conversations/${visitor.conversationId}/messages`, 'POST', {content});

/** Resolves with the value of `promise`, or with `fallback` after `ms`. */
const within = (promise, ms, fallback) => Promise.race([promise, sleep(ms).then(() => fallback)]);

/**
 * Waits until the Markdown of an agent's message is rendered (a <strong> in the widget), which
 * means the rich-content module is loaded; false if it does not load in time.
 */
async function richLoaded(server, visitor, page) {
  await server.reply(visitor.conversationId, '**ready**');
  return page
    .waitForFunction(() => window.__bench.deep('strong').length > 0, {timeout: 15000})
    .then(() => true)
    .catch(() => false);
}

/** One message of `content`: ms from arrival to painted, NaN when not painted within `capMs`. */
async function renderTime(ctx, {path, content, capMs}) {
  const {server} = ctx;
  const visitor = await server.visitor(`Big ${path}`);
  const {page, cdp} = await openWidget(ctx, visitor);
  const markdownReady = path === 'markdown' ? await richLoaded(server, visitor, page) : true;
  await resetProbe(page);
  const message = path === 'markdown' ? await server.reply(visitor.conversationId, content) : await postAsVisitor(server, visitor, content);
  const key = String(message.id);
  const deadline = Date.now() + capMs;
  let ms = NaN;
  while (Date.now() < deadline) {
    // A page busy rendering does not answer: never wait for it past the deadline.
    const times = await within(messageTimes(page), deadline - Date.now(), []);
    const mine = times.find((m) => String(m.id) === key && m.painted !== undefined);
    if (mine) {
      ms = mine.painted - mine.arrival;
      break;
    }
    await sleep(50);
  }
  await within(cdp.detach().catch(() => {}), 5000);
  await within(page.close().catch(() => {}), 10000);
  return {ms, markdownReady};
}

export default async function big(ctx) {
  const length = setting('BIG_CHARS', 150000, 150000);
  const capSeconds = setting('BIG_SECONDS', 30, 10);
  const runs = setting('BIG_RUNS', 3, 1);
  const rows = [];
  const data = {length, capSeconds, runs, cases: []};
  for (const path of ['plain', 'markdown']) {
    for (const [shape, unit] of SHAPES) {
      const content = repeated(unit, length);
      const times = [];
      let markdownReady = true;
      for (let run = 0; run < runs; run++) {
        const result = await renderTime(ctx, {path, content, capMs: capSeconds * 1000});
        times.push(result.ms);
        markdownReady &&= result.markdownReady;
        if (Number.isNaN(result.ms)) break; // one render past the cap is enough to know
      }
      const painted = times.filter(Number.isFinite);
      const value = summary(painted);
      const late = times.length - painted.length;
      const notes = [`${times.length} run(s)`];
      if (late) notes.push(`${late} not painted within ${capSeconds} s`);
      if (!markdownReady) notes.push('the rich-content module did not load: rendered as plain text');
      rows.push({
        metric: `${(length / 1000).toFixed(0)}k chars of ${shape}, ${path === 'plain' ? 'plain text' : 'Markdown'}: arrival → painted`,
        value,
        unit: 'ms',
        target: `< ${TARGET_MS} ms`,
        pass: late === 0 && value.median < TARGET_MS,
        note: notes.join('; '),
      });
      data.cases.push({path, shape, unit, ms: times, markdownReady});
    }
  }
  return {rows, data};
}

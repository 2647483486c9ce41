// 6. Recovery, side by side with the official Rails client. In the same run the widget (in the
// page), its core (src/protocol/cable.ts in Node) and @rails/actioncable's consumer (in Node)
// are connected to one server, a child process. The server is killed (SIGKILL) and restarted at
// once; later it is frozen (SIGSTOP) until every client has noticed, then resumed (SIGCONT).
// Measured: when each client notices, when it is subscribed again, and when the widget has
// backfilled a message the agent sent while it was away.
import {loadCable} from './lib/build.mjs';
import {cableUrl, coreClient, first, railsClient} from './lib/clients.mjs';
import {setting, sleep, until} from './lib/env.mjs';
import {startChild} from './lib/server.mjs';
import {summary} from './lib/stats.mjs';
import {openWidget} from './lib/widget.mjs';

const CLIENTS = ['widget', 'core', 'rails'];

export default async function recovery(ctx) {
  const runs = setting('RECOVERY_RUNS', 3, 1);
  const freezeCap = setting('FREEZE_SECONDS', 25, 25) * 1000;
  const Cable = await loadCable();
  const server = await startChild();
  const out = {kill: [], freeze: []};
  let page;
  const clients = [];
  try {
    const [vw, vc, vr] = [await server.visitor('Widget'), await server.contact('Core'), await server.contact('Rails')];
    ({page} = await openWidget({...ctx, server}, vw));
    await page.evaluate(() => {
      window.__conn = [];
      document.querySelector('akece-chat').addEventListener('akece-connection-change', (e) => window.__conn.push([Date.now(), e.detail.state]));
    });
    const core = coreClient(Cable, cableUrl(server.url), vc.token);
    const rails = railsClient(cableUrl(server.url), vr.token);
    clients.push(core, rails);
    const widgetLog = () => page.evaluate(() => window.__conn);
    const painted = (id) => page.evaluate((k) => (window.__bench.painted.has(k) ? performance.timeOrigin + window.__bench.painted.get(k) : 0), String(id));

    /** Times (epoch ms) when each client noticed and was subscribed again, after `t`. */
    const read = async (t) => {
      const w = await widgetLog();
      const wn = first(w, t, 'reconnecting', 'connecting', 'offline', 'error');
      const rn = Math.min(first(rails.log, t, 'disconnected') ?? Infinity, first(rails.log, t, 'reopen') ?? Infinity);
      return {
        widget: {notice: wn, back: first(w, t, 'connected')},
        core: {notice: first(core.log, t, 'reconnecting', 'connecting'), back: first(core.log, t, 'subscribed')},
        rails: {notice: Number.isFinite(rn) ? rn : undefined, back: first(rails.log, t, 'connected')},
      };
    };
    const allBack = async (t) => {
      const r = await read(t);
      return CLIENTS.every((c) => r[c].back) ? r : null;
    };
    // (The widget is subscribed already: openWidget waited for it.)
    await until(() => first(core.log, 0, 'subscribed') && first(rails.log, 0, 'connected'), 'the Node clients subscribed', 30000);

    for (let run = 0; run < runs; run++) {
      // SIGKILL, restarted at once (as a supervisor would); the agent writes while clients are away.
      await sleep(1000);
      const tk = Date.now();
      await server.kill();
      await server.restart();
      const up = Date.now();
      const missed = await server.reply(vw.conversationId, `Sent while the widget was away (${run})`);
      let r = await until(() => allBack(tk), 'every client back after the restart', 60000);
      const bk = await until(() => painted(missed.id), 'the missed message shown', 30000);
      out.kill.push({t: tk, up: up - tk, ...relative(r, tk, tk), backfilled: bk - tk});

      // SIGSTOP until every client has noticed (or the cap), then SIGCONT.
      await sleep(2000);
      const ts = Date.now();
      server.signal('SIGSTOP');
      await until(async () => {
        const x = await read(ts);
        return CLIENTS.every((c) => x[c].notice);
      }, 'every client to notice the frozen server', freezeCap).catch(() => {});
      const tc = Date.now();
      server.signal('SIGCONT');
      const missed2 = await server.reply(vw.conversationId, `Sent after the freeze (${run})`);
      r = await until(() => allBack(tc), 'every client back after the freeze', 60000).catch(() => read(tc));
      const bk2 = await until(() => painted(missed2.id), 'the message after the freeze shown', 30000).catch(() => NaN);
      const n = await read(ts);
      out.freeze.push({
        t: ts,
        frozenMs: tc - ts,
        notice: Object.fromEntries(CLIENTS.map((c) => [c, (n[c].notice ?? NaN) - ts])),
        back: Object.fromEntries(CLIENTS.map((c) => [c, (r[c].back ?? NaN) - tc])),
        backfilled: bk2 - tc,
      });
    }
  } finally {
    for (const c of clients) c.close();
    await page?.close();
    await server.stop();
  }

  const col = (list, f) => summary(list.map(f));
  const rows = [];
  const name = {widget: 'widget (page)', core: 'widget core (Node)', rails: 'Rails client (Node)'};
  for (const c of CLIENTS) rows.push({metric: `kill: ${name[c]} notices`, value: col(out.kill, (x) => x.notice[c]), unit: 'ms', target: '', pass: null});
  for (const c of CLIENTS)
    rows.push({
      metric: `kill+restart: ${name[c]} subscribed again`,
      value: col(out.kill, (x) => x.back[c]),
      unit: 'ms',
      target: '',
      pass: null,
      note: c === 'widget' ? `from the SIGKILL; the server listened again after ${summary(out.kill.map((x) => x.up)).median.toFixed(0)} ms` : '',
    });
  rows.push({metric: 'kill+restart: widget backfilled', value: col(out.kill, (x) => x.backfilled), unit: 'ms', target: '', pass: null, note: 'a message the agent sent before it resubscribed, painted'});
  for (const c of CLIENTS) rows.push({metric: `freeze: ${name[c]} notices`, value: col(out.freeze, (x) => x.notice[c]), unit: 'ms', target: '', pass: null, note: c === 'widget' ? 'from the SIGSTOP' : ''});
  for (const c of CLIENTS)
    rows.push({metric: `resume: ${name[c]} subscribed again`, value: col(out.freeze, (x) => x.back[c]), unit: 'ms', target: '', pass: null, note: c === 'widget' ? 'from the SIGCONT' : ''});
  rows.push({metric: 'resume: widget backfilled', value: col(out.freeze, (x) => x.backfilled), unit: 'ms', target: '', pass: null});
  // Whole outage to subscribed again, the Rails client's time over the widget core's.
  const ratio = (list, total) => summary(list.map((x) => total(x, 'rails') / total(x, 'core')));
  const kr = ratio(out.kill, (x, c) => x.back[c]);
  const fn = ratio(out.freeze, (x, c) => x.notice[c]);
  rows.push({metric: 'kill+restart: Rails time / core time', value: kr, unit: '×', target: '≥ 3×', pass: kr.median >= 3, note: 'SIGKILL → subscribed again'});
  const rr = ratio(out.freeze, (x, c) => x.back[c]);
  rows.push({
    metric: 'freeze: Rails time / core time to notice',
    value: fn,
    unit: '×',
    target: '≥ 3×',
    pass: fn.median >= 3,
    note: `the freeze lasted until all had noticed (cap ${freezeCap / 1000} s); both treat 6 s without a frame as dead (the contract's rule and Rails' stale threshold)`,
  });
  rows.push({metric: 'resume: Rails time / core time', value: rr, unit: '×', target: '≥ 3×', pass: rr.median >= 3, note: 'SIGCONT → subscribed again'});
  return {rows, data: {runs, ...out}};
}

/** Notice and back times of every client relative to `t0`. */
function relative(r, t0) {
  return {
    notice: Object.fromEntries(CLIENTS.map((c) => [c, (r[c].notice ?? NaN) - t0])),
    back: Object.fromEntries(CLIENTS.map((c) => [c, (r[c].back ?? NaN) - t0])),
  };
}

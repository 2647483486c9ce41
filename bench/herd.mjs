// 8. Thundering herd: 500 clients of the widget's core (src/protocol/cable.ts in Node, `ws` as
// the WebSocket) subscribed to one server, which is killed and restarted at once. Every socket
// the clients open is timestamped: the histogram of reconnect attempts over time must show the
// jitter spreading them (no 100 ms window holding more than a fifth of the clients' first retry).
import {loadCable} from './lib/build.mjs';
import {QuietWebSocket, cableUrl, coreClient, first} from './lib/clients.mjs';
import {setting, sleep, until} from './lib/env.mjs';
import {startChild} from './lib/server.mjs';
import {densestWindow, histogram, summary} from './lib/stats.mjs';

const WINDOW = 100;

export default async function herd() {
  const n = setting('HERD_CLIENTS', 500, 500);
  const runs = setting('HERD_RUNS', 3, 1);
  const Cable = await loadCable();
  const server = await startChild();
  const clients = [];
  const out = [];
  try {
    const tokens = [];
    for (let i = 0; i < n; i += 25) tokens.push(...(await Promise.all(Array.from({length: Math.min(25, n - i)}, (_, j) => server.contact(`Herd ${i + j}`)))));
    const url = cableUrl(server.url);
    for (const {token} of tokens) {
      const opened = [];
      const WS = class extends QuietWebSocket {
        constructor(...args) {
          super(...args);
          opened.push(Date.now());
        }
      };
      clients.push({opened, ...coreClient(Cable, url, token, WS)});
    }
    const subscribedSince = (t) => clients.filter((c) => first(c.log, t, 'subscribed')).length;
    await until(() => subscribedSince(0) === n, `${n} clients subscribed`, 60000, 100);

    for (let run = 0; run < runs; run++) {
      await sleep(1000);
      const tk = Date.now();
      await server.kill();
      await server.restart();
      const up = Date.now() - tk;
      await until(() => subscribedSince(tk) === n, `${n} clients subscribed again`, 90000, 50);
      const firstRetry = clients.map((c) => c.opened.find((t) => t >= tk) - tk);
      const all = clients.flatMap((c) => c.opened.filter((t) => t >= tk).map((t) => t - tk));
      const back = clients.map((c) => first(c.log, tk, 'subscribed') - tk);
      out.push({
        upMs: up,
        densest: densestWindow(firstRetry, WINDOW),
        densestAll: densestWindow(all, WINDOW),
        attempts: all.length,
        firstRetry: summary(firstRetry),
        allBackMs: Math.max(...back),
        histogram: histogram(all, WINDOW),
      });
    }
  } finally {
    for (const c of clients) c.close();
    await server.stop();
  }

  const share = summary(out.map((r) => (100 * r.densest) / n));
  const last = out[out.length - 1];
  const bins = last.histogram.map((c, i) => [i, c]).filter(([, c]) => c).map(([i, c]) => `${i * WINDOW}–${(i + 1) * WINDOW} ms: ${c}`);
  return {
    rows: [
      {
        metric: `first retries of ${n} clients in the densest 100 ms`,
        value: share,
        unit: '%',
        target: '≤ 20 %',
        pass: share.median <= 20,
        note: `attempts per 100 ms after the SIGKILL (last run): ${bins.join(', ')}; the server listened again after ${last.upMs} ms`,
      },
      {metric: 'reconnect attempts per client', value: summary(out.map((r) => r.attempts / n)), unit: '', target: '', pass: null},
      {metric: `all ${n} subscribed again`, value: summary(out.map((r) => r.allBackMs)), unit: 'ms', target: '', pass: null, note: 'from the SIGKILL'},
    ],
    data: {clients: n, runs, windowMs: WINDOW, perRun: out},
  };
}

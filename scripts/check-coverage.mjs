// Fails when statement or branch coverage of the layers without DOM (protocol/, api/, state/)
// falls under 90%, from the lcov report that `web-test-runner --coverage` writes.
import {readFileSync} from 'node:fs';

const MIN = 90;
const layers = ['src/protocol/', 'src/api/', 'src/state/'];
const totals = Object.fromEntries(layers.map((l) => [l, {lf: 0, lh: 0, brf: 0, brh: 0}]));
let layer = null;
for (const line of readFileSync('coverage/lcov.info', 'utf8').split('\n')) {
  if (line.startsWith('SF:')) layer = layers.find((l) => line.includes(l)) ?? null;
  const m = /^(LF|LH|BRF|BRH):(\d+)/.exec(line);
  if (layer && m) totals[layer][m[1].toLowerCase()] += Number(m[2]);
}
let ok = true;
for (const [name, t] of Object.entries(totals)) {
  const lines = t.lf ? (100 * t.lh) / t.lf : 100;
  const branches = t.brf ? (100 * t.brh) / t.brf : 100;
  const pass = t.lf > 0 && lines >= MIN && branches >= MIN;
  ok &&= pass;
  console.log(`${pass ? 'ok  ' : 'FAIL'} ${name.padEnd(14)} statements ${lines.toFixed(1)}%  branches ${branches.toFixed(1)}%  (minimum ${MIN}%)`);
}
process.exit(ok ? 0 : 1);

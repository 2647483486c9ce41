// `npm run bench` (or `node bench/run.mjs`): every benchmark in one run, in headless Chromium and
// Node against the local server; prints a table and writes the figures to bench/latest.json.
// BENCH_QUICK=1 is a short smoke run; BENCH_ONLY=size,latency picks sections; see bench/README.md.
import {writeFileSync} from 'node:fs';
import {cpus, loadavg} from 'node:os';
import {fileURLToPath} from 'node:url';
import {buildBundles} from './lib/build.mjs';
import {launchBrowser, pageServer} from './lib/browser.mjs';
import {QUICK, only} from './lib/env.mjs';
import {startChild} from './lib/server.mjs';
import {notes, table} from './lib/table.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const SECTIONS = [
  ['size', 'Size'],
  ['startup', 'Start-up'],
  ['latency', 'Latency'],
  ['burst', 'Burst'],
  ['long', 'Long conversation'],
  ['recovery', 'Recovery'],
  ['soak', 'Soak'],
  ['herd', 'Thundering herd'],
];
const BROWSER = new Set(['startup', 'latency', 'burst', 'long', 'recovery', 'soak']);
const chosen = SECTIONS.filter(([id]) => !only.length || only.includes(id));

const started = Date.now();
const load = loadavg()[0];
console.log(`akece-chat benchmarks${QUICK ? ' (BENCH_QUICK: fewer repeats)' : ''}`);
const {widget, floor, source} = await buildBundles();

const ctx = {bundle: widget, floor, source};
const results = [];
const data = {};
let failed = false;
try {
  if (chosen.some(([id]) => BROWSER.has(id))) {
    ctx.browser = await launchBrowser();
    ctx.pages = await pageServer(widget);
  }
  // One server for the browser sections that do not kill theirs; each of those starts its own.
  ctx.server = await startChild();
  for (const [id, name] of chosen) {
    const t = Date.now();
    process.stdout.write(`- ${name}… `);
    try {
      const {default: section} = await import(`./${id}.mjs`);
      const r = await section(ctx);
      results.push({name, rows: r.rows});
      data[id] = r.data;
      console.log(`${((Date.now() - t) / 1000).toFixed(0)} s`);
    } catch (e) {
      failed = true;
      console.log(`failed: ${e.stack || e}`);
      data[id] = {error: String(e.message || e)};
    }
  }
} finally {
  await ctx.server?.stop();
  await ctx.pages?.close();
  await ctx.browser?.close();
}

const when = new Date().toISOString();
console.log(`\n${table(results)}\n\n${notes(results)}`);
console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s in all; ${cpus().length} cores, load average ${load.toFixed(1)} at the start; Node ${process.version}${QUICK ? '; BENCH_QUICK' : ''}`);
writeFileSync(
  'bench/latest.json',
  JSON.stringify({date: when, quick: QUICK, node: process.version, cores: cpus().length, loadAverage: load, cpu: cpus()[0]?.model, seconds: (Date.now() - started) / 1000, rows: results, results: data}, null, 2) + '\n'
);
console.log('figures written to bench/latest.json');
if (failed) process.exitCode = 1;

// `npm run bench` (or `node bench/run.mjs`): every benchmark in one run, in headless Chromium and
// Node against the local server; prints a table and writes the figures, with the machine's load,
// to bench/results/<date and time>.json (a full run: commit it; `npm run bench:table` then
// rewrites the README's table from it) and to bench/latest.json. BENCH_QUICK=1 is a short smoke
// run and BENCH_ONLY=size,latency picks sections: their results are named *.quick.json or
// *.partial.json, which git ignores. See bench/README.md.
import {mkdirSync, writeFileSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {buildBundles} from './lib/build.mjs';
import {launchBrowser, pageServer} from './lib/browser.mjs';
import {QUICK, only} from './lib/env.mjs';
import {loadNow, machine} from './lib/machine.mjs';
import {RESULTS} from './lib/results.mjs';
import {startChild} from './lib/server.mjs';
import {notes, table} from './lib/table.mjs';
import {findChromium} from '../scripts/chromium.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));


const SECTIONS = [
  ['size', 'Size'],
  ['startup', 'Start-up'],
  ['latency', 'Latency'],
  ['burst', 'Burst'],
  ['long', 'Long conversation'],
  ['big', 'Big messages'],
  ['recovery', 'Recovery'],
  ['soak', 'Soak'],
  ['herd', 'Thundering herd'],
  ['tabs', 'Tabs'],
];
const BROWSER = new Set(['startup', 'latency', 'burst', 'long', 'big', 'recovery', 'soak', 'tabs']);
const chosen = SECTIONS.filter(([id]) => !only.length || only.includes(id));
const kind = QUICK ? 'quick' : chosen.length < SECTIONS.length ? 'partial' : 'full';

/** The Chromium the browser sections use, as it names itself. */
async function chromiumVersion(browser) {
  if (browser) return browser.version();
  try {
    return execFileSync(findChromium(), ['--version'], {encoding: 'utf8'}).trim();
  } catch {
    return undefined;
  }
}

const started = Date.now();
const loadBefore = loadNow();
// The commit (and whether the tree was clean) when the bundle is built, not when the run ends:
// an engineer may commit meanwhile.
const builtFrom = machine();
console.log(`akece-chat benchmarks${QUICK ? ' (BENCH_QUICK: fewer repeats)' : ''}`);
const built = await buildBundles();

const ctx = {bundle: built.widget, floor: built.floor, source: built.source, moments: built.moments};
const results = [];
const data = {};
let failed = false;
let chromium;
try {
  if (chosen.some(([id]) => BROWSER.has(id))) {
    ctx.browser = await launchBrowser();
    ctx.pages = await pageServer(built);
  }
  chromium = await chromiumVersion(ctx.browser);
  // One server for the browser sections that do not kill theirs; each of those starts its own.
  ctx.server = await startChild();
  for (const [id, name] of chosen) {
    const sectionStart = Date.now();
    process.stdout.write(`- ${name}… `);
    try {
      const {default: section} = await import(`./${id}.mjs`);
      const r = await section(ctx);
      results.push({id, name, rows: r.rows});
      data[id] = r.data;
      console.log(`${((Date.now() - sectionStart) / 1000).toFixed(0)} s`);
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

const loadAfter = loadNow();
const seconds = (Date.now() - started) / 1000;
console.log(`\n${table(results)}\n\n${notes(results)}`);
console.log(
  `\n${seconds.toFixed(0)} s in all; ${machine().cores} cores, load average ${loadBefore.loadAverage.one.toFixed(1)} at the start` +
    ` and ${loadAfter.loadAverage.one.toFixed(1)} at the end; Node ${process.version}${QUICK ? '; BENCH_QUICK' : ''}`
);

const record = {
  date: new Date(started).toISOString(),
  kind,
  quick: QUICK,
  sections: chosen.map(([id]) => id),
  seconds,
  machine: {...builtFrom, chromium},
  load: {before: loadBefore, after: loadAfter},
  bundle: built.source,
  rows: results,
  results: data,
};
const text = JSON.stringify(record, null, 2) + '\n';
// The file name is the start time in ISO 8601 with '-' for ':', which some file systems refuse.
const stamp = record.date.replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
const file = `${RESULTS}/${stamp}${kind === 'full' ? '' : `.${kind}`}.json`;
mkdirSync(RESULTS, {recursive: true});
writeFileSync(file, text);
writeFileSync('bench/latest.json', text);
console.log(`figures written to ${file} and bench/latest.json${kind === 'full' && !failed ? '; commit it, then `npm run bench:table`' : ''}`);
if (failed) process.exitCode = 1;

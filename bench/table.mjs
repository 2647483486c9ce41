// `npm run bench:table`: rewrites the README's benchmark table from the newest full run in
// bench/results/ (written by `npm run bench`; commit it first), between the markers
// <!-- bench:table:start --> and <!-- bench:table:end -->. `--check` only says whether the
// table is up to date (exit code 1 if not).
import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {newestFullRun} from './lib/results.mjs';
import {num, spread} from './lib/table.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const README = 'README.md';
const START = '<!-- bench:table:start -->';
const END = '<!-- bench:table:end -->';

/** A table cell: '|' would end the cell. */
const cell = (text) => String(text ?? '').replaceAll('|', '\\|');

function verdict(row) {
  if (row.pass === true) return 'met';
  if (row.pass === false) return 'missed';
  return '';
}

function figure(row) {
  // No figure (a render past its time cap, say): the note says why.
  if (!Number.isFinite(row.value.median)) return row.note || 'n/a';
  const median = num(row.value.median, row.unit);
  const range = spread(row.value, row.unit);
  return range ? `${median} (${range})` : median;
}

/** The run's machine and load, in one sentence. */
function provenance(record, file) {
  const {machine, load} = record;
  const loads = (l) => `${l.loadAverage.one.toFixed(1)} / ${l.loadAverage.five.toFixed(1)} / ${l.loadAverage.fifteen.toFixed(1)}`;
  const commit = machine.commit ? `commit ${machine.commit.slice(0, 7)}${machine.uncommittedChanges ? ' with uncommitted changes' : ''}, ` : '';
  return (
    `From the full run of ${record.date.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} (\`${file}\`, ${commit}` +
    `${Math.round(record.seconds / 60)} min): ${machine.cores} cores (${machine.cpu}), ${(machine.totalMemoryMB / 1024).toFixed(1)} GB; ` +
    `load average (1 / 5 / 15 min) ${loads(load.before)} at the start and ${loads(load.after)} at the end; ` +
    `Node ${machine.node.replace(/^v/, '')}, ${machine.chromium ?? 'Chromium (version unknown)'}.`
  );
}

function render(record, file) {
  const lines = [
    provenance(record, file),
    '',
    '| section | figure | median (spread) | target | verdict |',
    '|---|---|---|---|---|',
  ];
  for (const section of record.rows) {
    for (const row of section.rows) {
      lines.push(`| ${cell(section.name)} | ${cell(row.metric)} | ${cell(figure(row))} | ${cell(row.target)} | ${verdict(row)} |`);
    }
  }
  const failed = Object.entries(record.results).filter(([, data]) => data?.error);
  if (failed.length) {
    lines.push('', `Sections that failed in this run: ${failed.map(([id, data]) => `${id} (${data.error})`).join('; ')}.`);
  }
  return lines.join('\n');
}

const run = newestFullRun();
if (!run) {
  console.error('bench:table: no full run in bench/results/ yet: run `npm run bench` (without BENCH_QUICK or BENCH_ONLY) first.');
  process.exit(1);
}
const readme = readFileSync(README, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) {
  console.error(`bench:table: ${README} has no ${START} … ${END} markers.`);
  process.exit(1);
}
const updated = `${readme.slice(0, start + START.length)}\n${render(run.record, run.file)}\n${readme.slice(end)}`;
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error(`bench:table: the README's table is not that of ${run.file}: run \`npm run bench:table\`.`);
    process.exitCode = 1;
  } else {
    console.log(`The README's table is that of ${run.file}.`);
  }
} else {
  writeFileSync(README, updated);
  console.log(`${README}: benchmark table rewritten from ${run.file}.`);
}

// The committed figures: bench/run.mjs writes one file per run into bench/results/, named by its
// start time (ISO 8601, '-' for ':'); only full runs (no BENCH_QUICK, every section) are named
// plainly and committed, quick and partial runs end in .quick.json / .partial.json.
import {readFileSync, readdirSync} from 'node:fs';

export const RESULTS = 'bench/results';

/** The newest full run's record and file name, or undefined when there is none. */
export function newestFullRun(dir = RESULTS) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  // The names start with the date and time, so their order is the runs' order.
  const full = names.filter((name) => /^\d{4}-\d\d-\d\dT[\d-]+Z\.json$/.test(name)).sort();
  for (const name of full.reverse()) {
    const record = JSON.parse(readFileSync(`${dir}/${name}`, 'utf8'));
    if (record.kind === 'full') return {record, file: `${dir}/${name}`};
  }
  return undefined;
}

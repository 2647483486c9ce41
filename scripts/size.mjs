// `npm run size`: what each moment of a visit costs (contract §8) and what fills it: every file
// the moment requests (gzip -9 each, as the budgets count them) and, inside each chunk, the
// source files its bytes come from. Builds in memory; dist/ is left alone.
import {buildScriptTag, moments, sourcesOf, gzipSize} from './bundle.mjs';

const build = await buildScriptTag();
const pad = (value, width = 7) => String(value).padStart(width);
const seen = new Set();
for (const moment of moments(build)) {
  const verdict = moment.gzip > moment.budget ? `OVER by ${moment.gzip - moment.budget}` : `${moment.budget - moment.gzip} to spare`;
  console.log(`\n${moment.name}: ${moment.gzip} bytes gzip of ${moment.budget} (${verdict})`);
  for (const name of moment.files) {
    const file = build.files.get(name);
    console.log(`  ${pad(gzipSize(file.code))}  ${name}${seen.has(name) ? '  (as above)' : ''}`);
    if (seen.has(name)) continue;
    seen.add(name);
    for (const source of await sourcesOf(file)) if (source.gzip >= 20) console.log(`  ${pad(source.gzip, 13)}  ${source.name}`);
  }
}
console.log('\n(gzip -9 per file; per source file: its share of the chunk, an estimate; sources under 20 bytes not listed)');

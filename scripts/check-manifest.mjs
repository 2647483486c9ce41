// `npm run check:manifest`: custom-elements.json must be what the analyzer makes of the current
// JSDoc (`npm run build` rewrites it; commit the result). Regenerates it into a temporary folder,
// with the arguments scripts/build.mjs uses, and compares.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';

/** The analyzer lists modules in the order its glob finds the files, which varies: sort them. */
function normalize(text) {
  const manifest = JSON.parse(text);
  manifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return JSON.stringify(manifest, null, 2);
}

const dir = mkdtempSync(join(tmpdir(), 'akece-cem-'));
// The analyzer also points package.json's `customElements` at its output: keep ours as it is.
const pkg = readFileSync('package.json', 'utf8');
try {
  execFileSync(
    'node_modules/.bin/cem',
    ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/testing.ts', '--quiet', '--outdir', relative('.', dir)], // it joins --outdir to the working folder
    {stdio: 'inherit'}
  );
  const fresh = normalize(readFileSync(join(dir, 'custom-elements.json'), 'utf8'));
  let committed = '';
  try {
    committed = normalize(readFileSync('custom-elements.json', 'utf8'));
  } catch {}
  if (fresh !== committed) {
    const a = committed.split('\n');
    const b = fresh.split('\n');
    let line = 0;
    while (a[line] === b[line]) line++;
    console.error(
      `custom-elements.json is stale: it differs from the sources from line ${line + 1}` +
        `\n  committed: ${(a[line] ?? '(end of file)').trim()}\n  expected:  ${(b[line] ?? '(end of file)').trim()}` +
        '\nRun `npm run build` (or `npx cem analyze --litelement --globs "src/**/*.ts" --exclude "src/**/testing.ts"`) and commit custom-elements.json.'
    );
    process.exitCode = 1;
  } else {
    console.log('custom-elements.json is up to date.');
  }
} finally {
  writeFileSync('package.json', pkg);
  rmSync(dir, {recursive: true, force: true});
}

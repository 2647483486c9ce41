// `npm run check:manifest`: custom-elements.json must be exactly what the analyzer makes of the
// current JSDoc (`npm run build` rewrites it; commit the result). Regenerates it into a temporary
// folder with the settings of custom-elements-manifest.config.mjs and compares the text, so a
// committed file in another order fails too: the manifest is written sorted by module path.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';

/** The module paths of a manifest's text, in the order it lists them. */
function modulePaths(text) {
  return (JSON.parse(text).modules ?? []).map((module) => module.path);
}

function isSorted(paths) {
  return paths.every((path, index) => index === 0 || paths[index - 1] < path);
}

/** The first line where two texts differ, shown side by side. */
function firstDifference(committed, fresh) {
  const committedLines = committed.split('\n');
  const freshLines = fresh.split('\n');
  let line = 0;
  while (committedLines[line] === freshLines[line]) line++;
  return (
    `from line ${line + 1}` +
    `\n  committed: ${(committedLines[line] ?? '(end of file)').trim()}` +
    `\n  expected:  ${(freshLines[line] ?? '(end of file)').trim()}`
  );
}

const dir = mkdtempSync(join(tmpdir(), 'akece-cem-'));
try {
  // The analyzer joins --outdir to the working folder, hence the relative path.
  execFileSync('node_modules/.bin/cem', ['analyze', '--quiet', '--outdir', relative('.', dir)], {stdio: 'inherit'});
  const fresh = readFileSync(join(dir, 'custom-elements.json'), 'utf8');
  if (!isSorted(modulePaths(fresh))) {
    throw new Error('the analyzer wrote its modules out of path order: see custom-elements-manifest.config.mjs');
  }
  let committed = '';
  try {
    committed = readFileSync('custom-elements.json', 'utf8');
  } catch {
    // No committed manifest: reported as stale below.
  }
  if (fresh === committed) {
    console.log('custom-elements.json is up to date.');
  } else {
    const order = committed && !isSorted(modulePaths(committed)) ? ' (its modules are not in path order)' : '';
    console.error(
      `custom-elements.json is stale${order}: it differs from the sources ${firstDifference(committed, fresh)}` +
        '\nRun `npm run build` (or `npx cem analyze`) and commit custom-elements.json.'
    );
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, {recursive: true, force: true});
}

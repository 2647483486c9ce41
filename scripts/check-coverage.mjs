// The coverage gate of the layers without DOM: every file under src/protocol, src/api and
// src/state must have at least 90 % of its statements and 90 % of its branches run by the tests,
// from the lcov report that `web-test-runner --coverage` writes (coverage/lcov.info, or the path
// given as the first argument). A file is judged on its own, so a well-tested file no longer
// hides an untested one in the layer's total; the failing files are named.
//
// lcov has no statement records: web-test-runner converts V8's coverage with one statement per
// line, so lcov's lines (LF/LH) are the statements.
import {readFileSync, readdirSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';
import {transformSync} from 'esbuild';

const MINIMUM = 90; // percent, for statements and for branches
const LAYERS = ['src/protocol', 'src/api', 'src/state'];
/** Test doubles that live beside their interfaces; web-test-runner.config.mjs excludes them too. */
const NOT_MEASURED = /(^|\/)testing\.ts$/;

/** Per source file (path relative to the project): statements and branches found and hit. */
function readLcov(path) {
  const files = new Map();
  let current = null;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('SF:')) {
      current = {statementsFound: 0, statementsHit: 0, branchesFound: 0, branchesHit: 0};
      files.set(relative('.', resolve(line.slice(3).trim())).replaceAll('\\', '/'), current);
      continue;
    }
    const record = /^(LF|LH|BRF|BRH):(\d+)/.exec(line);
    if (!current || !record) continue;
    const count = Number(record[2]);
    if (record[1] === 'LF') current.statementsFound += count;
    if (record[1] === 'LH') current.statementsHit += count;
    if (record[1] === 'BRF') current.branchesFound += count;
    if (record[1] === 'BRH') current.branchesHit += count;
  }
  return files;
}

function sourceFiles(folder) {
  let names;
  try {
    names = readdirSync(folder, {recursive: true});
  } catch {
    return []; // a layer that does not exist (yet) has nothing to measure
  }
  return names
    .map((name) => join(folder, String(name)).replaceAll('\\', '/'))
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts') && !NOT_MEASURED.test(path))
    .sort();
}

/**
 * A module with only types and interfaces compiles to nothing: the browser never loads it, so it
 * is absent from the report without being untested.
 */
function hasRuntimeCode(path) {
  const {code} = transformSync(readFileSync(path, 'utf8'), {
    loader: 'ts',
    format: 'esm',
    tsconfigRaw: {compilerOptions: {verbatimModuleSyntax: true, experimentalDecorators: true}},
  });
  return code.replace(/export\s*\{\s*\};?/g, '').trim() !== '';
}

function percent(hit, found) {
  return found === 0 ? 100 : (100 * hit) / found;
}

const report = readLcov(process.argv[2] ?? 'coverage/lcov.info');
const failures = [];
for (const path of LAYERS.flatMap(sourceFiles)) {
  const measured = report.get(path);
  if (!measured) {
    if (hasRuntimeCode(path)) {
      failures.push(path);
      console.log(`FAIL ${path}: not loaded by any test`);
    }
    continue;
  }
  const statements = percent(measured.statementsHit, measured.statementsFound);
  const branches = percent(measured.branchesHit, measured.branchesFound);
  const passes = statements >= MINIMUM && branches >= MINIMUM;
  if (!passes) failures.push(path);
  console.log(
    `${passes ? 'ok  ' : 'FAIL'} ${path.padEnd(40)} statements ${statements.toFixed(1).padStart(5)}%` +
      ` (${measured.statementsHit}/${measured.statementsFound})` +
      `  branches ${branches.toFixed(1).padStart(5)}% (${measured.branchesHit}/${measured.branchesFound})`
  );
}

if (failures.length > 0) {
  console.error(`\n${failures.length} file(s) under ${MINIMUM}% statement or branch coverage: ${failures.join(', ')}`);
  process.exitCode = 1;
} else {
  console.log(`\nEvery file of ${LAYERS.join(', ')} has at least ${MINIMUM}% of its statements and branches covered.`);
}

// Builds what the benchmarks load, into bench/.build/ (ignored by git), never into dist/, so a
// run neither depends on nor disturbs another engineer's `npm run build`:
// - everything rollup.config.mjs builds (the script-tag bundle and the modules it loads beside
//   itself: the rich-content module, the catalogues), each output moved from dist/ to
//   bench/.build/, so the page loads them as a site would;
// - the floor: Lit + reconnecting-websocket alone, through the same plugins (minus TypeScript,
//   which has nothing to compile in a plain-JS entry);
// - the widget's protocol core (src/protocol/cable.ts) bundled for Node with esbuild.
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {basename, dirname} from 'node:path';
import {pathToFileURL} from 'node:url';
import {gzipSync} from 'node:zlib';
import {rollup} from 'rollup';
import {build} from 'esbuild';

export const OUT = 'bench/.build';
/** The script-tag bundle's file name, in dist/ and in OUT. */
const BUNDLE = 'akece-chat.js';

export const gzipSize = (code) => gzipSync(code, {level: 9}).length;

async function bundle(config) {
  const b = await rollup({...config, onwarn() {}});
  try {
    const {output} = await b.generate(config.output);
    return output[0].code;
  } finally {
    await b.close();
  }
}

/** An output of rollup.config.mjs written under OUT instead of dist/. */
function intoScratch(output) {
  const moved = (path) => path.replace(/^(\.\/)?dist(?=\/|$)/, OUT);
  return {...output, ...(output.file ? {file: moved(output.file)} : {}), ...(output.dir ? {dir: moved(output.dir)} : {})};
}

/** Builds every configuration of rollup.config.mjs into OUT. */
async function buildAll(configs) {
  rmSync(OUT, {recursive: true, force: true});
  // One after the other: the configurations share plugin instances.
  for (const config of configs) {
    const b = await rollup({...config, onwarn() {}});
    try {
      for (const output of [config.output].flat()) await b.write(intoScratch(output));
    } finally {
      await b.close();
    }
  }
}

/**
 * {widget, floor, source, dir}: minified code of the script-tag bundle and of the floor, and the
 * folder the bench pages load the bundle (and what it loads beside itself) from. While other
 * engineers are mid-edit the sources may not build; then the existing dist/ is used (`source`
 * says which), and BENCH_BUNDLE=path forces a given bundle (served with the files beside it).
 */
export async function buildBundles() {
  // Imported here: the config's plugin instances are shared, so build one after the other.
  const {default: configs} = await import(pathToFileURL('rollup.config.mjs').href);
  const [config] = configs;
  let bundlePath = `${OUT}/${BUNDLE}`;
  let source = 'src (rollup.config.mjs)';
  if (process.env.BENCH_BUNDLE) {
    bundlePath = process.env.BENCH_BUNDLE;
    source = bundlePath;
  } else {
    try {
      await buildAll(configs);
    } catch (e) {
      if (!existsSync(`dist/${BUNDLE}`)) throw e;
      console.warn(`bench: the sources do not build right now (${e.message.split('\n')[0]}); using dist/`);
      bundlePath = `dist/${BUNDLE}`;
      source = 'dist/ (sources did not build)';
    }
  }
  const widget = readFileSync(bundlePath, 'utf8');
  const floor = await bundle({
    input: 'bench/floor/entry.js',
    output: {format: 'iife', sourcemap: config.output.sourcemap},
    plugins: config.plugins.filter((p) => p.name !== 'typescript'),
  });
  mkdirSync(OUT, {recursive: true});
  writeFileSync(`${OUT}/floor.js`, floor);
  return {widget, floor, source, dir: dirname(bundlePath), bundleName: basename(bundlePath)};
}

/** The `Cable` class from src/protocol/cable.ts, bundled for Node. */
export async function loadCable() {
  const r = await build({
    entryPoints: ['src/protocol/cable.ts'],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  mkdirSync(OUT, {recursive: true});
  const file = `${OUT}/cable.node.mjs`;
  writeFileSync(file, r.outputFiles[0].text);
  const mod = await import(pathToFileURL(file).href + `?t=${Date.now()}`);
  return mod.Cable;
}

/** The page signals a Node client sees: always online and visible. */
export const nodeEnvironment = {isOnline: () => true, isHidden: () => false, listen: () => () => {}};

// Builds what the benchmarks load, into bench/.build/ (ignored by git), never into dist/, so a
// run neither depends on nor disturbs another engineer's `npm run build`:
// - everything `npm run build` builds (the script-tag bundle and the chunks it loads beside
//   itself by moment of need, the catalogues), written to bench/.build/ instead of dist/, so the
//   page loads them as a site would;
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

/**
 * Builds the widget as `npm run build` does (scripts/bundle.mjs: the ES-module chunks, then the
 * script tag with their pins written in) and writes every file into OUT instead of dist/.
 */
async function buildAll() {
  const {buildScriptTag, moments} = await import(pathToFileURL('scripts/bundle.mjs').href);
  const built = await buildScriptTag();
  const {files} = built;
  rmSync(OUT, {recursive: true, force: true});
  for (const [name, file] of files) {
    mkdirSync(dirname(`${OUT}/${name}`), {recursive: true});
    writeFileSync(`${OUT}/${name}`, file.code);
    if (file.map) writeFileSync(`${OUT}/${name}.map`, file.map.toString());
  }
  return moments(built).map(({name, budget, gzip, files: names}) => ({name, budget, gzip, files: names.length}));
}

/**
 * {widget, floor, source, moments, dir}: minified code of the script-tag bundle and of the floor, and the
 * folder the bench pages load the bundle (and what it loads beside itself) from. While other
 * engineers are mid-edit the sources may not build; then the existing dist/ is used (`source`
 * says which), and BENCH_BUNDLE=path forces a given bundle (served with the files beside it).
 */
export async function buildBundles() {
  // The modules' configuration: the floor goes through the same plugins.
  const {modules} = await import(pathToFileURL('rollup.config.mjs').href);
  const config = modules(new Map());
  let bundlePath = `${OUT}/${BUNDLE}`;
  let source = 'src (scripts/bundle.mjs, as npm run build)';
  /** The moments of contract §8 ({name, budget, gzip, files}); null for a bundle not built here. */
  let moments = null;
  if (process.env.BENCH_BUNDLE) {
    bundlePath = process.env.BENCH_BUNDLE;
    source = bundlePath;
  } else {
    try {
      moments = await buildAll();
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
    plugins: config.plugins.filter((p) => p.name !== 'typescript' && !p.name.includes('chunk')),
  });
  mkdirSync(OUT, {recursive: true});
  writeFileSync(`${OUT}/floor.js`, floor);
  return {widget, floor, source, moments, dir: dirname(bundlePath), bundleName: basename(bundlePath)};
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

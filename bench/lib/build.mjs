// Builds what the benchmarks load, into bench/results/ (ignored by git), never into dist/, so a
// run neither depends on nor disturbs another engineer's `npm run build`:
// - the script-tag bundle, with rollup.config.mjs exactly (same bytes as dist/akece-chat.js);
// - the floor: Lit + reconnecting-websocket alone, through the same plugins (minus TypeScript,
//   which has nothing to compile in a plain-JS entry);
// - the widget's protocol core (src/protocol/cable.ts) bundled for Node with esbuild.
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {pathToFileURL} from 'node:url';
import {gzipSync} from 'node:zlib';
import {rollup} from 'rollup';
import {build} from 'esbuild';

export const OUT = 'bench/results';

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
 * {widget, floor, source}: minified code of the script-tag bundle and of the floor. While other
 * engineers are mid-edit the sources may not build; then the existing dist/akece-chat.js is used
 * (`source` says which), and BENCH_BUNDLE=path forces a given file.
 */
export async function buildBundles() {
  // Imported here: the config's plugin instances are shared, so build one after the other.
  const {default: configs} = await import(pathToFileURL('rollup.config.mjs').href);
  const [config] = configs;
  let widget;
  let source = 'src (rollup.config.mjs)';
  if (process.env.BENCH_BUNDLE) {
    source = process.env.BENCH_BUNDLE;
    widget = readFileSync(source, 'utf8');
  } else {
    try {
      widget = await bundle(config);
    } catch (e) {
      if (!existsSync('dist/akece-chat.js')) throw e;
      console.warn(`bench: the sources do not build right now (${e.message.split('\n')[0]}); using dist/akece-chat.js`);
      widget = readFileSync('dist/akece-chat.js', 'utf8');
      source = 'dist/akece-chat.js (sources did not build)';
    }
  }
  const floor = await bundle({
    input: 'bench/floor/entry.js',
    output: {format: 'iife', sourcemap: config.output.sourcemap},
    plugins: config.plugins.filter((p) => p.name !== 'typescript'),
  });
  mkdirSync(OUT, {recursive: true});
  writeFileSync(`${OUT}/akece-chat.js`, widget);
  writeFileSync(`${OUT}/floor.js`, floor);
  return {widget, floor, source};
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

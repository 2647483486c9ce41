// Builds the script-tag files (rollup.config.mjs: the ES-module chunks, then the classic script
// with every chunk's hash pinned in it) and works out what each moment of a visit loads
// (contract §8), from the real chunk graph: a moment's files are the script, the entry and its
// static imports, plus the chunks the moment imports on demand, each with its static imports.
// Used by scripts/build.mjs (writes dist/, checks the budgets) and scripts/size.mjs (prints).
import {createHash} from 'node:crypto';
import {relative} from 'node:path';
import {gzipSync} from 'node:zlib';
import {rollup} from 'rollup';
import {SourceMapConsumer} from 'source-map';
import {modules, scriptTag} from '../rollup.config.mjs';

/** Bytes, gzip -9, per moment (contract §8). */
export const BUDGETS = {
  'page start, new visitor': 12 * 1024,
  'page start, known contact': 24 * 1024,
  'first open to a usable composer, new visitor': 32 * 1024,
  'each on-demand feature': 12 * 1024,
};

/** The modules whose chunks a moment imports on demand (src/chat/chat.ts and its controllers do). */
const SESSION = 'src/controllers/session-binding.ts';
const PANEL = 'src/chat/panel-view.ts';

const SCRIPT = 'akece-chat.js';
const sourceName = (id) => relative(process.cwd(), id).replace(/\\/g, '/');
const gzipSize = (code) => gzipSync(code, {level: 9}).length;
const integrity = (code) => 'sha256-' + createHash('sha256').update(code).digest('base64');

const quiet = (warning, warn) => {
  // i18n's computed import() is loaded through importChunk(); rollup need not resolve it.
  if (warning.code != 'UNRESOLVED_IMPORT' || !warning.message.includes('locales')) warn(warning);
};

/**
 * Builds every file; with `write`, into dist/. Returns the files (name → {code, map, imports,
 * module}) and which source module imports which on demand.
 */
export async function buildScriptTag({write = false} = {}) {
  const lazyImports = new Map();
  const moduleConfig = modules(lazyImports);
  const moduleBuild = await rollup({...moduleConfig, onwarn: quiet});
  const {output} = await (write ? moduleBuild.write(moduleConfig.output) : moduleBuild.generate(moduleConfig.output));
  await moduleBuild.close();

  const files = new Map();
  for (const chunk of output) {
    if (chunk.type != 'chunk') continue;
    files.set(chunk.fileName, {code: chunk.code, map: chunk.map, imports: chunk.imports, module: chunk.facadeModuleId && sourceName(chunk.facadeModuleId)});
  }
  const entry = [...files].find(([, file]) => file.module == 'src/akece-chat.ts')[0];
  const manifest = {entry, files: Object.fromEntries([...files].map(([name, file]) => [name, {integrity: integrity(file.code), imports: file.imports}]))};

  const tagConfig = scriptTag(manifest);
  const tagBuild = await rollup({...tagConfig, onwarn: quiet});
  const tag = (await (write ? tagBuild.write(tagConfig.output) : tagBuild.generate(tagConfig.output))).output[0];
  await tagBuild.close();
  files.set(SCRIPT, {code: tag.code, map: tag.map, imports: [], module: 'src/loader/script-tag.ts'});

  const lazy = new Map([...lazyImports].map(([importer, imported]) => [sourceName(importer), imported.map(sourceName)]));
  return {files, manifest, lazy, integrity: integrity(tag.code)};
}

/** The moments of contract §8, each with its files (the script first) and gzip total. */
export function moments({files, manifest, lazy}) {
  const chunkOf = (module) => {
    const found = [...files].find(([, file]) => file.module == module);
    if (!found) throw new Error(`no chunk for ${module}: was it renamed, or is it no longer imported on demand?`);
    return found[0];
  };
  const withImports = (name, into = new Set()) => {
    if (!into.has(name)) {
      into.add(name);
      for (const imported of files.get(name).imports) withImports(imported, into);
    }
    return into;
  };
  const union = (...sets) => new Set(sets.flatMap((set) => [...set]));
  const loadedOnDemand = new Set([...lazy.values()].flat());
  for (const module of [SESSION, PANEL]) if (!loadedOnDemand.has(module)) throw new Error(`${module} is no longer imported on demand`);

  const start = union(new Set([SCRIPT]), withImports(manifest.entry));
  const known = union(start, withImports(chunkOf(SESSION)));
  const open = union(known, withImports(chunkOf(PANEL)));
  const list = [
    {name: 'page start, new visitor', budget: BUDGETS['page start, new visitor'], files: start},
    {name: 'page start, known contact', budget: BUDGETS['page start, known contact'], files: known},
    {name: 'first open to a usable composer, new visitor', budget: BUDGETS['first open to a usable composer, new visitor'], files: open},
  ];
  // Every other chunk that is not part of the moments above: a feature loaded when first used,
  // counted with whatever it adds to an open chat.
  const features = [...files].filter(([name, file]) => !open.has(name) && (loadedOnDemand.has(file.module) || name.startsWith('locales/')));
  for (const [name, file] of features) {
    const added = new Set([...withImports(name)].filter((other) => !open.has(other)));
    list.push({name: `on demand: ${file.module}`, budget: BUDGETS['each on-demand feature'], files: added});
  }
  for (const moment of list) {
    moment.files = [...moment.files];
    moment.gzip = moment.files.reduce((sum, name) => sum + gzipSize(files.get(name).code), 0);
  }
  return list;
}

export {gzipSize};

/**
 * Minified bytes of each source file in a chunk, from its sourcemap, and each one's share of
 * the chunk's gzip size (an estimate: gzip does not split by file).
 */
export async function sourcesOf(file) {
  const bytes = new Map();
  await SourceMapConsumer.with(file.map, null, (consumer) => {
    let previous = null;
    consumer.eachMapping((mapping) => {
      if (previous && previous.generatedLine === mapping.generatedLine) {
        const name = (previous.source || '?').replace(/^.*node_modules\//, '').replace(/^.*?\bsrc\//, 'src/');
        bytes.set(name, (bytes.get(name) || 0) + mapping.generatedColumn - previous.generatedColumn);
      }
      previous = mapping;
    });
  });
  const total = [...bytes.values()].reduce((sum, n) => sum + n, 0) || 1;
  const gzip = gzipSize(file.code);
  return [...bytes].sort((a, b) => b[1] - a[1]).map(([name, minified]) => ({name, minified, gzip: Math.round((minified / total) * gzip)}));
}

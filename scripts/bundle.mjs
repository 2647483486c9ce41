// Builds the script-tag files (rollup.config.mjs: the ES-module chunks, then the classic script
// with every chunk's hash pinned in it) and works out what each moment of a visit loads
// (contract §8), from the real chunk graph: a moment's files are the script, the entry and its
// static imports, plus the chunks the moment imports on demand, each with its static imports.
// Used by scripts/build.mjs (writes dist/, checks the budgets) and scripts/size.mjs (prints).
import {createHash} from 'node:crypto';
import {writeFileSync} from 'node:fs';
import {relative} from 'node:path';
import {gzipSync} from 'node:zlib';
import {rollup} from 'rollup';
import {SourceMapConsumer} from 'source-map';
import {CHUNK_FOLDERS, modules, scriptTag} from '../rollup.config.mjs';

/** Bytes, gzip -9, per moment (contract §8). */
export const BUDGETS = {
  'page start, new visitor': 12 * 1024,
  'page start, known contact': 24 * 1024,
  'first open to a usable composer, new visitor': 32 * 1024,
  'each on-demand feature': 12 * 1024,
};

/**
 * Moments still over their budget, each with the ceiling it may not pass and why: a known gap
 * against contract §8, noted on its issue, printed on every build. The build fails above the
 * ceiling, so that the gap can only shrink. Remove an entry once its moment is within budget.
 */
export const KNOWN_GAPS = {
  // None today: every moment is within its budget.
};

/** The modules whose chunks a moment imports on demand (src/chat/chat.ts and its controllers do). */
const SESSION = 'src/controllers/session-binding.ts';
const PANEL = 'src/chat/panel-view.ts';
/** The whole catalogue: the panel loads it beside its own chunk. */
const CATALOGUE = 'src/i18n/load.ts';

const SCRIPT = 'akece-chat.js';
/**
 * The pins of every file that no early moment needs: the catalogues and the on-demand features.
 * src/loader/chunk-loader.ts loads it with the first such file, so that each new feature costs
 * the page-start script nothing.
 */
const FEATURE_INDEX = 'features.js';
/**
 * The catalogues' pins, one index of their own in their folder (pinned by the feature index):
 * 24 catalogues would otherwise weigh on every feature's first load.
 */
const CATALOGUE_INDEX = 'locales/index.js';
const isCatalogue = (name) => name.startsWith('locales/') && name != CATALOGUE_INDEX;
/** The indexes of folders of small files (pinned by the feature index): the catalogues', and each family of CHUNK_FOLDERS (rollup.config.mjs). */
const FOLDER_INDEXES = [CATALOGUE_INDEX, ...CHUNK_FOLDERS.map(({folder}) => `${folder}/index.js`)];
/** The index that pins `name`, when it is in such a folder. */
const folderIndexOf = (name) => FOLDER_INDEXES.find((index) => name != index && name.startsWith(index.replace(/index\.js$/, '')));
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
  const lazy = new Map([...lazyImports].map(([importer, imported]) => [sourceName(importer), imported.map(sourceName)]));
  const pin = ([name, file]) => [name, {integrity: integrity(file.code), imports: file.imports}];
  // The script pins what the early moments load; the feature index (itself pinned) the rest.
  const early = earlyFiles({files, entry, lazy});
  const later = [...files].filter(([name]) => !early.has(name));
  const addIndex = (name, pinned) => {
    const index = {code: `export default ${JSON.stringify(Object.fromEntries(pinned.map(pin)))};\n`, map: null, imports: [], module: name};
    files.set(name, index);
    if (write) writeFileSync(`${moduleConfig.output.dir}/${name}`, index.code);
    return [name, index];
  };
  const folderIndexes = FOLDER_INDEXES.map((index) => addIndex(index, later.filter(([name]) => folderIndexOf(name) == index)));
  addIndex(FEATURE_INDEX, [...later.filter(([name]) => !folderIndexOf(name)), ...folderIndexes]);
  const pinnedByScript = [...files].filter(([name]) => early.has(name) || name == FEATURE_INDEX);
  const manifest = {entry, files: Object.fromEntries(pinnedByScript.map(pin)), featureIndex: FEATURE_INDEX};

  const tagConfig = scriptTag(manifest);
  const tagBuild = await rollup({...tagConfig, onwarn: quiet});
  const tag = (await (write ? tagBuild.write(tagConfig.output) : tagBuild.generate(tagConfig.output))).output[0];
  await tagBuild.close();
  files.set(SCRIPT, {code: tag.code, map: tag.map, imports: [], module: 'src/loader/script-tag.ts'});

  return {files, manifest, lazy, integrity: integrity(tag.code)};
}

/** Walks the chunk graph: which chunk a module became, and a chunk with everything it imports. */
function chunkGraph(files) {
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
  return {chunkOf, withImports};
}

const union = (...sets) => new Set(sets.flatMap((set) => [...set]));

/** The files of the first three moments of contract §8 (without the script itself). */
function earlyMoments({files, entry, lazy}) {
  const {chunkOf, withImports} = chunkGraph(files);
  const loadedOnDemand = new Set([...lazy.values()].flat());
  for (const module of [SESSION, PANEL, CATALOGUE]) if (!loadedOnDemand.has(module)) throw new Error(`${module} is no longer imported on demand`);
  const start = withImports(entry);
  const known = union(start, withImports(chunkOf(SESSION)));
  // Opening fetches the panel and the whole catalogue; a new visitor's session (state, protocol,
  // REST) follows once the panel is drawn, while they can already type (src/chat/chat.ts,
  // panelVisible), so it is not part of this moment.
  const open = union(start, withImports(chunkOf(PANEL)), withImports(chunkOf(CATALOGUE)));
  return {start, known, open, loadedOnDemand};
}

/** Every file an early moment loads: the script pins these itself. */
const earlyFiles = (build) => {
  const {known, open} = earlyMoments(build);
  return union(known, open);
};

/** The moments of contract §8, each with its files (the script first) and gzip total. */
export function moments({files, manifest, lazy}) {
  const {withImports} = chunkGraph(files);
  const early = earlyMoments({files, entry: manifest.entry, lazy});
  const script = new Set([SCRIPT]);
  const list = [
    {name: 'page start, new visitor', budget: BUDGETS['page start, new visitor'], files: union(script, early.start)},
    {name: 'page start, known contact', budget: BUDGETS['page start, known contact'], files: union(script, early.known)},
    {name: 'first open to a usable composer, new visitor', budget: BUDGETS['first open to a usable composer, new visitor'], files: union(script, early.open)},
  ];
  // A feature is counted with what it adds to an open chat whose session runs, and with the
  // index that pins it (fetched with the first feature a visit needs).
  const using = union(script, early.known, early.open);
  const features = [...files].filter(([name, file]) => !using.has(name) && (early.loadedOnDemand.has(file.module) || isCatalogue(name)));
  for (const [name, file] of features) {
    const added = new Set([...withImports(name)].filter((other) => !using.has(other)));
    added.add(manifest.featureIndex);
    if (folderIndexOf(name)) added.add(folderIndexOf(name));
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
  // The generated indexes (the feature index, the catalogue index) have no source of their own.
  if (!file.map) return [];
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

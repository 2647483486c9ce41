import {readdirSync} from 'node:fs';
// The script-tag build, in two steps that scripts/bundle.mjs runs:
//
// 1. `modules`: the widget as ES-module chunks with content-hashed names, beside the script
//    (dist/akece-chat.<name>.<hash>.js): the entry (registers <akece-chat>, draws the launcher;
//    with the one copy of Lit that every chunk imports), and one chunk per dynamic import() in src/: the session
//    (state, protocol, REST) when a contact is known or the chat is first used, the panel when it
//    first opens, rich content with the first message, and each catalogue (dist/locales/).
//    Every dynamic import() becomes a call of importChunk() (src/loader/import-chunk.ts), so the
//    script tag's loader checks each chunk against its pinned hash before the browser runs it.
// 2. `scriptTag(manifest)`: dist/akece-chat.js, the small classic script a page adds. The build
//    writes into it the name, integrity hash and static imports of every chunk (the manifest).
//
// ES modules for npm come from `tsc` (scripts/build.mjs) and keep their plain import().
import {fileURLToPath} from 'node:url';
import {basename} from 'node:path';
import MagicString from 'magic-string';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import {minifyTemplateLiterals} from 'rollup-plugin-minify-template-literals';

const IMPORT_CHUNK = fileURLToPath(new URL('./src/loader/import-chunk.ts', import.meta.url));
// Every catalogue in src/i18n/locales/ (English is built in).
const LOCALES = readdirSync('src/i18n/locales').map((file) => file.replace(/\.ts$/, ''));

const typescriptPlugin = () =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts'],
    exclude: ['test/**', 'src/**/testing.ts'],
    compilerOptions: {noEmit: false, declaration: false, sourceMap: true, plugins: []},
  });

const minify = ({module}) =>
  terser({
    ecma: 2022,
    module,
    compress: {
      passes: 2,
      // reconnecting-websocket's debug log, off unless its `debug` option is set (we never set
      // it): its calls and their side-effect-free arguments go
      pure_funcs: ['this._debug', '_this._debug'],
    },
    format: {comments: false},
  });

/**
 * Families of many small on-demand chunks, each family in a folder of its own beside the script
 * with an index of their pins (scripts/bundle.mjs writes `<folder>/index.js`, which the feature
 * index pins): the emoji search words of each language (src/components/emoji/keywords/emoji-<tag>.ts
 * becomes emoji/<tag>.<hash>.js). Two dozen pins in the feature index would weigh on every
 * feature's first load; the loader finds a file's pin in its folder's index by itself.
 */
export const CHUNK_FOLDERS = [{folder: 'emoji', source: /\/src\/components\/emoji\/keywords\/emoji-([\w-]+)\.ts$/}];

/** The chunk name (`folder/name`) of a module of a family of CHUNK_FOLDERS, else undefined. */
function folderChunkName(id) {
  for (const {folder, source} of CHUNK_FOLDERS) {
    const match = id.replace(/\\/g, '/').match(source);
    if (match) return `${folder}/${match[1]}`;
  }
  return undefined;
}

/** Every `import(…)` expression in an ESTree tree. */
function* importExpressions(node) {
  if (!node || typeof node.type != 'string') return;
  if (node.type == 'ImportExpression') yield node;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) yield* importExpressions(child);
    else if (value && typeof value == 'object') yield* importExpressions(value);
  }
}

/**
 * Turns each dynamic import() of our sources into a chunk of its own, loaded through
 * importChunk(). A literal `import('./panel-view.js')` becomes
 * `importChunk(<absolute URL of the panel's chunk>)`; any other (a catalogue's computed URL)
 * becomes `importChunk(new URL(<it>, import.meta.url).href)`. `lazyImports` records, for
 * scripts/bundle.mjs, which module loads which on demand.
 */
export function chunkPerDynamicImport(lazyImports = new Map()) {
  const references = new Map();
  return {
    name: 'akece-chunk-per-dynamic-import',
    async transform(code, id) {
      if (!code.includes('import(') || id == IMPORT_CHUNK || !id.includes('/src/')) return null;
      const edits = new MagicString(code);
      let rewritten = false;
      for (const node of importExpressions(this.parse(code))) {
        const source = node.source;
        let url;
        if (source.type == 'Literal' && typeof source.value == 'string') {
          const resolved = await this.resolve(source.value, id);
          if (!resolved) this.error(`cannot resolve import('${source.value}') in ${id}`);
          if (!references.has(resolved.id)) {
            const name = folderChunkName(resolved.id) ?? basename(resolved.id).replace(/\.[jt]s$/, '');
            references.set(resolved.id, this.emitFile({type: 'chunk', id: resolved.id, name, preserveSignature: 'allow-extension'}));
          }
          lazyImports.set(id, [...(lazyImports.get(id) ?? []), resolved.id]);
          url = `import.meta.ROLLUP_FILE_URL_${references.get(resolved.id)}`;
        } else {
          url = `new URL(${code.slice(source.start, source.end)}, import.meta.url).href`;
        }
        edits.overwrite(node.start, node.end, `__akeceImportChunk(${url})`);
        rewritten = true;
      }
      if (!rewritten) return null;
      edits.prepend(`import {importChunk as __akeceImportChunk} from ${JSON.stringify(IMPORT_CHUNK)};\n`);
      return {code: edits.toString(), map: edits.generateMap({hires: true})};
    },
  };
}

const ENTRY = fileURLToPath(new URL('./src/akece-chat.ts', import.meta.url));
/** The chunks a visit loads in this order, when it loads them: each keeps what it imports and no earlier one has. */
const MOMENTS = [
  ['main', ENTRY],
  ['session-binding', fileURLToPath(new URL('./src/controllers/session-binding.ts', import.meta.url))],
  // The whole catalogue (English, the fallback) before the panel: the panel loads it anyway, and
  // what speaks before the panel opens (another language's launcher, the previews of src/reach/)
  // then fetches English without the panel's code.
  ['load', fileURLToPath(new URL('./src/i18n/load.ts', import.meta.url))],
  ['panel-view', fileURLToPath(new URL('./src/chat/panel-view.ts', import.meta.url))],
];

/** True when `id` is `from` or among the modules `from` imports statically, directly or not. */
function reachable(from, id, getModuleInfo, seen = new Set()) {
  if (from == id) return true;
  if (seen.has(from)) return false;
  seen.add(from);
  return (getModuleInfo(from)?.importedIds ?? []).some((next) => reachable(next, id, getModuleInfo, seen));
}

/**
 * Whatever the entry imports stays in the entry's chunk, which every visit loads first: Lit
 * too, so its one copy serves every other chunk (a chunk of its own would cost the page-start
 * moment a request and about 460 bytes of pinned hash and import glue). What the
 * session or the panel imports, in theirs (the session's loads before the panel's). Without
 * this, rollup would cut a module that such a chunk shares with a later one into a small chunk
 * of its own: on-demand chunks are entries to rollup, so it cannot know which came first.
 */
function chunkOfModule(id, {getModuleInfo}) {
  return MOMENTS.find(([, from]) => reachable(from, id, getModuleInfo))?.[0];
}

/** Step 1: the ES-module chunks (see the top of this file). */
export const modules = (lazyImports) => ({
  input: {
    main: 'src/akece-chat.ts',
    ...Object.fromEntries(LOCALES.map((tag) => [`locales/${tag}`, `src/i18n/locales/${tag}.ts`])),
  },
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    // The catalogues keep the names src/i18n/load.ts builds from a language tag.
    entryFileNames: (chunk) => (chunk.name.startsWith('locales/') ? '[name].js' : 'akece-chat.[name].[hash].js'),
    // (a family of CHUNK_FOLDERS in its folder)
    chunkFileNames: (chunk) => (chunk.name.includes('/') ? '[name].[hash].js' : 'akece-chat.[name].[hash].js'),
    manualChunks: chunkOfModule,
  },
  plugins: [
    nodeResolve({browser: true, exportConditions: ['production']}),
    typescriptPlugin(),
    chunkPerDynamicImport(lazyImports),
    // Collapses the whitespace of our own html`` and css`` templates.
    minifyTemplateLiterals({include: ['src/**/*.ts']}),
    minify({module: true}),
  ],
});

/** Step 2: the classic script, with the manifest of step 1 written in. */
export const scriptTag = (manifest) => ({
  input: 'src/loader/script-tag.ts',
  output: {file: 'dist/akece-chat.js', format: 'iife', sourcemap: true},
  plugins: [
    replace({preventAssignment: true, values: {AKECE_CHUNK_MANIFEST: JSON.stringify(manifest)}}),
    typescriptPlugin(),
    minify({module: false}),
  ],
});

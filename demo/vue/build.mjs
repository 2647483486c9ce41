// Bundles the Vue example the way Vite would: the single-file component compiled by
// vue/compiler-sfc (with <akece-chat> declared a custom element), Vue's ES build, and the
// `akece-chat` package through its `exports` (the built dist/lib), into dist/demos/vue/.
// Run after `npm run build`; `npm start` then serves it at /dist/demos/vue/index.html.
import {build} from 'esbuild';
import {parse, compileScript} from 'vue/compiler-sfc';
import {copyFileSync, mkdirSync, readFileSync} from 'node:fs';

const isCustomElement = (tag) => tag.startsWith('akece-');

/** An esbuild plugin for `.vue` files: `<script setup lang="ts">` with its template inlined. */
const vue = {
  name: 'vue-sfc',
  setup(b) {
    b.onLoad({filter: /\.vue$/}, ({path}) => {
      const {descriptor, errors} = parse(readFileSync(path, 'utf8'), {filename: path, templateParseOptions: {isCustomElement}});
      if (errors.length) throw errors[0];
      const script = compileScript(descriptor, {
        id: path,
        inlineTemplate: true,
        templateOptions: {compilerOptions: {isCustomElement}},
      });
      return {contents: script.content, loader: 'ts'};
    });
  },
};

const out = 'dist/demos/vue';
mkdirSync(out, {recursive: true});
await build({
  entryPoints: ['demo/vue/main.ts'],
  outdir: out,
  bundle: true,
  format: 'esm',
  target: 'es2021',
  sourcemap: true,
  plugins: [vue],
  define: {
    'process.env.NODE_ENV': '"development"',
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  logLevel: 'warning',
});
copyFileSync('demo/vue/index.html', `${out}/index.html`);

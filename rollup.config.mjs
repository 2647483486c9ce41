// Builds the script-tag bundle: one minified classic script (IIFE) with Lit and every
// dependency inside, plus its sourcemap; and the non-English catalogues as small ES modules
// beside it (dist/locales/), which the bundle imports only when a page needs one, and the
// rich-content module (dist/rich.js: Markdown, bot forms), imported when a message needs it.
// ES modules for npm come from `tsc` (scripts/build.mjs).
import {nodeResolve} from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import {minifyTemplateLiterals} from 'rollup-plugin-minify-template-literals';

const ts = () =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts'],
    exclude: ['test/**', 'src/**/testing.ts'],
    compilerOptions: {noEmit: false, declaration: false, sourceMap: true, plugins: []},
  });

const minify = () =>
  terser({
    ecma: 2022,
    // (the unsafe_* rewrites hold for this code: no getters with side effects, no NaN games)
    compress: {
      passes: 3,
      unsafe_arrows: true,
      unsafe_comps: true,
      unsafe_math: true,
      unsafe_methods: true,
      pure_getters: true,
      // reconnecting-websocket's debug log, off unless its `debug` option is set (we never set
      // it): its calls and their side-effect-free arguments go (about 120 bytes gzipped)
      pure_funcs: ['this._debug', '_this._debug'],
    },
    format: {comments: false},
  });

export default [
  {
    input: 'src/akece-chat.ts',
    output: {
      file: 'dist/akece-chat.js',
      format: 'iife',
      sourcemap: true,
    },
    plugins: [
      nodeResolve({browser: true, exportConditions: ['production']}),
      ts(),
      // Collapses the whitespace of our own html`` and css`` templates.
      minifyTemplateLiterals({include: ['src/**/*.ts']}),
      minify(),
    ],
  },
  {
    // Agent Markdown and bot forms, loaded on demand beside the bundle (it brings its own copy of
    // lit-html's template tag module; template results are plain data any copy can render).
    input: {rich: 'src/components/message/rich.ts'},
    output: {dir: 'dist', format: 'es', entryFileNames: '[name].js'},
    plugins: [nodeResolve({browser: true, exportConditions: ['production']}), ts(), minifyTemplateLiterals({include: ['src/**/*.ts']}), minify()],
  },
  {
    input: {es: 'src/i18n/locales/es.ts', 'pt-BR': 'src/i18n/locales/pt-BR.ts', fr: 'src/i18n/locales/fr.ts', de: 'src/i18n/locales/de.ts', ar: 'src/i18n/locales/ar.ts'},
    output: {dir: 'dist/locales', format: 'es', entryFileNames: '[name].js'},
    plugins: [ts(), minify()],
  },
];

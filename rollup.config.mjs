// Builds the script-tag bundle: one minified classic script (IIFE) with Lit and every
// dependency inside, plus its sourcemap. ES modules for npm come from `tsc` (scripts/build.mjs).
import {nodeResolve} from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import {minifyTemplateLiterals} from 'rollup-plugin-minify-template-literals';

export default {
  input: 'src/akece-chat.ts',
  output: {
    file: 'dist/akece-chat.js',
    format: 'iife',
    sourcemap: true,
    // The bundle exposes nothing global but the element's registration.
    name: undefined,
  },
  plugins: [
    nodeResolve({browser: true, exportConditions: ['production']}),
    typescript({
      tsconfig: './tsconfig.json',
      include: ['src/**/*.ts'],
      exclude: ['test/**', 'src/**/testing.ts'],
      compilerOptions: {noEmit: false, declaration: false, sourceMap: true, plugins: []},
    }),
    // Collapses the whitespace of Lit's html`` and css`` templates (our own markup only).
    minifyTemplateLiterals(),
    terser({
      ecma: 2021,
      module: false,
      compress: {passes: 3, unsafe_arrows: true},
      mangle: {properties: false},
      format: {comments: false},
    }),
  ],
};

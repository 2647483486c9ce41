// Bundles the React example the way an application's bundler would (JSX, React, and the
// `akece-chat` package through its `exports`, i.e. the built dist/lib), into dist/demos/react/.
// Run after `npm run build`; `npm start` then serves it at /dist/demos/react/index.html.
import {build} from 'esbuild';
import {copyFileSync, mkdirSync} from 'node:fs';

const out = 'dist/demos/react';
mkdirSync(out, {recursive: true});
await build({
  entryPoints: ['demo/react/main.tsx'],
  outdir: out,
  bundle: true,
  format: 'esm',
  jsx: 'automatic',
  target: 'es2021',
  sourcemap: true,
  define: {'process.env.NODE_ENV': '"development"'},
  logLevel: 'warning',
});
copyFileSync('demo/react/index.html', `${out}/index.html`);

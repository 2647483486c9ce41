// `npm run build`: the script-tag bundle (rollup), ES modules with types (tsc), the
// custom-elements manifest, then the size budget and the bundle's SRI hash.
import {execFileSync} from 'node:child_process';
import {readFileSync, rmSync} from 'node:fs';
import {createHash} from 'node:crypto';
import {gzipSync} from 'node:zlib';

const BUDGET = 20480; // bytes, min+gzip, for dist/akece-chat.js
const bin = (name) => `node_modules/.bin/${name}`;
const run = (cmd, args) => execFileSync(cmd, args, {stdio: 'inherit'});

// dist/lib is rebuilt from scratch (a renamed source must not leave its old module behind);
// the bundle is overwritten in place, so a page or test using it never finds it missing.
rmSync('dist/lib', {recursive: true, force: true});
rmSync('dist/locales', {recursive: true, force: true});
run(bin('rollup'), ['-c', '--silent']);
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(bin('cem'), ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/testing.ts', '--quiet']);

const bundle = readFileSync('dist/akece-chat.js');
const gz = gzipSync(bundle, {level: 9}).length;
const sri = 'sha384-' + createHash('sha384').update(bundle).digest('base64');
console.log(`dist/akece-chat.js: ${bundle.length} bytes minified, ${gz} bytes min+gzip (budget ${BUDGET})`);
console.log(`integrity: ${sri}`);
if (gz > BUDGET) {
  console.error(`dist/akece-chat.js is ${gz - BUDGET} bytes over its ${BUDGET}-byte min+gzip budget.`);
  process.exit(1);
}

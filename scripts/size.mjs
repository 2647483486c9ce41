// `node scripts/size.mjs`: what each source file costs in the script-tag bundle. Builds the
// bundle in memory with rollup.config.mjs (dist/ is left alone) and attributes every minified
// byte to the file it came from; the gzip column is that file's share of the whole bundle's
// gzip size (an estimate: gzip does not split by file).
import {gzipSync} from 'node:zlib';
import {rollup} from 'rollup';
import {SourceMapConsumer} from 'source-map';
import configs from '../rollup.config.mjs';

const [config] = configs;
const build = await rollup({...config, onwarn() {}});
const {output} = await build.generate({...config.output, sourcemap: true});
const {code, map} = output[0];
const gz = gzipSync(code, {level: 9}).length;
const bytes = new Map();
await SourceMapConsumer.with(map, null, (consumer) => {
  let prev = null;
  consumer.eachMapping((m) => {
    if (prev && prev.generatedLine === m.generatedLine) {
      const name = (prev.source || '?').replace(/^.*node_modules\//, '').replace(/^.*?\bsrc\//, 'src/');
      bytes.set(name, (bytes.get(name) || 0) + m.generatedColumn - prev.generatedColumn);
    }
    prev = m;
  });
});
const total = [...bytes.values()].reduce((a, b) => a + b, 0);
const rows = [...bytes].sort((a, b) => b[1] - a[1]);
const layer = (name) => (name.startsWith('src/') ? name.split('/')[1].replace(/\.ts$/, '') : 'libraries');
const layers = new Map();
for (const [name, n] of rows) layers.set(layer(name), (layers.get(layer(name)) || 0) + n);
const line = (n, name) => `${String(n).padStart(7)} ${String(Math.round((n / total) * gz)).padStart(6)}  ${name}`;
console.log('  bytes  ~gzip  file');
for (const [name, n] of rows) console.log(line(n, name));
console.log('\n  bytes  ~gzip  layer');
for (const [name, n] of [...layers].sort((a, b) => b[1] - a[1])) console.log(line(n, name));
console.log(`\n${code.length} bytes minified, ${gz} bytes min+gzip`);

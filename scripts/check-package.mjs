// `npm run check:package` (after `npm run build`), first step: what `npm pack` would publish.
// Every file users need is there (the script-tag bundle with its sourcemap and on-demand
// catalogues, the ES modules with types, the manifest, README, LICENSE), nothing else is
// (sources, tests, demos, the snippet loader's ES module), and every `exports` target exists.
import {execFileSync} from 'node:child_process';
import {readFileSync, readdirSync} from 'node:fs';

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {encoding: 'utf8'}));
const files = new Set(pack.files.map((f) => f.path));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const problems = [];

const required = [
  'package.json',
  'README.md',
  'LICENSE',
  'custom-elements.json',
  'dist/akece-chat.js',
  'dist/akece-chat.js.map',
  // every catalogue, the index that pins them, and the index of the on-demand files (which pins that one)
  ...readdirSync('src/i18n/locales').map((file) => `dist/locales/${file.replace(/\.ts$/, '.js')}`),
  'dist/features.js',
  'dist/locales/index.js',
  // the emoji search words of each language (content-hashed names, read from what the build wrote) and their index
  'dist/emoji/index.js',
  ...readdirSync('dist/emoji').filter((file) => file.endsWith('.js')).map((file) => `dist/emoji/${file}`),
  // every chunk the script pins (content-hashed names, read from what the build wrote)
  ...readdirSync('dist').filter((file) => /^akece-chat\.[\w-]+\.[\w-]+\.js$/.test(file)).map((file) => `dist/${file}`),
  'dist/lib/main.js',
  'dist/lib/main.d.ts',
  'dist/lib/react.d.ts',
];
for (const f of required) if (!files.has(f)) problems.push(`missing: ${f}`);

const allowed = /^(package\.json|README\.md|LICENSE|custom-elements\.json|dist\/akece-chat\.js(\.map)?|dist\/features\.js|dist\/locales\/[\w-]+\.js(\.map)?|dist\/emoji\/[\w-]+(\.[\w-]+)?\.js(\.map)?|dist\/akece-chat\.[\w-]+\.[\w-]+\.js(\.map)?|dist\/lib\/.+\.(js|d\.ts))$/;
for (const f of files) {
  if (!allowed.test(f)) problems.push(`not for users: ${f}`);
  if (/^dist\/lib\/(akece-chat|bootstrap)\./.test(f)) problems.push(`the snippet loader must not be in the ES modules: ${f}`);
}

const targets = (value) => (typeof value === 'string' ? [value] : Object.values(value ?? {}).flatMap(targets));
for (const t of [pkg.main, pkg.types, pkg.unpkg, pkg.jsdelivr, ...targets(pkg.exports)]) {
  if (t && !files.has(t.replace(/^\.\//, ''))) problems.push(`a package.json entry points outside the package: ${t}`);
}
if (!readFileSync('dist/akece-chat.js', 'utf8').trimEnd().endsWith('//# sourceMappingURL=akece-chat.js.map')) {
  problems.push('dist/akece-chat.js does not point to its sourcemap');
}

if (problems.length) {
  console.error(`npm pack would publish a broken package:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`npm pack: ${files.size} files, ${(pack.size / 1024).toFixed(1)} KiB packed, ${(pack.unpackedSize / 1024).toFixed(1)} KiB unpacked; entries and files OK.`);

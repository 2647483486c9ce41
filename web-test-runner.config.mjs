// @web/test-runner: every browser test runs in Debian's headless Chromium.
import {chromeLauncher} from '@web/test-runner-chrome';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {fileURLToPath} from 'node:url';
import {existsSync, readdirSync} from 'node:fs';
import {findChromium, chromiumArgs} from './scripts/chromium.mjs';
import {serverPlugin} from './test/helpers/server-plugin.mjs';

// One group per top-level test folder (`--group protocol` runs one); empty folders are skipped.
const groups = ['protocol', 'api', 'state', 'controllers', 'markdown', 'i18n', 'components', 'chat', 'frameworks', 'e2e', 'console'].filter(
  (name) => existsSync(`test/${name}`) && readdirSync(`test/${name}`, {recursive: true}).some((f) => String(f).endsWith('.test.ts'))
);

export default {
  rootDir: '.',
  nodeResolve: {exportConditions: ['development']},
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: {config: {timeout: 20000}},
  testsFinishTimeout: 10 * 60 * 1000,
  browserStartTimeout: 60000,
  // Every test page loads the Lit-warning guard before the test framework.
  testRunnerHtml: (framework) =>
    `<!doctype html><html><body><script src="/test/helpers/lit-warnings.js"></script><script type="module" src="${framework}"></script></body></html>`,
  coverageConfig: {include: ['src/**/*.ts'], exclude: ['src/**/testing.ts'], report: true, reportDir: 'coverage', reporters: ['lcovonly', 'text-summary']},
  groups: groups.map((name) => ({name, files: `test/${name}/**/*.test.ts`})),
  // Modules imported by a computed URL at run time (the locale catalogues) are requested as
  // `.js`; serve the TypeScript source in their place.
  middleware: [
    (context, next) => {
      if (/^\/src\/.*\.js$/.test(context.path) && !existsSync('.' + context.path)) {
        context.url = context.url.replace(/\.js(?=$|\?)/, '.ts');
      }
      return next();
    },
  ],
  plugins: [
    esbuildPlugin({ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url))}),
    serverPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {executablePath: findChromium(), args: chromiumArgs},
    }),
  ],
};

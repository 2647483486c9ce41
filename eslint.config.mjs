// ESLint flat config: `npm run lint` (eslint --max-warnings 0 src test).
//
// Besides the recommended sets of typescript-eslint, eslint-plugin-lit, eslint-plugin-wc and
// eslint-plugin-lit-a11y, it enforces two rules of the project's own:
// - imports flow one way through the layers (docs/architecture.md, the style guide's rule 1):
//   the element (src/chat) → controllers → state → protocol and api; presentational components
//   import only events, styles, i18n, markdown, their icons and, for types only, the state's model;
// - relative imports name the emitted file (`./cable.js`), as the browser and rollup need.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import noOnlyTests from 'eslint-plugin-no-only-tests';
import globals from 'globals';

/** Lit and its packages: what the non-DOM layers must never import. */
const LIT_MODULES = ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/*'];

/**
 * A restriction on relative imports into one folder of src/, for `no-restricted-imports`.
 * The regular expression matches any relative path that goes through `<folder>/`
 * (`../state/model.js`, `../../state/model.js`, `./state/model.js`).
 */
function layer(folder, message, { allowTypeImports = false } = {}) {
  return {
    regex: String.raw`^\.{1,2}/(?:\.\./)*(?:.*/)?` + folder + '/',
    message,
    allowTypeImports,
  };
}

/** The `no-restricted-imports` rule for one layer: Lit (if forbidden) and the folders it must not reach. */
function layerRule({ lit: forbidLit, folders }) {
  const patterns = folders.map(([folder, why, options]) => layer(folder, why, options));
  if (forbidLit) {
    patterns.push({
      group: LIT_MODULES,
      message: 'protocol, api and state never import Lit: they run without a DOM.',
      allowTypeImports: false,
    });
  }
  return ['error', { patterns }];
}

const UPWARD = 'imports flow one way: element (src/chat) → controllers → state → protocol/api.';
const PRESENTATIONAL =
  'presentational components import only events/, styles/, i18n/, markdown/ and icons (and types from state/model).';

/** Relative module specifiers that do not end in an extension the browser can load. */
const EXTENSIONLESS = String.raw`/^\.{1,2}\/(?!.*\.(js|mjs|json|css)$)/`;
const EXTENSION_MESSAGE = 'relative imports end in .js (the emitted file), e.g. "./cable.js".';

export default defineConfig(
  {
    ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'test/**/fixtures/**'],
  },

  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Unused arguments named `_…` are placeholders in a signature (an event handler's event).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: `ImportDeclaration[source.value=${EXTENSIONLESS}]`, message: EXTENSION_MESSAGE },
        { selector: `ExportNamedDeclaration[source.value=${EXTENSIONLESS}]`, message: EXTENSION_MESSAGE },
        { selector: `ExportAllDeclaration[source.value=${EXTENSIONLESS}]`, message: EXTENSION_MESSAGE },
        { selector: `ImportExpression[source.value=${EXTENSIONLESS}]`, message: EXTENSION_MESSAGE },
      ],
    },
  },

  // The widget: Lit elements in a browser.
  {
    files: ['src/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },
  lit.configs['flat/recommended'],
  wc.configs['flat/best-practice'],
  litA11y.configs.recommended,

  // Layers. The TypeScript variant of the rule understands `import type` (allowTypeImports).
  {
    files: ['src/protocol/**/*.ts', 'src/api/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': layerRule({
        lit: true,
        folders: [
          ['state', UPWARD],
          ['controllers', UPWARD],
          ['chat', UPWARD],
          ['components', UPWARD],
        ],
      }),
    },
  },
  {
    files: ['src/state/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': layerRule({
        lit: true,
        folders: [
          ['controllers', UPWARD],
          ['chat', UPWARD],
          ['components', UPWARD],
        ],
      }),
    },
  },
  {
    files: ['src/controllers/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': layerRule({
        lit: false,
        folders: [
          ['chat', UPWARD],
          ['components', UPWARD],
        ],
      }),
    },
  },
  {
    files: ['src/components/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': layerRule({
        lit: false,
        folders: [
          ['state', PRESENTATIONAL, { allowTypeImports: true }],
          ['protocol', PRESENTATIONAL],
          ['api', PRESENTATIONAL],
          ['controllers', PRESENTATIONAL],
          ['chat', PRESENTATIONAL],
          ['utils', PRESENTATIONAL],
        ],
      }),
    },
  },
  {
    files: ['src/events/**/*.ts', 'src/styles/**/*.ts', 'src/i18n/**/*.ts', 'src/markdown/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': layerRule({
        lit: false,
        folders: [
          ['protocol', UPWARD],
          ['api', UPWARD],
          ['controllers', UPWARD],
          ['chat', UPWARD],
          ['components', UPWARD],
        ],
      }),
    },
  },

  // Tests: browser tests (mocha in Chromium) and the server's node --test suites.
  {
    files: ['test/**/*.{ts,js,mjs}'],
    plugins: { 'no-only-tests': noOnlyTests },
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
    rules: {
      'no-only-tests/no-only-tests': [
        'error',
        { block: ['describe', 'it', 'suite', 'test', 'context'], focus: ['only', 'skip'] },
      ],
      // Hostile-input tests match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // chai's property assertions (`expect(x).to.be.true`) are expressions by design.
    // The in-test servers' JSON (wire messages, agent API answers) is read loosely, field by field,
    // as the server's own tests do; `any` stays out of src/.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['test/server/**/*.{js,mjs}', 'test/helpers/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },

  // Node scripts of the tooling (not part of `npm run lint` yet, but linted with the right globals).
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // The benchmarks pass functions to the page (puppeteer's evaluate): they run in the browser.
    files: ['bench/**/*.mjs', 'scripts/screenshots.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);

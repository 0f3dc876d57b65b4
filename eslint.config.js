// ESLint flat config, run by `npm run lint:es` (and so by `npm test`). Layering is dependency-cruiser's job
// (.dependency-cruiser.cjs); this file checks code: typescript-eslint recommended, Vue 3 recommended, and
// no source file over 400 lines.
//
// Not type-aware on purpose: the type-checked presets build the whole program in the TypeScript service (two
// projects, ~700 files), a second full type-check on top of `npm run typecheck`, which already runs the compiler
// in strict mode; without it the lint takes about 25 s of CPU on our 2-core CI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'data/**',
      'artifacts/**',
      'e2e/fixtures/legacy-sw/**', // a copy of the old hand-written service worker, kept byte for byte for the upgrade test
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
      // Template layout is a matter of style, not of correctness: our templates keep short elements on one line
      // (about 2,400 places). Reformatting every component would collide with every open branch and find no bug.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      // Underscore-prefixed names are deliberately unused (a parameter kept for a signature).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Plain JavaScript (build and test scripts, this file) runs on Node: name its globals here rather than
    // depend on the `globals` package. TypeScript and Vue files are checked for undefined names by the compiler.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'Buffer', 'URL', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'fetch', 'AbortController']
          .map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  {
    files: ['**/*.vue'],
    rules: { 'no-undef': 'off' },
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
  },
  {
    // Tests may be long: one file per behaviour keeps its fixtures and cases together, and splitting a
    // scenario across files to meet a line count would hide it. Migrations are frozen history (the store
    // records them by name), so they are never split after they ship.
    files: ['**/*.test.ts', 'server/db/migrations/**'],
    rules: { 'max-lines': 'off' },
  },
);

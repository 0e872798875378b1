// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layer rules (docs/architecture.md): each restriction says why, so a wrong import explains itself.
 * @param {{ group: string[]; message: string }[]} patterns
 */
const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

const noDexie = {
  group: ['dexie', 'dexie/*', 'dexie-react-hooks'],
  message: 'Dexie is used only in src/db/ (and hooks via src/db): the repositories own IndexedDB.',
};
const noZustand = {
  group: ['zustand', 'zustand/*'],
  message: 'zustand is wrapped in src/stores/; import a store from there.',
};
const noServer = {
  group: ['**/server/**', '**/server'],
  message: 'The client never imports server code; share shapes through src/domain or src/protocol.',
};
const noUpperLayers = {
  group: ['**/app/**', '**/features/**'],
  message: 'Nothing imports app/ or features/: they are the top layer.',
};
const noClient = {
  group: [
    '**/db/**',
    '**/sync/**',
    '**/features/**',
    '**/hooks/**',
    '**/stores/**',
    '**/ui/**',
    '**/pwa/**',
    '**/app/**',
    '**/i18n/**',
    'react',
    'react-dom',
    'dexie',
  ],
  message:
    'Server code never imports client code; share shapes through src/domain or src/protocol.',
};
const noNodeOrDom = {
  group: ['node:*', 'fs', 'path', 'crypto', 'react', 'dexie', '**/db/**', '**/server/**'],
  message:
    'domain/ and protocol/ are pure and run on client and server alike: no Node, DOM or storage.',
};

/**
 * Each world sees only its own globals (the tsconfig.*.json files give it only its own types):
 * a `window` in the server or a `process` in the client is an error, not a crash in production.
 */
const browserOnly = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
];
const nodeOnly = ['process', 'Buffer', 'global', 'require', 'module', '__dirname', '__filename'];
const noGlobals = (names, where) => ({
  'no-restricted-globals': [
    'error',
    ...names.map((name) => ({ name, message: `${name} does not exist in ${where}.` })),
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'dev-dist/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/**', 'bench/browser/**'],
    ignores: ['src/server/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: noGlobals(nodeOnly, 'the browser (client code)'),
  },
  { files: ['src/sw.ts'], languageOptions: { globals: { ...globals.serviceworker } } },
  {
    files: ['src/domain/**', 'src/protocol/**'],
    rules: {
      ...restrict([noNodeOrDom]),
      ...noGlobals([...nodeOnly, ...browserOnly], 'shared code (it runs on client and server)'),
    },
  },
  {
    files: ['src/server/**'],
    rules: { ...restrict([noClient]), ...noGlobals(browserOnly, 'the server (Node)') },
  },
  {
    // Node code that also hands functions to a page in Chromium (page.evaluate).
    files: ['tests/**', 'bench/node/**', 'scripts/screenshot.mjs', 'scripts/make-icons.mjs'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['src/features/**', 'src/ui/**', 'src/app/**', 'src/pwa/**', 'src/i18n/**'],
    rules: restrict([noDexie, noZustand, noServer]),
  },
  {
    files: ['src/hooks/**'],
    rules: restrict([
      noZustand,
      noServer,
      noUpperLayers,
      { group: ['dexie', 'dexie/*'], message: noDexie.message },
    ]),
  },
  { files: ['src/sync/**', 'src/db/**'], rules: restrict([noZustand, noServer, noUpperLayers]) },
  { files: ['src/stores/**'], rules: restrict([noDexie, noServer, noUpperLayers]) },
  { files: ['src/ui/**'], rules: restrict([noDexie, noZustand, noServer, noUpperLayers]) },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['tests/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);

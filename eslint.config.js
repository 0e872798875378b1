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

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'dev-dist/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
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
  { files: ['src/domain/**', 'src/protocol/**'], rules: restrict([noNodeOrDom]) },
  { files: ['src/server/**'], rules: restrict([noClient]) },
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

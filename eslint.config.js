// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layer rule of docs/architecture.md: domain <- importers, storage <- services <- http, cli.
const layer = (name) => `(^|/)${name}(/|\\.js$|$)`;
const outsideDomain = ['importers', 'storage', 'services', 'connectors', 'http', 'cli', 'config'];

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'coverage/', 'web/dist/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!\\.{1,2}/)', message: 'domain imports nothing outside src/domain: no packages, no node:*.' },
          { regex: `^\\.\\./.*(${outsideDomain.map(layer).join('|')})`, message: 'domain imports nothing outside src/domain.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'domain never reads the environment: take it as an argument.' },
        { name: 'Date', message: 'domain never reads the clock: take the time as an argument (use parse helpers).' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'domain never draws random numbers.' },
      ],
    },
  },
  {
    // Domain tests may use the test libraries, and nothing else from outside the domain.
    files: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!\\.{1,2}/|vitest$|fast-check$)', message: 'domain tests import the domain, vitest and fast-check only.' },
          { regex: `^\\.\\./.*(${outsideDomain.map(layer).join('|')})`, message: 'domain imports nothing outside src/domain.' },
        ],
      }],
    },
  },
  {
    files: ['src/importers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: ['storage', 'services', 'http', 'cli', 'connectors'].map(layer).join('|'), message: 'importers depend on domain only.' },
      ] }],
    },
  },
  {
    files: ['src/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: ['services', 'http', 'cli', 'importers'].map(layer).join('|'), message: 'storage depends on domain only.' },
      ] }],
    },
  },
  {
    files: ['src/http/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: ['storage', 'importers', 'connectors'].map(layer).join('|'), message: 'http and cli reach storage, importers and connectors only through services.' },
      ] }],
    },
  },
  {
    // The web app talks to the server over HTTP only: from src/ it may import the API's types
    // (src/http/schemas), nothing that runs, and nothing of Node (docs/web.md).
    files: ['web/src/**/*.{ts,tsx}'],
    ignores: ['web/src/**/*.test.ts'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', localStorage: 'readonly', navigator: 'readonly' } },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [
        { regex: '^(\\.\\./)+src/http/schemas/', allowTypeImports: true, message: 'web may only `import type` from src/http/schemas.' },
        { regex: '^(\\.\\./)+src/(?!http/schemas/)', message: 'web imports nothing from src/ but the types of src/http/schemas.' },
        { regex: '^node:', message: 'web runs in the browser: no node:* modules.' },
      ] }],
    },
  },
  {
    // Migrations work on Kysely<any>: the schema they see is the one of their own moment in time.
    files: ['src/storage/migrations/*.ts'],
    ignores: ['src/storage/migrations/index.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': ['error', { patterns: [
        { regex: '^\\.', message: 'migrations are frozen in time: no imports from src.' },
      ] }],
    },
  },
);

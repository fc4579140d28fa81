import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** The layers and what each may import (README "Development"): a wrong arrow fails `npm run lint`. */
const layer = (files, forbidden, message) => ({
  files,
  ignores: ['**/*.test.ts', '**/*.test.tsx'],
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group, message })) }],
  },
});
const SERVER_SIDE = ['**/server/*', '**/cli/*', '**/application/*'];

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'node_modules/', 'coverage/', '**/.vite/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  layer(
    ['src/domain/**/*.ts'],
    [
      [
        '**/db/*',
        '**/server/*',
        '**/application/*',
        '**/engines/*',
        '**/jobs/*',
        '**/intake/*',
        '**/cli/*',
        '**/demo/*',
      ],
      ['fastify', 'fastify-*', '@fastify/*', 'pg', '@electric-sql/*', 'node:fs', 'node:child_process', 'node:net'],
    ],
    'src/domain is pure: it imports only itself (no database, no HTTP, no files).',
  ),
  layer(
    ['src/db/**/*.ts', 'src/engines/**/*.ts', 'src/intake/**/*.ts', 'src/jobs/**/*.ts'],
    [SERVER_SIDE, ['fastify', '@fastify/*']],
    'Queries, engines, intake and jobs know no routes, CLI or use cases: those call them, not the other way round.',
  ),
  layer(
    ['src/application/**/*.ts'],
    [
      ['**/server/*', '**/cli/*'],
      ['fastify', '@fastify/*'],
    ],
    'Use cases are called by routes, the CLI and jobs; they know none of them.',
  ),
  layer(
    ['web/src/**/*.{ts,tsx}'],
    [
      [
        '**/src/db/*',
        '**/src/server/*',
        '**/src/application/*',
        '**/src/engines/*',
        '**/src/jobs/*',
        '**/src/cli/*',
        '**/src/demo/*',
      ],
    ],
    'The web app reaches the server over HTTP only; it may import shared contract modules (src/domain, import-report).',
  ),
);

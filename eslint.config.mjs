// ESLint 9 flat config: the recommended JavaScript and typescript-eslint rules, formatting left to
// Prettier (eslint-config-prettier turns off the rules it owns). Kept modest on purpose.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', 'tests/generated/', 'safelist/generated/', 'bench/results/', 'web/dist/', 'web/src/gql/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a value left out on purpose (e.g. a destructured field dropped from a copy).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // SQL builders sit below the services: a limit both use lives in a small module both import (e.g. stock.limits).
    files: ['subgraphs/*/src/**/*.sql.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/*.service'], message: 'SQL builders import no service; move what they share to a module both import.' }] }] },
  },
  {
    // The browser apps: DOM globals instead of Node's.
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

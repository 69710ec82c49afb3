// ESLint flat config: typescript-eslint's recommended rules (syntactic, no type information, so
// a run over the whole tree stays in seconds), Prettier owning layout (eslint-config-prettier
// turns off every rule it would fight), and a length limit on functions outside tests.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['dist/', 'out/', 'node_modules/', '.e2e-tools/', 'test-output/', 'bench/results.json', '**/*.vsix'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  prettier,
  {
    // `const { stories, ...rest } = snapshot` is how a field is left out of a copy.
    rules: { '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }] },
  },
  {
    // The build scripts are plain ES modules for Node (TypeScript files get no-undef from tsc).
    files: ['**/*.mjs'],
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
  {
    // The first call of either loads ICU's locale data into the server for good (measured: 2 MB
    // for collation, 5 MB for number formats; docs/performance.md).
    files: ['server/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'localeCompare', message: 'Compare with < and > (code-unit order); localeCompare loads ICU collation data.' },
        { property: 'toLocaleString', message: 'Use withThousands (engine/text.ts); toLocaleString loads ICU number formats.' },
      ],
    },
  },
  {
    // A function should read top to bottom in one screen. Tests (tables, long scenarios) and the
    // generators that write the docs and snippets are exempt.
    files: ['client/src/**/*.ts', 'server/src/**/*.ts', 'scripts/**/*.{ts,mjs}', 'bench/**/*.ts'],
    ignores: ['scripts/gen-*', '**/*.test.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: false, skipComments: false, IIFEs: true }],
    },
  },
);

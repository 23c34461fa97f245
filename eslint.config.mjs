// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'build/',
      'miniprogram_dist/',
      'miniprogram/core/generated/',
      'miniprogram/subpackages/search-index/search-index.ts',
      'bench/out/',
      'coverage/',
      '.tmp/',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is shared by the pages, the request wrapper and the CLI: it must not touch wx or Node.
    files: ['miniprogram/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'wx',
        'getApp',
        'getCurrentPages',
        'Page',
        'Component',
        'process',
        'require',
      ],
      'no-restricted-imports': ['error', { patterns: ['fs', 'path', 'node:*', 'child_process'] }],
    },
  },
  {
    // Code that runs on phones: iOS JavaScriptCore before 16.4 rejects regex lookbehind at parse time, which
    // would fail the whole module. The same for `new RegExp` strings is caught by a test (test/core/regex.test.ts).
    files: ['miniprogram/**/*.ts', 'request/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[regex.pattern=/\\(\\?<[=!]/]',
          message: 'No regex lookbehind in phone code (iOS JavaScriptCore < 16.4 cannot parse it).',
        },
      ],
    },
  },
  prettier,
);

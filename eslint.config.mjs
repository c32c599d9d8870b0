// Flat ESLint config. The layering rule at the bottom is the one that matters
// most: the domain, the plan and the locale tables stay pure TypeScript, so
// they run the same in Node, in a Web Worker and in the task pane.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const hostLibraries = [
  'react', 'react-dom', 'react-dom/*', 'react/*',
  '@fluentui/*', 'exceljs', 'exceljs/*', 'pptxgenjs', 'papaparse', 'iconv-lite',
  '@microsoft/office-js', 'office-addin-*', 'node:*', 'fs', 'path', 'os', 'child_process',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-cli/', 'out/', 'coverage/', '.tmp/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['tests/**/*.ts', 'tests/**/*.tsx'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    // Layering: domain, plan and i18n import nothing from Office, React,
    // Fluent, file libraries or Node — type imports included.
    files: ['src/domain/**/*.ts', 'src/plan/**/*.ts', 'src/i18n/**/*.ts', 'src/pipeline/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: hostLibraries, message: 'src/domain, src/plan and src/i18n must stay pure: no Office, React, Fluent, file-library or Node imports (type imports included).', allowTypeImports: false }],
      }],
      'no-restricted-globals': ['error',
        { name: 'Excel', message: 'The domain must not touch the Office API.' },
        { name: 'Office', message: 'The domain must not touch the Office API.' },
        { name: 'OfficeExtension', message: 'The domain must not touch the Office API.' },
        { name: 'window', message: 'The domain runs in Node and in workers too.' },
        { name: 'document', message: 'The domain runs in Node and in workers too.' },
      ],
      'no-restricted-syntax': ['error', {
        selector: 'TSQualifiedName[left.name=/^(Excel|Office|OfficeExtension|OfficeCore)$/]',
        message: 'The domain must not name Office API types.',
      }],
    },
  },
);

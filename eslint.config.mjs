// Lint rules, including the layer import rules of docs/architecture: a wrong import fails the build.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { layerImportRules } from './scripts/layer-rules.mjs';

/** Selectors for spreads that put a whole array on the stack (see the rule below). */
const spreadSelectors = [
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
    message:
      'Spreading into Math.max/min overflows the stack on large arrays: use maxOf/minOf/maxBy from src/domain/extremes.ts.',
  },
  {
    selector: "CallExpression[callee.property.name='push'] > SpreadElement",
    message:
      'Spreading into push() overflows the stack on large arrays: use appendAll from src/domain/extremes.ts or a loop.',
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // We do not use the React Compiler, so its 'cannot memoize this library' notice is noise.
    rules: { ...reactHooks.configs.recommended.rules, 'react-hooks/incompatible-library': 'off' },
  },
  {
    // A promise nobody awaits loses its rejection, and one handed to a callback that expects nothing is never
    // awaited. Type-aware, so it reads each layer's own tsconfig (tests are outside those and exempt).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/no-misused-promises': 'error' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Spreading an array into call arguments puts every element on the stack: 150,000 transcript segments in
    // Math.max(...) overflowed it. Use the loop helpers in src/domain/extremes.ts (maxOf, minOf, maxBy, appendAll).
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...spreadSelectors] },
  },
  {
    // SQL lives in src/storage (docs/architecture.md): a prepared statement anywhere else is an error.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/storage/**', 'src/**/*.test.{ts,tsx}'],
    rules: {
      // One rule name holds both lists: a later config's options replace an earlier one's for the same rule.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='prepare']",
          message: 'SQL belongs in src/storage: call a repository function instead.',
        },
        ...spreadSelectors,
      ],
    },
  },
  {
    // Functions with one job, short enough to read at once: at most 80 lines of code in src. Tests follow the cases
    // they cover, and a migration is one unit of history that must not change.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/storage/schema/v*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  ...layerImportRules(),
);

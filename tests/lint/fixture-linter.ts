import { ESLint } from 'eslint';
import { resolve } from 'node:path';

export const projectRoot = resolve(__dirname, '../..');

/**
 * ESLint with the project's config for fixture code linted as if it lived at a path in src/. The fixture files do
 * not exist, so no tsconfig knows them: the type-aware rules (which need one) are switched off.
 */
export const fixtureLinter = new ESLint({
  cwd: projectRoot,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

// Proves the rule against spreading arrays into Math.max/min and push() (a stack overflow on large arrays) fails.
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The fixture file does not exist, so no tsconfig knows it: the type-aware rules (which need one) are switched off here.
const eslint = new ESLint({
  cwd: resolve(__dirname, '../..'),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

async function spreadFindings(code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: resolve(__dirname, '../..', 'src/domain/fixture.ts') });
  expect(result?.messages.filter((message) => message.fatal)).toEqual([]);
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-syntax').length;
}

describe('no spread of arrays into call arguments', () => {
  it.each([
    'export const x = (values: number[]) => Math.max(...values);\n',
    'export const x = (values: number[]) => Math.min(0, ...values);\n',
    'export const x = (list: number[], more: number[]) => list.push(...more);\n',
  ])('%s is an error', async (code) => {
    expect(await spreadFindings(code)).toBe(1);
  });

  it.each([
    "import { maxOf } from './extremes';\nexport const x = (values: number[]) => Math.max(1, maxOf(values));\n",
    'export const x = (values: number[]) => [...values];\n',
    'export const x = (list: number[], item: number) => list.push(item);\n',
  ])('%s passes', async (code) => {
    expect(await spreadFindings(code)).toBe(0);
  });
});

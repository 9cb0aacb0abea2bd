// Proves that functions in src stay short: one of 81 lines of code fails lint, one of 80 passes, and blank lines and
// comments do not count.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureLinter as eslint, projectRoot } from './fixture-linter';

/** A function whose body makes it `lines` lines long, counting its first and last line. */
function functionOf(lines: number, extra = ''): string {
  const statements = Array.from({ length: lines - 4 }, (_, index) => `  total += ${index};`);
  return ['export function sum(): number {', '  let total = 0;', ...statements, extra, '  return total;', '}', ''].join(
    '\n',
  );
}

async function functionLengthMessages(code: string, filePath = 'src/domain/fixture.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(projectRoot, filePath) });
  expect(result?.messages.filter((message) => message.fatal)).toEqual([]);
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'max-lines-per-function')
    .map((message) => message.message);
}

describe('functions in src stay short', () => {
  it('an 81-line function is an error', async () => {
    expect(await functionLengthMessages(functionOf(81))).toEqual([
      "Function 'sum' has too many lines (81). Maximum allowed is 80.",
    ]);
  });

  it('an 80-line function passes', async () => {
    expect(await functionLengthMessages(functionOf(80))).toEqual([]);
  });

  it('blank lines and comments do not count', async () => {
    const padding = Array.from({ length: 10 }, (_, index) => (index % 2 ? '' : '  // why, not what')).join('\n');
    expect(await functionLengthMessages(functionOf(80, padding))).toEqual([]);
  });

  it.each([
    'src/services/fixture.ts',
    'src/server/export/fixture.ts',
    'src/main/fixture.ts',
    'src/renderer/src/fixture.tsx',
  ])('%s: the limit holds in every layer', async (filePath) => {
    expect(await functionLengthMessages(functionOf(81), filePath)).toHaveLength(1);
  });

  it.each(['src/domain/fixture.test.ts', 'src/renderer/src/fixture.test.tsx', 'src/storage/schema/v99.ts'])(
    '%s: exempt',
    async (filePath) => {
      expect(await functionLengthMessages(functionOf(81), filePath)).toEqual([]);
    },
  );
});

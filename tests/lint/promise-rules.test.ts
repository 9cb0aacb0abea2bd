// Proves the type-aware promise rules run on the sources: code that drops a promise, linted as if it were a real
// source file of a layer, fails. (The type-aware parser needs a file its layer's tsconfig knows, hence real paths.)
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function promiseRules(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  expect(result?.messages.filter((message) => message.fatal)).toEqual([]);
  return (result?.messages ?? [])
    .map((message) => message.ruleId ?? message.message)
    .filter((rule) => rule.includes('promises'));
}

const asyncWork = 'async function work(): Promise<number> {\n  return 1;\n}\n';

describe('promise rules', () => {
  it('flags a promise nobody awaits', async () => {
    expect(
      await promiseRules('src/domain/duration.ts', `${asyncWork}export function start(): void {\n  work();\n}\n`),
    ).toEqual(['@typescript-eslint/no-floating-promises']);
  }, 120_000);

  it('flags an async handler where a void callback is expected', async () => {
    const code = `${asyncWork}export function listen(on: (handler: () => void) => void): void {\n  on(async () => {\n    await work();\n  });\n}\n`;
    expect(await promiseRules('src/services/package-service.ts', code)).toEqual([
      '@typescript-eslint/no-misused-promises',
    ]);
  }, 120_000);

  it('accepts a promise dropped on purpose with void', async () => {
    expect(
      await promiseRules('src/domain/duration.ts', `${asyncWork}export function start(): void {\n  void work();\n}\n`),
    ).toEqual([]);
  }, 120_000);
});

// Small files with one job: no source file in src/ (code or style sheet) over 400 lines. The translation resources
// hold every user-visible string once per language and grow with the product, so they are the exception; tests
// are exempt, their length follows the cases they cover.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const maximumLines = 400;
const translationResources = new Set(['src/i18n/en.ts', 'src/i18n/nl.ts']);
const sourceFile = /\.(ts|tsx|mts|mjs|cjs|js|css)$/;
const testFile = /\.test\.(ts|tsx)$/;

function lineCount(file: string): number {
  const text = readFileSync(resolve(root, file), 'utf8');
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

describe('source files stay small', () => {
  it(`has no file in src/ over ${maximumLines} lines, translation resources and tests aside`, () => {
    const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    const offenders = tracked
      .filter((file) => sourceFile.test(file) && !testFile.test(file) && !translationResources.has(file))
      .map((file) => ({ file, lines: lineCount(file) }))
      .filter(({ lines }) => lines > maximumLines);
    expect(offenders).toEqual([]);
  });
});

// The repository carries its own documentation: no tracked file may point to a folder outside it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const outsidePointer = /\.\.\/shared\/|\.\.\/\.library\b/;

describe('the repository is self-contained', () => {
  it('has no file that refers to documents outside it', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    const offenders = tracked
      .filter((file) => file !== 'package-lock.json' && file !== 'tests/lint/self-contained.test.ts')
      .filter((file) => /\.(ts|tsx|mts|mjs|cjs|js|md|json|yml|sh|css|html)$/.test(file) || file === '.ci/run')
      .filter((file) => outsidePointer.test(readFileSync(resolve(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('has the design documents that the code cites', () => {
    for (const doc of ['docs/architecture.md', 'docs/domain.md'])
      expect(readFileSync(resolve(root, doc), 'utf8').length).toBeGreaterThan(1000);
  });
});

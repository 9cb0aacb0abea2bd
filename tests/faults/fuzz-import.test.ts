import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/* A short `npm run fuzz:import`: mutated real audio and transcripts through imports.start, nothing partial left. */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('import fuzzing (short CI run)', () => {
  it('mutated audio and transcripts never crash, hang or leave a partial row', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'scripts/fault-test/fuzz-import.ts'), '--files', '25', '--seed', '11'],
      { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 },
    );
    if (result.error) throw result.error;
    const line = result.stdout.trim().split('\n').at(-1) ?? '';
    const figures = JSON.parse(line.startsWith('{') ? line : '{}') as Record<string, number>;
    expect(figures, result.stderr.slice(-4000)).toMatchObject({ files: 25, hangs: 0, crashes: 0, partial_rows: 0 });
    // Both outcomes occur: some damaged files are still imported, others refused.
    expect(figures.imported! + figures.refused!).toBe(25);
    expect(figures.refused).toBeGreaterThan(0);
    expect(result.status).toBe(0);
  }, 320_000);
});

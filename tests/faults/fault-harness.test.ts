import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDataFolder } from '../../scripts/fault-test/checker';
import { createBackend } from '../../src/server/backend';
import { useTempDirs } from '../unit/temp-dir';

/*
 * The fault harness (scripts/fault-test): CI runs a short `npm run test:faults` (8 faults per write path, kills and a
 * full disk; a real tmpfs where the test may mount one, else ENOSPC injected at the file port), and the checker is
 * shown to catch a lost recording and export, so a passing run means something.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const tempDir = useTempDirs();

describe('the fault harness (short CI run)', () => {
  it('kills and fills the disk during imports, package imports, exports and migrations without losing anything', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'scripts/fault-test/run.ts'), '--faults', '8'],
      { cwd: repoRoot, encoding: 'utf8', timeout: 540_000, maxBuffer: 64 * 1024 * 1024 },
    );
    if (result.error) throw result.error;
    const lines = result.stdout
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    const summaries = lines.map((line) => JSON.parse(line) as Record<string, number | string>);
    expect(
      summaries.map((summary) => summary.path),
      result.stderr.slice(-4000),
    ).toEqual(['imports', 'packages', 'exports', 'migrations']);
    for (const summary of summaries) {
      expect(summary, result.stderr.slice(-4000)).toMatchObject({
        faults: 8,
        lost: 0,
        orphan_files: 0,
        integrity_failures: 0,
        worker_errors: 0,
      });
      expect(Number(summary.kills)).toBeGreaterThanOrEqual(6);
      if (summary.path !== 'migrations') expect(summary.disk_full_rounds).toBe(2);
    }
    expect(summaries.reduce((sum, summary) => sum + Number(summary.acknowledged), 0)).toBeGreaterThan(0);
    expect(result.status).toBe(0);
  }, 600_000);

  it('the checker finds a recording whose file is incomplete, a missing export and a stray file', async () => {
    const dataDir = tempDir();
    const backend = createBackend({ dataDir, allowPathSources: true, heavyWork: 'in-thread' });
    await backend.dispatch('imports.start', {
      sources: [{ kind: 'path', path: join(repoRoot, 'tests/fixtures/e2e') }],
    });
    await backend.idle();
    backend.close();
    const sha = (await import('node:crypto')).createHash('sha256');
    const [stored] = readdirSync(join(dataDir, 'audio')).filter((name) => name.endsWith('.wav'));
    const recording = stored!.slice(0, 64);
    expect(
      checkDataFolder(dataDir, { recordings: new Set([recording]), sessions: new Map(), exports: new Map() }),
    ).toMatchObject({ lost: [], orphans: [], integrityFailures: [] });

    truncateSync(join(dataDir, 'audio', stored!), 100);
    const checked = checkDataFolder(dataDir, {
      recordings: new Set([recording]),
      sessions: new Map(),
      exports: new Map([['0b0e7d3c-6a55-4a4e-9a3b-2d1f6f1a0c11', { sha256: sha.digest('hex'), bytes: 0 }]]),
    });
    expect(checked.lost).toEqual([`recording ${recording}`, 'export 0b0e7d3c-6a55-4a4e-9a3b-2d1f6f1a0c11']);
    expect(checked.integrityFailures).toEqual([expect.stringContaining('missing or incomplete file')]);
    // A stray file start-up cannot know about (a folder in audio/ is removed too): the cleanup count shows it went.
    copyFileSync(join(repoRoot, 'tests/fixtures/audio/tone-pcm8-8k.wav'), join(dataDir, 'audio', 'stray.wav'));
    expect(
      checkDataFolder(dataDir, { recordings: new Set(), sessions: new Map(), exports: new Map() }).cleanedAtStart,
    ).toBe(1);
  });
});

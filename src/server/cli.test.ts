import { execFileSync, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { openDatabase } from '../storage/connection';
import { insertCall } from '../storage/calls-repository';
import { createBackend, databaseFileName } from './backend';
import { startupExitCodes } from './startup-failure';
import { canMountSmallDisk, mountSmallDisk } from '../../tests/support/small-disk';

const tempDir = useTempDirs();
const root = resolve(__dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(tsx, [join(root, 'src/server/cli.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

describe('CLI', () => {
  it('lists calls from the data folder as JSON', () => {
    const dataDir = tempDir();
    const { db } = openDatabase(join(dataDir, databaseFileName));
    insertCall(db, {
      id: 'c1',
      title: 'Opzegging abonnement',
      agentName: 'Joris',
      durationMs: 125_000,
      createdAtMs: 1,
    });
    db.close();
    const result = cli(['calls', 'list', '--data-dir', dataDir]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({ id: 'c1', title: 'Opzegging abonnement', agentName: 'Joris', durationMs: 125_000 }),
    ]);
  });

  it('prints the data folder, honouring KLANKBORD_DATA_DIR', () => {
    const dataDir = tempDir();
    const output = execFileSync(tsx, [join(root, 'src/server/cli.ts'), 'data-dir'], {
      encoding: 'utf8',
      env: { ...process.env, KLANKBORD_DATA_DIR: dataDir },
    });
    expect(JSON.parse(output)).toEqual({ dataDir, databaseFile: join(dataDir, databaseFileName) });
  });

  it('exits non-zero with usage on an unknown command', () => {
    const result = cli(['frobnicate', '--data-dir', tempDir()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown command');
  });

  it(
    'refuses a data folder another Klankbord uses: one line on stderr, in the terminal language, exit code 10',
    { timeout: 90_000 },
    () => {
      const dataDir = tempDir();
      const running = createBackend({ dataDir });
      try {
        const english = cli(['calls', 'list', '--data-dir', dataDir], { LC_ALL: 'en_US.UTF-8' });
        expect(english.status).toBe(startupExitCodes.data_folder_in_use);
        expect(english.status).toBe(10);
        expect(english.stdout).toBe('');
        expect(english.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(english.stderr).toContain(`Another Klankbord is already using the data folder ${dataDir}`);
        const dutch = cli(['calls', 'list', '--data-dir', dataDir], { LC_ALL: 'nl_NL.UTF-8' });
        expect(dutch.status).toBe(10);
        expect(dutch.stderr).toContain(`Een andere Klankbord gebruikt de gegevensmap ${dataDir} al`);
      } finally {
        running.close();
      }
      expect(cli(['calls', 'list', '--data-dir', dataDir]).status).toBe(0);
    },
  );

  it.skipIf(!canMountSmallDisk)(
    'says the disk is full with exit code 12 and keeps the library for when there is space',
    { timeout: 60_000 },
    () => {
      const disk = mountSmallDisk(4 * 1024 * 1024)!;
      try {
        const dataDir = join(disk.dir, 'data');
        const seeded = createBackend({ dataDir });
        seeded.close();
        const { db } = openDatabase(join(dataDir, databaseFileName));
        insertCall(db, { id: 'c1', title: 'Opzegging abonnement', createdAtMs: 1 });
        db.close();
        disk.fill();
        const full = cli(['calls', 'list', '--data-dir', dataDir], { LC_ALL: 'en_US.UTF-8' });
        expect(full.status).toBe(startupExitCodes.disk_full);
        expect(full.stderr).toContain('is full');
        disk.free();
        const listed = cli(['calls', 'list', '--data-dir', dataDir]);
        expect(listed.status).toBe(0);
        expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id: 'c1' })]);
      } finally {
        disk.unmount();
      }
    },
  );
});

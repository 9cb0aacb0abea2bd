import { execFileSync, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { openDatabase } from '../storage/connection';
import { insertCall } from '../storage/calls-repository';
import { databaseFileName } from './backend';

const tempDir = useTempDirs();
const root = resolve(__dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(tsx, [join(root, 'src/server/cli.ts'), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('CLI', () => {
  it('lists calls from the data folder as JSON', () => {
    const dataDir = tempDir();
    const { db } = openDatabase(join(dataDir, databaseFileName));
    insertCall(db, { id: 'c1', title: 'Opzegging abonnement', agentName: 'Joris', durationMs: 125_000, createdAtMs: 1 });
    db.close();
    const result = cli(['calls', 'list', '--data-dir', dataDir]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ id: 'c1', title: 'Opzegging abonnement', agentName: 'Joris', durationMs: 125_000 })]);
  });

  it('prints the data folder, honouring KLANKBORD_DATA_DIR', () => {
    const dataDir = tempDir();
    const output = execFileSync(tsx, [join(root, 'src/server/cli.ts'), 'data-dir'], { encoding: 'utf8', env: { ...process.env, KLANKBORD_DATA_DIR: dataDir } });
    expect(JSON.parse(output)).toEqual({ dataDir, databaseFile: join(dataDir, databaseFileName) });
  });

  it('exits non-zero with usage on an unknown command', () => {
    const result = cli(['frobnicate', '--data-dir', tempDir()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown command');
  });
});

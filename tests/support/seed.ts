import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { databaseFileName } from '../../src/server/backend';
import { openDatabase } from '../../src/storage/connection';
import { insertCall, type NewCall } from '../../src/storage/calls-repository';

export interface Seed {
  readonly calls?: readonly NewCall[];
  readonly reviews?: readonly { readonly callId: string; readonly status: 'draft' | 'submitted' }[];
  /** Raw bytes to put where the database file goes (to test damaged files). */
  readonly rawDatabaseFile?: string;
}

/** Prepares a data folder: a real database file with these rows, the way the app stores them. */
export function applySeed(dataDir: string, seed: Seed): void {
  const file = join(dataDir, databaseFileName);
  if (seed.rawDatabaseFile !== undefined) {
    writeFileSync(file, seed.rawDatabaseFile);
    return;
  }
  const { db } = openDatabase(file);
  for (const call of seed.calls ?? []) insertCall(db, call);
  (seed.reviews ?? []).forEach((review, index) => {
    db.prepare("INSERT INTO reviews VALUES (?, ?, 'seed-reviewer', ?, 1, 1)").run(`r${index}`, review.callId, review.status);
  });
  db.close();
}

import type Database from 'better-sqlite3';
import type { Migration } from './schema/migration';
import { schemaVersion1 } from './schema/v01';
import { schemaVersion2 } from './schema/v02';
import { schemaVersion3 } from './schema/v03';
import { schemaVersion4 } from './schema/v04';
import { schemaVersion5 } from './schema/v05';
import { schemaVersion6 } from './schema/v06';
import { schemaVersion7 } from './schema/v07';
import { schemaVersion8 } from './schema/v08';
import { schemaVersion9 } from './schema/v09';
import { schemaVersion11 } from './schema/v11';
import { schemaVersion13 } from './schema/v13';
import { schemaVersion14 } from './schema/v14';
import { schemaVersion15 } from './schema/v15';
import { schemaVersion16 } from './schema/v16';
import { schemaVersion17 } from './schema/v17';
import { schemaVersion18 } from './schema/v18';
import { schemaVersion19 } from './schema/v19';
import { schemaVersion20 } from './schema/v20';
import { schemaVersion21 } from './schema/v21';
import { writeTransaction } from './transactions';

export type { Migration } from './schema/migration';

/**
 * The ordered schema history. Never edit a migration that has shipped: add a new one.
 * Times are integer milliseconds since the epoch; ids are UUIDs so rows stay stable across machines.
 */
export const migrations: readonly Migration[] = [
  schemaVersion1,
  schemaVersion2,
  schemaVersion3,
  schemaVersion4,
  schemaVersion5,
  schemaVersion6,
  schemaVersion7,
  schemaVersion8,
  schemaVersion9,
  schemaVersion11,
  schemaVersion13,
  schemaVersion14,
  schemaVersion15,
  schemaVersion16,
  schemaVersion17,
  schemaVersion18,
  schemaVersion19,
  schemaVersion20,
  schemaVersion21,
];

/** The schema version this build of the app knows. */
export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`The database has schema version ${found}; this app supports up to ${supported}.`);
    this.name = 'DatabaseTooNewError';
  }
}

const schemaVersionOf = (db: Database.Database): number => Number(db.pragma('user_version', { simple: true }));

/**
 * Brings the database to `target` (default: latest), each migration in its own write transaction. The version is
 * read again inside each transaction (which holds the write lock from its BEGIN), so a second process starting on
 * the same database at the same moment waits and then skips what the first one already did.
 */
export function migrate(
  db: Database.Database,
  list: readonly Migration[] = migrations,
  target = list.at(-1)?.version ?? 0,
): number {
  const newest = list.at(-1)?.version ?? 0;
  const refuseNewer = (version: number) => {
    if (version > newest) throw new DatabaseTooNewError(version, newest);
  };
  // Fast path without a write lock: an up-to-date database is the common case at every start.
  const seen = schemaVersionOf(db);
  refuseNewer(seen);
  if (seen >= target) return seen;
  for (const migration of list) {
    if (migration.version > target) break;
    writeTransaction(db, () => {
      const current = schemaVersionOf(db);
      refuseNewer(current);
      if (migration.version <= current) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
  }
  return schemaVersionOf(db);
}

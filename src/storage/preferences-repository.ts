import type Database from 'better-sqlite3';
import { writeTransaction } from './transactions';

/** Reads all stored preferences as raw strings (validation is the caller's job). */
export function readPreferences(db: Database.Database): Record<string, string> {
  const rows = db.prepare('SELECT key, value FROM preferences').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

/** Stores preferences in one transaction; a null value removes the key. */
export function writePreferences(db: Database.Database, values: Record<string, string | null>): void {
  const upsert = db.prepare(
    'INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const remove = db.prepare('DELETE FROM preferences WHERE key = ?');
  writeTransaction(db, () => {
    for (const [key, value] of Object.entries(values)) {
      if (value === null) remove.run(key);
      else upsert.run(key, value);
    }
  });
}

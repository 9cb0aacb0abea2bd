import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createBackend, databaseFileName } from '../../src/server/backend';
import { isTemporaryName } from '../../src/server/files/durable-files';
import { storedPlaintext } from '../../tests/support/stored-plaintext';
import { latestSchemaVersion } from '../../src/storage/migrations';

/** What the worker acknowledged so far, per write path: each must be found complete after every fault. */
export interface Acknowledged {
  readonly recordings: Set<string>;
  readonly sessions: Map<string, readonly string[]>;
  readonly exports: Map<string, { readonly sha256: string; readonly bytes: number }>;
}

export interface CheckResult {
  /** Acknowledged writes missing or incomplete, by key. */
  readonly lost: string[];
  /** Files nothing points at that are still there after a restart (start-up should have removed them). */
  readonly orphans: string[];
  readonly integrityFailures: string[];
  /** Leftovers start-up removed: copies whose row never committed, temporary files, staged uploads. */
  readonly cleanedAtStart: number;
}

const sha256 = (path: string) => createHash('sha256').update(storedPlaintext(path)).digest('hex');
const list = (folder: string) => (existsSync(folder) ? readdirSync(folder) : []);

/** Files the data folder holds that no row accounts for: audio without a row, temporary files, staging entries. */
function strayFiles(dataDir: string, storedAudio: ReadonlySet<string>): string[] {
  return [
    ...list(join(dataDir, 'audio'))
      .filter((name) => !storedAudio.has(name))
      .map((name) => `audio/${name}`),
    ...list(join(dataDir, 'exports'))
      .filter(isTemporaryName)
      .map((name) => `exports/${name}`),
    ...list(join(dataDir, 'staging')).map((name) => `staging/${name}`),
  ];
}

function storedAudioNames(databaseFile: string): Set<string> {
  if (!existsSync(databaseFile)) return new Set();
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return new Set(
      db
        .prepare(
          "SELECT stored_name FROM audio_files WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'audio_files')",
        )
        .pluck()
        .all() as string[],
    );
  } catch {
    return new Set();
  } finally {
    db.close();
  }
}

/**
 * Restarts the backend on the data folder (start-up cleanup and migrations run), then checks it read-only: SQLite's
 * integrity and foreign keys, every audio row's file complete (its SHA-256), every acknowledged write present, and no
 * stray file left.
 */
export function checkDataFolder(dataDir: string, acknowledged: Acknowledged): CheckResult {
  const databaseFile = join(dataDir, databaseFileName);
  const lost: string[] = [];
  const integrityFailures: string[] = [];
  const strayBefore = strayFiles(dataDir, storedAudioNames(databaseFile)).length;
  try {
    const backend = createBackend({ dataDir, heavyWork: 'in-thread' });
    if (backend.info.recoveredDatabase)
      integrityFailures.push(
        `the database was set aside as damaged: ${JSON.stringify(backend.info.recoveredDatabase)}`,
      );
    backend.close();
  } catch (error) {
    integrityFailures.push(`the backend could not start: ${String(error)}`);
    return { lost, orphans: [], integrityFailures, cleanedAtStart: 0 };
  }
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') integrityFailures.push(`integrity_check: ${String(integrity)}`);
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    if (foreignKeys.length > 0) integrityFailures.push(`foreign_key_check: ${JSON.stringify(foreignKeys.slice(0, 3))}`);
    if (Number(db.pragma('user_version', { simple: true })) !== latestSchemaVersion)
      integrityFailures.push('schema not at the latest version');
    const audio = db
      .prepare(
        'SELECT a.sha256, a.stored_name AS storedName, a.size_bytes AS sizeBytes, c.id AS callId FROM audio_files a LEFT JOIN calls c ON c.audio_id = a.id',
      )
      .all() as { sha256: string; storedName: string; sizeBytes: number; callId: string | null }[];
    const complete = new Set<string>();
    for (const row of audio) {
      const file = join(dataDir, 'audio', row.storedName);
      if (!existsSync(file) || sha256(file) !== row.sha256)
        integrityFailures.push(`a row points at a missing or incomplete file: ${row.storedName}`);
      else if (row.callId) complete.add(row.sha256);
    }
    const hasTranscript = db
      .prepare(
        'SELECT 1 FROM transcripts t JOIN calls c ON c.id = t.call_id JOIN audio_files a ON a.id = c.audio_id WHERE a.sha256 = ?',
      )
      .pluck();
    for (const recording of acknowledged.recordings) {
      if (!complete.has(recording) || !hasTranscript.get(recording)) lost.push(`recording ${recording}`);
    }
    const session = db.prepare('SELECT 1 FROM calibration_sessions WHERE id = ?').pluck();
    for (const [sessionId, recordings] of acknowledged.sessions) {
      if (!session.get(sessionId) || recordings.some((recording) => !complete.has(recording)))
        lost.push(`session ${sessionId}`);
    }
  } finally {
    db.close();
  }
  const exportsDir = join(dataDir, 'exports');
  const exportNames = list(exportsDir);
  for (const [exportId, expected] of acknowledged.exports) {
    const name = exportNames.find((entry) => entry.startsWith(`${exportId}--`) && !isTemporaryName(entry));
    if (!name || sha256(join(exportsDir, name)) !== expected.sha256) lost.push(`export ${exportId}`);
  }
  const orphans = strayFiles(dataDir, storedAudioNames(databaseFile));
  return { lost, orphans, integrityFailures, cleanedAtStart: Math.max(0, strayBefore - orphans.length) };
}

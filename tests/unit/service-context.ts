import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { looksLikeText, sniffAudioContainer } from '../../src/server/audio/sniff';
import { decodeText } from '../../src/server/text-decoding';
import { makeErrorLogPort } from '../../src/server/logging/error-log-port';
import { inThreadHeavyPorts } from '../../src/server/workers/heavy-ports';
import { createDurableFiles } from '../../src/server/files/durable-files';
import type { ServiceContext } from '../../src/services/context';
import { EventHub } from '../../src/services/event-hub';
import { ImportQueue } from '../../src/services/import-queue';
import { configureConnection } from '../../src/storage/connection';
import { migrate } from '../../src/storage/migrations';

/** A real service context: an SQLite file in `dataDir`, the real audio and text adapters
 * (heavy ones on the calling thread; the worker pool is tested with the backend). */
export function makeServiceContext(dataDir: string, overrides: Partial<ServiceContext> = {}): ServiceContext {
  const db = new Database(join(dataDir, 'klankbord.db'));
  configureConnection(db);
  migrate(db);
  const paths = {
    audioDir: join(dataDir, 'audio'),
    stagingDir: join(dataDir, 'staging'),
    exportsDir: join(dataDir, 'exports'),
  };
  mkdirSync(paths.exportsDir, { recursive: true });
  mkdirSync(paths.audioDir, { recursive: true });
  mkdirSync(paths.stagingDir, { recursive: true });
  return {
    db,
    events: new EventHub(),
    now: () => 1_700_000_000_000,
    info: {
      version: 't',
      dataDir,
      databaseFile: join(dataDir, 'klankbord.db'),
      schemaVersion: 2,
      recoveredDatabase: null,
      databaseCheck: { state: 'before-open', damage: null },
    },
    paths,
    allowPathSources: true,
    ports: {
      ...inThreadHeavyPorts(db, paths.exportsDir),
      sniffAudioContainer,
      looksLikeText,
      decodeText,
      errorLog: makeErrorLogPort(dataDir),
      files: createDurableFiles(),
    },
    importQueue: new ImportQueue(),
    ...overrides,
  };
}

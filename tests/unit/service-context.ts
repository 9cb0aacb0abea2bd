import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { analyzeAudio } from '../../src/server/audio/analyze-audio';
import { looksLikeText, sniffAudioContainer } from '../../src/server/audio/sniff';
import { decodeText } from '../../src/server/text-decoding';
import { makeErrorLogPort } from '../../src/server/logging/error-log-port';
import { extractArchive, listArchive, writeArchive } from '../../src/server/packages/zip';
import { makeMomentsExporter } from '../../src/server/export/moments-exporter';
import { makeScoreExporter } from '../../src/server/export/score-exporter';
import { sessionReportPdf } from '../../src/server/export/session-report-pdf';
import type { ServiceContext } from '../../src/services/context';
import { EventHub } from '../../src/services/event-hub';
import { ImportQueue } from '../../src/services/import-queue';
import { configureConnection } from '../../src/storage/connection';
import { migrate } from '../../src/storage/migrations';

/** A real service context: an SQLite file in `dataDir`, the real audio and text adapters. */
export function makeServiceContext(dataDir: string, overrides: Partial<ServiceContext> = {}): ServiceContext {
  const db = new Database(join(dataDir, 'klankbord.db'));
  configureConnection(db);
  migrate(db);
  const paths = { audioDir: join(dataDir, 'audio'), stagingDir: join(dataDir, 'staging'), exportsDir: join(dataDir, 'exports') };
  mkdirSync(paths.exportsDir, { recursive: true });
  mkdirSync(paths.audioDir, { recursive: true });
  mkdirSync(paths.stagingDir, { recursive: true });
  return {
    db,
    events: new EventHub(),
    now: () => 1_700_000_000_000,
    info: { version: 't', dataDir, databaseFile: join(dataDir, 'klankbord.db'), schemaVersion: 2, recoveredDatabase: null },
    paths,
    allowPathSources: true,
    ports: { analyzeAudio, sniffAudioContainer, looksLikeText, decodeText, listArchive, extractArchive, writeArchive, exportScores: makeScoreExporter(db, paths.exportsDir), sessionReportPdf, exportMoments: makeMomentsExporter(db, paths.exportsDir), errorLog: makeErrorLogPort(dataDir) },
    importQueue: new ImportQueue(),
    ...overrides,
  };
}

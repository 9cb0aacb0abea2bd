import type Database from 'better-sqlite3';
import type { ServicePorts } from '../../services/ports';
import { openReadOnlyConnection } from '../../storage/connection';
import { readPreferences } from '../../storage/preferences-repository';
import { hashFile } from '../../services/import-files';
import type { HeavyJobs } from './heavy-jobs';
import { transferablesOf, type JobOutcome } from './job-messages';
import type { WorkerPool } from './worker-pool';

/** The ports that do heavy work; the rest (sniffing, text decoding) only look at a few kilobytes. */
export type HeavyPorts = Pick<
  ServicePorts,
  | 'analyzeAudio'
  | 'computeCallSignals'
  | 'hashFile'
  | 'importParallelism'
  | 'listArchive'
  | 'extractArchive'
  | 'writeArchive'
  | 'exportScores'
  | 'exportMoments'
  | 'sessionReportPdf'
  | 'redactAudio'
  | 'cutAudioClip'
  | 'teamReportFile'
>;

/** A failed job as the exception the port's callers already handle (dispatch reports it as `internal`). */
function valueOf<T>(outcome: JobOutcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw new Error(outcome.error.message);
}

/**
 * A decoding job's answer as its port promises it: the job's own result, or a cancelled/undecodable failure when the
 * worker could not finish (crashed, stopped, aborted).
 */
function decodingOutcome<T>(
  outcome: JobOutcome<T>,
): T | { readonly ok: false; readonly problem: 'cancelled' | 'audio_undecodable'; readonly detail: string } {
  if (outcome.ok) return outcome.value;
  return {
    ok: false,
    problem: outcome.error.kind === 'cancelled' ? 'cancelled' : 'audio_undecodable',
    detail: outcome.error.message,
  };
}

/** ffmpeg as set in Settings (read at each analysis, so a change applies to the next file), or null: look on PATH. */
export function ffmpegPathPreference(db: Database.Database): () => string | null {
  return () => readPreferences(db).ffmpegPath || null;
}

/**
 * How many files an import keeps in flight per audio worker: while one file's copy is fsynced and its rows are
 * written on the calling thread, the worker already decodes the next.
 */
const filesInFlightPerAudioWorker = 2;

/**
 * Heavy ports that run in the pools' workers, so the dispatch thread stays free to answer. An import's hashing, audio
 * analysis and signals go to `audioPool` (one worker per core, so a batch decodes on every core); archives, exports
 * and the PDF to `pool`.
 */
export function workerHeavyPorts(
  pool: WorkerPool<HeavyJobs>,
  ffmpegPath: () => string | null = () => null,
  audioPool: WorkerPool<HeavyJobs> = pool,
): HeavyPorts {
  return {
    analyzeAudio: async (path, signal) => {
      return decodingOutcome(
        await audioPool.run('analyzeAudio', { path, ffmpegPath: ffmpegPath() }, { signal, cancel: 'message' }),
      );
    },
    // Decodes the recording like the analysis: at import it is part of the import's work, so it runs on the import's
    // workers (one per core), not beside them on the pool for exports.
    computeCallSignals: async (request, signal) => {
      return decodingOutcome(
        await audioPool.run('computeCallSignals', { request, ffmpegPath: ffmpegPath() }, { signal, cancel: 'message' }),
      );
    },
    redactAudio: async (request, signal) =>
      decodingOutcome(
        await audioPool.run('redactAudio', { ...request, ffmpegPath: ffmpegPath() }, { signal, cancel: 'message' }),
      ),
    cutAudioClip: async (request) =>
      decodingOutcome(await audioPool.run('cutAudioClip', { ...request, ffmpegPath: ffmpegPath() })),
    hashFile: async (path, signal) => valueOf(await audioPool.run('hashFile', { path }, { signal, cancel: 'message' })),
    importParallelism: audioPool.size * filesInFlightPerAudioWorker,
    // Archives are read and written as files: only paths and small parts cross to the worker.
    listArchive: async (path, limits) => valueOf(await pool.run('listArchive', { path, limits })),
    extractArchive: async (path, requests, limits) =>
      valueOf(await pool.run('extractArchive', { path, requests, limits })),
    writeArchive: async (target, sources, limits) =>
      valueOf(
        await pool.run(
          'writeArchive',
          { target, sources, limits },
          { transfer: transferablesOf(sources.flatMap((source) => ('bytes' in source ? [source.bytes] : []))) },
        ),
      ),
    exportScores: async (request) => valueOf(await pool.run('exportScores', request)),
    exportMoments: async (request) => valueOf(await pool.run('exportMoments', request)),
    sessionReportPdf: async (request) => valueOf(await pool.run('sessionReportPdf', request)),
    teamReportFile: async (request) => valueOf(await pool.run('teamReportFile', request)),
  };
}

/**
 * The same ports run on the calling thread: the measured baseline of bench:responsiveness, and a fallback. Each loads
 * its code on first use, as the workers' jobs do, so a backend whose heavy work runs in workers never holds the
 * spreadsheet, PDF and decoder libraries in its own memory.
 */
export function inThreadHeavyPorts(db: Database.Database, exportsDir: string): HeavyPorts {
  const ffmpegPath = ffmpegPathPreference(db);
  return {
    analyzeAudio: async (path, signal) =>
      (await import('../audio/analyze-audio')).analyzeAudio(path, { signal, ffmpegPath: ffmpegPath() }),
    computeCallSignals: async (request, signal) =>
      (await import('../call-signals')).computeCallSignals(request, { signal, ffmpegPath: ffmpegPath() }),
    redactAudio: async (request, signal) =>
      (await import('../audio/redact-audio')).writeRedactedAudio({ ...request, ffmpegPath: ffmpegPath() }, signal),
    cutAudioClip: async (request) =>
      (await import('../audio/cut-clip')).cutAudioClip({ ...request, ffmpegPath: ffmpegPath() }),
    hashFile,
    importParallelism: 1,
    listArchive: async (path, limits) => (await import('../packages/zip')).listArchive(path, limits),
    extractArchive: async (path, requests, limits) =>
      (await import('../packages/zip')).extractArchive(path, requests, limits),
    writeArchive: async (target, sources, limits) =>
      (await import('../packages/zip')).writeArchive(target, sources, limits),
    exportScores: async (request) =>
      (await import('../export/score-exporter')).makeScoreExporter(
        () => openReadOnlyConnection(db.name),
        exportsDir,
      )(request),
    exportMoments: async (request) =>
      (await import('../export/moments-exporter')).makeMomentsExporter(db, exportsDir)(request),
    sessionReportPdf: async (request) => (await import('../export/session-report-pdf')).sessionReportPdf(request),
    teamReportFile: async (request) => (await import('../export/team/team-report-file')).teamReportFile(request),
  };
}

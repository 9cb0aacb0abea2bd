import type Database from 'better-sqlite3';
import type {
  ArchiveSource,
  CallSignalsRequest,
  CutClipRequest,
  ExtractRequest,
  MomentsExportRequest,
  RedactAudioRequest,
  ScoreExportRequest,
  SessionReportPdfRequest,
  TeamReportFileRequest,
} from '../../services/ports';
import { checkDatabaseFile, openReadOnlyConnection } from '../../storage/connection';

type ListLimits = { readonly maxEntries: number };

/** What a heavy-work worker is started with. */
export interface HeavyWorkerData {
  readonly databaseFile: string;
  readonly exportsDir: string;
  readonly nativeBinding?: string;
  /** The data folder's key (hex), when it is encrypted: the worker registers it for the files it reads and writes. */
  readonly dataKey?: { readonly folder: string; readonly keyHex: string };
}

/**
 * The heavy jobs, by name: each calls the server's own implementation, so changing how audio is decoded or how
 * archives are written changes nothing here. A new kind of heavy work (signal analysis, say) is one more entry
 * here and one more port in heavy-ports.ts. Each job loads its code on first use, so a worker that only analyses
 * audio starts quickly. Exporters read through a read-only connection of the worker's own, opened on first use: a
 * better-sqlite3 connection belongs to the thread that opened it.
 */
export function heavyJobs(data: HeavyWorkerData) {
  let readOnly: Database.Database | undefined;
  const database = () =>
    (readOnly ??= openReadOnlyConnection(data.databaseFile, { nativeBinding: data.nativeBinding }));
  return {
    analyzeAudio: async (input: { readonly path: string; readonly ffmpegPath: string | null }, signal: AbortSignal) =>
      (await import('../audio/analyze-audio')).analyzeAudio(input.path, { signal, ffmpegPath: input.ffmpegPath }),
    computeCallSignals: async (
      input: { readonly request: CallSignalsRequest; readonly ffmpegPath: string | null },
      signal: AbortSignal,
    ) => (await import('../call-signals')).computeCallSignals(input.request, { signal, ffmpegPath: input.ffmpegPath }),
    redactAudio: async (input: RedactAudioRequest & { readonly ffmpegPath: string | null }, signal: AbortSignal) =>
      (await import('../audio/redact-audio')).writeRedactedAudio(input, signal),
    cutAudioClip: async (input: CutClipRequest & { readonly ffmpegPath: string | null }) =>
      (await import('../audio/cut-clip')).cutAudioClip(input),
    // The copy of a recording into the data folder (sealed when the folder is encrypted): reading, sealing and
    // writing tens of megabytes. The fsync and rename that make it durable stay with the caller, so this worker takes
    // its next job while the disk writes.
    copyFile: async (input: { readonly source: string; readonly target: string }) =>
      (await import('../files/durable-files')).realFileSystemCalls.copyFile(input.source, input.target),
    hashFile: async (input: { readonly path: string }, signal: AbortSignal) =>
      (await import('../../services/import-files')).hashFile(input.path, signal),
    listArchive: async (input: { readonly path: string; readonly limits: ListLimits }) =>
      (await import('../packages/zip')).listArchive(input.path, input.limits),
    extractArchive: async (input: {
      readonly path: string;
      readonly requests: readonly ExtractRequest[];
      readonly limits: ListLimits;
    }) => (await import('../packages/zip')).extractArchive(input.path, input.requests, input.limits),
    writeArchive: async (input: {
      readonly target: string;
      readonly sources: readonly ArchiveSource[];
      readonly limits: { readonly maxBytes: number };
    }) => (await import('../packages/zip')).writeArchive(input.target, input.sources, input.limits),
    exportScores: async (request: ScoreExportRequest) =>
      (await import('../export/score-exporter')).makeScoreExporter(
        () => openReadOnlyConnection(data.databaseFile, { nativeBinding: data.nativeBinding }),
        data.exportsDir,
      )(request),
    exportMoments: async (request: MomentsExportRequest) =>
      (await import('../export/moments-exporter')).makeMomentsExporter(database(), data.exportsDir)(request),
    sessionReportPdf: async (request: SessionReportPdfRequest) =>
      (await import('../export/session-report-pdf')).sessionReportPdf(request),
    // The check a start after a clean close skipped: null when healthy, else what is wrong.
    checkDatabase: async () => checkDatabaseFile(data.databaseFile, { nativeBinding: data.nativeBinding }),
    teamReportFile: async (request: TeamReportFileRequest) =>
      (await import('../export/team/team-report-file')).teamReportFile(request),
  };
}

export type HeavyJobs = ReturnType<typeof heavyJobs>;

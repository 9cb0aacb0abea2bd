import type { DataProtection } from '../contract/diagnostics';
import type { DatabaseCheck } from '../contract/schemas';
import type { TeamReport } from '../contract/team';
import type { AudioAnalysis } from '../domain/audio/audio-analysis';
import type { SessionReport } from '../domain/calibration/session-report';
import type { ReviewCalibration } from '../domain/export/export-tables';
import type { ScoreExportSelection } from '../domain/export/score-export-selection';
import type { Rubric } from '../domain/rubric/model';
import type { ItemAnswer } from '../domain/scoring/answers';
import type { DiagnosticsFacts } from '../domain/support/diagnostics-summary';
import type { CallSignals } from '../domain/signals/model';
import type { Transcript } from '../domain/transcript/model';
import type { SpeakerRoles } from '../domain/transcript/speaker-roles';

/** What a call's signals are computed from: its stored recording, transcript and who is who. */
export interface CallSignalsRequest {
  readonly audioPath: string;
  readonly agentChannel: 0 | 1;
  readonly transcript: Transcript | null;
  readonly roles: SpeakerRoles | null;
  readonly customerName: string | null;
}

export type CallSignalsResult =
  | { readonly ok: true; readonly value: CallSignals }
  | { readonly ok: false; readonly problem: string; readonly detail: string };

export interface RedactAudioRequest {
  readonly sourcePath: string;
  readonly targetPath: string;
  readonly ranges: readonly { readonly startMs: number; readonly endMs: number }[];
}

export type RedactAudioResult =
  | { readonly ok: true; readonly value: { readonly container: 'wav'; readonly sizeBytes: number } }
  | { readonly ok: false; readonly problem: string; readonly detail: string };

/** A part of a recording cut out as a WAV file of its own: an evidence clip in a team package. */
export interface CutClipRequest {
  readonly sourcePath: string;
  readonly targetPath: string;
  readonly fromMs: number;
  readonly toMs: number;
}

export type CutClipResult =
  | {
      readonly ok: true;
      readonly value: { readonly sampleRateHz: number; readonly channels: number; readonly sizeBytes: number };
    }
  | { readonly ok: false; readonly problem: string; readonly detail: string };

/** What a score export needs: which reviews, which format and language, and calibrated totals where known. */
export interface ScoreExportRequest {
  readonly selection: ScoreExportSelection;
  readonly format: 'xlsx' | 'csv-excel-nl' | 'csv-rfc4180' | 'json';
  readonly language: 'nl' | 'en';
  readonly calibrations: Readonly<Record<string, ReviewCalibration>>;
  readonly exportedAtMs: number;
  /** File name without extension. */
  readonly baseName: string;
}

/** One call's moments as a file: a track (WebVTT) or tier (ELAN) per reviewer. */
export interface MomentsExportRequest {
  readonly callId: string;
  /** A session's reviews only; undefined: every submitted review of the call. */
  readonly sessionId?: string;
  readonly format: 'webvtt' | 'eaf';
  readonly language: 'nl' | 'en';
  readonly exportedAtMs: number;
  readonly baseName: string;
}

/** What the PDF session report shows (the server's writer draws exactly this). */
export interface SessionReportPdfRequest {
  readonly session: {
    readonly name: string;
    readonly rubricName: string;
    readonly rubricVersion: number;
    readonly blind: boolean;
    readonly toleranceTotal: number;
    readonly toleranceItem: number;
    readonly deadline: string | null;
    readonly createdAtMs: number;
  };
  readonly reviewers: readonly { readonly id: string; readonly name: string }[];
  readonly calls: readonly { readonly id: string; readonly title: string }[];
  readonly rubric: Rubric;
  readonly report: SessionReport;
  readonly consensus: readonly {
    readonly callId: string;
    readonly itemId: string;
    readonly answer: ItemAnswer;
    readonly reason: string;
  }[];
  readonly language: 'nl' | 'en';
  readonly generatedAtMs: number;
}

/** The app log in the data folder (shared by every process), as the services use it. */
export interface ErrorLogPort {
  readonly file: string;
  /** Writes an error of the backend itself, or one the renderer reported. */
  error(source: 'backend' | 'renderer', message: string, detail?: unknown): void;
  /** The newest errors of every process, oldest first. */
  recentErrors(
    limit: number,
  ): readonly { readonly time: string; readonly process: string; readonly version: string; readonly message: string }[];
  /** Versions of the runtime the backend runs in. */
  runtime(): DiagnosticsFacts['runtime'];
}

/** One entry of a zip archive's central directory, as declared there (a declared size can lie). */
export interface ArchiveEntry {
  readonly name: string;
  readonly compressedBytes: number;
  readonly uncompressedBytes: number;
}

/** Inflate entry `name` into the new file `target`, refusing it past `maxBytes`. */
export interface ExtractRequest {
  readonly name: string;
  readonly target: string;
  readonly maxBytes: number;
}

/** What an entry really held once inflated. */
export interface ExtractedEntry {
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** A part of an archive being written: a file on disk (its size known beforehand) or a small in-memory part. */
export type ArchiveSource =
  | { readonly name: string; readonly path: string; readonly sizeBytes: number }
  | { readonly name: string; readonly bytes: Uint8Array };

export interface ArchiveFailure {
  readonly ok: false;
  readonly problem:
    | 'corrupt'
    | 'too_many_entries'
    | 'duplicate_entry'
    | 'unsupported_entry'
    | 'missing_entry'
    | 'entry_too_large'
    | 'too_large';
  readonly detail: string;
}
export type ArchiveResult<T> = { readonly ok: true; readonly value: T } | ArchiveFailure;

/**
 * Durable file placement (see src/server/files/durable-files.ts): each resolves only when the file's content and its
 * name are on disk (fsync of the file and of its folder), so a database row may then point at it.
 */
export interface FilePort {
  /** Copies `source` to `target` through a temporary file in the target's folder. */
  copyInto(source: string, target: string): Promise<void>;
  /** Renames a file already on the data folder's file system (a staged file) into place. */
  moveInto(source: string, target: string): Promise<void>;
  /** Writes `bytes` as the new file `target`. */
  writeFile(target: string, bytes: Uint8Array): Promise<void>;
  /** Removes a file (rollback of a placement), making the removal durable too. */
  remove(path: string): Promise<void>;
}

/**
 * Adapters the services get from the server layer: audio decoding, text decoding, archives and file writers run
 * outside the services. The heavy ones (audio analysis, archives, exports, the PDF) run in worker threads.
 */
export interface ServicePorts {
  analyzeAudio(
    path: string,
    signal?: AbortSignal,
  ): Promise<
    | {
        readonly ok: true;
        readonly value: AudioAnalysis;
      }
    | { readonly ok: false; readonly problem: string; readonly detail: string }
  >;
  /** Decodes the recording to frame energies and computes the call's signals (in a worker in the app). */
  computeCallSignals(request: CallSignalsRequest, signal?: AbortSignal): Promise<CallSignalsResult>;
  /** SHA-256 of a file's content (hex), streamed; rejects when the file cannot be read or `signal` aborts. */
  hashFile(path: string, signal?: AbortSignal): Promise<string>;
  /**
   * How many files of an import batch are worked on at once: hashing and analysis run in parallel in the import's
   * worker threads while the database writes stay one at a time on the calling thread; 1 when they run in-thread.
   */
  readonly importParallelism: number;
  sniffAudioContainer(head: Uint8Array): string | null;
  looksLikeText(head: Uint8Array): boolean;
  decodeText(bytes: Uint8Array): { readonly text: string; readonly encoding: string };
  /** A zip archive's central directory (calibration packages); refuses too many entries and duplicate names. */
  listArchive(path: string, limits: { readonly maxEntries: number }): Promise<ArchiveResult<ArchiveEntry[]>>;
  /** Inflates the requested entries one at a time, each streamed into its own new file, each stopped past its size. */
  extractArchive(
    path: string,
    requests: readonly ExtractRequest[],
    limits: { readonly maxEntries: number },
  ): Promise<ArchiveResult<ExtractedEntry[]>>;
  /** Streams files and small parts into a new zip file; refuses when they add up to more than `maxBytes`. */
  writeArchive(
    target: string,
    sources: readonly ArchiveSource[],
    limits: { readonly maxBytes: number },
  ): Promise<ArchiveResult<{ readonly bytes: number }>>;
  /** Writes score tables for download (the table building and file writers live in the server layer). */
  exportScores(request: ScoreExportRequest): Promise<{ readonly exportId: string; readonly fileName: string }>;
  /** Writes a call's moments for download; undefined when the call is unknown. */
  exportMoments(
    request: MomentsExportRequest,
  ): Promise<{ readonly exportId: string; readonly fileName: string } | undefined>;
  /** Renders the calibration session report as a PDF. */
  sessionReportPdf(request: SessionReportPdfRequest): Promise<Uint8Array>;
  /**
   * Writes the recording at `sourcePath` again as the new file `targetPath` with `ranges` silent (a redaction applied
   * permanently): a WAV keeps its format, other formats become 16-bit PCM WAV.
   */
  redactAudio(request: RedactAudioRequest, signal?: AbortSignal): Promise<RedactAudioResult>;
  /** Writes `fromMs`–`toMs` of the recording as the new WAV file `targetPath` (a WAV keeps its own format). */
  cutAudioClip(request: CutClipRequest): Promise<CutClipResult>;
  /** Renders the team report (XLSX or PDF) or an agent's coaching sheet (PDF). */
  teamReportFile(request: TeamReportFileRequest): Promise<Uint8Array>;
  readonly errorLog: ErrorLogPort;
  /** Places files the database will point at durably; tests hand in one that fails. */
  readonly files: FilePort;
  /** Encryption at rest of the data folder and its disk (absent where a test does not provide it). */
  dataProtection?(): Promise<DataProtection>;
  /** The session's check of the database file as it stands now (absent: it ran before opening, as info says). */
  databaseCheck?(): DatabaseCheck;
}

/** A team report file: the report as XLSX or PDF, or one agent's coaching sheet (PDF). */
export interface TeamReportFileRequest {
  readonly kind: 'xlsx' | 'pdf' | 'coaching';
  readonly report: TeamReport;
  /** The coaching sheet's agent. */
  readonly agentName?: string;
  /** The coaching sheet's example moments, with what was said around them. */
  readonly examples: readonly {
    readonly skillId: string;
    readonly callTitle: string;
    readonly startMs: number;
    readonly endMs: number;
    readonly score: number;
    readonly note: string;
    readonly excerpt: string;
  }[];
  readonly language: 'nl' | 'en';
  readonly generatedAtMs: number;
}

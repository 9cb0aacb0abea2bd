import type { SessionReport } from '../domain/calibration/session-report';
import type { Rubric } from '../domain/rubric/model';
import type { ItemAnswer } from '../domain/scoring/answers';

/** What a score export needs: which reviews, which format and language, and calibrated totals where known. */
export interface ScoreExportRequest {
  readonly selection: { readonly reviewIds?: readonly string[]; readonly callId?: string; readonly agentName?: string; readonly reviewerId?: string; readonly fromMs?: number; readonly toMs?: number; readonly status?: 'draft' | 'submitted' };
  readonly format: 'xlsx' | 'csv-excel-nl' | 'csv-rfc4180' | 'json';
  readonly language: 'nl' | 'en';
  readonly calibrations: Readonly<Record<string, { readonly calibratedTotal: number; readonly method: 'consensus' | 'severity-adjusted'; readonly source: string }>>;
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

/** What the PDF session report shows (mirrors the server's writer input). */
export interface SessionReportPdfRequest {
  readonly session: { readonly name: string; readonly rubricName: string; readonly rubricVersion: number; readonly blind: boolean; readonly toleranceTotal: number; readonly toleranceItem: number; readonly deadline: string | null; readonly createdAtMs: number };
  readonly reviewers: readonly { readonly id: string; readonly name: string }[];
  readonly calls: readonly { readonly id: string; readonly title: string }[];
  readonly rubric: Rubric;
  readonly report: SessionReport;
  readonly consensus: readonly { readonly callId: string; readonly itemId: string; readonly answer: ItemAnswer; readonly reason: string }[];
  readonly language: 'nl' | 'en';
  readonly generatedAtMs: number;
}

/** The app log in the data folder (shared by every process), as the services use it. */
export interface ErrorLogPort {
  readonly file: string;
  /** Writes an error of the backend itself, or one the renderer reported. */
  error(source: 'backend' | 'renderer', message: string, detail?: unknown): void;
  /** The newest errors of every process, oldest first. */
  recentErrors(limit: number): readonly { readonly time: string; readonly process: string; readonly version: string; readonly message: string }[];
  /** Versions of the runtime the backend runs in. */
  runtime(): { readonly node: string; readonly electron: string | null; readonly chrome: string | null; readonly platform: string; readonly arch: string; readonly osRelease: string };
}

/** Adapters the services get from the server layer: audio decoding, text decoding, archives and file writers run outside the services. */
export interface ServicePorts {
  analyzeAudio(path: string, signal?: AbortSignal): Promise<
    | {
        readonly ok: true;
        readonly value: {
          readonly container: string;
          readonly codec: string;
          readonly mimeType: string;
          readonly sampleRateHz: number;
          readonly channels: number;
          readonly durationMs: number;
          readonly peaks: readonly Int16Array[];
          readonly pairsPerSecond: number;
        };
      }
    | { readonly ok: false; readonly problem: string; readonly detail: string }
  >;
  sniffAudioContainer(head: Uint8Array): string | null;
  looksLikeText(head: Uint8Array): boolean;
  decodeText(bytes: Uint8Array): { readonly text: string; readonly encoding: string };
  /** Packs named files into one zip archive (calibration packages). */
  zip(files: Readonly<Record<string, Uint8Array>>): Uint8Array;
  /** Unpacks a zip archive; throws on a corrupt or truncated one. */
  unzip(bytes: Uint8Array): Record<string, Uint8Array>;
  /** Writes score tables for download (the table building and file writers live in the server layer). */
  exportScores(request: ScoreExportRequest): Promise<{ readonly exportId: string; readonly fileName: string }>;
  /** Writes a call's moments for download; undefined when the call is unknown. */
  exportMoments(request: MomentsExportRequest): Promise<{ readonly exportId: string; readonly fileName: string } | undefined>;
  /** Renders the calibration session report as a PDF. */
  sessionReportPdf(request: SessionReportPdfRequest): Promise<Uint8Array>;
  readonly errorLog: ErrorLogPort;
}

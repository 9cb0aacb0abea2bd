import { z } from 'zod';
import { callReviewStatuses } from '../domain/call';

export const callSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  agentName: z.string(),
  customerRef: z.string(),
  recordedAt: z.string().nullable(),
  durationMs: z.number().int().nonnegative(),
  reviewStatus: z.enum(callReviewStatuses),
  reviewCount: z.number().int().nonnegative(),
  mediaRemovedAtMs: z.number().int().nullable().optional(),
});

export const languages = ['nl', 'en'] as const;
export const themes = ['system', 'light', 'dark'] as const;

/** User preferences kept in the database; null means "follow the operating system". */
export const preferencesSchema = z.object({
  language: z.enum(languages).nullable(),
  theme: z.enum(themes),
  /** Single-key player shortcuts (WCAG 2.1.4: they can be turned off). */
  singleKeyShortcuts: z.boolean(),
  /** ffmpeg for formats without a built-in decoder (AAC/M4A, WebM...); empty: look for it on PATH. */
  ffmpegPath: z.string().max(4096),
  /** Card numbers found in a transcript are redacted at import without waiting for a reviewer. */
  autoRedactCardNumbers: z.boolean(),
});
export type Preferences = z.infer<typeof preferencesSchema>;

/** A damaged database file found at start-up (this one or an earlier one), until the user dismisses the notice. */
export const recoveredDatabaseSchema = z.object({
  movedTo: z.string(),
  reason: z.string(),
});

/**
 * The page-by-page check of the database file in this session: run before opening ('before-open'), or, after a clean
 * close, in the background ('running', then 'passed' or 'damaged' with what it found).
 */
export const databaseCheckSchema = z.object({
  state: z.enum(['before-open', 'running', 'passed', 'damaged', 'failed']),
  damage: z.string().nullable(),
});

export type DatabaseCheck = z.infer<typeof databaseCheckSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int(),
  recoveredDatabase: recoveredDatabaseSchema.nullable(),
  databaseCheck: databaseCheckSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const speakerRoleSchema = z.enum(['agent', 'customer', 'unknown']);

const wordSchema = z.object({
  text: z.string(),
  startMs: z.number(),
  endMs: z.number(),
  confidence: z.number().optional(),
  /** The source timed only the sentence; this word's times are estimated from its place in the text. */
  estimated: z.boolean().optional(),
});

export const transcriptSegmentSchema = z.object({
  speaker: z.string().nullable(),
  channel: z.number().int().nullable(),
  startMs: z.number(),
  endMs: z.number(),
  text: z.string(),
  words: z.array(wordSchema).readonly(),
});

export const callDetailSchema = z.object({
  call: callSummarySchema,
  agentChannel: z.union([z.literal(0), z.literal(1)]),
  audio: z
    .object({
      id: z.string(),
      originalName: z.string(),
      container: z.string(),
      codec: z.string(),
      mimeType: z.string(),
      sampleRateHz: z.number().int(),
      channels: z.number().int(),
      durationMs: z.number().int(),
      pairsPerSecond: z.number().int(),
    })
    .nullable(),
  transcript: z
    .object({
      format: z.string(),
      language: z.string().nullable(),
      sourceName: z.string(),
      segments: z.array(transcriptSegmentSchema).readonly(),
      warnings: z.array(z.object({ code: z.string(), count: z.number() })).readonly(),
      speakerRoles: z.record(z.string(), speakerRoleSchema),
    })
    .nullable(),
  /** Accepted redactions, merged: the player mutes them and the waveform shows them; the transcript comes masked. */
  redactedRanges: z.array(z.object({ startMs: z.number().int(), endMs: z.number().int() })).optional(),
  /** Set when a retention rule removed the audio, transcript and peaks (then audio and transcript are null). */
  mediaRemovedAtMs: z.number().int().nullable().optional(),
  /** The recording and transcript were removed (a customer's erasure request; retention removals say so in mediaRemovedAtMs): the call screen says so. */
  mediaRemoved: z
    .object({ atMs: z.number().int(), reason: z.enum(['request', 'retention']) })
    .nullable()
    .optional(),
});
export type CallDetail = z.infer<typeof callDetailSchema>;

export const callMetadataSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    agentName: z.string().trim().max(200),
    customerRef: z.string().trim().max(200),
    recordedAt: z.string().datetime({ offset: true }).nullable(),
    agentChannel: z.union([z.literal(0), z.literal(1)]),
  })
  .partial();

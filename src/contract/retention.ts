import { z } from 'zod';
import { maxRetentionDays, retentionBases, retentionRuleKinds } from '../domain/retention/model';

export const retentionRuleSchema = z
  .object({
    basis: z.enum(retentionBases),
    days: z.number().int().min(0).max(maxRetentionDays),
  })
  .strict();

export const retentionRulesSchema = z
  .object({ routine: retentionRuleSchema, calibration: retentionRuleSchema })
  .strict();

const activeBasisSchema = z.enum(['after_import', 'after_last_submitted_review']);

/** One call in the preview: when it loses its media and under which rule. */
export const retentionPreviewCallSchema = z.object({
  callId: z.string(),
  title: z.string(),
  rule: z.enum(retentionRuleKinds),
  dueAtMs: z.number().int(),
  dueNow: z.boolean(),
  heldByDraft: z.boolean(),
});

/** What the rules would do: counts, and the first calls in the order they lose their media. */
export const retentionPreviewSchema = z.object({
  nowMs: z.number().int(),
  /** Removed at the next run (at start, the daily run, or "Run now"). */
  dueNowCount: z.number().int(),
  /** Due, but an open draft review holds them until it is submitted. */
  heldByDraftCount: z.number().int(),
  /** Due later, at a known date. */
  laterCount: z.number().int(),
  /** The first scheduled calls, in the order they lose their media (the exact due time each). */
  calls: z.array(retentionPreviewCallSchema),
  /** More calls are scheduled than `calls` lists. */
  truncated: z.boolean(),
});
export type RetentionPreview = z.infer<typeof retentionPreviewSchema>;

export const retentionLogEntrySchema = z.object({
  callId: z.string(),
  callTitle: z.string().nullable(),
  removedAtMs: z.number().int(),
  rule: z.enum(retentionRuleKinds),
  basis: activeBasisSchema,
  days: z.number().int(),
  dueAtMs: z.number().int(),
  trigger: z.enum(['start', 'daily', 'manual']),
  audioBytes: z.number().int(),
  peaksBytes: z.number().int(),
  transcriptSegments: z.number().int(),
});

export const retentionLogSchema = z.object({
  entries: z.array(retentionLogEntrySchema),
  total: z.number().int(),
});
export type RetentionLog = z.infer<typeof retentionLogSchema>;

export const retentionRunSchema = z.object({
  removedCount: z.number().int(),
  freedBytes: z.number().int(),
  /** Calls whose file could not be removed now (kept as "removed" in the database; start-up removes the file). */
  failedFiles: z.number().int(),
});

/** The retention methods; spread into the method table. */
export const retentionMethods = {
  'retention.get': { input: z.object({}).strict(), output: retentionRulesSchema },
  'retention.set': { input: retentionRulesSchema, output: retentionRulesSchema },
  /** What the given rules (default: the saved ones) would remove, and when. */
  'retention.preview': {
    input: z.object({ rules: retentionRulesSchema.optional() }).strict(),
    output: retentionPreviewSchema,
  },
  /** Applies the saved rules now. */
  'retention.apply': { input: z.object({}).strict(), output: retentionRunSchema },
  'retention.log': {
    input: z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict(),
    output: retentionLogSchema,
  },
} as const;

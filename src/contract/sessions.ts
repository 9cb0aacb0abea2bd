import { z } from 'zod';
import { answerRecordSchema, idSchema, itemAnswerSchema, maxReasonLength, momentSchema } from './reviews';

/*
 * Calibration sessions: calls + reviewers + one rubric version + optional benchmark reviewer + blind flag +
 * tolerances. Reviewers are named by the lead; each gets a stable id that travels in the packages.
 */

export const sessionSchema = z.object({
  id: z.string(),
  name: z.string(),
  rubricId: z.string(),
  rubricVersion: z.number().int(),
  rubricName: z.string(),
  blind: z.boolean(),
  benchmarkReviewerId: z.string().nullable(),
  toleranceTotal: z.number(),
  toleranceItem: z.number(),
  deadline: z.string().nullable(),
  leadReviewerId: z.string(),
  createdAtMs: z.number(),
  calls: z.array(z.object({ id: z.string(), title: z.string() })),
  reviewers: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Submitted session reviews out of calls × reviewers. */
  submitted: z.number().int(),
  expected: z.number().int(),
});
export type SessionSummary = z.infer<typeof sessionSchema>;

export const createSessionSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    callIds: z.array(idSchema).min(1).max(500),
    /** Reviewers by name (a new stable id each) or by the id of a reviewer known here. */
    reviewers: z
      .array(
        z.union([z.object({ id: idSchema }).strict(), z.object({ name: z.string().trim().min(1).max(120) }).strict()]),
      )
      .min(2)
      .max(100),
    /** Index into `reviewers` of the benchmark (expert) reviewer. */
    benchmarkIndex: z.number().int().min(0).nullable().default(null),
    blind: z.boolean().default(true),
    toleranceTotal: z.number().min(0).max(100).default(5),
    toleranceItem: z.number().min(0).max(10).default(1),
    deadline: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable()
      .default(null),
  })
  .strict();

export const consensusInputSchema = z
  .object({
    sessionId: idSchema,
    callId: idSchema,
    itemId: idSchema,
    answer: itemAnswerSchema,
    reason: z.string().trim().min(3).max(maxReasonLength),
  })
  .strict();

const bandSchema = z.enum(['reliable', 'tentative', 'unreliable']).nullable();

export const sessionReportSchema = z.object({
  reference: z.enum(['benchmark', 'group-mean']),
  /** Fewer than two reviewers submitted: comparative figures are null and the report says so. */
  enoughReviews: z.boolean(),
  ambiguousItems: z.number().int().nullable(),
  items: z.array(
    z.object({
      itemId: z.string(),
      level: z.enum(['ordinal', 'nominal']),
      alpha: z.number().nullable(),
      band: bandSchema,
      percentAgreement: z.number().nullable(),
      gwetAc1: z.number().nullable(),
      applicabilityAlpha: z.number().nullable(),
      ambiguous: z.boolean(),
      percentWithinTolerance: z.number().nullable(),
    }),
  ),
  sections: z.array(z.object({ sectionId: z.string(), alpha: z.number().nullable(), band: bandSchema })),
  total: z.object({ alpha: z.number().nullable(), band: bandSchema, iccAgreement: z.number().nullable() }),
  totals: z.array(z.array(z.number().nullable())),
  reviewers: z.array(
    z.object({
      bias: z.number().nullable(),
      meanAbsoluteDeviation: z.number().nullable(),
      percentWithinTolerance: z.number().nullable(),
      calls: z.number().int().nullable(),
      severity: z.number().nullable(),
      severityStandardError: z.number().nullable(),
    }),
  ),
  fairTotals: z.array(z.number().nullable()),
  /** Each call's metrics (src/domain/assist/call-metrics.ts), in the session's call order; null without signals. */
  callMetrics: z.array(
    z
      .object({
        agentTalkRatio: z.number().nullable(),
        overtalkCount: z.number().int(),
        overtalkMs: z.number(),
        longestSilenceMs: z.number(),
        agentWordsPerMinute: z.number().nullable(),
        medianAcknowledgementLatencyMs: z.number().nullable(),
      })
      .nullable(),
  ),
  consensus: z.array(
    z.object({
      callId: z.string(),
      itemId: z.string(),
      answer: itemAnswerSchema,
      reason: z.string(),
      decidedBy: z.string(),
      decidedAtMs: z.number(),
    }),
  ),
  /** Who heard what: moments matched by overlap, pooled over calls; per type over all reviewer pairs, per reviewer against the benchmark. */
  moments: z.object({
    types: z.array(
      z.object({ type: z.string(), matched: z.number().int(), unmatched: z.number().int(), f1: z.number().nullable() }),
    ),
    reviewers: z
      .array(
        z
          .object({
            matched: z.number().int(),
            missed: z.number().int(),
            extra: z.number().int(),
            f1: z.number().nullable(),
          })
          .nullable(),
      )
      .nullable(),
  }),
});

export const sessionComparisonSchema = z.object({
  reviews: z.array(
    z.object({
      reviewerId: z.string(),
      reviewerName: z.string(),
      submitted: z.boolean(),
      revision: z.number().int().nullable(),
      context: z
        .object({ customerState: z.enum(['positive', 'neutral', 'negative']), emotion: z.string().nullable() })
        .nullable(),
      answers: z.array(answerRecordSchema),
      moments: z.array(momentSchema),
      /** The review's scores (0-100), sections in rubric order; null until submitted. */
      score: z.object({ total: z.number().nullable(), sections: z.array(z.number().nullable()) }).nullable(),
    }),
  ),
  /** Per rubric item, one deviation per reviewer (in the order of `reviews`), by the session report's rule. */
  items: z.array(
    z.object({
      itemId: z.string(),
      deviations: z.array(z.enum(['benchmark', 'within', 'outside']).nullable()),
      disagreement: z.boolean(),
    }),
  ),
  consensus: sessionReportSchema.shape.consensus,
  notes: z.array(
    z.object({
      itemId: z.string().nullable(),
      authorId: z.string(),
      authorName: z.string(),
      text: z.string(),
      atMs: z.number(),
    }),
  ),
});
export type SessionComparison = z.infer<typeof sessionComparisonSchema>;

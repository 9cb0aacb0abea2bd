import { z } from 'zod';
import { customerEmotions, negativeEmotions } from '../domain/moments/emotions';
import { emotionIntensities, momentLimits, momentPolarities, momentSpeakers } from '../domain/moments/model';
import { momentTypes } from '../domain/moments/moment-types';
import { customerStates } from '../domain/rubric/call-context';
import { rubricSchema } from './rubric-file';

/*
 * Schemas of the review area: the local reviewer, reviews with their answers, moments and audit trail, rubric
 * versions. The renderer holds a draft's state and sends each edit as it happens; the backend checks every edit
 * against the review's rubric and refuses edits to a submitted review.
 */

export const idSchema = z.string().min(1).max(100);
export const maxCommentLength = 5000;
export const maxReasonLength = 2000;

export const reviewerSchema = z.object({ id: idSchema, name: z.string().trim().min(1).max(120) });
export type ReviewerProfile = z.infer<typeof reviewerSchema>;

export const itemAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('level'), value: z.number().int().min(0).max(20) }).strict(),
  z.object({ kind: z.literal('yes') }).strict(),
  z.object({ kind: z.literal('no') }).strict(),
  z.object({ kind: z.literal('not-applicable') }).strict(),
]);

export const callContextSchema = z
  .object({ customerState: z.enum(customerStates), emotion: z.enum(negativeEmotions).nullable() })
  .strict();

export const momentSchema = z
  .object({
    id: idSchema,
    startMs: z
      .number()
      .int()
      .min(0)
      .max(24 * 3_600_000),
    endMs: z
      .number()
      .int()
      .min(1)
      .max(24 * 3_600_000),
    type: z.enum(momentTypes),
    speaker: z.enum(momentSpeakers),
    polarity: z.enum(momentPolarities),
    intensity: z
      .union(emotionIntensities.map((value) => z.literal(value)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>])
      .optional(),
    emotion: z.enum(customerEmotions).optional(),
    itemIds: z.array(z.string().min(1).max(momentLimits.maxIdLength)).max(momentLimits.maxItemIds).readonly(),
    note: z.string().max(momentLimits.maxNoteLength),
    respondsTo: idSchema.optional(),
  })
  .strict()
  .refine((moment) => moment.endMs > moment.startMs, { message: 'endMs must be after startMs', path: ['endMs'] });

export const answerRecordSchema = z.object({
  itemId: z.string(),
  answer: itemAnswerSchema.nullable(),
  comment: z.string(),
  evidenceOverride: z.string().nullable(),
});

export const auditEntrySchema = z.object({
  atMs: z.number(),
  reviewerId: z.string(),
  reviewerName: z.string().nullable(),
  action: z.enum(['created', 'submitted', 'reopened', 'imported', 'suggestion-accepted', 'suggestion-dismissed']),
  reason: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const reviewStatusSchema = z.enum(['draft', 'submitted']);

export const reviewSummarySchema = z.object({
  id: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  agentName: z.string(),
  reviewerId: z.string(),
  reviewerName: z.string().nullable(),
  rubricId: z.string(),
  rubricVersion: z.number().int(),
  rubricName: z.string(),
  status: reviewStatusSchema,
  /** 0-100 after the critical rule; null while nothing applicable is answered. */
  total: z.number().nullable(),
  criticalFailed: z.boolean(),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
  submittedAtMs: z.number().nullable(),
  /** The calibration session the review belongs to; null for a routine review. */
  sessionId: z.string().nullable(),
  sessionName: z.string().nullable(),
});
export type ReviewSummary = z.infer<typeof reviewSummarySchema>;

export const reviewDetailSchema = z.object({
  review: z.object({
    id: z.string(),
    callId: z.string(),
    reviewerId: z.string(),
    reviewerName: z.string().nullable(),
    rubricId: z.string(),
    rubricVersion: z.number().int(),
    status: reviewStatusSchema,
    context: callContextSchema.nullable(),
    comment: z.string(),
    createdAtMs: z.number(),
    updatedAtMs: z.number(),
    submittedAtMs: z.number().nullable(),
    sessionId: z.string().nullable(),
    revision: z.number().int(),
  }),
  rubric: rubricSchema,
  answers: z.array(answerRecordSchema),
  moments: z.array(momentSchema),
  audit: z.array(auditEntrySchema),
});
export type ReviewDetail = z.infer<typeof reviewDetailSchema>;

export const rubricVersionSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.object({ nl: z.string(), en: z.string() }),
  status: z.enum(['draft', 'published']),
  itemCount: z.number().int(),
  reviewCount: z.number().int(),
  builtIn: z.boolean(),
  /** The newest published version of the rubric new reviews use. */
  usedForNewReviews: z.boolean(),
});
export type RubricVersionSummary = z.infer<typeof rubricVersionSummarySchema>;

/** What every edit answers: when it was committed (the "Saved" indicator shows it). */
export const savedSchema = z.object({ savedAtMs: z.number() });

export const reviewFilterSchema = z
  .object({
    callId: idSchema.optional(),
    reviewerId: idSchema.optional(),
    agentName: z.string().max(200).optional(),
    status: reviewStatusSchema.optional(),
    fromMs: z.number().int().optional(),
    toMs: z.number().int().optional(),
    /** A calibration session's reviews; null: routine reviews only (outside any session); absent: all. */
    sessionId: idSchema.nullable().optional(),
  })
  .strict();
export type ReviewListFilter = z.infer<typeof reviewFilterSchema>;

/** reviews.list: a filter, and optionally a window of the list (keyset: the last row of the previous window). */
export const reviewListInputSchema = reviewFilterSchema
  .extend({
    limit: z.number().int().min(1).max(1000).optional(),
    after: z.object({ updatedAtMs: z.number().int(), id: idSchema }).strict().optional(),
  })
  .strict();

import { z } from 'zod';
import { diagnosticsSchema, rendererErrorSchema } from './diagnostics';
import { importSourceSchema } from './imports';
import { packageImportResultSchema } from './packages';
import { redactionMethods } from './redactions';
import { requestMethods } from './requests';
import { signalsMethods } from './signals';
import { retentionMethods } from './retention';
import {
  callContextSchema,
  idSchema,
  itemAnswerSchema,
  maxCommentLength,
  maxReasonLength,
  momentSchema,
  reviewDetailSchema,
  reviewerSchema,
  reviewListInputSchema,
  reviewStatusSchema,
  reviewSummarySchema,
  rubricVersionSummarySchema,
  savedSchema,
} from './reviews';
import { rubricSchema } from './rubric-file';
import {
  consensusInputSchema,
  createSessionSchema,
  sessionComparisonSchema,
  sessionReportSchema,
  sessionSchema,
} from './sessions';
import {
  appInfoSchema,
  callDetailSchema,
  callMetadataSchema,
  callSummarySchema,
  preferencesSchema,
  speakerRoleSchema,
} from './schemas';
import { agentMethods, teamMethods } from './team';
import { teamExchangeMethods } from './team-packages';
import { transcriptSearchMethods } from './transcript-search';
import { reviewWindowMethods } from './review-window';
import { callWindowMethods } from './call-window';

const noInput = z.object({}).strict();
/** A file written for download: fetch `/media/exports/<exportId>`. */
const exportedFileSchema = z.object({ exportId: z.string(), fileName: z.string() });
const rubricRef = z.object({ id: idSchema, version: z.number().int().min(1).max(1_000_000) }).strict();

/**
 * The one UI-to-backend API: `area.verb` -> input and output schemas.
 * Every transport carries exactly these methods; `dispatch` validates every input against them.
 */
export const methods = {
  'app.info': { input: noInput, output: appInfoSchema },
  /** Versions, data folder, log file and the newest logged errors, for a support request. */
  'app.diagnostics': { input: noInput, output: diagnosticsSchema },
  /** Writes an error the renderer caught to the app log. */
  'app.reportError': { input: rendererErrorSchema, output: z.object({ logged: z.boolean() }) },
  /** The user has read the notice of a damaged database moved aside: stop showing it (it is shown until then). */
  'app.dismissRecoveryNotice': { input: noInput, output: appInfoSchema },
  'calls.list': {
    input: z
      .object({
        search: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    output: z.array(callSummarySchema),
  },
  'calls.get': { input: z.object({ callId: z.string().min(1).max(100) }).strict(), output: callDetailSchema },
  'calls.update': {
    input: z.object({ callId: z.string().min(1).max(100), changes: callMetadataSchema.strict() }).strict(),
    output: callDetailSchema,
  },
  'calls.setSpeakerRoles': {
    input: z
      .object({ callId: z.string().min(1).max(100), roles: z.record(z.string().max(200), speakerRoleSchema) })
      .strict(),
    output: callDetailSchema,
  },
  /** Starts importing files in the background; progress and the summary arrive as events. */
  'imports.start': {
    input: z
      .object({
        sources: z.array(importSourceSchema).min(1).max(10_000),
        /** Add the one transcript among the sources to this call instead of importing new calls. */
        attachToCallId: z.string().min(1).max(100).optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
  },
  'imports.cancel': { input: z.object({ jobId: z.string() }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'reviewer.get': { input: noInput, output: reviewerSchema.nullable() },
  /** Creates the local reviewer profile (a stable id, once) or renames it. */
  'reviewer.set': { input: z.object({ name: reviewerSchema.shape.name }).strict(), output: reviewerSchema },
  'reviews.list': { input: reviewListInputSchema, output: z.array(reviewSummarySchema) },
  /**
   * The local reviewer's review of a call: the newest routine one, or a new draft with the newest published version of
   * the rubric chosen for new reviews. With a session: the review for that session, with the session's rubric version.
   */
  'reviews.open': {
    input: z.object({ callId: idSchema, sessionId: idSchema.optional() }).strict(),
    output: reviewDetailSchema,
  },
  'reviews.get': { input: z.object({ reviewId: idSchema }).strict(), output: reviewDetailSchema },
  'reviews.setContext': {
    input: z.object({ reviewId: idSchema, context: callContextSchema.nullable() }).strict(),
    output: savedSchema,
  },
  /** Answers an item (null clears the answer). */
  'reviews.setAnswer': {
    input: z.object({ reviewId: idSchema, itemId: idSchema, answer: itemAnswerSchema.nullable() }).strict(),
    output: savedSchema,
  },
  'reviews.setItemComment': {
    input: z.object({ reviewId: idSchema, itemId: idSchema, comment: z.string().max(maxCommentLength) }).strict(),
    output: savedSchema,
  },
  /** Accepts a score below the maximum without a moment, with a written reason (null removes the override). */
  'reviews.setEvidenceOverride': {
    input: z
      .object({
        reviewId: idSchema,
        itemId: idSchema,
        reason: z.string().trim().min(1).max(maxReasonLength).nullable(),
      })
      .strict(),
    output: savedSchema,
  },
  'reviews.setComment': {
    input: z.object({ reviewId: idSchema, comment: z.string().max(maxCommentLength) }).strict(),
    output: savedSchema,
  },
  'reviews.submit': { input: z.object({ reviewId: idSchema }).strict(), output: reviewDetailSchema },
  'reviews.reopen': {
    input: z.object({ reviewId: idSchema, reason: z.string().trim().min(3).max(maxReasonLength) }).strict(),
    output: reviewDetailSchema,
  },
  /** Creates or replaces a moment of a draft review. */
  'moments.save': { input: z.object({ reviewId: idSchema, moment: momentSchema }).strict(), output: savedSchema },
  'moments.delete': { input: z.object({ reviewId: idSchema, momentId: idSchema }).strict(), output: savedSchema },
  'rubrics.list': { input: noInput, output: z.array(rubricVersionSummarySchema) },
  'rubrics.get': {
    input: rubricRef,
    output: z.object({ rubric: rubricSchema, status: z.enum(['draft', 'published']), reviewCount: z.number().int() }),
  },
  'rubrics.copy': { input: rubricRef, output: rubricSchema },
  'rubrics.newVersion': { input: rubricRef, output: rubricSchema },
  /** Replaces a draft's content; refused (rubric_invalid, with the problems) when it breaks a rule. */
  'rubrics.saveDraft': { input: z.object({ rubric: rubricSchema }).strict(), output: savedSchema },
  'rubrics.publish': { input: rubricRef, output: savedSchema },
  'rubrics.deleteDraft': { input: rubricRef, output: savedSchema },
  'rubrics.useForNewReviews': { input: z.object({ id: idSchema }).strict(), output: savedSchema },
  'rubrics.import': {
    input: z.object({ text: z.string().max(2_000_000) }).strict(),
    output: z.object({ id: z.string(), version: z.number().int(), alreadyPresent: z.boolean() }),
  },
  'rubrics.export': { input: rubricRef, output: z.object({ fileName: z.string(), text: z.string() }) },
  'sessions.create': { input: createSessionSchema, output: sessionSchema },
  'sessions.list': { input: noInput, output: z.array(sessionSchema) },
  'sessions.get': { input: z.object({ sessionId: idSchema }).strict(), output: sessionSchema },
  'sessions.report': { input: z.object({ sessionId: idSchema }).strict(), output: sessionReportSchema },
  'sessions.compare': {
    input: z.object({ sessionId: idSchema, callId: idSchema }).strict(),
    output: sessionComparisonSchema,
  },
  'sessions.setConsensus': { input: consensusInputSchema, output: savedSchema },
  'sessions.addNote': {
    input: z
      .object({
        sessionId: idSchema,
        callId: idSchema,
        itemId: idSchema.optional(),
        text: z.string().trim().min(1).max(5000),
      })
      .strict(),
    output: savedSchema,
  },
  /** Says which of a session's reviewers this machine's user is (after importing its package). */
  'sessions.join': { input: z.object({ sessionId: idSchema, reviewerId: idSchema }).strict(), output: savedSchema },
  /** Writes one reviewer's session package (calls with audio and transcripts, rubric version, assignment, their key). */
  'sessions.exportPackage': {
    input: z.object({ sessionId: idSchema, reviewerId: idSchema }).strict(),
    output: exportedFileSchema,
  },
  /** Writes this reviewer's review package of a session for download, signed with their key. */
  'sessions.exportReviews': { input: z.object({ sessionId: idSchema }).strict(), output: exportedFileSchema },
  /** Imports a session or review package; refused packages change nothing. */
  'packages.import': { input: z.object({ source: importSourceSchema }).strict(), output: packageImportResultSchema },
  /** Scores of a selection for download: XLSX, CSV (Dutch Excel or RFC 4180, zipped per table) or JSON. */
  'exports.scores': {
    input: z
      .object({
        sessionId: idSchema.optional(),
        callId: idSchema.optional(),
        agentName: z.string().max(200).optional(),
        reviewerId: idSchema.optional(),
        fromMs: z.number().int().optional(),
        toMs: z.number().int().optional(),
        status: reviewStatusSchema.optional(),
        /** Routine reviews get a severity-adjusted total: the reviewer's effect measured in calibration sessions removed. */
        applySeverity: z.boolean().default(false),
        format: z.enum(['xlsx', 'csv-excel-nl', 'csv-rfc4180', 'json']),
        language: z.enum(['nl', 'en']).default('nl'),
      })
      .strict(),
    output: exportedFileSchema,
  },
  'exports.moments': {
    input: z
      .object({
        callId: idSchema,
        sessionId: idSchema.optional(),
        format: z.enum(['webvtt', 'eaf']),
        language: z.enum(['nl', 'en']).default('nl'),
      })
      .strict(),
    output: exportedFileSchema,
  },
  'exports.sessionReport': {
    input: z.object({ sessionId: idSchema, language: z.enum(['nl', 'en']).default('nl') }).strict(),
    output: exportedFileSchema,
  },
  ...redactionMethods,
  ...requestMethods,
  ...teamMethods,
  ...teamExchangeMethods,
  ...agentMethods,
  ...signalsMethods,
  ...retentionMethods,
  ...transcriptSearchMethods,
  ...reviewWindowMethods,
  ...callWindowMethods,
  'preferences.get': { input: noInput, output: preferencesSchema },
  'preferences.set': { input: preferencesSchema.partial().strict(), output: preferencesSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

/** Narrows an untrusted string to a method name. */
export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

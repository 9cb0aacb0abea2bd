import { z } from 'zod';
import {
  packagedCallFields,
  packagedRecordingFields,
  packagedReviewSchema,
  packagedTranscriptSchema,
  pathSchema,
  personSchema,
  redactedRangesSchema,
  sha256Schema,
} from './packages';

export { teamInvitationFormat, teamReviewsFormat } from './packages';

/*
 * Routine reviews travel from a reviewer's computer to their lead in the same container as calibration packages
 * (docs/package-format.md): a lead's team invitation gives each reviewer a key, and the reviewer's team review
 * package is signed with it. The manifest's `sessionId` holds the lead's team id.
 */

/** Recordings the lead holds, by hash: a reviewer never sends these again. */
const maxKnownCalls = 200_000;

export const teamInvitationContentSchema = z
  .object({
    teamId: z.string().min(1).max(100),
    lead: z.object({ name: z.string().min(1).max(120) }).strict(),
    /** Whom the invitation is for (their name as the lead knows it) and the key that signs their packages. */
    recipient: personSchema.extend({ key: sha256Schema }).strict(),
    knownCallKeys: z.array(sha256Schema).max(maxKnownCalls),
    createdAtMs: z.number().int(),
  })
  .strict();
export type TeamInvitationContent = z.infer<typeof teamInvitationContentSchema>;

export const teamAudioChoices = ['whole', 'clips'] as const;
export type TeamAudioChoice = (typeof teamAudioChoices)[number];

/** A clip of a call around an evidence moment (± 2 s), cut into the package as 16-bit WAV (or the WAV's own format). */
const clipSchema = z
  .object({
    file: pathSchema,
    fromMs: z.number().int().min(0),
    toMs: z.number().int().positive(),
    sampleRateHz: z.number().int().positive(),
    channels: z.number().int().min(1).max(8),
  })
  .strict();

export const teamCallSchema = z
  .object({
    ...packagedCallFields,
    durationMs: z.number().int().positive(),
    /** `known`: the lead has the recording already; `whole`: the recording; `clips`: only the evidence clips. */
    audio: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('known') }).strict(),
      z
        .object({
          kind: z.literal('whole'),
          ...packagedRecordingFields,
          pairsPerSecond: z.number().int().positive(),
          transcript: packagedTranscriptSchema.nullable(),
        })
        .strict(),
      z.object({ kind: z.literal('clips'), clips: z.array(clipSchema).max(5000) }).strict(),
    ]),
    redactedRanges: redactedRangesSchema,
  })
  .strict();
export type TeamCall = z.infer<typeof teamCallSchema>;

export const teamReviewsContentSchema = z
  .object({
    teamId: z.string().min(1).max(100),
    reviewer: personSchema,
    /** Each rubric version the reviews were scored with, as `rubrics/<id>-v<version>.json` in the rubric file format. */
    rubrics: z
      .array(z.object({ id: z.string().min(1).max(100), version: z.number().int().min(1), file: pathSchema }).strict())
      .max(100),
    calls: z.array(teamCallSchema).max(5000),
    reviews: z
      .array(
        packagedReviewSchema.extend({
          rubricId: z.string().min(1).max(100),
          rubricVersion: z.number().int().min(1),
        }),
      )
      .max(5000),
  })
  .strict();
export type TeamReviewsContent = z.infer<typeof teamReviewsContentSchema>;

export const teamExchangeSchema = z.object({
  /** As a lead: the reviewers this computer invited. */
  members: z.array(z.object({ id: z.string(), name: z.string(), invitedAtMs: z.number().int() })),
  /** As a reviewer: the leads whose invitation this computer accepted, and when reviews last went to each. */
  leads: z.array(
    z.object({
      teamId: z.string(),
      leadName: z.string(),
      reviewerName: z.string(),
      lastExportAtMs: z.number().int().nullable(),
    }),
  ),
});
export type TeamExchange = z.infer<typeof teamExchangeSchema>;

const exportedFileSchema = z.object({ exportId: z.string(), fileName: z.string() });

export const teamExchangeMethods = {
  /** Who is invited (as a lead) and which leads this computer reports to (as a reviewer). */
  'team.exchange': { input: z.object({}).strict(), output: teamExchangeSchema },
  /** A lead's team invitation for one reviewer (by name): their key and the recordings the lead holds. */
  'team.invite': {
    input: z.object({ reviewerName: z.string().trim().min(1).max(120) }).strict(),
    output: exportedFileSchema,
  },
  /** "Export my reviews" to a lead: submitted routine reviews since the last export (or in a period), signed. */
  'team.exportReviews': {
    input: z
      .object({
        teamId: z.string().min(1).max(100),
        audio: z.enum(teamAudioChoices),
        fromMs: z.number().int().optional(),
        toMs: z.number().int().optional(),
      })
      .strict(),
    output: exportedFileSchema.extend({ reviewCount: z.number().int() }),
  },
} as const;

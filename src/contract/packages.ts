import { z } from 'zod';
import { callContextSchema, itemAnswerSchema, momentSchema } from './reviews';

/*
 * Calibration packages: one zip file each, with `manifest.json` listing every other file with its SHA-256 and size.
 * Documented in docs/package-format.md. Reading is strict: a file that is missing, extra, changed or oversized
 * refuses the whole package before anything is stored. Each reviewer's session package carries a key of their own;
 * their review package carries `signature.json`, an HMAC-SHA256 of the exact manifest bytes under that key.
 */

export const sessionPackageFormat = 'klankbord-session-package';
export const reviewPackageFormat = 'klankbord-review-package';
/** Routine reviews to a lead (src/contract/team-packages.ts): the lead's invitation, and a reviewer's reviews. */
export const teamInvitationFormat = 'klankbord-team-invitation';
export const teamReviewsFormat = 'klankbord-team-reviews';
export const packageFormats = [
  sessionPackageFormat,
  reviewPackageFormat,
  teamInvitationFormat,
  teamReviewsFormat,
] as const;
/** 2: per-reviewer keys and signed review packages, transcripts as Klankbord JSON. */
export const packageFormatVersion = 2;
/** The archive file, and (less room for zip headers) everything in it once unpacked; for export and import alike. */
export const maxPackageBytes = 1024 * 1024 * 1024;
export const maxUnpackedBytes = maxPackageBytes - 16 * 1024 * 1024;
/** Each JSON part (manifest, session, rubric, reviews, transcripts) is read into memory: kept small. */
export const maxJsonPartBytes = 64 * 1024 * 1024;
export const maxPackageFiles = 10_000;
export const manifestName = 'manifest.json';
export const signatureName = 'signature.json';

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
export const pathSchema = z
  .string()
  .regex(/^[A-Za-z0-9._/-]{1,200}$/)
  .refine((path) => !path.split('/').includes('..'), { message: 'No ".." in paths' });

export const manifestSchema = z
  .object({
    format: z.enum(packageFormats),
    formatVersion: z.literal(packageFormatVersion),
    packageId: z.string().uuid(),
    createdAtMs: z.number().int(),
    sessionId: z.string().min(1).max(100),
    files: z
      .array(
        z
          .object({ path: pathSchema, sha256: sha256Schema, bytes: z.number().int().min(0).max(maxUnpackedBytes) })
          .strict(),
      )
      .max(maxPackageFiles),
  })
  .strict();
export type PackageManifest = z.infer<typeof manifestSchema>;

/** A reviewer (or lead) as packages name them. */
export const personSchema = z.object({ id: z.string().min(1).max(100), name: z.string().min(1).max(120) }).strict();
/** The redacted stretches of a call, in milliseconds. */
export const redactedRangesSchema = z
  .array(z.object({ startMs: z.number().int().min(0), endMs: z.number().int().positive() }).strict())
  .max(10_000);

/** What packages say of a call: the SHA-256 of its recording (how machines recognise the same call) and its details. */
export const packagedCallFields = {
  key: sha256Schema,
  title: z.string().max(300),
  agentName: z.string().max(200),
  customerRef: z.string().max(200),
  recordedAt: z.string().max(40).nullable(),
  agentChannel: z.union([z.literal(0), z.literal(1)]),
};
/** A recording in a package: its file, its peaks file and what it is. */
export const packagedRecordingFields = {
  file: pathSchema,
  peaksFile: pathSchema,
  originalName: z.string().max(255),
  container: z.string().max(40),
  codec: z.string().max(40),
  sampleRateHz: z.number().int().positive(),
  channels: z.number().int().min(1).max(8),
};
/** A Klankbord JSON transcript (docs/transcript-format.md) in a package, read like an imported transcript file. */
export const packagedTranscriptSchema = z
  .object({
    file: pathSchema,
    sourceName: z.string().max(255),
    speakerRoles: z.record(z.string().max(200), z.enum(['agent', 'customer', 'unknown'])),
  })
  .strict();

/** A review package's signature: HMAC-SHA256 of manifest.json's bytes under the reviewer's key for the session. */
export const packageSignatureSchema = z
  .object({ algorithm: z.literal('HMAC-SHA256'), reviewerId: z.string().min(1).max(100), mac: sha256Schema })
  .strict();
export type PackageSignature = z.infer<typeof packageSignatureSchema>;

export const sessionPackageContentSchema = z
  .object({
    session: z
      .object({
        id: z.string().min(1).max(100),
        name: z.string().min(1).max(200),
        rubricId: z.string().min(1).max(100),
        rubricVersion: z.number().int().min(1),
        blind: z.boolean(),
        benchmarkReviewerId: z.string().max(100).nullable(),
        toleranceTotal: z.number().min(0).max(100),
        toleranceItem: z.number().min(0).max(10),
        deadline: z.string().max(10).nullable(),
        leadReviewerId: z.string().min(1).max(100),
        createdAtMs: z.number().int(),
      })
      .strict(),
    reviewers: z.array(personSchema).min(1).max(100),
    /** Whom this copy is for, and the key that signs their review packages. */
    recipient: z.object({ reviewerId: z.string().min(1).max(100), key: sha256Schema }).strict(),
    calls: z
      .array(
        z
          .object({
            ...packagedCallFields,
            audio: z
              .object({
                ...packagedRecordingFields,
                durationMs: z.number().int().positive(),
                pairsPerSecond: z.number().int().positive(),
              })
              .strict(),
            transcript: packagedTranscriptSchema.nullable(),
            /** Ranges redacted on the lead's machine: the transcript arrives masked, and the reviewer's player mutes them. */
            redactedRanges: redactedRangesSchema.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();
export type SessionPackageContent = z.infer<typeof sessionPackageContentSchema>;

export const packagedReviewSchema = z
  .object({
    id: z.string().min(1).max(100),
    callKey: sha256Schema,
    status: z.enum(['draft', 'submitted']),
    context: callContextSchema.nullable(),
    comment: z.string().max(5000),
    createdAtMs: z.number().int(),
    updatedAtMs: z.number().int(),
    submittedAtMs: z.number().int().nullable(),
    answers: z
      .array(
        z
          .object({
            itemId: z.string().min(1).max(100),
            answer: itemAnswerSchema.nullable(),
            comment: z.string().max(5000),
            evidenceOverride: z.string().max(2000).nullable(),
          })
          .strict(),
      )
      .max(500),
    moments: z.array(momentSchema).max(5000),
  })
  .strict();

export const reviewPackageContentSchema = z
  .object({
    sessionId: z.string().min(1).max(100),
    rubricId: z.string().min(1).max(100),
    rubricVersion: z.number().int().min(1),
    reviewer: personSchema,
    reviews: z.array(packagedReviewSchema).max(500),
  })
  .strict();
export type ReviewPackageContent = z.infer<typeof reviewPackageContentSchema>;

/** Why a package was refused; the renderer translates each (packages.errors.<code>). */
export const packageProblemCodes = [
  'package_too_large',
  'package_corrupt',
  'package_not_klankbord',
  'package_newer_version',
  'package_tampered',
  'package_invalid',
  'package_unknown_session',
  'package_rubric_mismatch',
  'package_unknown_reviewer',
  'package_unknown_call',
  'package_conflict',
  'package_old_version',
  'package_duplicate_entry',
  'package_unsigned',
  'package_bad_signature',
  'package_bad_audio',
  'package_bad_transcript',
  'package_bad_review',
  'package_not_team_lead',
  'package_team_key',
] as const;
export type PackageProblemCode = (typeof packageProblemCodes)[number];

export const packageImportResultSchema = z.object({
  kind: z.enum(['session', 'reviews', 'team-invitation', 'team-reviews']),
  sessionId: z.string(),
  sessionName: z.string(),
  /** Nothing changed: the same package (or its content) was imported before. */
  alreadyPresent: z.boolean(),
  callsAdded: z.number().int(),
  reviewsAdded: z.number().int(),
  /** Reviews that came in changed, as a new revision. */
  reviewsRevised: z.number().int(),
  reviewers: z.array(personSchema),
  /** A session package: the reviewer it was made for (this computer's user in the session from now on). */
  recipient: personSchema.nullable(),
});
export type PackageImportResult = z.infer<typeof packageImportResultSchema>;

import { z } from 'zod';
import { redactionActions, redactionKinds, redactionStatuses } from '../domain/privacy/redaction';
import { idSchema, maxReasonLength } from './reviews';

export const redactionSchema = z.object({
  id: z.string(),
  callId: z.string(),
  startMs: z.number().int(),
  endMs: z.number().int(),
  kind: z.enum(redactionKinds),
  reason: z.string(),
  status: z.enum(redactionStatuses),
  createdBy: z.string().nullable(),
  createdAtMs: z.number().int(),
  appliedAtMs: z.number().int().nullable(),
});

export const redactionAuditEntrySchema = z.object({
  redactionId: z.string(),
  action: z.enum(redactionActions),
  kind: z.enum(redactionKinds),
  startMs: z.number().int(),
  endMs: z.number().int(),
  actorName: z.string(),
  reason: z.string(),
  atMs: z.number().int(),
});

/** A call's redactions (every status) and their audit trail. */
export const callRedactionsSchema = z.object({
  redactions: z.array(redactionSchema),
  audit: z.array(redactionAuditEntrySchema),
});
export type CallRedactions = z.infer<typeof callRedactionsSchema>;

const decisionSchema = z
  .object({ redactionId: idSchema, reason: z.string().trim().max(maxReasonLength).default('') })
  .strict();

/** The redaction methods; spread into the method table. */
export const redactionMethods = {
  /** A call's redactions; a transcript not yet scanned (imported before this version) is scanned first. */
  'redactions.list': { input: z.object({ callId: idSchema }).strict(), output: callRedactionsSchema },
  'redactions.accept': { input: decisionSchema, output: callRedactionsSchema },
  'redactions.dismiss': { input: decisionSchema, output: callRedactionsSchema },
  /**
   * Rewrites the stored recording with every redacted range silent and the stored transcript with the words masked,
   * and removes the original: the accepted redactions can no longer be undone. The reason goes to the audit trail.
   */
  'redactions.applyPermanently': {
    input: z.object({ callId: idSchema, reason: z.string().trim().min(1).max(maxReasonLength) }).strict(),
    output: callRedactionsSchema,
  },
  /** Marks a time range as redacted by hand (from a waveform range or a transcript selection); the reason is required. */
  'redactions.mark': {
    input: z
      .object({
        callId: idSchema,
        startMs: z.number().int().min(0),
        endMs: z.number().int().min(1),
        reason: z.string().trim().min(1).max(maxReasonLength),
      })
      .strict()
      .refine((value) => value.endMs > value.startMs, { message: 'endMs must be after startMs', path: ['endMs'] }),
    output: callRedactionsSchema,
  },
} as const;

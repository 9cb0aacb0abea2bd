import { z } from 'zod';
import { idSchema } from './reviews';
import { callSummarySchema } from './schemas';

/** Where a customer's identifier was found in a call, with a little text around it. */
export const requestMatchSchema = z.object({
  where: z.enum(['title', 'customerRef', 'transcript']),
  /** Where the transcript segment starts; null for the call's own fields. */
  atMs: z.number().int().nullable(),
  before: z.string(),
  match: z.string(),
  after: z.string(),
});

export const requestFindResultSchema = z.object({
  queryKind: z.enum(['phone', 'email', 'text']),
  calls: z.array(
    z.object({
      call: callSummarySchema,
      /** The first few matches; `matchCount` counts them all. */
      matches: z.array(requestMatchSchema),
      matchCount: z.number().int().nonnegative(),
    }),
  ),
});
export type RequestFindResult = z.infer<typeof requestFindResultSchema>;

/** A line of the request log: never the customer, the query or the calls, only what, how many, which ticket, who. */
export const customerRequestRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(['access', 'erasure']),
  reference: z.string(),
  callCount: z.number().int().nonnegative(),
  operatorName: z.string(),
  atMs: z.number().int(),
});
export type CustomerRequestLogEntry = z.infer<typeof customerRequestRecordSchema>;

/** The operator's own reference for the request (a ticket number); refused when it holds personal data. */
export const requestReferenceSchema = z.string().trim().min(1).max(100);
const requestCallIdsSchema = z.array(idSchema).min(1).max(1000);

/** Customer requests (inzage and erasure); spread into the method table. */
export const requestMethods = {
  /** Calls of one customer by name, customer number, reference, phone number or e-mail, in call fields and transcripts. */
  'requests.find': { input: z.object({ query: z.string().max(200) }).strict(), output: requestFindResultSchema },
  /** One zip of the calls' audio, transcripts and reviews, for download; logged as an inzage request. */
  'requests.exportArchive': {
    input: z
      .object({
        callIds: requestCallIdsSchema,
        reference: requestReferenceSchema,
        language: z.enum(['nl', 'en']).default('nl'),
      })
      .strict(),
    output: z.object({ exportId: z.string(), fileName: z.string() }),
  },
  /** Removes the calls' audio and transcripts and anonymises their reviews (scores kept); logged as an erasure. */
  'requests.erase': {
    input: z.object({ callIds: requestCallIdsSchema, reference: requestReferenceSchema }).strict(),
    output: z.object({ erased: z.number().int().nonnegative() }),
  },
  /** The request log, newest first. */
  'requests.log': { input: z.object({}).strict(), output: z.array(customerRequestRecordSchema) },
} as const;

import { z } from 'zod';

/** At most this many hits in one answer; the user narrows the search for more. */
export const maxTranscriptHits = 200;

/** One turn that matched: which call, who said it when, and a few words either side of the hit. */
export const transcriptHitSchema = z.object({
  callId: z.string(),
  title: z.string(),
  agentName: z.string(),
  recordedAt: z.string().nullable(),
  segment: z.number().int(),
  speaker: z.string().nullable(),
  role: z.enum(['agent', 'customer', 'unknown']),
  /** Where the hit's first word starts: the call opens there. */
  atMs: z.number().int(),
  before: z.string(),
  hit: z.string(),
  after: z.string(),
});
export type TranscriptHit = z.infer<typeof transcriptHitSchema>;

export const transcriptSearchMethods = {
  /**
   * Searches every call's transcript for a word or phrase (diacritics and case ignored, the last word may be the
   * start of a word); redacted words are never found. Newest indexed turns first, at most `limit`.
   */
  'calls.searchTranscripts': {
    input: z
      .object({
        query: z.string().trim().min(1).max(200),
        role: z.enum(['agent', 'customer']).optional(),
        limit: z.number().int().min(1).max(maxTranscriptHits).default(100),
      })
      .strict(),
    output: z.object({
      hits: z.array(transcriptHitSchema),
      more: z.boolean(),
      /** The last word (one or two letters, the start of many words) was matched as a whole word. */
      lastWordWhole: z.boolean().optional(),
    }),
  },
} as const;

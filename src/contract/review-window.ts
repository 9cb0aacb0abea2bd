import { z } from 'zod';
import { idSchema, reviewFilterSchema, reviewSummarySchema } from './reviews';

const afterSchema = z.object({ updatedAtMs: z.number().int(), id: idSchema }).strict();
const pairSchema = z.tuple([z.string(), z.string()]);

export const reviewWindowMethods = {
  /**
   * One window of the review list (most recently changed first) with the count of every matching review; `next`
   * continues after its last row, null at the end. The Reviews screen loads these as the user scrolls.
   */
  'reviews.window': {
    input: reviewFilterSchema
      .extend({ limit: z.number().int().min(1).max(500).default(200), after: afterSchema.optional() })
      .strict(),
    output: z.object({ rows: z.array(reviewSummarySchema), total: z.number().int(), next: afterSchema.nullable() }),
  },
  /** What the review list's filters offer: reviewed calls (the most recent), agents, reviewers, sessions. */
  'reviews.filterOptions': {
    input: z.object({}).strict(),
    output: z.object({
      calls: z.array(pairSchema),
      agents: z.array(z.string()),
      reviewers: z.array(pairSchema),
      sessions: z.array(pairSchema),
    }),
  },
} as const;

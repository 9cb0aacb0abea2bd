import { z } from 'zod';
import { callSummarySchema } from './schemas';

/** Where a window of the library ends: the last row's place in the library order (date, import time, id). */
const afterSchema = z
  .object({ recordedAt: z.string().max(100), createdAtMs: z.number().int(), id: z.string().min(1).max(100) })
  .strict();

export type CallWindowAfter = z.infer<typeof afterSchema>;

export const callWindowMethods = {
  /**
   * One window of the library (newest first) with the count of every matching call; `search` matches title, agent
   * or customer ref; `next` continues after its last row, null at the end. The library loads these as the user
   * scrolls, so a library of 100,000 calls never travels or renders whole.
   */
  'calls.window': {
    input: z
      .object({
        search: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(500).default(200),
        after: afterSchema.optional(),
      })
      .strict(),
    output: z.object({ rows: z.array(callSummarySchema), total: z.number().int(), next: afterSchema.nullable() }),
  },
} as const;

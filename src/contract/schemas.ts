import { z } from 'zod';
import { callReviewStatuses } from '../domain/call';

export const callSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  agentName: z.string(),
  customerRef: z.string(),
  recordedAt: z.string().nullable(),
  durationMs: z.number().int().nonnegative(),
  reviewStatus: z.enum(callReviewStatuses),
  reviewCount: z.number().int().nonnegative(),
});

export const languages = ['nl', 'en'] as const;
export const themes = ['system', 'light', 'dark'] as const;

/** User preferences kept in the database; null means "follow the operating system". */
export const preferencesSchema = z.object({
  language: z.enum(languages).nullable(),
  theme: z.enum(themes),
});
export type Preferences = z.infer<typeof preferencesSchema>;

/** What happened to a damaged database file found at start-up. */
export const recoveredDatabaseSchema = z.object({
  movedTo: z.string(),
  reason: z.string(),
});

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int(),
  recoveredDatabase: recoveredDatabaseSchema.nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

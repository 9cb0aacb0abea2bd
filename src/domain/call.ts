/** Where a call stands in review, as shown in the call library. */
export const callReviewStatuses = ['unreviewed', 'draft', 'submitted'] as const;
export type CallReviewStatus = (typeof callReviewStatuses)[number];

/** One row of the call library. */
export interface CallSummary {
  readonly id: string;
  readonly title: string;
  readonly agentName: string;
  readonly customerRef: string;
  /** ISO 8601 date-time of the recording, or null when unknown. */
  readonly recordedAt: string | null;
  readonly durationMs: number;
  readonly reviewStatus: CallReviewStatus;
  readonly reviewCount: number;
  /** When a retention rule removed the call's audio, transcript and peaks; null (or absent) while they are stored. */
  readonly mediaRemovedAtMs?: number | null;
}

/** Combines the statuses of a call's reviews into the one the library shows: any submitted wins, then any draft. */
export function combinedReviewStatus(statuses: readonly ('draft' | 'submitted')[]): CallReviewStatus {
  if (statuses.includes('submitted')) return 'submitted';
  if (statuses.includes('draft')) return 'draft';
  return 'unreviewed';
}

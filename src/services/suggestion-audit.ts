import type { ReviewDetail } from '../contract/reviews';
import type { AuditEntry } from '../storage/reviews-repository';
import type { SuggestionDecisionRecord } from '../storage/suggestions-repository';

type ReviewAuditEntry = ReviewDetail['audit'][number];

/**
 * The review's history with its suggestion decisions in it, in time order: which moments came from suggestions and
 * which suggestions were dismissed. The decisions live in their own table; the history shows them among the rest.
 */
export function withSuggestionDecisions(
  audit: readonly AuditEntry[],
  decisions: readonly SuggestionDecisionRecord[],
): ReviewAuditEntry[] {
  const fromDecisions = decisions.map((decision): ReviewAuditEntry => ({
    atMs: decision.atMs,
    reviewerId: decision.reviewerId,
    reviewerName: null,
    action: decision.decision === 'accepted' ? 'suggestion-accepted' : 'suggestion-dismissed',
    reason: '',
    details: {
      kind: decision.kind,
      startMs: decision.startMs,
      endMs: decision.endMs,
      ...(decision.momentId ? { momentId: decision.momentId } : {}),
    },
  }));
  // A stable sort keeps the stored order of entries made at the same millisecond.
  return [...audit, ...fromDecisions].sort((a, b) => a.atMs - b.atMs);
}

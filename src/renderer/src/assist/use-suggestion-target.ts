import { useMemo } from 'react';
import type { ReviewDetail } from '../../../contract/reviews';
import type { Suggestion } from '../../../domain/assist/suggestions';
import type { Moment } from '../../../domain/moments/model';
import { rubricItems } from '../../../domain/rubric/model';
import type { SuggestionTarget } from './use-suggestions';

type HistoryEntry = ReviewDetail['audit'][number];

export interface SuggestionTargetInput {
  readonly review: ReviewDetail | null;
  readonly locked: boolean;
  readonly durationMs: number;
  readonly flush: () => Promise<unknown>;
  readonly addAcceptedMoment: (moment: Moment, entry: HistoryEntry) => void;
  readonly addHistoryEntry: (entry: HistoryEntry) => void;
  readonly onMomentCreated: (momentId: string) => void;
}

/** What accepting or dismissing a suggestion acts on: the open review, and how its history records the choice. */
export function useSuggestionTarget(input: SuggestionTargetInput): SuggestionTarget | null {
  const { review, locked, durationMs, flush, addAcceptedMoment, addHistoryEntry, onMomentCreated } = input;
  const reviewId = review?.review.id ?? '';
  const rubric = review?.rubric ?? null;
  const moments = review?.moments;
  return useMemo(
    () =>
      review && rubric && moments
        ? {
            reviewId,
            locked,
            moments,
            rubricItemIds: new Set(rubricItems(rubric).map(({ item }) => item.id)),
            durationMs,
            flush,
            onAccepted: (moment: Moment, suggestion: Suggestion, atMs: number) => {
              addAcceptedMoment(moment, {
                atMs,
                reviewerId: review.review.reviewerId,
                reviewerName: review.review.reviewerName,
                action: 'suggestion-accepted',
                reason: '',
                details: {
                  kind: suggestion.kind,
                  startMs: suggestion.startMs,
                  endMs: suggestion.endMs,
                  momentId: moment.id,
                },
              });
              onMomentCreated(moment.id);
            },
            onDismissed: (suggestion: Suggestion, atMs: number) =>
              addHistoryEntry({
                atMs,
                reviewerId: review.review.reviewerId,
                reviewerName: review.review.reviewerName,
                action: 'suggestion-dismissed',
                reason: '',
                details: { kind: suggestion.kind, startMs: suggestion.startMs, endMs: suggestion.endMs },
              }),
          }
        : null,
    [review, reviewId, locked, moments, rubric, durationMs, flush, addAcceptedMoment, addHistoryEntry, onMomentCreated],
  );
}

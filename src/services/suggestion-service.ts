import { ok } from '../contract/errors';
import { listSuggestionDecisions, saveSuggestionDecision } from '../storage/suggestions-repository';
import type { Handlers } from './handlers';
import { editReview, saveCheckedMoment } from './review-service';

/*
 * A review's decisions on the suggestions of its call's signals. Accepting saves an ordinary moment (checked like any
 * other) and remembers where it came from; dismissing only remembers. Neither touches an answer or a score.
 */
export const suggestionHandlers = {
  'suggestions.decided': (input, context) =>
    ok(listSuggestionDecisions(context.db, input.reviewId).map((decision) => decision.key)),
  'suggestions.accept': (input, context) =>
    editReview(context, input.reviewId, (found, nowMs) => {
      const saved = saveCheckedMoment(context.db, found, input.moment, nowMs);
      if (!saved.ok) return saved;
      saveSuggestionDecision(context.db, input.reviewId, {
        key: input.key,
        kind: input.kind,
        startMs: input.startMs,
        endMs: input.endMs,
        decision: 'accepted',
        momentId: input.moment.id,
        reviewerId: found.review.reviewerId,
        atMs: nowMs,
      });
      return ok(undefined);
    }),
  'suggestions.dismiss': (input, context) =>
    editReview(context, input.reviewId, (found, nowMs) => {
      saveSuggestionDecision(context.db, input.reviewId, {
        key: input.key,
        kind: input.kind,
        startMs: input.startMs,
        endMs: input.endMs,
        decision: 'dismissed',
        momentId: null,
        reviewerId: found.review.reviewerId,
        atMs: nowMs,
      });
      return ok(undefined);
    }),
} satisfies Partial<Handlers>;

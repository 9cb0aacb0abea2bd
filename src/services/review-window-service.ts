import { ok } from '../contract/errors';
import type { ReviewSummary } from '../contract/reviews';
import type { Rubric } from '../domain/rubric/model';
import { iterateReviewRows } from '../storage/review-list-repository';
import { countReviewRows, reviewFilterOptions } from '../storage/review-window-repository';
import type { Handlers } from './handlers';
import { summariseReview } from './review-service';

export const reviewWindowHandlers: Pick<Handlers, 'reviews.window' | 'reviews.filterOptions'> = {
  'reviews.window': (input, context) => {
    const { limit, after, ...filter } = input;
    const rubrics = new Map<string, Rubric | undefined>();
    const rows: ReviewSummary[] = [];
    for (const row of iterateReviewRows(context.db, filter, { limit, after }))
      rows.push(summariseReview(context.db, row, rubrics));
    const last = rows.at(-1);
    return ok({
      rows,
      total: countReviewRows(context.db, filter),
      next: rows.length === limit && last ? { updatedAtMs: last.updatedAtMs, id: last.id } : null,
    });
  },
  'reviews.filterOptions': (_input, context) => {
    const options = reviewFilterOptions(context.db);
    return ok({
      calls: options.calls.map(([id, title]) => [id, title] as [string, string]),
      agents: [...options.agents],
      reviewers: options.reviewers.map(([id, name]) => [id, name] as [string, string]),
      sessions: options.sessions.map(([id, name]) => [id, name] as [string, string]),
    });
  },
};

import { useCallback } from 'react';
import type { ReviewListFilter, ReviewSummary } from '../../../contract/reviews';
import { useTransport } from '../transport/transport-context';
import { useListWindows, type ListWindows } from '../ui/use-list-windows';

type After = { readonly updatedAtMs: number; readonly id: string };

export type ReviewWindows = ListWindows<ReviewSummary>;

/**
 * The review list a window at a time (`useListWindows`): the first window when the filter changes (or a review
 * changes), the next one on `loadMore`, so a list of 300,000 reviews never travels or renders whole.
 */
export function useReviewWindows(
  filter: ReviewListFilter,
): ReviewWindows & { loadMore: () => void; reload: () => void } {
  const transport = useTransport();
  const fetchWindow = useCallback(
    (filterKey: string, after: After | null) =>
      transport.invoke('reviews.window', {
        ...(JSON.parse(filterKey) as ReviewListFilter),
        ...(after ? { after } : {}),
      }),
    [transport],
  );
  return useListWindows(JSON.stringify(filter), fetchWindow);
}

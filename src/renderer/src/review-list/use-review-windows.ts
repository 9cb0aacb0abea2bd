import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../contract/errors';
import type { ReviewListFilter, ReviewSummary } from '../../../contract/reviews';
import { useTransport } from '../transport/transport-context';

type After = { readonly updatedAtMs: number; readonly id: string };

export type ReviewWindows =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: AppError }
  | {
      readonly status: 'ok';
      readonly rows: readonly ReviewSummary[];
      readonly total: number;
      readonly hasMore: boolean;
    };

/**
 * The review list a window at a time: the first window when the filter changes (or a review changes), the next
 * one on `loadMore`, so a list of 300,000 reviews never travels or renders whole.
 */
export function useReviewWindows(
  filter: ReviewListFilter,
): ReviewWindows & { loadMore: () => void; reload: () => void } {
  const transport = useTransport();
  const filterKey = JSON.stringify(filter);
  const [state, setState] = useState<ReviewWindows>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const next = useRef<After | null>(null);
  const loading = useRef(false);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    let current = true;
    loading.current = true;
    void transport.invoke('reviews.window', JSON.parse(filterKey) as ReviewListFilter).then((result) => {
      if (!current) return;
      loading.current = false;
      if (!result.ok) return setState({ status: 'error', error: result.error });
      next.current = result.value.next;
      setState({
        status: 'ok',
        rows: result.value.rows,
        total: result.value.total,
        hasMore: result.value.next !== null,
      });
    });
    return () => {
      current = false;
    };
  }, [transport, filterKey, generation]);

  useEffect(() => transport.subscribe('calls.changed', reload), [transport, reload]);

  const loadMore = useCallback(() => {
    const after = next.current;
    if (!after || loading.current) return;
    loading.current = true;
    const key = filterKey;
    void transport.invoke('reviews.window', { ...(JSON.parse(key) as ReviewListFilter), after }).then((result) => {
      loading.current = false;
      if (!result.ok || key !== filterKey) return;
      next.current = result.value.next;
      setState((before) =>
        before.status === 'ok'
          ? { ...before, rows: [...before.rows, ...result.value.rows], hasMore: result.value.next !== null }
          : before,
      );
    });
  }, [transport, filterKey]);

  return { ...state, loadMore, reload };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../../contract/errors';
import { useTransport } from '../transport/transport-context';

/** One window of a long list as the backend answers it: its rows, the count of every match, where to go on. */
export interface ListWindow<Row, After> {
  readonly rows: readonly Row[];
  readonly total: number;
  /** Where the next window starts; null after the last one. */
  readonly next: After | null;
}

export type ListWindows<Row> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: AppError }
  | { readonly status: 'ok'; readonly rows: readonly Row[]; readonly total: number; readonly hasMore: boolean };

/**
 * A long list a window at a time: the first window when `query` (the search or filter, as a string) changes or a
 * call changes, the next one on `loadMore`, so a list of 100,000 rows never travels or renders whole. An answer for
 * an earlier list (another query, a reload) is dropped. `fetchWindow` asks for the window after `after` (null: the
 * first) of the list `query` names; a new function starts the list again, so keep it the same (useCallback).
 */
export function useListWindows<Row, After>(
  query: string,
  fetchWindow: (query: string, after: After | null) => Promise<Result<ListWindow<Row, After>>>,
): ListWindows<Row> & { loadMore: () => void; reload: () => void } {
  const transport = useTransport();
  const [state, setState] = useState<ListWindows<Row>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const next = useRef<After | null>(null);
  const loading = useRef(false);
  // Counts first windows: a later window answered for an earlier list is dropped.
  const listNumber = useRef(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    let current = true;
    listNumber.current += 1;
    loading.current = true;
    void fetchWindow(query, null).then((result) => {
      if (!current) return;
      loading.current = false;
      if (!result.ok) return setState({ status: 'error', error: result.error });
      next.current = result.value.next;
      setState({ status: 'ok', rows: result.value.rows, total: result.value.total, hasMore: !!result.value.next });
    });
    return () => {
      current = false;
    };
  }, [fetchWindow, query, generation]);

  useEffect(() => transport.subscribe('calls.changed', reload), [transport, reload]);

  const loadMore = useCallback(() => {
    const after = next.current;
    if (!after || loading.current) return;
    loading.current = true;
    const list = listNumber.current;
    void fetchWindow(query, after).then((result) => {
      if (list !== listNumber.current) return;
      loading.current = false;
      if (!result.ok) return;
      next.current = result.value.next;
      setState((before) =>
        before.status === 'ok'
          ? { ...before, rows: [...before.rows, ...result.value.rows], hasMore: !!result.value.next }
          : before,
      );
    });
  }, [fetchWindow, query]);

  return { ...state, loadMore, reload };
}

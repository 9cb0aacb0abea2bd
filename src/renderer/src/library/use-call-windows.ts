import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallWindowAfter } from '../../../contract/call-window';
import type { AppError } from '../../../contract/errors';
import type { CallSummary } from '../../../domain/call';
import { useTransport } from '../transport/transport-context';

export type CallWindows =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: AppError }
  | {
      readonly status: 'ok';
      readonly rows: readonly CallSummary[];
      readonly total: number;
      readonly hasMore: boolean;
    };

/**
 * The library a window of 200 calls at a time: the first window when the search changes (or a call changes), the
 * next one on `loadMore`, so a library of 100,000 calls never travels or renders whole. An answer for a search
 * the user has since changed is dropped.
 */
export function useCallWindows(search: string): CallWindows & { loadMore: () => void; reload: () => void } {
  const transport = useTransport();
  const [state, setState] = useState<CallWindows>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const next = useRef<CallWindowAfter | null>(null);
  const loading = useRef(false);
  // Counts first windows: a later window answered for an earlier list (another search, a reload) is dropped.
  const listNumber = useRef(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    let current = true;
    listNumber.current += 1;
    loading.current = true;
    void transport.invoke('calls.window', search ? { search } : {}).then((result) => {
      if (!current) return;
      loading.current = false;
      if (!result.ok) return setState({ status: 'error', error: result.error });
      next.current = result.value.next;
      setState({ status: 'ok', rows: result.value.rows, total: result.value.total, hasMore: !!result.value.next });
    });
    return () => {
      current = false;
    };
  }, [transport, search, generation]);

  useEffect(() => transport.subscribe('calls.changed', reload), [transport, reload]);

  const loadMore = useCallback(() => {
    const after = next.current;
    if (!after || loading.current) return;
    loading.current = true;
    const list = listNumber.current;
    void transport.invoke('calls.window', { ...(search ? { search } : {}), after }).then((result) => {
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
  }, [transport, search]);

  return { ...state, loadMore, reload };
}

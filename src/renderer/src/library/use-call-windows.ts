import { useCallback } from 'react';
import type { CallWindowAfter } from '../../../contract/call-window';
import type { CallSummary } from '../../../domain/call';
import { useTransport } from '../transport/transport-context';
import { useListWindows, type ListWindows } from '../ui/use-list-windows';

export type CallWindows = ListWindows<CallSummary>;

/**
 * The library a window of 200 calls at a time (`useListWindows`): the first window when the search changes (or a
 * call changes), the next one on `loadMore`, so a library of 100,000 calls never travels or renders whole.
 */
export function useCallWindows(search: string): CallWindows & { loadMore: () => void; reload: () => void } {
  const transport = useTransport();
  const fetchWindow = useCallback(
    (query: string, after: CallWindowAfter | null) =>
      transport.invoke('calls.window', { ...(query ? { search: query } : {}), ...(after ? { after } : {}) }),
    [transport],
  );
  return useListWindows(search, fetchWindow);
}

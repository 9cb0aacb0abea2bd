import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../contract/errors';
import type { EventName } from '../../../contract/events';
import type { MethodInput, MethodName, MethodOutput } from '../transport/types';
import { useTransport } from '../transport/transport-context';

export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'error'; readonly error: AppError };

/** Calls a read method, and calls it again whenever one of `refreshOn` is pushed or the input changes. */
export function useBackendQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  refreshOn: readonly EventName[] = [],
): QueryState<MethodOutput<M>> & { reload: () => void } {
  const transport = useTransport();
  const [state, setState] = useState<QueryState<MethodOutput<M>>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const inputKey = JSON.stringify(input);
  const refreshKey = refreshOn.join(',');
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    let current = true;
    void transport.invoke(method, JSON.parse(inputKey) as MethodInput<M>).then((result) => {
      if (!current) return;
      setState(result.ok ? { status: 'ok', value: result.value } : { status: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [transport, method, inputKey, generation]);

  useEffect(() => {
    const names = refreshKey ? (refreshKey.split(',') as EventName[]) : [];
    const stops = names.map((name) => transport.subscribe(name, reload));
    return () => stops.forEach((stop) => stop());
  }, [transport, refreshKey, reload]);

  return { ...state, reload };
}

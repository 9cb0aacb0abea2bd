import { useEffect, useState } from 'react';
import type { CallSignals } from '../../../domain/signals/model';
import { useTransport } from '../transport/transport-context';

export type CallSignalsState =
  | { readonly status: 'loading' }
  | { readonly status: 'none' }
  | { readonly status: 'ok'; readonly signals: CallSignals };

/**
 * The call's signals, asked for again whenever `version` changes (the call's details, transcript or redactions were
 * edited: the backend then computes them again). A call without a recording, or whose recording cannot be read, has
 * none; the workspace works as before without them.
 */
export function useCallSignals(callId: string, hasAudio: boolean, version: unknown): CallSignalsState {
  const transport = useTransport();
  const [state, setState] = useState<CallSignalsState>({ status: 'loading' });
  useEffect(() => {
    if (!hasAudio) return;
    let current = true;
    void transport.invoke('signals.get', { callId }).then((result) => {
      if (current) setState(result.ok ? { status: 'ok', signals: result.value } : { status: 'none' });
    });
    return () => {
      current = false;
    };
  }, [transport, callId, hasAudio, version]);
  return hasAudio ? state : { status: 'none' };
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import type { ImportIssue, ImportSource, ImportSummary } from '../../../contract/imports';
import { ErrorPanel } from '../shell/error-panel';
import { useTransport } from '../transport/transport-context';

type State =
  | { readonly status: 'idle' }
  | { readonly status: 'adding' }
  | { readonly status: 'refused'; readonly issues: readonly ImportIssue[] }
  | { readonly status: 'failed'; readonly error: AppError };

/**
 * "Add transcript…" on a call without one: the chosen file is imported as this call's transcript (any file name),
 * checked against the recording like an imported pair. When it is refused the reasons stay on screen.
 */
export function AddTranscript({ callId, onAdded }: { callId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ status: 'idle' });
  const jobRef = useRef<string | null>(null);
  // The job can finish before its start reply arrives: keep what finished until the job id is known.
  const finished = useRef(new Map<string, ImportSummary>());
  const settleRef = useRef<(summary: ImportSummary) => void>(() => undefined);

  useEffect(() => {
    const settle = (summary: ImportSummary) => {
      jobRef.current = null;
      if (summary.transcriptCallIds.includes(callId)) {
        setState({ status: 'idle' });
        onAdded();
      } else setState({ status: 'refused', issues: summary.issues });
    };
    const stop = transport.subscribe('imports.finished', (summary) => {
      if (summary.jobId === jobRef.current) settle(summary);
      else finished.current.set(summary.jobId, summary);
    });
    settleRef.current = settle;
    return stop;
  }, [transport, callId, onAdded]);

  const add = async (sources: readonly ImportSource[]) => {
    setState({ status: 'adding' });
    const started = await transport.invoke('imports.start', { sources: [...sources], attachToCallId: callId });
    if (!started.ok) return setState({ status: 'failed', error: started.error });
    const early = finished.current.get(started.value.jobId);
    finished.current.clear();
    if (early) settleRef.current(early);
    else jobRef.current = started.value.jobId;
  };

  const addFile = async (file: File | undefined) => {
    if (!file) return;
    const staged = await transport.stageFile(file);
    if (!staged.ok) return setState({ status: 'failed', error: staged.error });
    await add([staged.value]);
  };

  // The desktop app asks the main process's open dialog (it grants the chosen path); a browser uses the file input.
  const choose = () => {
    if (!transport.chooseFiles) return inputRef.current?.click();
    void transport.chooseFiles('transcript').then((chosen) => {
      if (!chosen.ok) return setState({ status: 'failed', error: chosen.error });
      if (chosen.value.length > 0) return add(chosen.value.slice(0, 1));
    });
  };

  return (
    <div className="add-transcript">
      <input
        ref={inputRef}
        type="file"
        hidden
        data-testid="add-transcript-input"
        accept=".vtt,.srt,.json,text/vtt,application/json"
        onChange={(event) => {
          void addFile(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      <button type="button" className="button primary" onClick={choose} disabled={state.status === 'adding'}>
        {state.status === 'adding' ? t('call.addingTranscript') : t('call.addTranscript')}
      </button>
      {state.status === 'refused' && (
        <div className="error-panel" role="alert">
          <strong>{t('call.transcriptRefused')}</strong>
          <ul className="issue-list">
            {state.issues.map((issue, index) => (
              <li key={index}>
                <span className="issue-file">{issue.fileName}</span>: {t(`importIssues.${issue.code}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.status === 'failed' && <ErrorPanel error={state.error} />}
    </div>
  );
}

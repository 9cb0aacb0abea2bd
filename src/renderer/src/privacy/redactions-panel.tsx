import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import type { CallRedactions } from '../../../contract/redactions';
import { useBackendQuery } from '../hooks/use-backend-query';
import { useTransport } from '../transport/transport-context';
import { ApplyPermanently } from './apply-permanently';
import { ModalDialog } from './modal-dialog';
import { RedactionAudit, RedactionLists, type Decision } from './redaction-lists';
import { RedactionMarkForm } from './redaction-mark-form';

type Selection = { startMs: number; endMs: number } | null;

/** The dialog: the summary, the lists to decide on, the form to redact by hand, applying for good, the audit. */
function RedactionsDialog({
  data,
  selection,
  error,
  decide,
  mark,
  applyPermanently,
  onClose,
}: {
  data: CallRedactions;
  selection: Selection;
  error: AppError | null;
  decide: (method: Decision, redactionId: string) => Promise<boolean>;
  mark: (startMs: number, endMs: number, reason: string) => Promise<boolean>;
  applyPermanently: (reason: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const suggested = data.redactions.filter((redaction) => redaction.status === 'suggested');
  const accepted = data.redactions.filter((redaction) => redaction.status === 'accepted');
  return (
    <ModalDialog className="redactions-panel" labelledBy="redactions-title" onClose={onClose} testId="redactions-panel">
      <div className="dialog-head">
        <h2 id="redactions-title">{t('redaction.title')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </div>
      <p className="muted">
        {t('redaction.summary', { suggested: suggested.length, redacted: accepted.length })} · {t('redaction.intro')}
      </p>
      {error && (
        <p className="error-inline" role="alert">
          {t(`errors.${error.code}`)}
        </p>
      )}
      <RedactionLists data={data} decide={decide} />
      <RedactionMarkForm
        key={selection ? `${selection.startMs}-${selection.endMs}` : 'empty'}
        prefill={selection}
        onMark={mark}
      />
      <ApplyPermanently
        pending={accepted.filter((redaction) => redaction.appliedAtMs === null).length}
        applied={accepted.filter((redaction) => redaction.appliedAtMs !== null).length}
        onApply={applyPermanently}
      />
      <RedactionAudit audit={data.audit} />
    </ModalDialog>
  );
}

/**
 * The call's personal data: suggestions from the transcript scan to redact or dismiss, what is redacted (with
 * its reason), a form to redact a range by hand, and the audit trail.
 */
export function RedactionsPanel({
  callId,
  selection,
  onChanged,
}: {
  callId: string;
  selection: Selection;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const transport = useTransport();
  const query = useBackendQuery('redactions.list', { callId });
  const [latest, setLatest] = useState<CallRedactions | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const data = latest ?? (query.status === 'ok' ? query.value : null);
  // A dialog over the screen, so the workspace never reflows; words selected to redact open it with their times.
  const [open, setOpen] = useState(false);
  const [seenSelection, setSeenSelection] = useState(selection);
  if (selection !== seenSelection) {
    setSeenSelection(selection);
    if (selection) setOpen(true);
  }
  if (!data)
    return query.status === 'error' ? (
      <p className="error-inline" role="alert">
        {t(`errors.${query.error.code}`)}
      </p>
    ) : null;

  const settle = (result: { ok: true; value: CallRedactions } | { ok: false; error: AppError }): boolean => {
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setError(null);
    setLatest(result.value);
    onChanged();
    return true;
  };
  const decide = async (method: Decision, redactionId: string) =>
    settle(await transport.invoke(method, { redactionId }));
  const mark = async (startMs: number, endMs: number, reason: string) =>
    settle(await transport.invoke('redactions.mark', { callId, startMs, endMs, reason }));
  const applyPermanently = async (reason: string) =>
    settle(await transport.invoke('redactions.applyPermanently', { callId, reason }));

  const suggested = data.redactions.filter((redaction) => redaction.status === 'suggested');

  return (
    <>
      <button
        type="button"
        className={`button${suggested.length > 0 ? ' primary' : ''}`}
        onClick={() => setOpen(true)}
        data-testid="privacy-button"
      >
        {t('redaction.button', { count: suggested.length })}
      </button>
      {open && (
        <RedactionsDialog
          data={data}
          selection={selection}
          error={error}
          decide={decide}
          mark={mark}
          applyPermanently={applyPermanently}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

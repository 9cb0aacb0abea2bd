import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Applying the accepted redactions for good: a reason for the audit trail and an explicit acknowledgement that the
 * original recording and transcript words are then gone, since nothing (not even Klankbord) can bring them back.
 */
export function ApplyPermanently({
  pending,
  applied,
  onApply,
}: {
  /** Accepted redactions not yet applied. */
  pending: number;
  /** Redactions already applied permanently. */
  applied: number;
  onApply: (reason: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') return setProblem(t('redaction.permanent.reasonRequired'));
    setProblem(null);
    setBusy(true);
    const succeeded = await onApply(reason.trim());
    setBusy(false);
    if (succeeded) {
      setDone(true);
      setReason('');
      setUnderstood(false);
    }
  };

  return (
    <form
      className="redaction-permanent"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="redaction-permanent-title"
      data-testid="redaction-permanent-form"
    >
      <h3 id="redaction-permanent-title">{t('redaction.permanent.title')}</h3>
      {done && (
        <p className="notice" role="status" data-testid="redaction-permanent-done">
          {t('redaction.permanent.done')}
        </p>
      )}
      <p className="muted">
        {pending === 0
          ? t('redaction.permanent.nothing', { count: applied })
          : t('redaction.permanent.explain', { count: pending })}
      </p>
      {pending > 0 && (
        <>
          <label className="redaction-reason">
            {t('redaction.reason')}{' '}
            <input value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />{' '}
            {t('redaction.permanent.understood')}
          </label>
          {problem && (
            <p className="error-inline" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="button danger" disabled={!understood || busy}>
            {busy ? t('redaction.permanent.busy') : t('redaction.permanent.apply', { count: pending })}
          </button>
        </>
      )}
    </form>
  );
}

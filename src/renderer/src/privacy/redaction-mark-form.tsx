import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration, parseDuration } from '../../../domain/duration';

/** Tenths of a second, so a selected word is covered exactly rather than rounded to whole seconds. */
const precise = (ms: number) => `${formatDuration(ms)}.${Math.floor((ms % 1000) / 100)}`;

/** Start, end and reason of a range to redact; prefilled from a transcript selection (a new selection remounts it). */
export function RedactionMarkForm({
  prefill,
  onMark,
}: {
  prefill: { startMs: number; endMs: number } | null;
  onMark: (startMs: number, endMs: number, reason: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(prefill ? precise(prefill.startMs) : '');
  const [to, setTo] = useState(prefill ? precise(prefill.endMs + 99) : '');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const startMs = parseDuration(from);
    const endMs = parseDuration(to);
    if (startMs === undefined || endMs === undefined || endMs <= startMs) return setProblem(t('redaction.badTime'));
    if (reason.trim() === '') return setProblem(t('redaction.reasonRequired'));
    setProblem(null);
    if (await onMark(startMs, endMs, reason.trim())) setReason('');
  };

  return (
    <form
      className="redaction-mark"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="redaction-mark-title"
      data-testid="redaction-mark-form"
    >
      <h3 id="redaction-mark-title">{t('redaction.markTitle')}</h3>
      <label>
        {t('redaction.from')}{' '}
        <input
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          inputMode="decimal"
          size={8}
          placeholder="0:00"
        />
      </label>
      <label>
        {t('redaction.to')}{' '}
        <input
          value={to}
          onChange={(event) => setTo(event.target.value)}
          inputMode="decimal"
          size={8}
          placeholder="0:05"
        />
      </label>
      <label className="redaction-reason">
        {t('redaction.reason')}{' '}
        <input value={reason} onChange={(event) => setReason(event.target.value)} maxLength={2000} />
      </label>
      <button type="submit" className="button">
        {t('redaction.mark')}
      </button>
      {problem && (
        <p className="error-inline" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

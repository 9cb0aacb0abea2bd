import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import { useBackendQuery } from '../hooks/use-backend-query';
import { useLocale } from '../review/use-locale';
import { ErrorPanel } from '../shell/error-panel';
import { useTransport } from '../transport/transport-context';
import { ComparisonView } from './comparison-view';
import { downloadExport } from './download-export';
import { SessionReportView } from './session-report-view';

const scoreFormats = ['xlsx', 'csv-excel-nl', 'csv-rfc4180', 'json'] as const;

/** One session: its calls (review, compare), reviewers, package exports, and the report. */
export function SessionDetail({ sessionId, onReview }: { sessionId: string; onReview: (callId: string, sessionId: string) => void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const session = useBackendQuery('sessions.get', { sessionId }, ['calls.changed']);
  const [comparing, setComparing] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [format, setFormat] = useState<(typeof scoreFormats)[number]>('xlsx');
  const locale = useLocale();

  const exportMoments = async (callId: string, momentFormat: 'webvtt' | 'eaf') => {
    const result = await transport.invoke('exports.moments', { callId, sessionId, format: momentFormat, language: locale });
    if (result.ok) {
      setError(null);
      downloadExport(result.value.exportId, result.value.fileName);
    } else setError(result.error);
  };

  const exportReport = async () => {
    const result = await transport.invoke('exports.sessionReport', { sessionId, language: locale });
    if (result.ok) {
      setError(null);
      downloadExport(result.value.exportId, result.value.fileName);
    } else setError(result.error);
  };

  const exportScores = async () => {
    const result = await transport.invoke('exports.scores', { sessionId, format, language: locale });
    if (result.ok) {
      setError(null);
      downloadExport(result.value.exportId, result.value.fileName);
    } else setError(result.error);
  };

  const exportFile = async (method: 'sessions.exportPackage' | 'sessions.exportReviews') => {
    const result = await transport.invoke(method, { sessionId });
    if (result.ok) {
      setError(null);
      downloadExport(result.value.exportId, result.value.fileName);
    } else setError(result.error);
  };

  if (session.status === 'error') return <ErrorPanel error={session.error} onRetry={session.reload} />;
  if (session.status !== 'ok') return null;
  const value = session.value;
  return (
    <>
      <h1 id="session-title">{value.name}</h1>
      <p className="muted">
        {t('sessions.rubric')}: {value.rubricName} v{value.rubricVersion} · {value.blind ? t('sessions.blind') : t('sessions.open_')} · ±{value.toleranceTotal} / ±{value.toleranceItem}
        {value.deadline ? ` · ${t('sessions.form.deadline')} ${value.deadline}` : ''} · {t('sessions.progress', { submitted: value.submitted, expected: value.expected })}
      </p>
      <div className="screen-header">
        <button type="button" className="button" onClick={() => void exportFile('sessions.exportPackage')}>{t('sessions.exportSession')}</button>
        <button type="button" className="button" onClick={() => void exportFile('sessions.exportReviews')}>{t('sessions.exportReviews')}</button>
        <label className="inline-field">
          {t('sessions.exportFormat')}
          <select value={format} onChange={(event) => setFormat(event.target.value as (typeof scoreFormats)[number])}>
            {scoreFormats.map((option) => <option key={option} value={option}>{t(`sessions.formats.${option}`)}</option>)}
          </select>
        </label>
        <button type="button" className="button primary" onClick={() => void exportScores()}>{t('sessions.exportScores')}</button>
        <button type="button" className="button" onClick={() => void exportReport()}>{t('sessions.exportReport')}</button>
      </div>
      {error && <ErrorPanel error={error} />}
      <div className="session-columns">
        <section aria-labelledby="session-calls">
          <h2 id="session-calls">{t('sessions.callsTitle')}</h2>
          <ul className="session-calls" data-testid="session-calls">
            {value.calls.map((call) => (
              <li key={call.id} data-call-id={call.id}>
                <span>{call.title}</span>
                <button type="button" className="button" onClick={() => onReview(call.id, sessionId)}>{t('sessions.review')}</button>
                <button type="button" className="button" aria-pressed={comparing === call.id} onClick={() => setComparing(comparing === call.id ? null : call.id)}>{t('sessions.compare')}</button>
                <button type="button" className="button" onClick={() => void exportMoments(call.id, 'webvtt')}>{t('sessions.momentsVtt')}</button>
                <button type="button" className="button" onClick={() => void exportMoments(call.id, 'eaf')}>{t('sessions.momentsEaf')}</button>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="session-reviewers">
          <h2 id="session-reviewers">{t('sessions.reviewersTitle')}</h2>
          <ul>
            {value.reviewers.map((reviewer) => <li key={reviewer.id}>{reviewer.name}{reviewer.id === value.benchmarkReviewerId ? ` (${t('sessions.form.benchmark').toLowerCase()})` : ''}</li>)}
          </ul>
        </section>
      </div>
      {comparing && <ComparisonView session={value} callId={comparing} />}
      <SessionReportView session={value} />
    </>
  );
}

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewListFilter, ReviewSummary } from '../../../contract/reviews';
import { DateField } from '../ui/date-field';
import { FilterSelect } from '../ui/filter-select';
import { useBackendQuery } from '../hooks/use-backend-query';
import { formatDateTime, formatScore } from '../ui/format';
import { useLocale } from '../ui/use-locale';
import { ErrorPanel } from '../shell/error-panel';
import { ScoreExportControls } from '../sessions/score-export-controls';
import { useExportDownload } from '../sessions/use-export-download';
import { useTransport } from '../transport/transport-context';

type Status = ReviewSummary['status'];

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))].sort((a, b) => a.localeCompare(b));
}

/** Every review on this machine, filtered by call, agent, reviewer, status and date. */
export function ReviewListScreen({ onOpen }: { onOpen: (callId: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [callId, setCallId] = useState('');
  const [agentName, setAgentName] = useState('');
  const [reviewerId, setReviewerId] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  // '' all reviews, 'routine' those outside any session, otherwise a session id.
  const [session, setSession] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const all = useBackendQuery('reviews.list', {}, ['calls.changed']);
  const filter: ReviewListFilter = {
    ...(callId ? { callId } : {}),
    ...(agentName ? { agentName } : {}),
    ...(reviewerId ? { reviewerId } : {}),
    ...(status ? { status } : {}),
    ...(session === 'routine' ? { sessionId: null } : session ? { sessionId: session } : {}),
    ...(from ? { fromMs: new Date(`${from}T00:00:00`).getTime() } : {}),
    ...(to ? { toMs: new Date(`${to}T23:59:59.999`).getTime() } : {}),
  };
  const filtered = useBackendQuery('reviews.list', filter, ['calls.changed']);
  // The score export takes one session (its calibrated export) or none; "routine only" is a list filter.
  const { sessionId, ...withoutSession } = filter;
  const exportFilter = sessionId ? { ...withoutSession, sessionId } : withoutSession;
  const transport = useTransport();
  const { run, error: exportError } = useExportDownload();
  const [applySeverity, setApplySeverity] = useState(false);
  const options = useMemo(() => {
    const rows = all.status === 'ok' ? all.value : [];
    return {
      calls: [...new Map(rows.map((row) => [row.callId, row.callTitle])).entries()].sort((a, b) =>
        a[1].localeCompare(b[1]),
      ),
      agents: uniqueSorted(rows.map((row) => row.agentName)),
      reviewers: [...new Map(rows.map((row) => [row.reviewerId, row.reviewerName ?? row.reviewerId])).entries()].sort(
        (a, b) => a[1].localeCompare(b[1]),
      ),
      sessions: [
        ...new Map(
          rows.flatMap((row) => (row.sessionId ? [[row.sessionId, row.sessionName ?? row.sessionId] as const] : [])),
        ).entries(),
      ].sort((a, b) => a[1].localeCompare(b[1])),
    };
  }, [all]);

  return (
    <section className="screen" aria-labelledby="reviews-title">
      <h1 id="reviews-title">{t('reviewList.title')}</h1>
      <fieldset className="review-filters">
        <legend className="visually-hidden">{t('reviewList.filters')}</legend>
        <FilterSelect label={t('reviewList.call')} value={callId} onChange={setCallId} choices={options.calls} />
        <FilterSelect
          label={t('reviewList.agent')}
          value={agentName}
          onChange={setAgentName}
          choices={options.agents.map((agent) => [agent, agent] as const)}
        />
        <FilterSelect
          label={t('reviewList.reviewer')}
          value={reviewerId}
          onChange={setReviewerId}
          choices={options.reviewers}
        />
        <FilterSelect
          label={t('reviewList.session')}
          value={session}
          onChange={setSession}
          choices={[['routine', t('reviewList.routine')], ...options.sessions]}
        />
        <FilterSelect<Status>
          label={t('reviewList.status')}
          value={status}
          onChange={setStatus}
          choices={[
            ['draft', t('review.status.draft')],
            ['submitted', t('review.status.submitted')],
          ]}
        />
        <DateField label={t('reviewList.from')} value={from} onChange={setFrom} />
        <DateField label={t('reviewList.to')} value={to} onChange={setTo} />
      </fieldset>
      <div className="screen-header">
        <label className="check">
          <input
            type="checkbox"
            checked={applySeverity}
            aria-describedby="apply-severity-hint"
            onChange={(event) => setApplySeverity(event.target.checked)}
          />
          {t('reviewList.applySeverity')}
        </label>
        <p id="apply-severity-hint" className="muted">
          {t('reviewList.applySeverityHint')}
        </p>
        <ScoreExportControls
          onExport={(format) =>
            void run(transport.invoke('exports.scores', { ...exportFilter, format, language: locale, applySeverity }))
          }
        />
      </div>
      {exportError && <ErrorPanel error={exportError} />}
      {filtered.status === 'error' && <ErrorPanel error={filtered.error} onRetry={filtered.reload} />}
      {filtered.status === 'ok' && (
        <>
          <p className="muted" aria-live="polite">
            {t('reviewList.count', { count: filtered.value.length })}
          </p>
          {filtered.value.length === 0 ? (
            <p className="muted">{t('reviewList.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="review-table" data-testid="review-table">
                <thead>
                  <tr>
                    {(['call', 'agent', 'reviewer', 'session', 'rubric', 'status', 'total', 'changed'] as const).map(
                      (column) => (
                        <th key={column} scope="col">
                          {t(`reviewList.columns.${column}`)}
                        </th>
                      ),
                    )}
                  </tr>
                </thead>
                <tbody>
                  {filtered.value.map((row) => (
                    <tr key={row.id} data-review-id={row.id}>
                      <td>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => onOpen(row.callId)}
                          aria-label={t('reviewList.open', { call: row.callTitle })}
                        >
                          {row.callTitle}
                        </button>
                      </td>
                      <td>{row.agentName || '—'}</td>
                      <td>{row.reviewerName ?? row.reviewerId}</td>
                      <td>{row.sessionName ?? '—'}</td>
                      <td>
                        {row.rubricName} v{row.rubricVersion}
                      </td>
                      <td>
                        <span className={`status-pill status-${row.status}`}>{t(`review.status.${row.status}`)}</span>
                      </td>
                      <td className="number">
                        {formatScore(row.total, locale)}
                        {row.criticalFailed && <span className="critical-failed"> ⚠ {t('reviewList.critical')}</span>}
                      </td>
                      <td>{formatDateTime(row.updatedAtMs, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

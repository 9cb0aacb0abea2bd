import { useEffect, useRef, useState } from 'react';
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
import { useReviewWindows } from './use-review-windows';
import { ExportMyReviews } from '../team/export-my-reviews';

type Status = ReviewSummary['status'];

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
  const options = useBackendQuery('reviews.filterOptions', {}, ['calls.changed']);
  const filter: ReviewListFilter = {
    ...(callId ? { callId } : {}),
    ...(agentName ? { agentName } : {}),
    ...(reviewerId ? { reviewerId } : {}),
    ...(status ? { status } : {}),
    ...(session === 'routine' ? { sessionId: null } : session ? { sessionId: session } : {}),
    ...(from ? { fromMs: new Date(`${from}T00:00:00`).getTime() } : {}),
    ...(to ? { toMs: new Date(`${to}T23:59:59.999`).getTime() } : {}),
  };
  const filtered = useReviewWindows(filter);
  const endRef = useRef<HTMLDivElement>(null);
  const { loadMore } = filtered;
  const hasMore = filtered.status === 'ok' && filtered.hasMore;
  useEffect(() => {
    // The next window loads as the end of the list scrolls into view.
    const end = endRef.current;
    if (!end || !hasMore || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && loadMore());
    observer.observe(end);
    return () => observer.disconnect();
  }, [hasMore, loadMore]);
  // The score export takes one session (its calibrated export) or none; "routine only" is a list filter.
  const { sessionId, ...withoutSession } = filter;
  const exportFilter = sessionId ? { ...withoutSession, sessionId } : withoutSession;
  const transport = useTransport();
  const { run, error: exportError } = useExportDownload();
  const [applySeverity, setApplySeverity] = useState(false);
  const choices = options.status === 'ok' ? options.value : { calls: [], agents: [], reviewers: [], sessions: [] };

  return (
    <section className="screen" aria-labelledby="reviews-title">
      <h1 id="reviews-title">{t('reviewList.title')}</h1>
      <fieldset className="review-filters">
        <legend className="visually-hidden">{t('reviewList.filters')}</legend>
        <FilterSelect label={t('reviewList.call')} value={callId} onChange={setCallId} choices={choices.calls} />
        <FilterSelect
          label={t('reviewList.agent')}
          value={agentName}
          onChange={setAgentName}
          choices={choices.agents.map((agent) => [agent, agent] as const)}
        />
        <FilterSelect
          label={t('reviewList.reviewer')}
          value={reviewerId}
          onChange={setReviewerId}
          choices={choices.reviewers}
        />
        <FilterSelect
          label={t('reviewList.session')}
          value={session}
          onChange={setSession}
          choices={[['routine', t('reviewList.routine')], ...choices.sessions]}
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
            {t('reviewList.count', { count: filtered.total })}
          </p>
          {filtered.rows.length === 0 ? (
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
                  {filtered.rows.map((row) => (
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
              {filtered.hasMore && (
                <div ref={endRef} className="review-list-end">
                  <button type="button" className="button" onClick={loadMore}>
                    {t('reviewWindow.more', { shown: filtered.rows.length, total: filtered.total })}
                  </button>
                </div>
              )}
            </div>
          )}
        </>
      )}
      <ExportMyReviews />
    </section>
  );
}

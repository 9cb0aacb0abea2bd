import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../contract/sessions';
import { formatCalendarDate } from '../ui/calendar-date';
import { useBackendQuery } from '../hooks/use-backend-query';
import { useLocale } from '../ui/use-locale';
import { ErrorPanel } from '../shell/error-panel';
import { useTransport } from '../transport/transport-context';
import { ComparisonView } from './comparison-view';
import { ScoreExportControls } from './score-export-controls';
import { useExportDownload } from './use-export-download';
import { SessionReportView } from './session-report-view';

type RunExport = ReturnType<typeof useExportDownload>['run'];

/** The session's exports: a package for one reviewer, all reviews, the scores, and the report. */
function SessionExports({
  session,
  recipient,
  onRecipient,
  run,
}: {
  session: SessionSummary;
  recipient: string;
  onRecipient: (reviewerId: string) => void;
  run: RunExport;
}) {
  const { t } = useTranslation();
  const transport = useTransport();
  const locale = useLocale();
  const sessionId = session.id;
  return (
    <div className="screen-header">
      <span className="package-for">
        <label>
          {t('sessions.packageFor')}{' '}
          <select value={recipient} onChange={(event) => onRecipient(event.target.value)}>
            {session.reviewers.map((reviewer) => (
              <option key={reviewer.id} value={reviewer.id}>
                {reviewer.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          disabled={!recipient}
          onClick={() => void run(transport.invoke('sessions.exportPackage', { sessionId, reviewerId: recipient }))}
        >
          {t('sessions.exportSession')}
        </button>
      </span>
      <button
        type="button"
        className="button"
        onClick={() => void run(transport.invoke('sessions.exportReviews', { sessionId }))}
      >
        {t('sessions.exportReviews')}
      </button>
      <ScoreExportControls
        onExport={(format) => void run(transport.invoke('exports.scores', { sessionId, format, language: locale }))}
      />
      <button
        type="button"
        className="button"
        onClick={() => void run(transport.invoke('exports.sessionReport', { sessionId, language: locale }))}
      >
        {t('sessions.exportReport')}
      </button>
    </div>
  );
}

/** The session's calls, each to review, to compare, or to export its moments from. */
function SessionCalls({
  session,
  comparing,
  onCompare,
  onReview,
  run,
}: {
  session: SessionSummary;
  comparing: string | null;
  onCompare: (callId: string | null) => void;
  onReview: (callId: string, sessionId: string) => void;
  run: RunExport;
}) {
  const { t } = useTranslation();
  const transport = useTransport();
  const locale = useLocale();
  const sessionId = session.id;
  return (
    <section aria-labelledby="session-calls">
      <h2 id="session-calls">{t('sessions.callsTitle')}</h2>
      <ul className="session-calls" data-testid="session-calls">
        {session.calls.map((call) => (
          <li key={call.id} data-call-id={call.id}>
            <span>{call.title}</span>
            <button type="button" className="button" onClick={() => onReview(call.id, sessionId)}>
              {t('sessions.review')}
            </button>
            <button
              type="button"
              className="button"
              aria-pressed={comparing === call.id}
              onClick={() => onCompare(comparing === call.id ? null : call.id)}
            >
              {t('sessions.compare')}
            </button>
            {(['webvtt', 'eaf'] as const).map((format) => (
              <button
                key={format}
                type="button"
                className="button"
                onClick={() =>
                  void run(
                    transport.invoke('exports.moments', { callId: call.id, sessionId, format, language: locale }),
                  )
                }
              >
                {t(format === 'webvtt' ? 'sessions.momentsVtt' : 'sessions.momentsEaf')}
              </button>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SessionReviewers({ session }: { session: SessionSummary }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="session-reviewers">
      <h2 id="session-reviewers">{t('sessions.reviewersTitle')}</h2>
      <ul>
        {session.reviewers.map((reviewer) => (
          <li key={reviewer.id}>
            {reviewer.name}
            {reviewer.id === session.benchmarkReviewerId ? ` (${t('sessions.form.benchmark').toLowerCase()})` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One session: its calls (review, compare), reviewers, package exports, and the report. */
export function SessionDetail({
  sessionId,
  onReview,
}: {
  sessionId: string;
  onReview: (callId: string, sessionId: string) => void;
}) {
  const { t } = useTranslation();
  const session = useBackendQuery('sessions.get', { sessionId }, ['calls.changed']);
  const [comparing, setComparing] = useState<string | null>(null);
  const [packageFor, setPackageFor] = useState('');
  const { run, error } = useExportDownload();
  const locale = useLocale();

  if (session.status === 'error') return <ErrorPanel error={session.error} onRetry={session.reload} />;
  if (session.status !== 'ok') return null;
  const value = session.value;
  const recipient = value.reviewers.some((reviewer) => reviewer.id === packageFor)
    ? packageFor
    : (value.reviewers[0]?.id ?? '');
  return (
    <>
      <h1 id="session-title">{value.name}</h1>
      <p className="muted">
        {t('sessions.rubric')}: {value.rubricName} v{value.rubricVersion} ·{' '}
        {value.blind ? t('sessions.blind') : t('sessions.open_')} · ±{value.toleranceTotal} / ±{value.toleranceItem}
        {value.deadline ? ` · ${t('sessions.form.deadline')} ${formatCalendarDate(value.deadline, locale)}` : ''} ·{' '}
        {t('sessions.progress', { submitted: value.submitted, expected: value.expected })}
      </p>
      <SessionExports session={value} recipient={recipient} onRecipient={setPackageFor} run={run} />
      {error && <ErrorPanel error={error} />}
      {error?.code === 'media_removed' && Array.isArray(error.details?.callTitles) && (
        <p className="muted" data-testid="media-removed-calls">
          {t('retention.packageCalls', { titles: error.details.callTitles.map(String).join(', ') })}
        </p>
      )}
      <div className="session-columns">
        <SessionCalls session={value} comparing={comparing} onCompare={setComparing} onReview={onReview} run={run} />
        <SessionReviewers session={value} />
      </div>
      {comparing && <ComparisonView session={value} callId={comparing} />}
      <SessionReportView session={value} />
    </>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamReport } from '../../../contract/team';
import { useBackendQuery } from '../hooks/use-backend-query';
import { ErrorPanel } from '../shell/error-panel';
import { DateField } from '../ui/date-field';
import { AgentMerges } from './agent-merges';
import { AgentSkillTable, TeamSkillTable } from './skill-tables';
import { TeamExports, type TeamReportRequest } from './team-exports';
import { TeamInvitations } from './team-invitations';
import { TrainingNeedsList } from './training-needs-list';

const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** The last three months up to today: long enough for a few reviews per agent and skill. */
function defaultPeriod(today = new Date()): { from: string; to: string } {
  const from = new Date(today.getFullYear(), today.getMonth() - 3, today.getDate());
  return { from: isoDay(from), to: isoDay(today) };
}

const gapChoices = [0.05, 0.1, 0.15, 0.2] as const;
const minReviewChoices = [3, 5, 10, 20] as const;

/** The report for the chosen period: a summary line, the exports, the training needs and the skill tables. */
function TeamReportView({
  report,
  request,
  onOpen,
}: {
  report: TeamReport;
  request: TeamReportRequest;
  onOpen: (callId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="muted" aria-live="polite">
        {t('team.summary', { count: report.reviewCount, agents: report.agents.length })}
        {report.withoutAgentCount > 0 && ` ${t('team.withoutAgent', { count: report.withoutAgentCount })}`}
        {report.severityAdjusted && ` ${t('teamTools.severityNote', { count: report.adjustmentSessionCount })}`}
      </p>
      {report.reviewCount > 0 && <TeamExports request={request} report={report} />}
      {report.reviewCount === 0 ? (
        <p className="muted">{t('team.empty')}</p>
      ) : (
        <>
          <h2>{t('team.needs')}</h2>
          <p className="muted team-rule">
            {t('team.needRule', { gap: Math.round(request.gap * 100), count: request.minReviews })}
          </p>
          <TrainingNeedsList report={report} onOpen={onOpen} />
          <h2>{t('team.weakest')}</h2>
          <TeamSkillTable report={report} />
          <h2>{t('team.agents')}</h2>
          <AgentSkillTable report={report} />
        </>
      )}
    </>
  );
}

/** The team picture: how each agent does per skill over a period, and who needs training on what. */
export function TeamScreen({ onOpen }: { onOpen: (callId: string) => void }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(defaultPeriod);
  const [granularity, setGranularity] = useState<'week' | 'month'>('month');
  const [gap, setGap] = useState<number>(0.1);
  const [minReviews, setMinReviews] = useState<number>(5);
  const [severityAdjusted, setSeverityAdjusted] = useState(false);
  // A half-typed date leaves the last whole period in place.
  const [applied, setApplied] = useState(period);
  if ((period.from !== applied.from || period.to !== applied.to) && period.from && period.to) setApplied(period);
  const request = {
    fromMs: new Date(`${applied.from}T00:00:00`).getTime(),
    toMs: new Date(`${applied.to}T23:59:59.999`).getTime(),
    granularity,
    gap,
    minReviews,
    severityAdjusted,
  };
  const report = useBackendQuery('team.report', request, ['calls.changed']);

  return (
    <section className="screen" aria-labelledby="team-title">
      <h1 id="team-title">{t('team.title')}</h1>
      <p className="muted">{t('team.intro')}</p>
      <fieldset className="review-filters">
        <legend className="visually-hidden">{t('team.settings')}</legend>
        <DateField label={t('team.from')} value={period.from} onChange={(from) => setPeriod((p) => ({ ...p, from }))} />
        <DateField label={t('team.to')} value={period.to} onChange={(to) => setPeriod((p) => ({ ...p, to }))} />
        <label>
          {t('team.granularity')}
          <select value={granularity} onChange={(event) => setGranularity(event.target.value as 'week' | 'month')}>
            <option value="month">{t('team.month')}</option>
            <option value="week">{t('team.week')}</option>
          </select>
        </label>
        <label>
          {t('team.gap')}
          <select value={gap} onChange={(event) => setGap(Number(event.target.value))}>
            {gapChoices.map((choice) => (
              <option key={choice} value={choice}>
                {t('team.points', { count: Math.round(choice * 100) })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('team.minReviews')}
          <select value={minReviews} onChange={(event) => setMinReviews(Number(event.target.value))}>
            {minReviewChoices.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </label>
        <label className="team-severity" title={t('teamTools.severityHint')}>
          <input
            type="checkbox"
            checked={severityAdjusted}
            onChange={(event) => setSeverityAdjusted(event.target.checked)}
          />
          {t('teamTools.severity')}
        </label>
      </fieldset>
      {report.status === 'error' && <ErrorPanel error={report.error} onRetry={report.reload} />}
      {report.status === 'ok' && <TeamReportView report={report.value} request={request} onOpen={onOpen} />}
      <TeamInvitations />
      <AgentMerges />
    </section>
  );
}

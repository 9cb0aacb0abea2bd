import { useTranslation } from 'react-i18next';
import type { TeamReport } from '../../../contract/team';
import { useLocale } from '../ui/use-locale';
import { intervalText, percent, skillTitle, type ScoreSummary } from './team-figures';

function Figure({ summary }: { summary: ScoreSummary | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!summary || summary.count === 0) return <span className="muted">—</span>;
  const interval = intervalText(summary, locale);
  return (
    <>
      <span className="team-mean">{percent(summary.mean, locale)}</span>
      <span className="team-detail">
        {interval
          ? t('team.cellDetail', { interval, count: summary.count })
          : t('team.cellCount', { count: summary.count })}
      </span>
    </>
  );
}

/** The team per skill, weakest first. */
export function TeamSkillTable({ report }: { report: TeamReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="table-wrap team-skill-table">
      <table className="review-table team-table">
        <thead>
          <tr>
            <th scope="col">{t('team.skill')}</th>
            <th scope="col">{t('team.teamScore')}</th>
          </tr>
        </thead>
        <tbody>
          {report.team.map((row) => (
            <tr key={row.skillId}>
              <th scope="row">{skillTitle(report, row.skillId, locale)}</th>
              <td className="number">
                <Figure summary={row.summary} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Agents by skill: each cell the mean with its interval and count; a cell with a training need is marked. */
export function AgentSkillTable({ report }: { report: TeamReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const skillIds = report.skills.map((skill) => skill.skillId);
  const needs = new Set(report.needs.map((need) => `${need.agentName}/${need.skillId}`));
  return (
    <div className="table-wrap">
      <table className="review-table team-table" data-testid="agent-skill-table">
        <thead>
          <tr>
            <th scope="col">{t('team.agent')}</th>
            {skillIds.map((skillId) => (
              <th key={skillId} scope="col">
                {skillTitle(report, skillId, locale)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.agents.map((agent) => (
            <tr key={agent.agentName}>
              <th scope="row">
                {agent.agentName}
                <span className="team-detail">{t('team.reviewCount', { count: agent.reviewCount })}</span>
              </th>
              {skillIds.map((skillId) => {
                const need = needs.has(`${agent.agentName}/${skillId}`);
                return (
                  <td key={skillId} className={need ? 'number team-cell-need' : 'number'}>
                    <Figure summary={agent.skills.find((entry) => entry.skillId === skillId)?.summary} />
                    {need && <span className="team-need-mark">{t('team.needMark')}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

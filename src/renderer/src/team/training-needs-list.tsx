import { useTranslation } from 'react-i18next';
import type { TeamReport } from '../../../contract/team';
import { useLocale } from '../ui/use-locale';
import { EvidenceMoments } from './evidence-moments';
import { intervalText, percent, periodLabel, skillTitle } from './team-figures';
import { useEvidencePlayer } from './use-evidence-player';

/** Each training need with its figures, its trend and the calls behind it, their moments playable in place. */
export function TrainingNeedsList({ report, onOpen }: { report: TeamReport; onOpen: (callId: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { mediaRef, playingId, toggle } = useEvidencePlayer();
  return (
    <>
      {/* One element for every clip, kept mounted so a playing clip survives a new report. */}
      <audio ref={mediaRef} preload="none" data-testid="evidence-audio" hidden />
      {report.needs.length === 0 ? (
        <p className="muted">{t('team.noNeeds')}</p>
      ) : (
        <ul className="team-needs">
          {report.needs.map((need) => {
            const skill = skillTitle(report, need.skillId, locale);
            const trend =
              report.agents
                .find((agent) => agent.agentName === need.agentName)
                ?.skills.find((entry) => entry.skillId === need.skillId)?.trend ?? [];
            return (
              <li key={`${need.agentName}/${need.skillId}`} className="team-need card">
                <h3>{t('team.needTitle', { agent: need.agentName, skill })}</h3>
                <p>
                  {t('team.needFigures', {
                    mean: percent(need.agent.mean, locale),
                    interval: intervalText(need.agent, locale) ?? '—',
                    count: need.agent.count,
                    team: percent(need.team.mean, locale),
                    gap: percent(need.gap, locale),
                  })}
                </p>
                {trend.length > 1 && (
                  <p className="muted">
                    {t('team.trend')}:{' '}
                    {trend
                      .map(
                        (point) =>
                          `${periodLabel(point.period, locale, t('team.weekShort'))} ${percent(point.summary.mean, locale)}`,
                      )
                      .join(' · ')}
                  </p>
                )}
                <p className="muted">{t('team.evidence')}</p>
                <ul className="team-evidence">
                  {need.evidence.map((entry) => (
                    <li key={entry.reviewId}>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onOpen(entry.callId)}
                        aria-label={t('team.listen', { call: entry.callTitle, score: percent(entry.score, locale) })}
                      >
                        {entry.callTitle}
                      </button>{' '}
                      <span className="muted">{percent(entry.score, locale)}</span>
                      <EvidenceMoments entry={entry} playingId={playingId} onToggle={toggle} />
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

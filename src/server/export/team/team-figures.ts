import type { TeamReport } from '../../../contract/team';
import type { Locale } from '../../../domain/rubric/localized-text';
import type { Translate } from '../../../i18n/translate';

/** A score in [0, 1] on the report's 0-100 scale, rounded to a whole point; null stays null. */
export const points = (value: number | null): number | null => (value === null ? null : Math.round(value * 100));

/** A score on the 0-100 scale as text, '—' without one. */
export const pointsText = (value: number | null): string => (value === null ? '—' : String(points(value)));

/** The skill's title in the report's language (the rubric section), or its id when the period has no title. */
export function skillName(report: TeamReport, skillId: string, language: Locale): string {
  const title = report.skills.find((skill) => skill.skillId === skillId)?.title[language];
  return title ? `${skillId} ${title}` : skillId;
}

/** YYYY-MM-DD of a period edge (local time, as the lead chose it). */
export function dayOf(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** What the scores are: as scored, or severity-adjusted (named so wherever the report shows figures). */
export function scoresKind(report: TeamReport, t: Translate): string {
  return report.severityAdjusted
    ? `${t('teamTools.scoresAdjusted')} (${report.adjustmentSessionCount})`
    : t('teamTools.scoresRaw');
}

/** mm:ss of a moment. */
export function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

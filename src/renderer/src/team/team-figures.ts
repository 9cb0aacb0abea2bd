import type { TeamReport } from '../../../contract/team';
import type { Locale } from '../../../domain/rubric/localized-text';
import { localize } from '../../../domain/rubric/localized-text';
import { formatScoreNumber } from '../../../domain/scoring/score-formula';

export type ScoreSummary = TeamReport['team'][number]['summary'];

/**
 * A section score in [0, 1] on the app's 0-100 scale, whole points: an average over reviews with an interval of
 * several points has no meaningful decimal.
 */
export const percent = (value: number | null, locale: Locale): string =>
  value === null ? '—' : formatScoreNumber(value * 100, locale, 0);

/** "62–81", or null when there is no interval (fewer than two reviews). */
export function intervalText(summary: ScoreSummary, locale: Locale): string | null {
  if (summary.lower === null || summary.upper === null) return null;
  return `${percent(summary.lower, locale)}–${percent(summary.upper, locale)}`;
}

/** The skill's title in the UI language, or its id when the rubric is gone. */
export function skillTitle(report: TeamReport, skillId: string, locale: Locale): string {
  const skill = report.skills.find((candidate) => candidate.skillId === skillId);
  return skill ? localize(skill.title, locale) : skillId;
}

/** "nov. 2026" / "Nov 2026" for a month, "week 49, 2026" for an ISO week (YYYY-MM or YYYY-Www). */
export function periodLabel(period: string, locale: Locale, weekWord: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) return `${weekWord} ${Number(week[2])}, ${week[1]}`;
  const [year, month] = period.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { month: 'short', year: 'numeric' }).format(
    new Date(year!, month! - 1, 1),
  );
}

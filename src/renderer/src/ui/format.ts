import type { Locale } from '../../../domain/rubric/localized-text';
import { formatScoreNumber } from '../../../domain/scoring/score-formula';

/** A time in a recording with tenths: 1:05.3. */
export function formatTimeMs(timeMs: number): string {
  const tenths = Math.max(0, Math.round(timeMs / 100));
  const minutes = Math.floor(tenths / 600);
  const seconds = ((tenths % 600) / 10).toFixed(1).padStart(4, '0');
  return `${minutes}:${seconds}`;
}

/** A 0-100 score for display, one decimal, in the UI language's notation; a dash when there is none. */
export function formatScore(score: number | null, locale: Locale): string {
  return score === null ? '—' : formatScoreNumber(score, locale, 1);
}

export { formatDateTime } from './calendar-date';

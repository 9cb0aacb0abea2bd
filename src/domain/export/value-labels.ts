import { emotionLabels } from '../moments/emotions';
import type { MomentPolarity, MomentSpeaker } from '../moments/model';
import type { Locale, LocalizedText } from '../rubric/localized-text';
import type { ExportCell, ExportColumn } from './table-model';

/*
 * The words for the stable codes of the score export, in one place. Files for people (CSV, XLSX) show these in the
 * export's language; the JSON export keeps the codes, so scripts and filters work whatever the language.
 */

export const reviewStatusLabels: Readonly<Record<'draft' | 'submitted', LocalizedText>> = {
  draft: { nl: 'Concept', en: 'Draft' },
  submitted: { nl: 'Ingediend', en: 'Submitted' },
};

export const momentSpeakerLabels: Readonly<Record<MomentSpeaker, LocalizedText>> = {
  agent: { nl: 'Medewerker', en: 'Agent' },
  customer: { nl: 'Klant', en: 'Customer' },
  both: { nl: 'Beiden', en: 'Both' },
  unknown: { nl: 'Onbekend', en: 'Unknown' },
};

export const momentPolarityLabels: Readonly<Record<MomentPolarity, LocalizedText>> = {
  strength: { nl: 'Sterk punt', en: 'Strength' },
  gap: { nl: 'Verbeterpunt', en: 'Gap' },
  neutral: { nl: 'Neutraal', en: 'Neutral' },
};

export const calibrationMethodLabels: Readonly<Record<'consensus' | 'severity-adjusted', LocalizedText>> = {
  consensus: { nl: 'Consensus', en: 'Consensus' },
  'severity-adjusted': { nl: 'Gecorrigeerd voor strengheid', en: 'Severity-adjusted' },
};

export const emotionValueLabels: Readonly<Record<string, LocalizedText>> = emotionLabels;

/**
 * A cell as a person reads it in `language`: a coded value of a column with value labels becomes its word; everything
 * else (and a code without a word) is left as it is.
 */
export function labelledCell(cell: ExportCell, column: ExportColumn, language: Locale): ExportCell {
  if (typeof cell !== 'string' || !column.valueLabels) return cell;
  return Object.hasOwn(column.valueLabels, cell) ? column.valueLabels[cell]![language] : cell;
}

import type { Locale } from '../rubric/localized-text';

/** One term of a weighted mean: weight × value. */
export interface FormulaTerm {
  /** The item id (in a section's formula) or the section id (in the total's). */
  readonly id: string;
  readonly weight: number;
  /** In [0, 1]. */
  readonly value: number;
}

/** A section score written out: Σ(weight × value) / Σ weight over its scored items. */
export interface SectionFormula {
  readonly sectionId: string;
  readonly terms: readonly FormulaTerm[];
  readonly weightedSum: number;
  readonly weightSum: number;
  /** weightedSum / weightSum in [0, 1]; null when no item was scored. */
  readonly score: number | null;
}

/**
 * The total written out, for the reviewer to check: Σ(section weight × section score) / Σ section weight × 100 over
 * the sections that have a scored item, then the critical rule.
 */
export interface ScoreFormula {
  readonly sections: readonly SectionFormula[];
  /** One term per counted section: its weight and score. */
  readonly terms: readonly FormulaTerm[];
  readonly weightedSum: number;
  readonly weightSum: number;
  /** 0..100, unrounded; null when nothing was scored. */
  readonly totalBeforeCritical: number | null;
  readonly criticalFailed: boolean;
  /** totalBeforeCritical, or 0 when a critical item failed. */
  readonly total: number | null;
}

export interface FormulaFormatOptions {
  /** Decimals of item and section values (default 2). */
  readonly valueDigits?: number;
  /** Decimals of the total (default 1). */
  readonly totalDigits?: number;
}

/** What a formula with nothing scored is shown as. */
export const emptyFormulaText = '—';

/** A number with a fixed number of decimals in the locale's notation: 71.25 → "71,3" (nl) or "71.3" (en). */
export function formatScoreNumber(value: number, locale: Locale, fractionDigits: number): string {
  const fixed = value.toFixed(fractionDigits);
  return locale === 'nl' ? fixed.replace('.', ',') : fixed;
}

/** A weight as written in the rubric, without padding: 25 → "25", 0.5 → "0,5" (nl). */
function formatWeight(weight: number, locale: Locale): string {
  const plain = String(Number(weight.toFixed(6)));
  return locale === 'nl' ? plain.replace('.', ',') : plain;
}

function weightedMean(terms: readonly FormulaTerm[], locale: Locale, valueDigits: number): string {
  const products = terms.map(
    (term) => `${formatWeight(term.weight, locale)} × ${formatScoreNumber(term.value, locale, valueDigits)}`,
  );
  const weights = terms.map((term) => formatWeight(term.weight, locale));
  return `(${products.join(' + ')}) / (${weights.join(' + ')})`;
}

/**
 * The total's formula as one line: "(25 × 0,78 + 25 × 0,67 + 15 × 1,00) / (25 + 25 + 15) × 100 = 79,2", followed by
 * " → 0" when a critical item failed (the UI says which item and why). Values are rounded for display only; the
 * result is computed from the unrounded values, so the printed terms need not add up to the last decimal.
 * "—" when nothing was scored.
 */
export function formatScoreFormula(formula: ScoreFormula, locale: Locale, options: FormulaFormatOptions = {}): string {
  const { valueDigits = 2, totalDigits = 1 } = options;
  if (formula.totalBeforeCritical === null || formula.terms.length === 0) return emptyFormulaText;
  const line = `${weightedMean(formula.terms, locale, valueDigits)} × 100 = ${formatScoreNumber(formula.totalBeforeCritical, locale, totalDigits)}`;
  return formula.criticalFailed ? `${line} → ${formatScoreNumber(0, locale, 0)}` : line;
}

/** A section's formula as one line: "(1 × 0,67 + 1 × 1,00 + 1 × 0,00) / (1 + 1 + 1) = 0,56"; "—" when nothing was scored. */
export function formatSectionFormula(
  section: SectionFormula,
  locale: Locale,
  options: FormulaFormatOptions = {},
): string {
  const { valueDigits = 2 } = options;
  if (section.score === null || section.terms.length === 0) return emptyFormulaText;
  return `${weightedMean(section.terms, locale, valueDigits)} = ${formatScoreNumber(section.score, locale, valueDigits)}`;
}

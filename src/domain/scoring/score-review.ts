import type { CallContext } from '../rubric/call-context';
import type { Rubric } from '../rubric/model';
import { answerValue, failsCriticalItem, type ItemAnswer, type ReviewAnswers } from './answers';
import { resolveAnswers, type AnswerSource } from './resolve-answers';
import type { FormulaTerm, ScoreFormula, SectionFormula } from './score-formula';

/*
 * The scoring rules (docs/domain.md, "Scoring"):
 * - item value in [0, 1]: level v of a k-level scale is v/(k-1) (0-3: v/3), Ja 1, Nee 0;
 * - N.v.t. leaves numerator and denominator alone;
 * - section score = Σ(item weight × value) / Σ item weight over its scored items;
 * - total = Σ(section weight × section score) / Σ section weight over the sections with at least one scored item,
 *   × 100, unrounded (rounding is for display only); the other sections' weights renormalise;
 * - a critical item answered Nee, or at level 0 on an ordinal scale (the ordinal "not shown"), sets the total to 0
 *   and flags the review; the total before the critical rule stays available.
 *
 * Unanswered items (and stored answers that no longer fit the item) are left out like N.v.t., so the live score
 * while scoring shows the items answered so far; the result says `complete: false` and lists them, so submitting
 * can be blocked. An unanswered critical item is not a failure.
 */

export const itemScoreStatuses = ['scored', 'not-applicable', 'unanswered', 'invalid'] as const;
export type ItemScoreStatus = (typeof itemScoreStatuses)[number];

export interface ItemScore {
  readonly itemId: string;
  readonly sectionId: string;
  /** The effective answer (explicit or the context's default N.v.t.); null when unanswered or invalid. */
  readonly answer: ItemAnswer | null;
  readonly source: AnswerSource;
  readonly status: ItemScoreStatus;
  /** In [0, 1] when scored, else null. */
  readonly value: number | null;
  readonly weight: number;
}

export interface SectionScore {
  readonly sectionId: string;
  /** The section's weight in the rubric. */
  readonly weight: number;
  /** Weighted mean of the scored items in [0, 1]; null when none was scored (the section drops out of the total). */
  readonly score: number | null;
  /** The weight it contributes to the total's denominator: `weight`, or 0 when it drops out. */
  readonly weightUsed: number;
  /** Items with a value (answered and not N.v.t.). */
  readonly applicableCount: number;
  readonly notApplicableCount: number;
  /** Unanswered and invalid items. */
  readonly unansweredCount: number;
}

export const criticalItemStatuses = ['passed', 'failed', 'not-applicable', 'unanswered'] as const;
export type CriticalItemStatus = (typeof criticalItemStatuses)[number];

export interface CriticalItemResult {
  readonly itemId: string;
  readonly status: CriticalItemStatus;
}

export interface ScoreResult {
  /** Every item, in rubric order. */
  readonly items: readonly ItemScore[];
  /** Every section, in rubric order. */
  readonly sections: readonly SectionScore[];
  /** 0..100 unrounded, before the critical rule; null when no item was scored. */
  readonly totalBeforeCritical: number | null;
  /** 0..100 unrounded: totalBeforeCritical, or 0 when a critical item failed; null when no item was scored. */
  readonly total: number | null;
  readonly criticalFailed: boolean;
  /** Every critical item with how it fared. */
  readonly criticalItems: readonly CriticalItemResult[];
  /** True when every item has a fitting answer (explicit, or N.v.t. by default). */
  readonly complete: boolean;
  /** Items without an answer, in rubric order. */
  readonly unansweredItemIds: readonly string[];
  /** Items whose stored answer does not fit the item (wrong kind, level out of range, N.v.t. not allowed). */
  readonly invalidItemIds: readonly string[];
  readonly formula: ScoreFormula;
}

function statusOf(source: AnswerSource, value: number | null): ItemScoreStatus {
  if (source === 'invalid') return 'invalid';
  if (source === 'unanswered') return 'unanswered';
  return value === null ? 'not-applicable' : 'scored';
}

function weightedMean(terms: readonly FormulaTerm[]): { weightedSum: number; weightSum: number; mean: number | null } {
  let weightedSum = 0;
  let weightSum = 0;
  for (const term of terms) {
    weightedSum += term.weight * term.value;
    weightSum += term.weight;
  }
  return { weightedSum, weightSum, mean: terms.length > 0 && weightSum > 0 ? weightedSum / weightSum : null };
}

/**
 * Scores a review: the rubric, the reviewer's explicit answers, and the call context (null when not answered yet;
 * then no item is N.v.t. by default). Pure and total: never throws on odd answers; see the rules above.
 */
export function scoreReview(rubric: Rubric, answers: ReviewAnswers, context: CallContext | null): ScoreResult {
  const resolved = new Map(resolveAnswers(rubric, answers, context).map((entry) => [entry.itemId, entry]));
  const items: ItemScore[] = [];
  const sections: SectionScore[] = [];
  const sectionFormulas: SectionFormula[] = [];
  const criticalItems: CriticalItemResult[] = [];

  for (const section of rubric.sections) {
    const terms: FormulaTerm[] = [];
    let notApplicableCount = 0;
    let unansweredCount = 0;
    for (const item of section.items) {
      const entry = resolved.get(item.id);
      const answer = entry?.answer ?? null;
      const source = entry?.source ?? 'unanswered';
      const value = answer === null ? null : answerValue(item, answer);
      const status = statusOf(source, value);
      items.push({ itemId: item.id, sectionId: section.id, answer, source, status, value, weight: item.weight });
      if (status === 'scored' && value !== null) terms.push({ id: item.id, weight: item.weight, value });
      else if (status === 'not-applicable') notApplicableCount += 1;
      else unansweredCount += 1;
      if (item.critical) {
        const criticalStatus: CriticalItemStatus =
          status === 'scored'
            ? answer !== null && failsCriticalItem(item, answer)
              ? 'failed'
              : 'passed'
            : status === 'not-applicable'
              ? 'not-applicable'
              : 'unanswered';
        criticalItems.push({ itemId: item.id, status: criticalStatus });
      }
    }
    const mean = weightedMean(terms);
    sectionFormulas.push({
      sectionId: section.id,
      terms,
      weightedSum: mean.weightedSum,
      weightSum: mean.weightSum,
      score: mean.mean,
    });
    sections.push({
      sectionId: section.id,
      weight: section.weight,
      score: mean.mean,
      weightUsed: mean.mean === null ? 0 : section.weight,
      applicableCount: terms.length,
      notApplicableCount,
      unansweredCount,
    });
  }

  const totalTerms: FormulaTerm[] = sections.flatMap((section) =>
    section.score === null ? [] : [{ id: section.sectionId, weight: section.weight, value: section.score }],
  );
  const overall = weightedMean(totalTerms);
  const totalBeforeCritical = overall.mean === null ? null : overall.mean * 100;
  const criticalFailed = criticalItems.some((critical) => critical.status === 'failed');
  const total = totalBeforeCritical === null ? null : criticalFailed ? 0 : totalBeforeCritical;
  const unansweredItemIds = items.filter((item) => item.status === 'unanswered').map((item) => item.itemId);
  const invalidItemIds = items.filter((item) => item.status === 'invalid').map((item) => item.itemId);

  return {
    items,
    sections,
    totalBeforeCritical,
    total,
    criticalFailed,
    criticalItems,
    complete: unansweredItemIds.length === 0 && invalidItemIds.length === 0,
    unansweredItemIds,
    invalidItemIds,
    formula: {
      sections: sectionFormulas,
      terms: totalTerms,
      weightedSum: overall.weightedSum,
      weightSum: overall.weightSum,
      totalBeforeCritical,
      criticalFailed,
      total,
    },
  };
}

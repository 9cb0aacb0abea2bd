import { callMetrics, type CallMetrics } from '../assist/call-metrics';
import { benchmarkDeviations, type DeviationSummary } from '../agreement/benchmark-deviation';
import { gwetAc1 } from '../agreement/gwet-ac1';
import { intraclassCorrelation } from '../agreement/intraclass-correlation';
import { krippendorffAlpha } from '../agreement/krippendorff-alpha';
import { splitNotApplicable } from '../agreement/not-applicable';
import { percentAgreement } from '../agreement/percent-agreement';
import { raterSeverity } from '../agreement/rater-severity';
import { reliabilityBand, type ReliabilityBand } from '../agreement/reliability-band';
import type { CallContext } from '../rubric/call-context';
import type { CallSignals } from '../signals/model';
import { rubricItems, type Rubric, type RubricItem } from '../rubric/model';
import type { ReviewAnswers } from '../scoring/answers';
import { scoreReview } from '../scoring/score-review';
import { itemDeviation } from './item-deviation';
import { itemRating } from './item-rating';

/** One reviewer's submitted review of one call in the session; null where they did not submit one. */
export interface SessionReviewInput {
  readonly answers: ReviewAnswers;
  readonly context: CallContext | null;
}

export interface SessionReportInput {
  readonly rubric: Rubric;
  /** Rows: reviewers; columns: calls. */
  readonly reviews: readonly (readonly (SessionReviewInput | null)[])[];
  /** Row index of the benchmark reviewer, or null: reviewers are then compared with the group mean. */
  readonly benchmarkIndex: number | null;
  readonly toleranceTotal: number;
  readonly toleranceItem: number;
  /** Each call's stored signals, in the session's call order; null for a call without them. */
  readonly callSignals?: readonly (CallSignals | null)[];
}

export interface ItemAgreement {
  readonly itemId: string;
  readonly level: 'ordinal' | 'nominal';
  /** N.v.t. treated as missing (the default policy). */
  readonly alpha: number | null;
  readonly band: ReliabilityBand | null;
  readonly percentAgreement: number | null;
  readonly gwetAc1: number | null;
  /** Agreement on applicability itself (N.v.t. or not), nominal alpha; null where nobody answered N.v.t. */
  readonly applicabilityAlpha: number | null;
  /** Below the tentative threshold (0.667): the item's wording or anchors are read differently. */
  readonly ambiguous: boolean;
  /** Share of reviewer-call pairs within ±toleranceItem scale points of the benchmark (ordinal) or equal (Ja/Nee). */
  readonly percentWithinTolerance: number | null;
}

export interface ReviewerCalibration {
  /** Mean signed deviation of the total from the reference (benchmark or group mean): + = lenient. */
  readonly bias: number | null;
  readonly meanAbsoluteDeviation: number | null;
  readonly percentWithinTolerance: number | null;
  /** Calls compared with the reference; null when the session has too few submitted reviewers to compare. */
  readonly calls: number | null;
  /** Additive-model effect on the total (± standard error): + = lenient. */
  readonly severity: number | null;
  readonly severityStandardError: number | null;
}

/** Agreement and severity need at least two reviewers who submitted a review. */
export const minimumSubmittedReviewers = 2;

export interface SessionReport {
  readonly reference: 'benchmark' | 'group-mean';
  /** At least `minimumSubmittedReviewers` reviewers submitted: otherwise nothing comparative is computable. */
  readonly enoughReviews: boolean;
  /** Items flagged ambiguous; null when agreement is not computable. */
  readonly ambiguousItems: number | null;
  readonly items: readonly ItemAgreement[];
  readonly sections: readonly {
    readonly sectionId: string;
    readonly alpha: number | null;
    readonly band: ReliabilityBand | null;
  }[];
  readonly total: {
    readonly alpha: number | null;
    readonly band: ReliabilityBand | null;
    readonly iccAgreement: number | null;
  };
  /** Totals per reviewer (rows) and call (columns), after the critical rule; null where not reviewed. */
  readonly totals: readonly (readonly (number | null)[])[];
  readonly reviewers: readonly ReviewerCalibration[];
  /** Severity-adjusted ("fair") total per call: what an average reviewer would have given. */
  readonly fairTotals: readonly (number | null)[];
  /**
   * Each call's metrics (talk ratio, overtalk, longest silence, agent rate, acknowledgement), in call order: facts
   * about the calls next to the agreement figures, never part of them; null for a call without signals.
   */
  readonly callMetrics: readonly (CallMetrics | null)[];
}

const toFigures = (
  summary: DeviationSummary | null,
): Omit<ReviewerCalibration, 'severity' | 'severityStandardError'> => ({
  bias: summary?.meanSignedDeviation ?? null,
  meanAbsoluteDeviation: summary?.meanAbsoluteDeviation ?? null,
  percentWithinTolerance: summary?.percentWithinTolerance ?? null,
  calls: summary?.units ?? 0,
});

/**
 * The calibration report of a session (domain.md "Calibration"): per item Krippendorff's alpha (ordinal for k-level
 * items, nominal for Ja/Nee) with N.v.t. as missing and applicability agreement reported separately, percent
 * agreement and Gwet's AC1; per section and on the total interval alpha (and ICC(A,1) on complete totals); per
 * reviewer bias, mean absolute deviation and % of calls within tolerance against the benchmark reviewer (or, without
 * one, against the mean of the other reviewers), and the additive severity model on the totals. Unsubmitted reviews
 * are missing cells. Items with alpha below 0.667 are flagged ambiguous.
 */
export function sessionReport(input: SessionReportInput): SessionReport {
  const { rubric, reviews, benchmarkIndex } = input;
  const callCount = reviews[0]?.length ?? 0;
  const scores = reviews.map((row) =>
    row.map((review) => (review ? scoreReview(rubric, review.answers, review.context) : null)),
  );
  const totals = scores.map((row) => row.map((score) => score?.total ?? null));

  const items: ItemAgreement[] = rubricItems(rubric).map(({ item }) => itemAgreement(input, item));

  const sections = rubric.sections.map((section, sectionIndex) => {
    const matrix = scores.map((row) =>
      row.map((score) => {
        const value = score?.sections[sectionIndex]?.score;
        return value === null || value === undefined ? null : value * 100;
      }),
    );
    const alpha = krippendorffAlpha(matrix, 'interval');
    return { sectionId: section.id, alpha, band: reliabilityBand(alpha) };
  });

  const totalAlpha = krippendorffAlpha(totals, 'interval');
  const icc = intraclassCorrelation(totals);
  const submittedReviewers = reviews.filter((row) => row.some((review) => review !== null)).length;
  const enoughReviews = submittedReviewers >= minimumSubmittedReviewers;
  // One reviewer's severity is 0 by construction and their "fair" totals are their own: not a measurement.
  const severity = enoughReviews ? raterSeverity(totals) : null;

  // The reference for each reviewer: the benchmark's totals, or the mean of the other reviewers per call.
  const deviations = benchmarkIndex !== null ? benchmarkDeviations(totals, benchmarkIndex, input.toleranceTotal) : null;
  const reviewersReport: ReviewerCalibration[] = totals.map((row, reviewer) => {
    const base =
      benchmarkIndex !== null
        ? toFigures(deviations?.perRater[reviewer] ?? null)
        : toFigures(groupMeanDeviation(totals, reviewer, input.toleranceTotal));
    return {
      ...base,
      calls: enoughReviews ? base.calls : null,
      severity: severity?.raterEffect[reviewer] ?? null,
      severityStandardError: severity?.raterStandardError[reviewer] ?? null,
    };
  });

  return {
    reference: benchmarkIndex !== null ? 'benchmark' : 'group-mean',
    enoughReviews,
    ambiguousItems: enoughReviews ? items.filter((item) => item.ambiguous).length : null,
    items,
    sections,
    total: {
      alpha: totalAlpha,
      band: reliabilityBand(totalAlpha),
      iccAgreement: icc?.forms['ICC(A,1)']?.value ?? null,
    },
    totals,
    reviewers: reviewersReport,
    fairTotals: severity?.fairUnitScore ?? Array.from({ length: callCount }, () => null),
    callMetrics: Array.from({ length: Math.max(callCount, input.callSignals?.length ?? 0) }, (_, call) => {
      const signals = input.callSignals?.[call];
      return signals ? callMetrics(signals) : null;
    }),
  };
}

/** One item's agreement figures, with N.v.t. split off, and its share of ratings within tolerance. */
function itemAgreement(input: SessionReportInput, item: RubricItem): ItemAgreement {
  const { rubric, reviews, benchmarkIndex } = input;
  const reviewerCount = reviews.length;
  const callCount = reviews[0]?.length ?? 0;
  const raw = reviews.map((row) => row.map((review) => itemRating(item, review, rubric)));
  const split = splitNotApplicable(raw);
  const level = item.scale.kind === 'ordinal' ? 'ordinal' : 'nominal';
  const categories = item.scale.kind === 'ordinal' ? item.scale.levels.map((entry) => entry.value) : ['Ja', 'Nee'];
  const alpha = krippendorffAlpha(split.ratings, level, { categories });
  const reference = benchmarkIndex ?? null;
  let within = 0;
  let compared = 0;
  for (let reviewer = 0; reviewer < reviewerCount; reviewer += 1) {
    if (reviewer === reference) continue;
    for (let call = 0; call < callCount; call += 1) {
      const mine = split.ratings[reviewer]![call];
      if (mine === null || mine === undefined) continue;
      const others =
        reference !== null
          ? [split.ratings[reference]![call] ?? null]
          : split.ratings.filter((_, index) => index !== reviewer).map((row) => row[call] ?? null);
      const deviation = itemDeviation(mine, others, reference !== null ? 'benchmark' : 'group', input.toleranceItem);
      if (deviation === null) continue;
      compared += 1;
      if (deviation === 'within') within += 1;
    }
  }
  const applicability = split.notApplicableCells > 0 ? krippendorffAlpha(split.applicability, 'nominal') : null;
  return {
    itemId: item.id,
    level,
    alpha,
    band: reliabilityBand(alpha),
    percentAgreement: percentAgreement(split.ratings),
    gwetAc1: gwetAc1(split.ratings, { categories }),
    applicabilityAlpha: applicability,
    ambiguous: alpha !== null && alpha < 0.667,
    percentWithinTolerance: compared > 0 ? (within / compared) * 100 : null,
  };
}

/** A reviewer's deviation from the mean of the other reviewers' totals, per call both exist. */
function groupMeanDeviation(
  totals: readonly (readonly (number | null)[])[],
  reviewer: number,
  tolerance: number,
): DeviationSummary {
  const deviations: number[] = [];
  totals[reviewer]!.forEach((mine, call) => {
    if (mine === null) return;
    const others = totals
      .filter((_, index) => index !== reviewer)
      .map((row) => row[call])
      .filter((value): value is number => value !== null && value !== undefined);
    if (others.length === 0) return;
    deviations.push(mine - others.reduce((sum, value) => sum + value, 0) / others.length);
  });
  if (deviations.length === 0)
    return { units: 0, meanSignedDeviation: null, meanAbsoluteDeviation: null, percentWithinTolerance: null };
  return {
    units: deviations.length,
    meanSignedDeviation: deviations.reduce((sum, value) => sum + value, 0) / deviations.length,
    meanAbsoluteDeviation: deviations.reduce((sum, value) => sum + Math.abs(value), 0) / deviations.length,
    percentWithinTolerance:
      (deviations.filter((value) => Math.abs(value) <= tolerance + 1e-9).length / deviations.length) * 100,
  };
}

import { benchmarkDeviations, type DeviationSummary } from './benchmark-deviation';
import { cohenKappa } from './cohen-kappa';
import { fleissKappaFromCounts } from './fleiss-kappa';
import { gwetAc1FromCounts } from './gwet-ac1';
import { iccFormNames, intraclassCorrelation, type IccEstimate, type IccFormName } from './intraclass-correlation';
import { krippendorffAlphaFromCounts } from './krippendorff-alpha';
import { splitNotApplicable } from './not-applicable';
import { percentAgreementFromCounts } from './percent-agreement';
import { raterSeverity } from './rater-severity';
import {
  isMissingRating,
  unitCount,
  type Category,
  type MeasurementLevel,
  type NumericRatingsMatrix,
  type RatingsMatrix,
} from './ratings';
import { reliabilityBand, type ReliabilityBand } from './reliability-band';
import { countRatings } from './unit-value-counts';

/** What to summarise: the `agreement` CLI's JSON input, also what the app passes in. */
export interface AgreementInput {
  /** Rows = raters, columns = units; numbers or labels, null = missing, "N.v.t."/"NA" = not applicable. */
  readonly ratings: RatingsMatrix;
  readonly level: MeasurementLevel;
  /** The full ordered scale (weighted kappa distances, AC1's q); default: the observed values. */
  readonly categories?: readonly Category[];
  /** Row index of the benchmark (expert) rater. */
  readonly benchmark?: number;
  /** |rater - benchmark| <= tolerance counts as within; default 0 (exact). Only used with a benchmark. */
  readonly tolerance?: number;
}

export interface DeviationFigures {
  readonly units: number;
  readonly mean_signed_deviation: number | null;
  readonly mean_abs_deviation: number | null;
  readonly pct_within_tolerance: number | null;
}

export interface IccTest {
  readonly f_value: number | null;
  readonly df1: number;
  readonly df2: number;
  readonly p_value: number | null;
  /** 95% confidence interval (McGraw & Wong 1996). */
  readonly ci_lower: number | null;
  readonly ci_upper: number | null;
}

/** The one JSON object the `agreement` command prints; snake_case because it is a file format. */
export interface AgreementSummary {
  readonly raters: number;
  readonly units: number;
  readonly level: MeasurementLevel;
  readonly krippendorff_alpha: number | null;
  /** The band of krippendorff_alpha: >= 0.800 reliable, >= 0.667 tentative, else unreliable. */
  readonly reliability: ReliabilityBand | null;
  /** 0..100. */
  readonly percent_agreement: number | null;
  readonly fleiss_kappa: number | null;
  readonly gwet_ac1: number | null;
  /** Two raters only; linear and quadratic are null at the nominal level (no distances between labels). */
  readonly cohen_kappa: {
    readonly unweighted: number | null;
    readonly linear: number | null;
    readonly quadratic: number | null;
  } | null;
  readonly icc: Readonly<Record<IccFormName, number | null>> | null;
  readonly icc_tests: Readonly<Record<IccFormName, IccTest>> | null;
  readonly severity: {
    readonly grand_mean: number;
    readonly rater_effect: readonly (number | null)[];
    readonly rater_standard_error: readonly (number | null)[];
    readonly fair_unit_score: readonly (number | null)[];
  } | null;
  readonly benchmark: {
    readonly rater: number;
    readonly tolerance: number;
    /** One entry per rater in row order; null for the benchmark itself. */
    readonly per_rater: readonly (DeviationFigures | null)[];
    readonly overall: DeviationFigures;
  } | null;
  /** Agreement on applicability (N.v.t. or not) when any rating was N.v.t.; those ratings count as missing above. */
  readonly not_applicable: {
    readonly cells: number;
    readonly krippendorff_alpha: number | null;
    readonly percent_agreement: number | null;
    readonly gwet_ac1: number | null;
  } | null;
}

export type AgreementSummaryResult =
  | { readonly ok: true; readonly value: AgreementSummary }
  | { readonly ok: false; readonly error: { readonly code: 'invalid_input'; readonly message: string } };

/**
 * Every agreement statistic for one ratings matrix, as the `agreement` CLI prints it (so CLI and app share one
 * code path). N.v.t. policy: "N.v.t."/"NA" ratings are missing for all item statistics; agreement on applicability
 * is reported under `not_applicable`. Percent agreement, Fleiss' kappa and AC1 treat values as categories at every
 * level; alpha uses the level's metric; Cohen's kappa only for exactly two raters, its weighted forms only at
 * ordered (non-nominal) levels; ICC only for numeric levels
 * with complete data; severity only for numeric levels. Statistics that are undefined are null (see each
 * function). Invalid input is a value, not a throw: ragged rows, labels at a numeric level, values outside
 * `categories`, duplicate categories, a benchmark out of range or with labels, a negative tolerance.
 */
export function summariseAgreement(input: AgreementInput): AgreementSummaryResult {
  const invalid = (message: string): AgreementSummaryResult => ({
    ok: false,
    error: { code: 'invalid_input', message },
  });
  const { level } = input;
  const raters = input.ratings.length;
  const units = unitCount(input.ratings);
  const ragged = input.ratings.findIndex((row) => row.length !== units);
  if (ragged >= 0) {
    return invalid(
      `rater ${ragged} has ${input.ratings[ragged]!.length} ratings but rater ${input.ratings.findIndex((row) => row.length === units)} has ${units}: every rater needs one cell per unit (null for missing)`,
    );
  }
  const split = splitNotApplicable(input.ratings);
  const ratings = split.ratings;
  const numeric = level !== 'nominal';
  const categories = input.categories;
  const problem = inputProblem(input, ratings, units);
  if (problem !== null) return invalid(problem);
  const tolerance = input.tolerance ?? 0;

  const numericRatings = ratings as NumericRatingsMatrix;
  // Alpha, AC1, Fleiss and % agreement share one coding; extra scale categories change only alpha's order and AC1's q.
  const counted = countRatings(ratings, categories);
  const alpha = krippendorffAlphaFromCounts(counted, level);
  const kappa = raters === 2 ? cohenKappa(ratings[0]!, ratings[1]!, { categories }) : null;
  const icc = numeric ? intraclassCorrelation(ratings) : null;
  const severity = numeric ? raterSeverity(numericRatings) : null;
  const deviations =
    input.benchmark === undefined ? null : benchmarkDeviations(numericRatings, input.benchmark, tolerance);
  return {
    ok: true,
    value: {
      raters,
      units,
      level,
      krippendorff_alpha: alpha,
      reliability: reliabilityBand(alpha),
      percent_agreement: percentAgreementFromCounts(counted),
      fleiss_kappa: fleissKappaFromCounts(counted),
      gwet_ac1: gwetAc1FromCounts(counted),
      // A nominal scale has no distances, so its weighted kappas would depend on the alphabetical order of labels.
      cohen_kappa: kappa && {
        unweighted: kappa.unweighted,
        linear: numeric ? kappa.linear : null,
        quadratic: numeric ? kappa.quadratic : null,
      },
      icc: icc && mapForms((form) => icc.forms[form].value),
      icc_tests: icc && mapForms((form) => iccTestFigures(icc.forms[form])),
      severity: severity && {
        grand_mean: severity.grandMean,
        rater_effect: severity.raterEffect,
        rater_standard_error: severity.raterStandardError,
        fair_unit_score: severity.fairUnitScore,
      },
      benchmark: deviations && {
        rater: deviations.benchmark,
        tolerance: deviations.tolerance,
        per_rater: deviations.perRater.map((summary) => summary && deviationFigures(summary)),
        overall: deviationFigures(deviations.overall),
      },
      not_applicable:
        split.notApplicableCells === 0 ? null : applicabilityAgreement(split.applicability, split.notApplicableCells),
    },
  };
}

/** What is wrong with the categories, the cells (not applicable cells split off), the tolerance or the benchmark. */
function inputProblem(input: AgreementInput, ratings: RatingsMatrix, units: number): string | null {
  const { level, categories } = input;
  const raters = ratings.length;
  const numeric = level !== 'nominal';
  if (categories) {
    const seen = new Set<Category>();
    for (const category of categories) {
      if (seen.has(category)) return `categories lists ${JSON.stringify(category)} twice`;
      seen.add(category);
      if (numeric && typeof category !== 'number')
        return `category ${JSON.stringify(category)} is not a number (level ${level} needs numbers)`;
    }
  }
  const listed = categories ? new Set<Category>(categories) : null;
  let allNumeric = true;
  for (let rater = 0; rater < raters; rater += 1) {
    const row = ratings[rater]!;
    for (let unit = 0; unit < units; unit += 1) {
      const value = row[unit]!;
      if (isMissingRating(value)) continue;
      if (typeof value !== 'number') {
        allNumeric = false;
        if (numeric) {
          return `rater ${rater}, unit ${unit}: ${JSON.stringify(value)} is not a number (level ${level} needs numeric ratings; use level nominal for labels)`;
        }
      }
      if (listed && !listed.has(value))
        return `rater ${rater}, unit ${unit}: ${JSON.stringify(value)} is not one of the categories`;
    }
  }
  const tolerance = input.tolerance ?? 0;
  if (!(tolerance >= 0) || !Number.isFinite(tolerance))
    return `tolerance must be a non-negative number, not ${input.tolerance}`;
  if (input.benchmark !== undefined) {
    if (!Number.isInteger(input.benchmark) || input.benchmark < 0 || input.benchmark >= raters) {
      return `benchmark ${input.benchmark} is not a rater: there ${raters === 1 ? 'is 1 rater' : `are ${raters} raters`} (rows 0-${raters - 1})`;
    }
    if (!allNumeric) return 'benchmark deviations need numeric ratings';
  }
  return null;
}

function applicabilityAgreement(applicability: RatingsMatrix, cells: number): AgreementSummary['not_applicable'] {
  const counted = countRatings(applicability, ['applicable', 'not applicable']);
  return {
    cells,
    krippendorff_alpha: krippendorffAlphaFromCounts(counted, 'nominal'),
    percent_agreement: percentAgreementFromCounts(counted),
    gwet_ac1: gwetAc1FromCounts(counted),
  };
}

function mapForms<T>(pick: (form: IccFormName) => T): Record<IccFormName, T> {
  return Object.fromEntries(iccFormNames.map((form) => [form, pick(form)])) as Record<IccFormName, T>;
}

function iccTestFigures(estimate: IccEstimate): IccTest {
  return {
    f_value: estimate.fValue,
    df1: estimate.df1,
    df2: estimate.df2,
    p_value: estimate.pValue,
    ci_lower: estimate.lower,
    ci_upper: estimate.upper,
  };
}

function deviationFigures(summary: DeviationSummary): DeviationFigures {
  return {
    units: summary.units,
    mean_signed_deviation: summary.meanSignedDeviation,
    mean_abs_deviation: summary.meanAbsoluteDeviation,
    pct_within_tolerance: summary.percentWithinTolerance,
  };
}

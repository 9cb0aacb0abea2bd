import type { Moment } from '../moments/model';
import { momentTypes, type MomentType } from '../moments/moment-types';
import { appendAll } from '../extremes';
import { optimalMatching } from './moment-assignment';

/** One reviewer's moments on one call of a calibration session. */
export interface ReviewerMoments {
  readonly reviewerId: string;
  readonly moments: readonly Moment[];
}

export interface MomentAgreementOptions {
  /**
   * Two moments of the same type match when their intersection is at least this share of the shorter moment
   * (0..1; 0 = any overlap). Default 0.3.
   */
  readonly minimumOverlapRatio?: number;
  /** Index of the benchmark reviewer in `reviewers`, or null (the default) for no reference. */
  readonly referenceIndex?: number | null;
}

/** One pair of reviewers (first < second, indexes into `reviewers`). */
export interface PairMomentAgreement {
  readonly first: number;
  readonly second: number;
  readonly firstReviewerId: string;
  readonly secondReviewerId: string;
  readonly matched: number;
  /** Moments of the first reviewer without a partner: what only the first reviewer heard. */
  readonly unmatchedFirst: number;
  readonly unmatchedSecond: number;
  /** 2·matched / (moments of first + moments of second), 0..1; null when neither tagged a moment. */
  readonly f1: number | null;
}

/** One reviewer against the reference (benchmark) reviewer. */
export interface ReferenceMomentAgreement {
  readonly reviewer: number;
  readonly reviewerId: string;
  readonly matched: number;
  /** Reference moments without a match: what this reviewer did not hear. */
  readonly missed: number;
  /** This reviewer's moments without a match: what the reference did not tag. */
  readonly extra: number;
  /** matched / (matched + extra); null when the reviewer tagged nothing. */
  readonly precision: number | null;
  /** matched / (matched + missed); null when the reference tagged nothing. */
  readonly recall: number | null;
  /** 2·matched / (2·matched + missed + extra); null when neither tagged anything. */
  readonly f1: number | null;
}

/** The agreement figures of one moment type, or pooled over all types. */
export interface MomentAgreementFigures {
  /** Valid moments per reviewer, in `reviewers` order. */
  readonly momentCounts: readonly number[];
  /** Every pair i < j in the order (0,1), (0,2), …, (1,2), …; empty with fewer than two reviewers. */
  readonly pairs: readonly PairMomentAgreement[];
  /** Mean of the pairs' F1 over the pairs where it is defined; null when none is. */
  readonly meanPairwiseF1: number | null;
  /**
   * Per reviewer in `reviewers` order against the reference; the reference's own entry is null (a perfect score
   * there would read as a calibrated reviewer). Null when no reference was given.
   */
  readonly versusReference: readonly (ReferenceMomentAgreement | null)[] | null;
}

export interface TypeMomentAgreement extends MomentAgreementFigures {
  readonly type: MomentType;
}

export interface MomentAgreement {
  readonly minimumOverlapRatio: number;
  readonly referenceIndex: number | null;
  /** Types at least one reviewer tagged, in the order of `momentTypes`. */
  readonly types: readonly TypeMomentAgreement[];
  /** Counts summed over the types (a moment only ever matches its own type), F1 from the summed counts. */
  readonly overall: MomentAgreementFigures;
}

/** One matched pair: the two moments and how many milliseconds they share. */
export interface MomentPair {
  readonly first: Moment;
  readonly second: Moment;
  readonly overlapMs: number;
}

export interface MomentMatching {
  readonly pairs: readonly MomentPair[];
  readonly unmatchedFirst: readonly Moment[];
  readonly unmatchedSecond: readonly Moment[];
}

export const defaultMinimumOverlapRatio = 0.3;

/**
 * Moment agreement in a calibration session (spec: "reviewers' moments of the same type are matched by time
 * overlap; matched and unmatched counts and F1 per type show who heard what"), for the moments of one call.
 *
 * Matching rule: moments a (of one reviewer) and b (of another) can match when they have the same type and
 * |a ∩ b| > 0 and |a ∩ b| / min(|a|, |b|) ≥ minimumOverlapRatio (default 0.3). The shorter moment is the yardstick,
 * not intersection-over-union, because reviewers draw the same event with very different widths: a 1 s cue inside
 * someone else's 8 s stretch was heard by both (IoU 0.125, yet 100% of the shorter). Per pair of reviewers and per
 * type the matching is one-to-one and optimal: first the largest number of matched pairs, then among those the
 * largest total overlap (an assignment problem, solved exactly). So two short moments inside one long one count as
 * one match, not two, and the counts do not depend on input order, on tie-breaks or on which reviewer is first
 * (a greedy match by overlap can pair a long moment with the wrong partner and undercount). Among equally good
 * matchings the pairs chosen are deterministic (moments are sorted by start, end, id first) but unspecified.
 *
 * Figures per type, and pooled over types in `overall`: per pair matched, unmatched per side and
 * F1 = 2·matched / (n_i + n_j); the mean pairwise F1 over pairs where F1 is defined; and with a reference reviewer,
 * per reviewer matched, missed, extra, precision, recall and F1 (recall null without reference moments, precision
 * null when the reviewer tagged none; F1 is then 0 if the other side tagged any).
 *
 * Edge cases: nobody tagged anything → no types, overall F1s null (never NaN); one reviewer → no pairs; moments
 * of different types never match; a moment with a non-finite time or endMs ≤ startMs (which validation prevents)
 * is ignored, in the counts too. Returns null for a ratio outside 0..1 (or NaN) or a reference index that is not
 * an index into `reviewers`. Never throws.
 */
export function momentAgreement(
  reviewers: readonly ReviewerMoments[],
  options: MomentAgreementOptions = {},
): MomentAgreement | null {
  const ratio = options.minimumOverlapRatio ?? defaultMinimumOverlapRatio;
  if (!isValidRatio(ratio)) return null;
  const reference = options.referenceIndex ?? null;
  if (reference !== null && !(Number.isInteger(reference) && reference >= 0 && reference < reviewers.length))
    return null;

  const byReviewer = reviewers.map((reviewer) => groupByType(reviewer.moments));
  const types = presentTypes(byReviewer);
  const pairIndexes: (readonly [number, number])[] = [];
  for (let first = 0; first < reviewers.length; first += 1) {
    for (let second = first + 1; second < reviewers.length; second += 1) pairIndexes.push([first, second]);
  }

  const perType = types.map((type) => {
    const momentCounts = byReviewer.map((groups) => groups.get(type)?.length ?? 0);
    const matched = pairIndexes.map(
      ([first, second]) =>
        optimalMatching(byReviewer[first]!.get(type) ?? [], byReviewer[second]!.get(type) ?? [], ratio).length,
    );
    return { type, momentCounts, matched };
  });

  const figures = (momentCounts: readonly number[], matched: readonly number[]): MomentAgreementFigures => {
    const pairs = pairIndexes.map(([first, second], index): PairMomentAgreement => {
      const count = matched[index]!;
      return {
        first,
        second,
        firstReviewerId: reviewers[first]!.reviewerId,
        secondReviewerId: reviewers[second]!.reviewerId,
        matched: count,
        unmatchedFirst: momentCounts[first]! - count,
        unmatchedSecond: momentCounts[second]! - count,
        f1: f1Score(count, momentCounts[first]! + momentCounts[second]!),
      };
    });
    const defined = pairs.map((pair) => pair.f1).filter((value): value is number => value !== null);
    const meanPairwiseF1 =
      defined.length === 0 ? null : defined.reduce((sum, value) => sum + value, 0) / defined.length;
    // The matching is symmetric in its counts, so the pair involving the reference already holds everything needed.
    const versusReference = reference === null ? null : versusReferenceOf(reviewers, reference, pairs, momentCounts);
    return { momentCounts, pairs, meanPairwiseF1, versusReference };
  };

  const sum = (rows: readonly (readonly number[])[], length: number): number[] =>
    Array.from({ length }, (_, index) => rows.reduce((total, row) => total + row[index]!, 0));
  return {
    minimumOverlapRatio: ratio,
    referenceIndex: reference,
    types: perType.map(({ type, momentCounts, matched }) => ({ type, ...figures(momentCounts, matched) })),
    overall: figures(
      sum(
        perType.map((entry) => entry.momentCounts),
        reviewers.length,
      ),
      sum(
        perType.map((entry) => entry.matched),
        pairIndexes.length,
      ),
    ),
  };
}

/** Each reviewer's figures against the reference reviewer's moments (null for the reference itself). */
function versusReferenceOf(
  reviewers: readonly ReviewerMoments[],
  reference: number,
  pairs: readonly PairMomentAgreement[],
  momentCounts: readonly number[],
): (ReferenceMomentAgreement | null)[] {
  return reviewers.map((reviewer, index): ReferenceMomentAgreement | null => {
    if (index === reference) return null;
    const pair = pairs.find(
      (entry) =>
        (entry.first === reference && entry.second === index) || (entry.first === index && entry.second === reference),
    )!;
    const referenceCount = momentCounts[reference]!;
    const ownCount = momentCounts[index]!;
    return {
      reviewer: index,
      reviewerId: reviewer.reviewerId,
      matched: pair.matched,
      missed: referenceCount - pair.matched,
      extra: ownCount - pair.matched,
      precision: ownCount === 0 ? null : pair.matched / ownCount,
      recall: referenceCount === 0 ? null : pair.matched / referenceCount,
      f1: f1Score(pair.matched, referenceCount + ownCount),
    };
  });
}

/**
 * The one-to-one matching of two reviewers' moments that momentAgreement counts (same rule: same type, overlap of
 * at least `minimumOverlapRatio` of the shorter moment; most pairs, then most total overlap), for showing which
 * moments were heard by one reviewer only. Pairs are ordered by the first moment's start, then end, then id;
 * unmatched moments by start, end, id. Invalid moments (non-finite or endMs ≤ startMs) are left out of every list.
 * Returns null for a ratio outside 0..1 or NaN.
 */
export function matchMoments(
  first: readonly Moment[],
  second: readonly Moment[],
  minimumOverlapRatio: number = defaultMinimumOverlapRatio,
): MomentMatching | null {
  if (!isValidRatio(minimumOverlapRatio)) return null;
  const firstGroups = groupByType(first);
  const secondGroups = groupByType(second);
  const pairs: MomentPair[] = [];
  const unmatchedFirst: Moment[] = [];
  const unmatchedSecond: Moment[] = [];
  for (const type of presentTypes([firstGroups, secondGroups])) {
    const mine = firstGroups.get(type) ?? [];
    const theirs = secondGroups.get(type) ?? [];
    const matching = optimalMatching(mine, theirs, minimumOverlapRatio);
    // By position, not by object: the same Moment object listed twice is two moments here, as in the counts.
    const pairedFirst = new Set(matching.map((pair) => pair.firstIndex));
    const pairedSecond = new Set(matching.map((pair) => pair.secondIndex));
    appendAll(
      pairs,
      matching.map((pair) => ({
        first: mine[pair.firstIndex]!,
        second: theirs[pair.secondIndex]!,
        overlapMs: pair.overlapMs,
      })),
    );
    appendAll(
      unmatchedFirst,
      mine.filter((_, index) => !pairedFirst.has(index)),
    );
    appendAll(
      unmatchedSecond,
      theirs.filter((_, index) => !pairedSecond.has(index)),
    );
  }
  pairs.sort((a, b) => compareMoments(a.first, b.first) || compareMoments(a.second, b.second));
  return {
    pairs,
    unmatchedFirst: unmatchedFirst.sort(compareMoments),
    unmatchedSecond: unmatchedSecond.sort(compareMoments),
  };
}

function isValidRatio(ratio: number): boolean {
  return ratio >= 0 && ratio <= 1;
}

/** 2·matched / total moments of both sides; null rather than 0/0 when neither side has any. */
function f1Score(matched: number, total: number): number | null {
  return total === 0 ? null : (2 * matched) / total;
}

function isValidMoment(moment: Moment): boolean {
  return Number.isFinite(moment.startMs) && Number.isFinite(moment.endMs) && moment.endMs > moment.startMs;
}

function compareMoments(a: Moment, b: Moment): number {
  return a.startMs - b.startMs || a.endMs - b.endMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Valid moments per type, each list sorted by start, end, id so the matching does not depend on input order. */
function groupByType(moments: readonly Moment[]): Map<MomentType, Moment[]> {
  const groups = new Map<MomentType, Moment[]>();
  for (const moment of moments) {
    if (!isValidMoment(moment)) continue;
    const group = groups.get(moment.type);
    if (group) group.push(moment);
    else groups.set(moment.type, [moment]);
  }
  for (const group of groups.values()) group.sort(compareMoments);
  return groups;
}

/** Types with at least one moment, in `momentTypes` order; a type outside the default set (unvalidated data) comes last. */
function presentTypes(groups: readonly ReadonlyMap<MomentType, readonly Moment[]>[]): MomentType[] {
  const present = new Set<MomentType>();
  for (const group of groups) for (const type of group.keys()) present.add(type);
  const rank = (type: MomentType) => {
    const index = momentTypes.indexOf(type);
    return index === -1 ? momentTypes.length : index;
  };
  return [...present].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

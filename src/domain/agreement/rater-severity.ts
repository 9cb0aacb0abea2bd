import { isMissingRating, unitCount, type NumericRatingsMatrix } from './ratings';

/** The additive severity model fitted to a ratings matrix; entries are null for raters or units without ratings. */
export interface RaterSeverity {
  /** mu, the model's overall level. */
  readonly grandMean: number;
  /** beta_r per rater in row order, summing to 0 over raters with ratings; positive = more lenient than average. */
  readonly raterEffect: readonly (number | null)[];
  /** Standard error of each rater effect: sigma * sqrt of the diagonal of the effects' covariance (C+). */
  readonly raterStandardError: readonly (number | null)[];
  /** alpha_u per unit, summing to 0 over rated units. */
  readonly unitEffect: readonly (number | null)[];
  /** The severity-adjusted ("fair") unit score mu + alpha_u: what an average rater would have given. */
  readonly fairUnitScore: readonly (number | null)[];
  /** sigma, the residual standard deviation; null without residual degrees of freedom. */
  readonly residualStandardDeviation: number | null;
  /** observed cells - rated units - raters with ratings + 1. */
  readonly residualDegreesOfFreedom: number;
}

/**
 * Fits score_ru = mu + alpha_u + beta_r + e_ru by least squares over the observed cells (missing cells allowed),
 * with sum_u alpha_u = 0 and sum_r beta_r = 0, by solving the reduced normal equations of the two-way design
 * without interaction (Searle 1971, Linear Models, ch. 7; the "C matrix" of incomplete block designs):
 * C beta = Q with C = diag(n_r) - N diag(1/m_u) N', Q_r = T_r - sum_{u rated by r} mean_u, solved as
 * beta = (C + J/R)^-1 Q, which is C's pseudo-inverse on sum-zero vectors. Then alpha_u + mu = mean_u - mean of
 * beta over u's raters. Standard errors: sigma^2 = RSS / (N - U - R + 1), Var(beta_r) = sigma^2 (C+)_rr.
 * Exact (no iteration); O(sum_u m_u^2 + R^3), R = raters.
 *
 * Edge cases: returns null with no observed cell, or when raters and units fall apart into groups that share no
 * unit (a disconnected design: effects are then not identifiable). One rater: effect 0, standard error null.
 * Constant ratings: all effects 0, standard errors 0. Raters or units without ratings get null. Never NaN.
 */
export function raterSeverity(ratings: NumericRatingsMatrix): RaterSeverity | null {
  const design = groupByUnit(ratings);
  if (design === null) return null;
  const { raterSlot, activeRaters: size, units, unitStart, entryRater, observations } = design;
  if (!isConnected(size, units, unitStart, entryRater)) return null;
  const { unitMeans, ratedUnits } = meansOfUnits(design);
  const { matrix, adjusted } = reducedNormalEquations(design, unitMeans);
  const factor = choleskyFactor(matrix, size);
  if (factor === null) return null;
  const effects = choleskySolve(factor, size, adjusted);
  // Sum-zero holds in exact arithmetic (A 1 = 1 and sum Q = 0); remove the rounding residue.
  const effectMean = effects.reduce((sum, value) => sum + value, 0) / size;
  for (let index = 0; index < size; index += 1) effects[index] = effects[index]! - effectMean;

  const { levels, levelSum, residualSquares } = unitLevels(design, unitMeans, effects);
  const grandMean = levelSum / ratedUnits;
  const residualDegreesOfFreedom = observations - ratedUnits - size + 1;
  const sigma = residualDegreesOfFreedom > 0 ? Math.sqrt(residualSquares / residualDegreesOfFreedom) : null;
  const inverseDiagonal = size > 1 && sigma !== null ? choleskyInverseDiagonal(factor, size) : null;
  return {
    grandMean,
    raterEffect: Array.from(raterSlot, (slot) => (slot === -1 ? null : effects[slot]!)),
    raterStandardError: Array.from(raterSlot, (slot) =>
      slot === -1 || inverseDiagonal === null || sigma === null
        ? null
        : sigma * Math.sqrt(Math.max(0, inverseDiagonal[slot]! - 1 / size)),
    ),
    unitEffect: levels.map((level) => (level === null ? null : level - grandMean)),
    fairUnitScore: levels,
    residualStandardDeviation: sigma,
    residualDegreesOfFreedom,
  };
}

/**
 * Observations grouped by unit (compressed rows): unit u's raters and scores are entries unitStart[u] ..
 * unitStart[u + 1] - 1; raters are renumbered densely (raterSlot), skipping raters without any rating.
 */
interface UnitDesign {
  readonly raterSlot: Int32Array;
  readonly activeRaters: number;
  readonly units: number;
  readonly unitStart: Int32Array;
  readonly entryRater: Int32Array;
  readonly entryValue: Float64Array;
  readonly observations: number;
}

/** The observed cells grouped by unit; null with no observed cell. */
function groupByUnit(ratings: NumericRatingsMatrix): UnitDesign | null {
  const raters = ratings.length;
  const units = unitCount(ratings);
  const raterSlot = new Int32Array(raters).fill(-1);
  const perUnit = new Int32Array(units + 1);
  let activeRaters = 0;
  for (let rater = 0; rater < raters; rater += 1) {
    const row = ratings[rater]!;
    for (let unit = 0; unit < row.length; unit += 1) {
      if (isMissingRating(row[unit])) continue;
      if (raterSlot[rater] === -1) raterSlot[rater] = activeRaters++;
      perUnit[unit + 1] = perUnit[unit + 1]! + 1;
    }
  }
  for (let unit = 0; unit < units; unit += 1) perUnit[unit + 1] = perUnit[unit + 1]! + perUnit[unit]!;
  const unitStart = perUnit;
  const observations = unitStart[units]!;
  if (observations === 0) return null;
  const entryRater = new Int32Array(observations);
  const entryValue = new Float64Array(observations);
  const fill = unitStart.slice(0, units);
  for (let rater = 0; rater < raters; rater += 1) {
    const row = ratings[rater]!;
    for (let unit = 0; unit < row.length; unit += 1) {
      const value = row[unit];
      if (isMissingRating(value)) continue;
      const entry = fill[unit]!;
      fill[unit] = entry + 1;
      entryRater[entry] = raterSlot[rater]!;
      entryValue[entry] = value;
    }
  }
  return { raterSlot, activeRaters, units, unitStart, entryRater, entryValue, observations };
}

function meansOfUnits({ units, unitStart, entryValue }: UnitDesign): { unitMeans: Float64Array; ratedUnits: number } {
  const unitMeans = new Float64Array(units);
  let ratedUnits = 0;
  for (let unit = 0; unit < units; unit += 1) {
    const start = unitStart[unit]!;
    const end = unitStart[unit + 1]!;
    if (end === start) continue;
    ratedUnits += 1;
    let sum = 0;
    for (let entry = start; entry < end; entry += 1) sum += entryValue[entry]!;
    unitMeans[unit] = sum / (end - start);
  }
  return { unitMeans, ratedUnits };
}

/** A = C + J / R and Q, built densely: R is the number of reviewers in a session, tens, not thousands. */
function reducedNormalEquations(
  { activeRaters: size, units, unitStart, entryRater, entryValue }: UnitDesign,
  unitMeans: Float64Array,
): { matrix: Float64Array; adjusted: Float64Array } {
  const matrix = new Float64Array(size * size).fill(1 / size);
  const adjusted = new Float64Array(size);
  for (let unit = 0; unit < units; unit += 1) {
    const start = unitStart[unit]!;
    const end = unitStart[unit + 1]!;
    if (end === start) continue;
    const share = 1 / (end - start);
    for (let entry = start; entry < end; entry += 1) {
      const rater = entryRater[entry]!;
      matrix[rater * size + rater] = matrix[rater * size + rater]! + 1 - share;
      adjusted[rater] = adjusted[rater]! + (entryValue[entry]! - unitMeans[unit]!);
      // C is symmetric: fill one triangle here (the O(sum m_u^2) part) and mirror it below.
      for (let other = entry + 1; other < end; other += 1) {
        const high = Math.max(rater, entryRater[other]!);
        const low = Math.min(rater, entryRater[other]!);
        matrix[high * size + low] = matrix[high * size + low]! - share;
      }
    }
  }
  for (let row = 0; row < size; row += 1)
    for (let column = 0; column < row; column += 1) matrix[column * size + row] = matrix[row * size + column]!;
  return { matrix, adjusted };
}

/** Each unit's level mu + alpha_u (null when unrated), their sum, and the residual sum of squares. */
function unitLevels(
  { units, unitStart, entryRater, entryValue }: UnitDesign,
  unitMeans: Float64Array,
  effects: Float64Array,
): { levels: (number | null)[]; levelSum: number; residualSquares: number } {
  const levels: (number | null)[] = [];
  let levelSum = 0;
  let residualSquares = 0;
  for (let unit = 0; unit < units; unit += 1) {
    const start = unitStart[unit]!;
    const end = unitStart[unit + 1]!;
    if (end === start) {
      levels.push(null);
      continue;
    }
    let raterSum = 0;
    for (let entry = start; entry < end; entry += 1) raterSum += effects[entryRater[entry]!]!;
    const level = unitMeans[unit]! - raterSum / (end - start);
    for (let entry = start; entry < end; entry += 1)
      residualSquares += (entryValue[entry]! - level - effects[entryRater[entry]!]!) ** 2;
    levels.push(level);
    levelSum += level;
  }
  return { levels, levelSum, residualSquares };
}

/** Whether every rater and rated unit hang together through shared units (union-find over the bipartite graph). */
function isConnected(raters: number, units: number, unitStart: Int32Array, entryRater: Int32Array): boolean {
  const parent = Int32Array.from({ length: raters }, (_, index) => index);
  const find = (node: number): number => {
    while (parent[node] !== node) {
      parent[node] = parent[parent[node]!]!;
      node = parent[node]!;
    }
    return node;
  };
  for (let unit = 0; unit < units; unit += 1) {
    for (let entry = unitStart[unit]! + 1; entry < unitStart[unit + 1]!; entry += 1)
      parent[find(entryRater[entry]!)] = find(entryRater[unitStart[unit]!]!);
  }
  const root = find(0);
  for (let rater = 1; rater < raters; rater += 1) if (find(rater) !== root) return false;
  return true;
}

/** Lower-triangular L with A = L L'; null when A is not (numerically) positive definite. */
function choleskyFactor(matrix: Float64Array, size: number): Float64Array | null {
  const lower = new Float64Array(size * size);
  let largestDiagonal = 0;
  for (let index = 0; index < size; index += 1)
    largestDiagonal = Math.max(largestDiagonal, matrix[index * size + index]!);
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column <= row; column += 1) {
      let sum = matrix[row * size + column]!;
      for (let inner = 0; inner < column; inner += 1) sum -= lower[row * size + inner]! * lower[column * size + inner]!;
      if (row === column) {
        if (!(sum > 1e-12 * largestDiagonal)) return null;
        lower[row * size + row] = Math.sqrt(sum);
      } else {
        lower[row * size + column] = sum / lower[column * size + column]!;
      }
    }
  }
  return lower;
}

function choleskySolve(lower: Float64Array, size: number, right: Float64Array): Float64Array {
  const forward = new Float64Array(size);
  for (let row = 0; row < size; row += 1) {
    let sum = right[row]!;
    for (let inner = 0; inner < row; inner += 1) sum -= lower[row * size + inner]! * forward[inner]!;
    forward[row] = sum / lower[row * size + row]!;
  }
  const solution = new Float64Array(size);
  for (let row = size - 1; row >= 0; row -= 1) {
    let sum = forward[row]!;
    for (let inner = row + 1; inner < size; inner += 1) sum -= lower[inner * size + row]! * solution[inner]!;
    solution[row] = sum / lower[row * size + row]!;
  }
  return solution;
}

/** diag(A^-1) with A = L L': A^-1 = L'^-1 L^-1, so (A^-1)_jj is the squared norm of column j of L^-1. */
function choleskyInverseDiagonal(lower: Float64Array, size: number): Float64Array {
  const inverse = new Float64Array(size * size);
  for (let column = 0; column < size; column += 1) {
    for (let row = column; row < size; row += 1) {
      let sum = row === column ? 1 : 0;
      for (let inner = column; inner < row; inner += 1)
        sum -= lower[row * size + inner]! * inverse[inner * size + column]!;
      inverse[row * size + column] = sum / lower[row * size + row]!;
    }
  }
  const diagonal = new Float64Array(size);
  for (let column = 0; column < size; column += 1) {
    for (let row = column; row < size; row += 1)
      diagonal[column] = diagonal[column]! + inverse[row * size + column]! ** 2;
  }
  return diagonal;
}

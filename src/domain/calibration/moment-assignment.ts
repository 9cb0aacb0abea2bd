// The one-to-one matching of two reviewers' moments of one type: the overlap rule and the optimal assignment.
import type { Moment } from '../moments/model';

/** Milliseconds two moments share, or 0 when they do not meet the overlap rule. */
export function qualifyingOverlap(a: Moment, b: Moment, ratio: number): number {
  const overlap = Math.min(a.endMs, b.endMs) - Math.max(a.startMs, b.startMs);
  if (overlap <= 0) return 0;
  const shorter = Math.min(a.endMs - a.startMs, b.endMs - b.startMs);
  // Divide rather than multiply: 3 / 10 is exactly the double 0.3, whereas 0.3 * 10 is 3.0000000000000004, which
  // would reject an overlap of exactly the threshold.
  return overlap / shorter >= ratio ? overlap : 0;
}

export interface IndexPair {
  readonly firstIndex: number;
  readonly secondIndex: number;
  readonly overlapMs: number;
}

/**
 * Maximum-cardinality, then maximum-total-overlap one-to-one matching of two lists of moments of one type. Every
 * qualifying pair weighs `big + overlap` with `big` above any possible total overlap, so one pair more always
 * outweighs any gain in overlap; the Hungarian algorithm then finds the heaviest assignment.
 */
export function optimalMatching(first: readonly Moment[], second: readonly Moment[], ratio: number): IndexPair[] {
  if (first.length === 0 || second.length === 0) return [];
  // The solver wants no more rows than columns.
  const swap = first.length > second.length;
  const rows = swap ? second : first;
  const columns = swap ? first : second;
  const overlap = rows.map((row) => columns.map((column) => qualifyingOverlap(row, column, ratio)));
  let largest = 0;
  let anyPair = false;
  for (const line of overlap) {
    for (const value of line) {
      if (value > 0) anyPair = true;
      largest = Math.max(largest, value);
    }
  }
  if (!anyPair) return [];
  const big = rows.length * largest + 1;
  const cost = overlap.map((line) => line.map((value) => (value > 0 ? -(big + value) : 0)));
  const assignment = hungarian(cost, rows.length, columns.length);
  const pairs: IndexPair[] = [];
  assignment.forEach((column, row) => {
    const shared = overlap[row]![column]!;
    // A row the solver had to place on a non-qualifying column is unmatched.
    if (shared <= 0) return;
    pairs.push(
      swap
        ? { firstIndex: column, secondIndex: row, overlapMs: shared }
        : { firstIndex: row, secondIndex: column, overlapMs: shared },
    );
  });
  return pairs;
}

/**
 * Minimum-cost assignment of every row to a distinct column (rows ≤ columns), the O(n²m) Hungarian algorithm with
 * potentials (Kuhn 1955, Munkres 1957; the shortest-augmenting-path form). Returns the column of each row.
 */
function hungarian(cost: readonly (readonly number[])[], rowCount: number, columnCount: number): number[] {
  // 1-based rows and columns; row 0 / column 0 are the algorithm's sentinel.
  const u = new Array<number>(rowCount + 1).fill(0);
  const v = new Array<number>(columnCount + 1).fill(0);
  const rowOfColumn = new Array<number>(columnCount + 1).fill(0);
  const way = new Array<number>(columnCount + 1).fill(0);
  for (let row = 1; row <= rowCount; row += 1) {
    rowOfColumn[0] = row;
    let column0 = 0;
    const minimum = new Array<number>(columnCount + 1).fill(Infinity);
    const used = new Array<boolean>(columnCount + 1).fill(false);
    do {
      used[column0] = true;
      const row0 = rowOfColumn[column0]!;
      let delta = Infinity;
      let column1 = 0;
      for (let column = 1; column <= columnCount; column += 1) {
        if (used[column]) continue;
        const reduced = cost[row0 - 1]![column - 1]! - u[row0]! - v[column]!;
        if (reduced < minimum[column]!) {
          minimum[column] = reduced;
          way[column] = column0;
        }
        if (minimum[column]! < delta) {
          delta = minimum[column]!;
          column1 = column;
        }
      }
      for (let column = 0; column <= columnCount; column += 1) {
        if (used[column]) {
          u[rowOfColumn[column]!]! += delta;
          v[column]! -= delta;
        } else {
          minimum[column]! -= delta;
        }
      }
      column0 = column1;
    } while (rowOfColumn[column0] !== 0);
    do {
      const column1 = way[column0]!;
      rowOfColumn[column0] = rowOfColumn[column1]!;
      column0 = column1;
    } while (column0 !== 0);
  }
  const columnOfRow = new Array<number>(rowCount).fill(-1);
  for (let column = 1; column <= columnCount; column += 1) {
    if (rowOfColumn[column]! > 0) columnOfRow[rowOfColumn[column]! - 1] = column - 1;
  }
  return columnOfRow;
}

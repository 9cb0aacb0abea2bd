import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Moment } from '../moments/model';
import type { MomentType } from '../moments/moment-types';
import { matchMoments, momentAgreement, type MomentAgreement, type ReviewerMoments } from './moment-agreement';

let nextId = 0;
const moment = (
  startMs: number,
  endMs: number,
  type: MomentType = 'empathic-response',
  id = `m${(nextId += 1)}`,
): Moment => ({
  id,
  startMs,
  endMs,
  type,
  speaker: 'agent',
  polarity: 'neutral',
  itemIds: [],
  note: '',
});

const reviewer = (reviewerId: string, ...moments: Moment[]): ReviewerMoments => ({ reviewerId, moments });

/** The one pair of a two-reviewer result, for the type given (or pooled). */
function onlyPair(result: MomentAgreement | null, type?: MomentType) {
  expect(result).not.toBeNull();
  const figures = type === undefined ? result!.overall : result!.types.find((entry) => entry.type === type)!;
  expect(figures.pairs).toHaveLength(1);
  return figures.pairs[0]!;
}

describe('momentAgreement', () => {
  it('gives F1 1 for identical moments', () => {
    // Two moments each, both matched: F1 = 2·2 / (2 + 2) = 1.
    const result = momentAgreement([
      reviewer('a', moment(0, 1000), moment(5000, 6000)),
      reviewer('b', moment(0, 1000), moment(5000, 6000)),
    ]);
    expect(onlyPair(result, 'empathic-response')).toEqual({
      first: 0,
      second: 1,
      firstReviewerId: 'a',
      secondReviewerId: 'b',
      matched: 2,
      unmatchedFirst: 0,
      unmatchedSecond: 0,
      f1: 1,
    });
    expect(result!.types.map((entry) => entry.type)).toEqual(['empathic-response']);
    expect(result!.types[0]!.momentCounts).toEqual([2, 2]);
    expect(result!.types[0]!.meanPairwiseF1).toBe(1);
    expect(result!.overall.meanPairwiseF1).toBe(1);
    expect(result!.minimumOverlapRatio).toBe(0.3);
    expect(result!.referenceIndex).toBeNull();
    expect(result!.overall.versusReference).toBeNull();
  });

  it('gives F1 0 for disjoint moments, and touching ends do not overlap', () => {
    // 0 matched of 1 + 1 moments: F1 = 0 / 2 = 0.
    expect(
      onlyPair(momentAgreement([reviewer('a', moment(0, 1000)), reviewer('b', moment(2000, 3000))])),
    ).toMatchObject({
      matched: 0,
      unmatchedFirst: 1,
      unmatchedSecond: 1,
      f1: 0,
    });
    // [0, 1000) and [1000, 2000) share 0 ms.
    expect(onlyPair(momentAgreement([reviewer('a', moment(0, 1000)), reviewer('b', moment(1000, 2000))])).matched).toBe(
      0,
    );
  });

  it('matches on overlap relative to the shorter moment, at the threshold inclusive', () => {
    const short = moment(0, 1000);
    // [0, 1000] ∩ [750, 2750] = 250 ms; 250 / min(1000, 2000) = 0.25 < 0.3: no match.
    expect(onlyPair(momentAgreement([reviewer('a', short), reviewer('b', moment(750, 2750))])).matched).toBe(0);
    // [0, 1000] ∩ [700, 2700] = 300 ms; 300 / 1000 = 0.3 ≥ 0.3: a match (though IoU = 300 / 2700 ≈ 0.11).
    expect(onlyPair(momentAgreement([reviewer('a', short), reviewer('b', moment(700, 2700))])).matched).toBe(1);
    // 3 / 10 ms: exactly 0.3 as well (0.3 · 10 would be 3.0000000000000004 and wrongly reject it).
    expect(onlyPair(momentAgreement([reviewer('a', moment(0, 10)), reviewer('b', moment(7, 20))])).matched).toBe(1);
    // A short moment wholly inside a long one: 1000 / 1000 = 1.
    expect(onlyPair(momentAgreement([reviewer('a', moment(3000, 4000)), reviewer('b', moment(0, 8000))])).matched).toBe(
      1,
    );
  });

  it('takes another threshold from the options; 0 means any overlap', () => {
    const a = [reviewer('a', moment(0, 1000)), reviewer('b', moment(600, 1600))];
    // 400 / 1000 = 0.4: a match by default (0.3), none at 0.5.
    expect(onlyPair(momentAgreement(a)).matched).toBe(1);
    expect(onlyPair(momentAgreement(a, { minimumOverlapRatio: 0.5 })).matched).toBe(0);
    const b = [reviewer('a', moment(0, 1000)), reviewer('b', moment(999, 5000))];
    // 1 / 1000 = 0.001: only with ratio 0, which still needs at least 1 ms.
    expect(onlyPair(momentAgreement(b)).matched).toBe(0);
    expect(onlyPair(momentAgreement(b, { minimumOverlapRatio: 0 })).matched).toBe(1);
    expect(
      onlyPair(
        momentAgreement([reviewer('a', moment(0, 1000)), reviewer('b', moment(1000, 5000))], {
          minimumOverlapRatio: 0,
        }),
      ).matched,
    ).toBe(0);
  });

  it('matches one to one: two short moments inside one long one match once', () => {
    // Both short moments qualify (1000 / 1000 = 1) but the long one has one partner: matched 1,
    // F1 = 2·1 / (1 + 2) = 2/3.
    const pair = onlyPair(
      momentAgreement([reviewer('a', moment(0, 10_000)), reviewer('b', moment(1000, 2000), moment(5000, 6000))]),
    );
    expect(pair).toMatchObject({ matched: 1, unmatchedFirst: 0, unmatchedSecond: 1 });
    expect(pair.f1).toBeCloseTo(2 / 3, 12);
  });

  it('finds the most pairs where a greedy match by overlap would not', () => {
    // a1 [0,1000], a2 [400,900]; b1 [500,1000], b2 [0,400].
    // a1∩b1 = 500 (500/500 = 1), a1∩b2 = 400 (400/400 = 1), a2∩b1 = 400 (400/500 = 0.8), a2∩b2 = 0.
    // Greedy takes a1–b1 (largest, 500) and strands a2 and b2: 1 pair. Optimal: a1–b2 and a2–b1, F1 = 4 / 4 = 1.
    const a1 = moment(0, 1000, 'empathic-response', 'a1');
    const a2 = moment(400, 900, 'empathic-response', 'a2');
    const b1 = moment(500, 1000, 'empathic-response', 'b1');
    const b2 = moment(0, 400, 'empathic-response', 'b2');
    expect(onlyPair(momentAgreement([reviewer('a', a1, a2), reviewer('b', b1, b2)]))).toMatchObject({
      matched: 2,
      f1: 1,
    });
    const matching = matchMoments([a1, a2], [b1, b2])!;
    expect(matching.pairs.map((pair) => [pair.first.id, pair.second.id, pair.overlapMs])).toEqual([
      ['a1', 'b2', 400],
      ['a2', 'b1', 400],
    ]);
    expect(matching.unmatchedFirst).toEqual([]);
    expect(matching.unmatchedSecond).toEqual([]);
  });

  it('counts pairs first: more pairs beat a larger total overlap', () => {
    // a1 [0,1000], a2 [0,250]; b1 [0,1000], b2 [900,1200].
    // a1∩b1 = 1000 (1), a1∩b2 = 100 (100/300 ≈ 0.33), a2∩b1 = 250 (250/250 = 1), a2∩b2 = 0.
    // {a1–b1}: 1 pair, 1000 ms; {a1–b2, a2–b1}: 2 pairs, 350 ms. Both reviewers heard two things: F1 = 4 / 4 = 1.
    const first = [moment(0, 1000, 'empathic-response', 'a1'), moment(0, 250, 'empathic-response', 'a2')];
    const second = [moment(0, 1000, 'empathic-response', 'b1'), moment(900, 1200, 'empathic-response', 'b2')];
    expect(onlyPair(momentAgreement([reviewer('a', ...first), reviewer('b', ...second)]))).toMatchObject({
      matched: 2,
      f1: 1,
    });
    expect(matchMoments(first, second)!.pairs.map((pair) => [pair.first.id, pair.second.id])).toEqual([
      ['a2', 'b1'],
      ['a1', 'b2'],
    ]);
  });

  it('prefers the larger total overlap among matchings with as many pairs', () => {
    // a [0,1000] can take b1 [0,900] (900 ms) or b2 [500,1500] (500 ms); one pair either way, so the 900 ms one.
    const a = moment(0, 1000, 'empathic-response', 'a');
    const matching = matchMoments(
      [a],
      [moment(500, 1500, 'empathic-response', 'b2'), moment(0, 900, 'empathic-response', 'b1')],
    )!;
    expect(matching.pairs.map((pair) => [pair.first.id, pair.second.id, pair.overlapMs])).toEqual([['a', 'b1', 900]]);
    expect(matching.unmatchedSecond.map((entry) => entry.id)).toEqual(['b2']);
  });

  it('never matches moments of different types, and pools the counts over types', () => {
    const result = momentAgreement([
      reviewer('a', moment(0, 1000, 'follow-up-question'), moment(0, 1000, 'empathic-response')),
      reviewer('b', moment(0, 1000, 'empathic-response')),
    ]);
    // In momentTypes order: empathic-response comes before follow-up-question.
    expect(result!.types.map((entry) => entry.type)).toEqual(['empathic-response', 'follow-up-question']);
    expect(onlyPair(result, 'empathic-response')).toMatchObject({ matched: 1, f1: 1 });
    // Same time range, other type: 0 of 1 + 0 → F1 = 0.
    expect(onlyPair(result, 'follow-up-question')).toMatchObject({
      matched: 0,
      unmatchedFirst: 1,
      unmatchedSecond: 0,
      f1: 0,
    });

    // Pooled: empathic 2 of 2 + 2 (F1 1), follow-up 0 of 1 + 1 (F1 0). Overall F1 = 2·2 / (3 + 3) = 2/3,
    // not the mean of the per-type F1s (0.5).
    const pooled = momentAgreement([
      reviewer('a', moment(0, 1000), moment(2000, 3000), moment(5000, 6000, 'follow-up-question')),
      reviewer('b', moment(0, 1000), moment(2000, 3000), moment(8000, 9000, 'follow-up-question')),
    ]);
    expect(pooled!.overall.momentCounts).toEqual([3, 3]);
    expect(onlyPair(pooled)).toMatchObject({ matched: 2, unmatchedFirst: 1, unmatchedSecond: 1 });
    expect(onlyPair(pooled).f1).toBeCloseTo(2 / 3, 12);
  });

  it('reports precision, recall and F1 against the reference reviewer', () => {
    const result = momentAgreement(
      [
        reviewer('lead', moment(0, 1000), moment(2000, 3000), moment(4000, 5000), moment(6000, 7000)),
        // [100,1100] shares 900 ms with [0,1000] (0.9); [2000,3000] is exact; [8000,9000] the lead did not tag.
        reviewer('ann', moment(100, 1100), moment(2000, 3000), moment(8000, 9000)),
        reviewer('bob'),
      ],
      { referenceIndex: 0 },
    )!;
    expect(result.referenceIndex).toBe(0);
    const versus = result.types[0]!.versusReference!;
    expect(versus[0]).toBeNull();
    // Ann: matched 2, missed 4 − 2 = 2, extra 3 − 2 = 1; precision 2/3, recall 2/4 = 0.5,
    // F1 = 2·2 / (4 + 3) = 4/7 (= 2·(2/3)(1/2) / (2/3 + 1/2), the harmonic mean).
    expect(versus[1]).toMatchObject({ reviewer: 1, reviewerId: 'ann', matched: 2, missed: 2, extra: 1, recall: 0.5 });
    expect(versus[1]!.precision).toBeCloseTo(2 / 3, 12);
    expect(versus[1]!.f1).toBeCloseTo(4 / 7, 12);
    // Bob tagged nothing: precision undefined (null), recall 0 / 4 = 0, F1 = 0 / (4 + 0) = 0.
    expect(versus[2]).toEqual({
      reviewer: 2,
      reviewerId: 'bob',
      matched: 0,
      missed: 4,
      extra: 0,
      precision: null,
      recall: 0,
      f1: 0,
    });
    // Pairs (0,1) 4/7, (0,2) 0, (1,2) 0 of 3 + 0 → 0: mean = (4/7 + 0 + 0) / 3 = 4/21.
    expect(result.types[0]!.pairs.map((pair) => [pair.first, pair.second])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(result.types[0]!.pairs[2]).toMatchObject({ matched: 0, unmatchedFirst: 3, unmatchedSecond: 0, f1: 0 });
    expect(result.types[0]!.meanPairwiseF1).toBeCloseTo(4 / 21, 12);
    // One type only: overall equals it.
    const { type: _type, ...onlyType } = result.types[0]!;
    expect(result.overall).toEqual(onlyType);
  });

  it('works with the reference in any position', () => {
    // Reference is reviewer 1: Ann (0) tagged [0,1000] and [5000,6000], the lead only [0,1000].
    const result = momentAgreement(
      [reviewer('ann', moment(0, 1000), moment(5000, 6000)), reviewer('lead', moment(0, 1000))],
      { referenceIndex: 1 },
    )!;
    // matched 1, missed 1 − 1 = 0, extra 2 − 1 = 1: precision 1/2, recall 1, F1 = 2 / 3.
    expect(result.overall.versusReference![0]).toMatchObject({
      matched: 1,
      missed: 0,
      extra: 1,
      precision: 0.5,
      recall: 1,
    });
    expect(result.overall.versusReference![0]!.f1).toBeCloseTo(2 / 3, 12);
    expect(result.overall.versusReference![1]).toBeNull();
  });

  it('gives null, never NaN, when nobody tagged a moment', () => {
    const result = momentAgreement([reviewer('a'), reviewer('b')], { referenceIndex: 0 })!;
    expect(result.types).toEqual([]);
    expect(result.overall.momentCounts).toEqual([0, 0]);
    expect(result.overall.pairs[0]).toMatchObject({ matched: 0, unmatchedFirst: 0, unmatchedSecond: 0, f1: null });
    expect(result.overall.meanPairwiseF1).toBeNull();
    expect(result.overall.versusReference![1]).toMatchObject({ precision: null, recall: null, f1: null });
  });

  it('leaves out pairs where F1 is undefined from the mean', () => {
    // Pairs: (a,b) 1 of 1 + 1 → 1; (a,c) 0 of 1 + 0 → 0; (b,c) 0 of 1 + 0 → 0 (c tagged another type only).
    // Per type empathic: mean (1 + 0 + 0) / 3 = 1/3. Per type follow-up: only (a,c) and (b,c) are defined (0 each);
    // (a,b) has 0 + 0 moments → null, left out: mean 0.
    const result = momentAgreement([
      reviewer('a', moment(0, 1000)),
      reviewer('b', moment(0, 1000)),
      reviewer('c', moment(0, 1000, 'follow-up-question')),
    ])!;
    expect(result.types[0]!.meanPairwiseF1).toBeCloseTo(1 / 3, 12);
    expect(result.types[1]!.pairs[0]!.f1).toBeNull();
    expect(result.types[1]!.meanPairwiseF1).toBe(0);
  });

  it('has no pairs with one reviewer and nothing at all with none', () => {
    const one = momentAgreement([reviewer('a', moment(0, 1000))], { referenceIndex: 0 })!;
    expect(one.types[0]!.pairs).toEqual([]);
    expect(one.types[0]!.meanPairwiseF1).toBeNull();
    expect(one.types[0]!.versusReference).toEqual([null]);
    const none = momentAgreement([])!;
    expect(none.types).toEqual([]);
    expect(none.overall).toEqual({ momentCounts: [], pairs: [], meanPairwiseF1: null, versusReference: null });
  });

  it('ignores zero-length, reversed and non-finite moments, in the counts too', () => {
    const result = momentAgreement([
      reviewer(
        'a',
        moment(0, 1000),
        moment(500, 500),
        moment(900, 100),
        moment(Number.NaN, 1000),
        moment(0, Number.POSITIVE_INFINITY),
      ),
      reviewer('b', moment(0, 1000), moment(500, 500)),
    ])!;
    expect(result.overall.momentCounts).toEqual([1, 1]);
    expect(onlyPair(result)).toMatchObject({ matched: 1, unmatchedFirst: 0, unmatchedSecond: 0, f1: 1 });
    expect(matchMoments([moment(900, 100)], [moment(0, 1000)])).toEqual({
      pairs: [],
      unmatchedFirst: [],
      unmatchedSecond: [expect.objectContaining({ startMs: 0 })],
    });
  });

  it('returns null for an invalid ratio or reference index', () => {
    const reviewers = [reviewer('a', moment(0, 1000)), reviewer('b')];
    for (const minimumOverlapRatio of [-0.1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(momentAgreement(reviewers, { minimumOverlapRatio })).toBeNull();
      expect(matchMoments([], [], minimumOverlapRatio)).toBeNull();
    }
    for (const referenceIndex of [-1, 2, 0.5, Number.NaN])
      expect(momentAgreement(reviewers, { referenceIndex })).toBeNull();
    expect(momentAgreement(reviewers, { referenceIndex: null })).not.toBeNull();
    expect(momentAgreement(reviewers, { minimumOverlapRatio: 1 })).not.toBeNull();
  });
});

describe('momentAgreement properties', () => {
  const types: readonly MomentType[] = ['empathic-response', 'follow-up-question'];
  /** Up to 6 moments, some zero-length or reversed (to be ignored), on a 20 s stretch so they often overlap. */
  const momentList = (prefix: string) =>
    fc
      .array(
        fc.record({
          start: fc.integer({ min: 0, max: 20_000 }),
          length: fc.integer({ min: -200, max: 5000 }),
          type: fc.constantFrom(...types),
        }),
        { maxLength: 6 },
      )
      .map((entries) =>
        entries.map((entry, index) => moment(entry.start, entry.start + entry.length, entry.type, `${prefix}${index}`)),
      );
  const ratio = fc.constantFrom(0, 0.1, 0.3, 0.5, 1);

  /** The largest number of one-to-one pairs, by trying every matching: an independent check of the solver. */
  function bruteForceMatched(first: readonly Moment[], second: readonly Moment[], minimumRatio: number): number {
    const valid = (entry: Moment) => entry.endMs > entry.startMs;
    const a = first.filter(valid);
    const b = second.filter(valid);
    const qualifies = (x: Moment, y: Moment) => {
      const shared = Math.min(x.endMs, y.endMs) - Math.max(x.startMs, y.startMs);
      return (
        x.type === y.type && shared > 0 && shared / Math.min(x.endMs - x.startMs, y.endMs - y.startMs) >= minimumRatio
      );
    };
    const best = (index: number, used: ReadonlySet<number>): number => {
      if (index === a.length) return 0;
      let result = best(index + 1, used);
      b.forEach((candidate, position) => {
        if (!used.has(position) && qualifies(a[index]!, candidate))
          result = Math.max(result, 1 + best(index + 1, new Set([...used, position])));
      });
      return result;
    };
    return best(0, new Set());
  }

  it('swapping the two reviewers swaps the unmatched counts and keeps matched and F1', () => {
    fc.assert(
      fc.property(momentList('a'), momentList('b'), ratio, (first, second, minimumOverlapRatio) => {
        const forward = momentAgreement([reviewer('a', ...first), reviewer('b', ...second)], { minimumOverlapRatio })!;
        const backward = momentAgreement([reviewer('b', ...second), reviewer('a', ...first)], { minimumOverlapRatio })!;
        expect(backward.types.map((entry) => entry.type)).toEqual(forward.types.map((entry) => entry.type));
        const rows = [
          [forward.overall, backward.overall],
          ...forward.types.map((entry, index) => [entry, backward.types[index]!]),
        ];
        for (const [there, back] of rows) {
          const a = there!.pairs[0]!;
          const b = back!.pairs[0]!;
          expect(b.matched).toBe(a.matched);
          expect(b.f1).toBe(a.f1);
          expect(b.unmatchedFirst).toBe(a.unmatchedSecond);
          expect(b.unmatchedSecond).toBe(a.unmatchedFirst);
        }
      }),
    );
  });

  it('matches as many pairs as possible, and every figure is in range or null', () => {
    fc.assert(
      fc.property(momentList('a'), momentList('b'), ratio, (first, second, minimumOverlapRatio) => {
        const result = momentAgreement([reviewer('a', ...first), reviewer('b', ...second)], {
          minimumOverlapRatio,
          referenceIndex: 0,
        })!;
        const pair = result.overall.pairs[0]!;
        expect(pair.matched).toBe(bruteForceMatched(first, second, minimumOverlapRatio));
        expect(pair.unmatchedFirst).toBeGreaterThanOrEqual(0);
        expect(pair.unmatchedSecond).toBeGreaterThanOrEqual(0);
        const versus = result.overall.versusReference![1]!;
        for (const value of [pair.f1, result.overall.meanPairwiseF1, versus.precision, versus.recall, versus.f1]) {
          if (value !== null) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
        }
        // matchMoments names exactly the moments the counts count.
        const matching = matchMoments(first, second, minimumOverlapRatio)!;
        expect(matching.pairs).toHaveLength(pair.matched);
        expect(matching.unmatchedFirst).toHaveLength(pair.unmatchedFirst);
        expect(matching.unmatchedSecond).toHaveLength(pair.unmatchedSecond);
        for (const { first: x, second: y, overlapMs } of matching.pairs) {
          expect(x.type).toBe(y.type);
          expect(overlapMs).toBe(Math.min(x.endMs, y.endMs) - Math.max(x.startMs, y.startMs));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('agrees fully with itself and does not depend on the order of the moments', () => {
    fc.assert(
      fc.property(
        momentList('a').chain((moments) =>
          fc.tuple(
            fc.constant(moments),
            fc.shuffledSubarray(moments, { minLength: moments.length, maxLength: moments.length }),
          ),
        ),
        momentList('b'),
        ([moments, shuffled], other) => {
          const self = momentAgreement([reviewer('a', ...moments), reviewer('copy', ...shuffled)])!;
          const valid = moments.filter((entry) => entry.endMs > entry.startMs).length;
          expect(self.overall.pairs[0]).toMatchObject({ matched: valid, f1: valid === 0 ? null : 1 });
          expect(momentAgreement([reviewer('a', ...shuffled), reviewer('b', ...other)])).toEqual(
            momentAgreement([reviewer('a', ...moments), reviewer('b', ...other)]),
          );
        },
      ),
    );
  });
});

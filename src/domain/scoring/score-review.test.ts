import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../rubric/call-context';
import { defaultRubric } from '../rubric/default-rubric';
import type { Rubric, RubricItem, RubricSection } from '../rubric/model';
import type { ItemAnswer, ReviewAnswers } from './answers';
import { scoreReview } from './score-review';

const text = (value: string) => ({ nl: value, en: value });
const levels = (k: number) =>
  Array.from({ length: k }, (_, value) => ({ value, label: text(`L${value}`), anchor: text(`A${value}`) }));
const item = (id: string, scale: 'yes-no' | number, patch: Partial<RubricItem> = {}): RubricItem => ({
  id,
  title: text(id),
  scale: scale === 'yes-no' ? { kind: 'yes-no' } : { kind: 'ordinal', levels: levels(scale) },
  notApplicableAllowed: false,
  weight: 1,
  critical: false,
  evidenceRequired: true,
  naWhenNoEmotion: false,
  ...patch,
});
const section = (id: string, weight: number, items: RubricItem[]): RubricSection => ({
  id,
  title: text(id),
  weight,
  items,
});

/*
 * A small rubric for hand-computed cases:
 *   A (weight 30): a1 0-3, a2 Ja/Nee, a3 0-3 (N.v.t. allowed)
 *   B (weight 10): b1 Ja/Nee (N.v.t. allowed), b2 0-3 with item weight 2, b3 Ja/Nee critical
 *   C (weight 20): c1 Ja/Nee (N.v.t. allowed), c2 0-3 (N.v.t. allowed)
 */
const mini: Rubric = {
  id: 'mini',
  version: 1,
  name: text('Mini'),
  sections: [
    section('A', 30, [item('a1', 4), item('a2', 'yes-no'), item('a3', 4, { notApplicableAllowed: true })]),
    section('B', 10, [
      item('b1', 'yes-no', { notApplicableAllowed: true }),
      item('b2', 4, { weight: 2 }),
      item('b3', 'yes-no', { critical: true }),
    ]),
    section('C', 20, [
      item('c1', 'yes-no', { notApplicableAllowed: true }),
      item('c2', 4, { notApplicableAllowed: true }),
    ]),
  ],
};

const level = (value: number): ItemAnswer => ({ kind: 'level', value });
const yes: ItemAnswer = { kind: 'yes' };
const no: ItemAnswer = { kind: 'no' };
const na: ItemAnswer = { kind: 'not-applicable' };
const allMax: ReviewAnswers = {
  a1: level(3),
  a2: yes,
  a3: level(3),
  b1: yes,
  b2: level(3),
  b3: yes,
  c1: yes,
  c2: level(3),
};
const sectionScores = (answers: ReviewAnswers, rubric: Rubric = mini, context: CallContext | null = null) =>
  Object.fromEntries(scoreReview(rubric, answers, context).sections.map((entry) => [entry.sectionId, entry.score]));

describe('scoreReview: hand-computed cases on a small rubric', () => {
  it('all answers at their maximum give 100', () => {
    // Every item value is 1, so every section is 1 and the total (30×1 + 10×1 + 20×1) / 60 × 100 = 100.
    const result = scoreReview(mini, allMax, null);
    expect(result.total).toBe(100);
    expect(result.totalBeforeCritical).toBe(100);
    expect(result.complete).toBe(true);
    expect(result.criticalFailed).toBe(false);
    expect(result.criticalItems).toEqual([{ itemId: 'b3', status: 'passed' }]);
  });

  it('all answers at zero give 0 (and b3 Nee trips the critical rule too)', () => {
    const result = scoreReview(
      mini,
      { a1: level(0), a2: no, a3: level(0), b1: no, b2: level(0), b3: no, c1: no, c2: level(0) },
      null,
    );
    expect(result.totalBeforeCritical).toBe(0);
    expect(result.total).toBe(0);
    expect(result.criticalFailed).toBe(true);
  });

  it('N.v.t. on one item leaves its numerator and denominator', () => {
    // a1 = 2 -> 2/3, a2 = Ja -> 1, a3 = N.v.t.: A = (2/3 + 1) / 2 = 5/6. B and C all max = 1.
    // total = (30 × 5/6 + 10 × 1 + 20 × 1) / 60 × 100 = (25 + 10 + 20) / 60 × 100 = 91.666...
    const withNotApplicable = scoreReview(mini, { ...allMax, a1: level(2), a3: na }, null);
    expect(withNotApplicable.sections[0]).toMatchObject({ applicableCount: 2, notApplicableCount: 1, weightUsed: 30 });
    expect(withNotApplicable.sections[0]?.score).toBeCloseTo(5 / 6, 12);
    expect(withNotApplicable.total).toBeCloseTo(91.6667, 4);
    // The same with a3 = 0 instead: A = (2/3 + 1 + 0) / 3 = 5/9; total = (30 × 5/9 + 30) / 60 × 100 = 77.777...
    const withZero = scoreReview(mini, { ...allMax, a1: level(2), a3: level(0) }, null);
    expect(withZero.sections[0]?.score).toBeCloseTo(5 / 9, 12);
    expect(withZero.total).toBeCloseTo(77.7778, 4);
  });

  it('a whole section N.v.t. drops out and the other section weights renormalise', () => {
    // A: a1 = 3 -> 1, a2 = Nee -> 0, a3 = 1 -> 1/3: A = (1 + 0 + 1/3) / 3 = 4/9.
    // B: b1 = Ja -> 1, b2 = 2 -> 2/3 with weight 2, b3 = Ja -> 1: B = (1 + 2 × 2/3 + 1) / (1 + 2 + 1) = (10/3) / 4 = 5/6.
    // C: c1 and c2 N.v.t.: no applicable item, so C is left out and only 30 + 10 remains in the denominator.
    // total = (30 × 4/9 + 10 × 5/6) / (30 + 10) × 100 = (40/3 + 25/3) / 40 × 100 = 13/24 × 100 = 54.1666...
    const result = scoreReview(
      mini,
      { a1: level(3), a2: no, a3: level(1), b1: yes, b2: level(2), b3: yes, c1: na, c2: na },
      null,
    );
    expect(result.sections[2]).toEqual({
      sectionId: 'C',
      weight: 20,
      score: null,
      weightUsed: 0,
      applicableCount: 0,
      notApplicableCount: 2,
      unansweredCount: 0,
    });
    expect(result.sections[0]?.score).toBeCloseTo(4 / 9, 12);
    expect(result.sections[1]?.score).toBeCloseTo(5 / 6, 12);
    expect(result.total).toBeCloseTo((13 / 24) * 100, 10);
    expect(result.formula.weightSum).toBe(40);
    expect(result.formula.terms.map((term) => term.id)).toEqual(['A', 'B']);
    expect(result.complete).toBe(true);
  });

  it('item weights other than 1 weigh in the section mean', () => {
    // B: b1 = Nee -> 0 (weight 1), b2 = 3 -> 1 (weight 2), b3 = Ja -> 1 (weight 1): (0 + 2 + 1) / 4 = 0.75.
    // With equal weights it would have been (0 + 1 + 1) / 3 = 0.667.
    expect(sectionScores({ ...allMax, b1: no })['B']).toBe(0.75);
  });

  it('a critical item answered Nee makes the total 0 and keeps the total before the critical rule', () => {
    // Everything at the maximum except b3 = Nee: B = (1 + 2 × 1 + 0) / 4 = 0.75.
    // totalBeforeCritical = (30 × 1 + 10 × 0.75 + 20 × 1) / 60 × 100 = 57.5 / 60 × 100 = 95.8333...; total = 0.
    const result = scoreReview(mini, { ...allMax, b3: no }, null);
    expect(result.totalBeforeCritical).toBeCloseTo(95.8333, 4);
    expect(result.total).toBe(0);
    expect(result.criticalFailed).toBe(true);
    expect(result.criticalItems).toEqual([{ itemId: 'b3', status: 'failed' }]);
    expect(result.formula.criticalFailed).toBe(true);
    expect(result.formula.total).toBe(0);
  });

  it('a critical ordinal item fails at level 0 only', () => {
    const rubric: Rubric = {
      ...mini,
      sections: [section('S', 1, [item('s1', 4, { critical: true }), item('s2', 'yes-no')])],
    };
    // s1 = 0 -> 0, s2 = Ja -> 1: before the rule (0 + 1) / 2 × 100 = 50; level 0 is "not shown", so 0.
    const failed = scoreReview(rubric, { s1: level(0), s2: yes }, null);
    expect([failed.totalBeforeCritical, failed.total, failed.criticalFailed]).toEqual([50, 0, true]);
    // s1 = 1 -> 1/3: (1/3 + 1) / 2 × 100 = 66.666...; no critical failure.
    const passed = scoreReview(rubric, { s1: level(1), s2: yes }, null);
    expect(passed.total).toBeCloseTo(66.6667, 4);
    expect(passed.criticalFailed).toBe(false);
  });

  it('unanswered items are left out of the live score, and the result is incomplete', () => {
    // Only a1 = 2 and b2 = 3 answered: A = 2/3, B = 1 (b2 alone), C dropped.
    // total = (30 × 2/3 + 10 × 1) / 40 × 100 = 30 / 40 × 100 = 75.
    const result = scoreReview(mini, { a1: level(2), b2: level(3) }, null);
    expect(result.total).toBeCloseTo(75, 10);
    expect(result.complete).toBe(false);
    expect(result.unansweredItemIds).toEqual(['a2', 'a3', 'b1', 'b3', 'c1', 'c2']);
    // An unanswered critical item is not a failure.
    expect(result.criticalItems).toEqual([{ itemId: 'b3', status: 'unanswered' }]);
    expect(result.sections[0]).toMatchObject({ applicableCount: 1, unansweredCount: 2 });
  });

  it('has no total when nothing is scored', () => {
    const result = scoreReview(mini, {}, null);
    expect([result.total, result.totalBeforeCritical, result.criticalFailed, result.complete]).toEqual([
      null,
      null,
      false,
      false,
    ]);
    expect(result.formula.terms).toEqual([]);
  });

  it('treats a stored answer that no longer fits the item as unanswered and reports it', () => {
    const result = scoreReview(mini, { ...allMax, a2: level(2), a1: level(7), b3: na }, null);
    expect(result.invalidItemIds).toEqual(['a1', 'a2', 'b3']);
    expect(result.complete).toBe(false);
    expect(result.items.find((entry) => entry.itemId === 'a1')).toMatchObject({
      status: 'invalid',
      value: null,
      answer: null,
    });
    // A = a3 alone = 1, B = (1 + 2) / 3 = 1, C = 1.
    expect(result.total).toBe(100);
  });
});

describe('scoreReview: a realistic review of the default rubric, computed by hand', () => {
  // A frustrated customer. Answers and item values:
  //   1.1 = 2 -> 2/3   1.2 = Ja -> 1    1.3 = Ja -> 1
  //   2.1 = 2 -> 2/3   2.2 = N.v.t.     2.3 = 3 -> 1
  //   3.1 = Nee -> 0   3.2 = 1 -> 1/3   3.3 = Ja -> 1   3.4 = Ja -> 1   3.5 = Nee -> 0
  //   4.1 = 2 -> 2/3   4.2 = Ja -> 1    4.3 = 1 -> 1/3  4.4 = Ja -> 1
  //   5.1 = 3 -> 1     5.2 = 2 -> 2/3   5.3 = 1 -> 1/3
  // Sections (all item weights 1):
  //   1: (2/3 + 1 + 1) / 3 = 8/9 = 0.8889
  //   2: (2/3 + 1) / 2 = 5/6 = 0.8333 (2.2 N.v.t. leaves the denominator at 2)
  //   3: (0 + 1/3 + 1 + 1 + 0) / 5 = 7/15 = 0.4667
  //   4: (2/3 + 1 + 1/3 + 1) / 4 = 3/4 = 0.75
  //   5: (1 + 2/3 + 1/3) / 3 = 2/3 = 0.6667
  // Total: (25 × 8/9 + 25 × 5/6 + 25 × 7/15 + 15 × 3/4 + 10 × 2/3) / (25 + 25 + 25 + 15 + 10) × 100
  //      = (800 + 750 + 420 + 405 + 240) / 36 / 100 × 100 = 2615 / 36 = 72.6388...
  const frustrated: CallContext = { customerState: 'negative', emotion: 'frustration' };
  const answers: ReviewAnswers = {
    '1.1': level(2),
    '1.2': yes,
    '1.3': yes,
    '2.1': level(2),
    '2.2': na,
    '2.3': level(3),
    '3.1': no,
    '3.2': level(1),
    '3.3': yes,
    '3.4': yes,
    '3.5': no,
    '4.1': level(2),
    '4.2': yes,
    '4.3': level(1),
    '4.4': yes,
    '5.1': level(3),
    '5.2': level(2),
    '5.3': level(1),
  };

  it('scores each section and the total', () => {
    const result = scoreReview(defaultRubric, answers, frustrated);
    const scores = result.sections.map((entry) => entry.score);
    [8 / 9, 5 / 6, 7 / 15, 3 / 4, 2 / 3].forEach((expected, index) => expect(scores[index]).toBeCloseTo(expected, 12));
    expect(result.totalBeforeCritical).toBeCloseTo(2615 / 36, 10);
    expect(result.total).toBeCloseTo(72.6389, 4);
    expect(result.complete).toBe(true);
    expect(result.sections[1]).toMatchObject({ applicableCount: 2, notApplicableCount: 1 });
    expect(result.formula.weightSum).toBe(100);
  });

  it('in a calm call, 1.1, 1.2 and 4.3 are N.v.t. by default', () => {
    // Customer neutral, no emotion; the reviewer answered everything except 1.1, 1.2 and 4.3.
    //   1: 1.3 alone = 1;  4: (2/3 + 1 + 1) / 3 = 8/9; 2, 3, 5 as above.
    // Total: (25 × 1 + 25 × 5/6 + 25 × 7/15 + 15 × 8/9 + 10 × 2/3) / 100 × 100
    //      = (900 + 750 + 420 + 480 + 240) / 36 = 2790 / 36 = 77.5
    const { '1.1': _a, '1.2': _b, '4.3': _c, ...rest } = answers;
    const result = scoreReview(defaultRubric, rest, { customerState: 'neutral', emotion: null });
    expect(result.total).toBeCloseTo(77.5, 10);
    expect(result.complete).toBe(true);
    expect(result.items.filter((entry) => entry.source === 'context-default').map((entry) => entry.itemId)).toEqual([
      '1.1',
      '1.2',
      '4.3',
    ]);
    // The reviewer can still score a gated item: 1.1 = 2 overrides the default N.v.t.
    //   1: (2/3 + 1) / 2 = 5/6: total = (750 + 750 + 420 + 480 + 240) / 36 = 2640 / 36 = 73.333...
    expect(
      scoreReview(defaultRubric, { ...rest, '1.1': level(2) }, { customerState: 'neutral', emotion: null }).total,
    ).toBeCloseTo(2640 / 36, 10);
  });

  it('with 4.2 = Nee the total is 0 and the score before the critical rule stays', () => {
    // 4: (2/3 + 0 + 1/3 + 1) / 4 = 1/2, so 15 × 1/2 = 7.5 = 270/36 instead of 405/36.
    // totalBeforeCritical = (800 + 750 + 420 + 270 + 240) / 36 = 2480 / 36 = 68.888...
    const result = scoreReview(defaultRubric, { ...answers, '4.2': no }, frustrated);
    expect(result.totalBeforeCritical).toBeCloseTo(2480 / 36, 10);
    expect(result.total).toBe(0);
    expect(result.criticalItems).toEqual([{ itemId: '4.2', status: 'failed' }]);
  });
});

/** Random answers for a rubric: per item unanswered, N.v.t. (when allowed) or a fitting value. */
function answersFor(rubric: Rubric): fc.Arbitrary<ReviewAnswers> {
  const perItem = rubric.sections.flatMap((entry) =>
    entry.items.map((rubricItem) => {
      const options: fc.Arbitrary<ItemAnswer | null>[] = [fc.constant(null)];
      if (rubricItem.notApplicableAllowed) options.push(fc.constant(na));
      options.push(
        rubricItem.scale.kind === 'yes-no'
          ? fc.constantFrom(yes, no)
          : fc.nat(rubricItem.scale.levels.length - 1).map(level),
      );
      return fc.tuple(fc.constant(rubricItem.id), fc.oneof(...options));
    }),
  );
  return fc
    .tuple(...perItem)
    .map((pairs) => Object.fromEntries(pairs.filter((pair): pair is [string, ItemAnswer] => pair[1] !== null)));
}

const contextArbitrary: fc.Arbitrary<CallContext | null> = fc.option(
  fc.record({
    customerState: fc.constantFrom('positive', 'neutral', 'negative'),
    emotion: fc.constantFrom(null, 'anger', 'worry'),
  }),
);

/** Random rubrics: 1-4 sections of 1-5 items, mixed scales (2-5 levels or Ja/Nee), weights from 0.5 to 50. */
const rubricArbitrary: fc.Arbitrary<Rubric> = fc
  .array(
    fc.record({
      weight: fc.integer({ min: 1, max: 100 }).map((value) => value / 2),
      items: fc.array(
        fc.record({
          scale: fc.oneof(fc.constant<'yes-no'>('yes-no'), fc.integer({ min: 2, max: 5 })),
          weight: fc.integer({ min: 1, max: 100 }).map((value) => value / 2),
          notApplicableAllowed: fc.boolean(),
          critical: fc.boolean(),
        }),
        { minLength: 1, maxLength: 5 },
      ),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((sections) => ({
    ...mini,
    sections: sections.map((entry, sectionIndex) =>
      section(
        `s${sectionIndex}`,
        entry.weight,
        entry.items.map((spec, itemIndex) =>
          item(`${sectionIndex}.${itemIndex}`, spec.scale, {
            weight: spec.weight,
            notApplicableAllowed: spec.notApplicableAllowed,
            critical: spec.critical,
          }),
        ),
      ),
    ),
  }));

const rubricWithAnswers = rubricArbitrary.chain((rubric) => fc.tuple(fc.constant(rubric), answersFor(rubric)));

describe('scoreReview: properties', () => {
  it('the total is in [0, 100] (or null when nothing is scored)', () => {
    fc.assert(
      fc.property(rubricWithAnswers, contextArbitrary, ([rubric, answers], context) => {
        const result = scoreReview(rubric, answers, context);
        for (const total of [result.total, result.totalBeforeCritical]) {
          if (total !== null && !(total >= 0 && total <= 100)) return false;
        }
        return (result.total === null) === result.items.every((entry) => entry.status !== 'scored');
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(answersFor(defaultRubric), contextArbitrary, (answers, context) => {
        const { total } = scoreReview(defaultRubric, answers, context);
        return total === null || (total >= 0 && total <= 100);
      }),
      { numRuns: 1000 },
    );
  });

  it('raising one answer never lowers the total (critical items included: raising can only lift a failure)', () => {
    fc.assert(
      fc.property(rubricWithAnswers, fc.nat(), contextArbitrary, ([rubric, answers], pick, context) => {
        const candidates = rubric.sections
          .flatMap((entry) => entry.items)
          .filter((rubricItem) => {
            const answer = answers[rubricItem.id];
            return (
              answer !== undefined &&
              (answer.kind === 'no' ||
                (answer.kind === 'level' &&
                  rubricItem.scale.kind === 'ordinal' &&
                  answer.value < rubricItem.scale.levels.length - 1))
            );
          });
        const target = candidates[pick % Math.max(1, candidates.length)];
        if (!target) return true;
        const answer = answers[target.id]!;
        const raised: ItemAnswer = answer.kind === 'level' ? level(answer.value + 1) : yes;
        const before = scoreReview(rubric, answers, context);
        const after = scoreReview(rubric, { ...answers, [target.id]: raised }, context);
        return after.total! >= before.total! && after.totalBeforeCritical! >= before.totalBeforeCritical!;
      }),
      { numRuns: 2000 },
    );
  });

  it('permuting the items within a section changes nothing', () => {
    fc.assert(
      fc.property(
        rubricWithAnswers,
        fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
        contextArbitrary,
        ([rubric, answers], keys, context) => {
          const permuted: Rubric = {
            ...rubric,
            sections: rubric.sections.map((entry) => ({
              ...entry,
              items: entry.items
                .map((rubricItem, index) => ({ rubricItem, key: keys[index % keys.length]! * 31 + index }))
                .sort((left, right) => left.key - right.key)
                .map(({ rubricItem }) => rubricItem),
            })),
          };
          const original = scoreReview(rubric, answers, context);
          const shuffled = scoreReview(permuted, answers, context);
          const close = (left: number | null, right: number | null) =>
            left === null ? right === null : right !== null && Math.abs(left - right) < 1e-9;
          const byId = (result: typeof original) => new Map(result.items.map((entry) => [entry.itemId, entry]));
          const originalItems = byId(original);
          return (
            close(original.total, shuffled.total) &&
            close(original.totalBeforeCritical, shuffled.totalBeforeCritical) &&
            original.criticalFailed === shuffled.criticalFailed &&
            original.complete === shuffled.complete &&
            original.sections.every((entry, index) => close(entry.score, shuffled.sections[index]!.score)) &&
            shuffled.items.every((entry) => originalItems.get(entry.itemId)?.value === entry.value)
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});

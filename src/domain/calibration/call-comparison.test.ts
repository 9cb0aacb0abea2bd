import { describe, expect, it } from 'vitest';
import { defaultRubric } from '../rubric/default-rubric';
import type { ReviewAnswers } from '../scoring/answers';
import { compareCall } from './call-comparison';
import type { SessionReviewInput } from './session-report';

const negative = { customerState: 'negative', emotion: 'frustration' } as const;
const review = (answers: ReviewAnswers): SessionReviewInput => ({ answers, context: negative });
const item = (comparison: ReturnType<typeof compareCall>, itemId: string) =>
  comparison.items.find((entry) => entry.itemId === itemId)!;

describe('compareCall', () => {
  it('measures each answer against the mean of the others when there is no benchmark', () => {
    // Item 2.1 (0-3): A=0, B=0, C=3. Against the others' mean, A (mean 1.5) is outside ±1, B likewise, C (mean 0) outside.
    // Item 3.2: A=2, B=2, C=3: A against 2.5 within, C against 2 within.
    const comparison = compareCall({
      rubric: defaultRubric,
      reviews: [
        review({ '2.1': { kind: 'level', value: 0 }, '3.2': { kind: 'level', value: 2 } }),
        review({ '2.1': { kind: 'level', value: 0 }, '3.2': { kind: 'level', value: 2 } }),
        review({ '2.1': { kind: 'level', value: 3 }, '3.2': { kind: 'level', value: 3 } }),
      ],
      benchmarkIndex: null,
      toleranceItem: 1,
    });
    expect(item(comparison, '2.1').deviations).toEqual(['outside', 'outside', 'outside']);
    expect(item(comparison, '3.2').deviations).toEqual(['within', 'within', 'within']);
    expect(item(comparison, '3.2').disagreement).toBe(true);
  });

  it('finds a disagreement between two submitted reviewers while others have not submitted', () => {
    const comparison = compareCall({
      rubric: defaultRubric,
      reviews: [
        null,
        null,
        review({ '2.1': { kind: 'level', value: 1 } }),
        review({ '2.1': { kind: 'level', value: 3 } }),
      ],
      benchmarkIndex: null,
      toleranceItem: 1,
    });
    expect(item(comparison, '2.1')).toEqual({
      itemId: '2.1',
      deviations: [null, null, 'outside', 'outside'],
      disagreement: true,
    });
    expect(comparison.scores.slice(0, 2)).toEqual([null, null]);
  });

  it('marks the benchmark itself and compares the others with it; N.v.t. is not compared but is an answer', () => {
    const comparison = compareCall({
      rubric: defaultRubric,
      reviews: [
        review({ '1.2': { kind: 'yes' }, '4.3': { kind: 'not-applicable' } }),
        review({ '1.2': { kind: 'no' }, '4.3': { kind: 'level', value: 2 } }),
        review({ '1.2': { kind: 'yes' }, '4.3': { kind: 'not-applicable' } }),
      ],
      benchmarkIndex: 0,
      toleranceItem: 1,
    });
    expect(item(comparison, '1.2').deviations).toEqual(['benchmark', 'outside', 'within']);
    expect(item(comparison, '4.3').deviations).toEqual([null, null, null]);
    expect(item(comparison, '4.3').disagreement).toBe(true);
  });

  it('scores each submitted review with the same rules as the review screen, sections and total in points', () => {
    const everything = Object.fromEntries(
      defaultRubric.sections
        .flatMap((section) => section.items)
        .map((entry) => [
          entry.id,
          entry.scale.kind === 'ordinal' ? { kind: 'level' as const, value: 3 } : { kind: 'yes' as const },
        ]),
    );
    const [score] = compareCall({
      rubric: defaultRubric,
      reviews: [review(everything)],
      benchmarkIndex: null,
      toleranceItem: 1,
    }).scores;
    expect(score).toEqual({ total: 100, sections: [100, 100, 100, 100, 100] });
  });
});

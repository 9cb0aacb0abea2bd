import { describe, expect, it } from 'vitest';
import { defaultRubric } from '../rubric/default-rubric';
import type { ReviewAnswers } from './answers';
import { evidenceProblems } from './evidence-problems';

const answers: ReviewAnswers = {
  '1.1': { kind: 'level', value: 3 }, // at the maximum: needs nothing
  '1.3': { kind: 'no' }, // below: needs evidence
  '2.1': { kind: 'level', value: 1 }, // below: needs evidence
  '2.2': { kind: 'no' }, // below, but 2.2 does not require evidence
  '3.3': { kind: 'no' }, // idem
  '3.5': { kind: 'no' }, // below: needs evidence
  '4.3': { kind: 'not-applicable' }, // N.v.t.: never a problem
  '4.2': { kind: 'yes' },
};

const ids = (problems: ReturnType<typeof evidenceProblems>) => problems.map((problem) => problem.itemId);

describe('evidenceProblems', () => {
  it('lists the below-maximum items that require evidence and have no linked moment', () => {
    expect(evidenceProblems(defaultRubric, answers, [])).toEqual([
      { itemId: '1.3', answer: { kind: 'no' } },
      { itemId: '2.1', answer: { kind: 'level', value: 1 } },
      { itemId: '3.5', answer: { kind: 'no' } },
    ]);
  });

  it('is satisfied by any linked moment, strength or gap', () => {
    expect(ids(evidenceProblems(defaultRubric, answers, [{ itemIds: ['2.1', '9.9'] }, { itemIds: ['3.5'] }]))).toEqual([
      '1.3',
    ]);
  });

  it('accepts an override with a written reason, not a blank one', () => {
    expect(
      ids(
        evidenceProblems(defaultRubric, answers, [], {
          '1.3': 'Buiten de opname om besproken',
          '2.1': '   ',
          '3.5': '',
        }),
      ),
    ).toEqual(['2.1', '3.5']);
  });

  it('ignores answers that do not fit the item and items not in the rubric', () => {
    expect(evidenceProblems(defaultRubric, { '1.3': { kind: 'level', value: 0 }, '9.9': { kind: 'no' } }, [])).toEqual(
      [],
    );
  });
});

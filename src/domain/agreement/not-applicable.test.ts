import { describe, expect, it } from 'vitest';
import { splitNotApplicable } from './not-applicable';

describe('splitNotApplicable', () => {
  it('turns markers into missing ratings and reports applicability separately', () => {
    const split = splitNotApplicable([
      [3, 'N.v.t.', null, 'Ja'],
      [' n.v.t. ', 'NA', 2, 'na'],
    ]);
    expect(split.ratings).toEqual([
      [3, null, null, 'Ja'],
      [null, null, 2, null],
    ]);
    expect(split.applicability).toEqual([
      ['applicable', 'not applicable', null, 'applicable'],
      ['not applicable', 'not applicable', 'applicable', 'not applicable'],
    ]);
    expect(split.notApplicableCells).toBe(4);
  });

  it('accepts other markers and leaves other labels alone', () => {
    const split = splitNotApplicable([['n/a', 'Nee', Number.NaN]], ['N/A']);
    expect(split.ratings).toEqual([[null, 'Nee', Number.NaN]]);
    expect(split.applicability).toEqual([['not applicable', 'applicable', null]]);
  });
});

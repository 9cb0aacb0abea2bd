import { describe, expect, it } from 'vitest';
import type { RubricItem } from '../rubric/model';
import { answerProblem, answerValue, failsCriticalItem, isBelowMaximum, type ItemAnswer } from './answers';

const text = { nl: 'x', en: 'x' };
const base: Omit<RubricItem, 'scale'> = {
  id: 'i',
  title: text,
  notApplicableAllowed: false,
  weight: 1,
  critical: false,
  evidenceRequired: true,
  naWhenNoEmotion: false,
};
const levels = (k: number) => Array.from({ length: k }, (_, value) => ({ value, label: text, anchor: text }));
const zeroToThree: RubricItem = { ...base, scale: { kind: 'ordinal', levels: levels(4) } };
const fivePoint: RubricItem = { ...base, scale: { kind: 'ordinal', levels: levels(5) } };
const yesNo: RubricItem = { ...base, scale: { kind: 'yes-no' } };

describe('answerValue', () => {
  it.each<[RubricItem, ItemAnswer, number | null]>([
    [zeroToThree, { kind: 'level', value: 0 }, 0],
    [zeroToThree, { kind: 'level', value: 1 }, 1 / 3],
    [zeroToThree, { kind: 'level', value: 2 }, 2 / 3],
    [zeroToThree, { kind: 'level', value: 3 }, 1],
    [fivePoint, { kind: 'level', value: 1 }, 0.25],
    [yesNo, { kind: 'yes' }, 1],
    [yesNo, { kind: 'no' }, 0],
    [{ ...yesNo, notApplicableAllowed: true }, { kind: 'not-applicable' }, null],
    [zeroToThree, { kind: 'level', value: 4 }, null],
    [yesNo, { kind: 'level', value: 1 }, null],
  ])('%#', (item, answer, expected) => expect(answerValue(item, answer)).toBe(expected));
});

describe('answerProblem', () => {
  it('checks the answer against the scale and the N.v.t. permission', () => {
    expect(answerProblem(zeroToThree, { kind: 'yes' })).toBe('yes_no_on_ordinal_item');
    expect(answerProblem(yesNo, { kind: 'level', value: 0 })).toBe('level_on_yes_no_item');
    expect(answerProblem(zeroToThree, { kind: 'level', value: -1 })).toBe('level_out_of_range');
    expect(answerProblem(zeroToThree, { kind: 'level', value: 1.5 })).toBe('level_out_of_range');
    expect(answerProblem(yesNo, { kind: 'not-applicable' })).toBe('not_applicable_not_allowed');
    expect(answerProblem(zeroToThree, { kind: 'level', value: 3 })).toBeNull();
  });
});

describe('failsCriticalItem', () => {
  it('fails on Nee, and on level 0 of an ordinal critical item', () => {
    expect(failsCriticalItem({ ...yesNo, critical: true }, { kind: 'no' })).toBe(true);
    expect(failsCriticalItem({ ...yesNo, critical: true }, { kind: 'yes' })).toBe(false);
    expect(failsCriticalItem({ ...zeroToThree, critical: true }, { kind: 'level', value: 0 })).toBe(true);
    expect(failsCriticalItem({ ...zeroToThree, critical: true }, { kind: 'level', value: 1 })).toBe(false);
    expect(failsCriticalItem(yesNo, { kind: 'no' })).toBe(false);
    expect(
      failsCriticalItem({ ...yesNo, critical: true, notApplicableAllowed: true }, { kind: 'not-applicable' }),
    ).toBe(false);
  });
});

describe('isBelowMaximum', () => {
  it('is true for Nee and levels under k-1 only', () => {
    expect(isBelowMaximum(yesNo, { kind: 'no' })).toBe(true);
    expect(isBelowMaximum(yesNo, { kind: 'yes' })).toBe(false);
    expect(isBelowMaximum(zeroToThree, { kind: 'level', value: 2 })).toBe(true);
    expect(isBelowMaximum(zeroToThree, { kind: 'level', value: 3 })).toBe(false);
    expect(isBelowMaximum({ ...yesNo, notApplicableAllowed: true }, { kind: 'not-applicable' })).toBe(false);
  });
});

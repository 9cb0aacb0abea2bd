import { describe, expect, it } from 'vitest';
import { defaultRubric } from '../rubric/default-rubric';
import type { ItemAnswer, ReviewAnswers } from './answers';
import { formatScoreFormula, formatScoreNumber, formatSectionFormula, type ScoreFormula } from './score-formula';
import { scoreReview } from './score-review';

const level = (value: number): ItemAnswer => ({ kind: 'level', value });
const yes: ItemAnswer = { kind: 'yes' };
const no: ItemAnswer = { kind: 'no' };
// The realistic review of score-review.test.ts: sections 8/9, 5/6, 7/15, 3/4, 2/3; total 2615/36 = 72.638...
const answers: ReviewAnswers = {
  '1.1': level(2),
  '1.2': yes,
  '1.3': yes,
  '2.1': level(2),
  '2.2': { kind: 'not-applicable' },
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
const result = scoreReview(defaultRubric, answers, { customerState: 'negative', emotion: 'anger' });

describe('formatScoreFormula', () => {
  it('writes the total out with a decimal comma in Dutch', () => {
    expect(formatScoreFormula(result.formula, 'nl')).toBe(
      '(25 × 0,89 + 25 × 0,83 + 25 × 0,47 + 15 × 0,75 + 10 × 0,67) / (25 + 25 + 25 + 15 + 10) × 100 = 72,6',
    );
  });

  it('writes the total out with a decimal point in English, with the digits asked for', () => {
    expect(formatScoreFormula(result.formula, 'en', { valueDigits: 3, totalDigits: 2 })).toBe(
      '(25 × 0.889 + 25 × 0.833 + 25 × 0.467 + 15 × 0.750 + 10 × 0.667) / (25 + 25 + 25 + 15 + 10) × 100 = 72.64',
    );
  });

  it('shows the critical rule', () => {
    const failed = scoreReview(defaultRubric, { ...answers, '4.2': no }, null);
    expect(formatScoreFormula(failed.formula, 'nl')).toBe(
      '(25 × 0,89 + 25 × 0,83 + 25 × 0,47 + 15 × 0,50 + 10 × 0,67) / (25 + 25 + 25 + 15 + 10) × 100 = 68,9 → 0',
    );
  });

  it('shows a dash when nothing was scored, and fractional weights without padding', () => {
    expect(formatScoreFormula(scoreReview(defaultRubric, {}, null).formula, 'en')).toBe('—');
    const formula: ScoreFormula = {
      sections: [],
      terms: [
        { id: 'a', weight: 0.5, value: 1 },
        { id: 'b', weight: 1.25, value: 0 },
      ],
      weightedSum: 0.5,
      weightSum: 1.75,
      totalBeforeCritical: (0.5 / 1.75) * 100,
      criticalFailed: false,
      total: (0.5 / 1.75) * 100,
    };
    expect(formatScoreFormula(formula, 'nl')).toBe('(0,5 × 1,00 + 1,25 × 0,00) / (0,5 + 1,25) × 100 = 28,6');
  });
});

describe('formatSectionFormula', () => {
  it('writes a section out, leaving N.v.t. items out', () => {
    expect(formatSectionFormula(result.formula.sections[2]!, 'nl')).toBe(
      '(1 × 0,00 + 1 × 0,33 + 1 × 1,00 + 1 × 1,00 + 1 × 0,00) / (1 + 1 + 1 + 1 + 1) = 0,47',
    );
    expect(formatSectionFormula(result.formula.sections[1]!, 'en')).toBe('(1 × 0.67 + 1 × 1.00) / (1 + 1) = 0.83');
    expect(formatSectionFormula(scoreReview(defaultRubric, {}, null).formula.sections[0]!, 'nl')).toBe('—');
  });
});

describe('formatScoreNumber', () => {
  it('rounds for display only', () => {
    expect(formatScoreNumber(71.25, 'nl', 1)).toBe('71,3');
    expect(formatScoreNumber(100, 'en', 1)).toBe('100.0');
    expect(formatScoreNumber(0, 'nl', 0)).toBe('0');
  });
});

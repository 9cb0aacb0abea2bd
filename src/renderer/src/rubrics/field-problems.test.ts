import { describe, expect, it } from 'vitest';
import { fail } from '../../../contract/errors';
import { fieldProblemsOf, pathOfKeys } from './field-problems';

const errorOf = (result: ReturnType<typeof fail>) => (result.ok ? null : result.error)!;

describe('problems of a refused rubric save, placed at their fields', () => {
  it('turns contract issue paths into field paths', () => {
    expect(pathOfKeys(['rubric', 'sections', '0', 'items', '2', 'weight'])).toBe('sections[0].items[2].weight');
    expect(pathOfKeys(['rubric', 'name', 'nl'])).toBe('name.nl');
  });

  it('explains a negative weight (a contract check) as the weight rule, not developer text', () => {
    const error = errorOf(
      fail('invalid_input', 'Invalid input for rubrics.saveDraft', {
        issues: [
          {
            path: ['rubric', 'sections', '0', 'items', '0', 'weight'],
            code: 'too_small',
            message: 'Too small: expected number to be >0',
          },
        ],
      }),
    );
    expect(fieldProblemsOf(error)).toEqual([
      { path: 'sections[0].items[0].weight', textKey: 'rubrics.problems.weight_not_positive' },
    ]);
  });

  it('explains a blank text and a malformed number by their rules', () => {
    const error = errorOf(
      fail('invalid_input', 'x', {
        issues: [
          {
            path: ['rubric', 'sections', '0', 'items', '0', 'title', 'nl'],
            code: 'custom',
            message: 'Must not be blank',
          },
          { path: ['rubric', 'sections', '0', 'items', '1', 'id'], code: 'invalid_format', message: 'Use letters' },
        ],
      }),
    );
    expect(fieldProblemsOf(error)?.map((problem) => problem.textKey)).toEqual([
      'rubrics.problems.missing_translation',
      'rubrics.problems.invalid_id',
    ]);
  });

  it('places the domain rule problems with their codes', () => {
    const error = errorOf(
      fail('rubric_invalid', 'x', {
        problems: [
          { code: 'missing_translation', path: 'sections[1].items[0].title.nl', message: 'blank' },
          { code: 'something_new', path: 'sections', message: '?' },
        ],
      }),
    );
    expect(fieldProblemsOf(error)).toEqual([
      { path: 'sections[1].items[0].title.nl', textKey: 'rubrics.problems.missing_translation' },
      { path: 'sections', textKey: 'rubrics.problems.invalid_value' },
    ]);
  });

  it('leaves other errors alone', () => {
    expect(fieldProblemsOf(errorOf(fail('rubric_published', 'published')))).toBeNull();
  });
});

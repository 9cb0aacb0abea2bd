import { describe, expect, it } from 'vitest';
import { defaultRubric } from '../rubric/default-rubric';
import { resolveAnswers } from './resolve-answers';

const calm = { customerState: 'neutral', emotion: null } as const;

describe('resolveAnswers', () => {
  it('gives every item of the rubric, in order', () => {
    const resolved = resolveAnswers(defaultRubric, {}, null);
    expect(resolved).toHaveLength(18);
    expect(resolved.every((entry) => entry.source === 'unanswered' && entry.answer === null)).toBe(true);
  });

  it('tells a default N.v.t. from an explicit one', () => {
    const resolved = resolveAnswers(defaultRubric, { '2.2': { kind: 'not-applicable' } }, calm);
    const sourceOf = (itemId: string) => resolved.find((entry) => entry.itemId === itemId)?.source;
    expect(sourceOf('1.1')).toBe('context-default');
    expect(sourceOf('1.2')).toBe('context-default');
    expect(sourceOf('4.3')).toBe('context-default');
    expect(sourceOf('2.2')).toBe('explicit');
    expect(sourceOf('1.3')).toBe('unanswered');
  });

  it('lets an explicit answer override the default N.v.t.', () => {
    const resolved = resolveAnswers(defaultRubric, { '1.1': { kind: 'level', value: 2 } }, calm);
    expect(resolved[0]).toEqual({ itemId: '1.1', answer: { kind: 'level', value: 2 }, source: 'explicit' });
  });

  it('reports an answer that does not fit the item as invalid, and ignores unknown ids', () => {
    const resolved = resolveAnswers(
      defaultRubric,
      { '1.3': { kind: 'level', value: 2 }, '9.9': { kind: 'yes' } },
      null,
    );
    expect(resolved[2]).toEqual({ itemId: '1.3', answer: null, source: 'invalid', problem: 'level_on_yes_no_item' });
    expect(resolved.some((entry) => entry.itemId === '9.9')).toBe(false);
  });

  it('does not read answers from the prototype chain', () => {
    const rubric = {
      ...defaultRubric,
      sections: [
        { ...defaultRubric.sections[0]!, items: [{ ...defaultRubric.sections[0]!.items[2]!, id: 'toString' }] },
      ],
    };
    expect(resolveAnswers(rubric, {}, null)[0]?.source).toBe('unanswered');
  });
});

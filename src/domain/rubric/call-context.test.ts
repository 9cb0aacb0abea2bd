import { describe, expect, it } from 'vitest';
import { defaultNotApplicable, isEmotionExpressed, type CallContext } from './call-context';
import { defaultRubric } from './default-rubric';
import type { Rubric } from './model';

describe('isEmotionExpressed', () => {
  it.each<[CallContext, boolean]>([
    [{ customerState: 'positive', emotion: null }, false],
    [{ customerState: 'neutral', emotion: null }, false],
    [{ customerState: 'negative', emotion: 'anger' }, true],
    // A negative start without the emotion named yet still counts: an unfinished gate never drops items silently.
    [{ customerState: 'negative', emotion: null }, true],
    // Started neutral, the customer became worried later in the call.
    [{ customerState: 'neutral', emotion: 'worry' }, true],
  ])('%o -> %s', (context, expected) => expect(isEmotionExpressed(context)).toBe(expected));
});

describe('defaultNotApplicable', () => {
  it('makes 1.1, 1.2 and 4.3 N.v.t. when no emotion was expressed', () => {
    expect([...defaultNotApplicable(defaultRubric, { customerState: 'positive', emotion: null })]).toEqual([
      '1.1',
      '1.2',
      '4.3',
    ]);
    expect([...defaultNotApplicable(defaultRubric, { customerState: 'neutral', emotion: null })]).toEqual([
      '1.1',
      '1.2',
      '4.3',
    ]);
  });

  it('makes nothing N.v.t. when an emotion was expressed, or before the gate is answered', () => {
    expect(defaultNotApplicable(defaultRubric, { customerState: 'negative', emotion: 'frustration' }).size).toBe(0);
    expect(defaultNotApplicable(defaultRubric, { customerState: 'neutral', emotion: 'disappointment' }).size).toBe(0);
    expect(defaultNotApplicable(defaultRubric, null).size).toBe(0);
  });

  it('makes nothing N.v.t. in a rubric without a context gate, or for items that cannot be N.v.t.', () => {
    const withoutGate: Rubric = { ...defaultRubric, contextGate: undefined };
    expect(defaultNotApplicable(withoutGate, { customerState: 'neutral', emotion: null }).size).toBe(0);
    const section = defaultRubric.sections[0]!;
    const broken: Rubric = {
      ...defaultRubric,
      sections: [{ ...section, items: section.items.map((item) => ({ ...item, notApplicableAllowed: false })) }],
    };
    expect(defaultNotApplicable(broken, { customerState: 'neutral', emotion: null }).size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultRubric } from './default-rubric';
import type { Rubric, RubricItem, RubricSection } from './model';
import { validateRubric, type RubricProblemCode } from './validate-rubric';

const text = (nl: string, en: string = nl) => ({ nl, en });
const item = (id: string, patch: Partial<RubricItem> = {}): RubricItem => ({
  id,
  title: text(`Criterium ${id}`, `Item ${id}`),
  scale: { kind: 'yes-no' },
  notApplicableAllowed: false,
  weight: 1,
  critical: false,
  evidenceRequired: true,
  naWhenNoEmotion: false,
  ...patch,
});
const section = (id: string, items: RubricItem[], patch: Partial<RubricSection> = {}): RubricSection => ({
  id,
  title: text(`Onderdeel ${id}`, `Section ${id}`),
  weight: 1,
  items,
  ...patch,
});
const rubric = (sections: RubricSection[], patch: Partial<Rubric> = {}): Rubric => ({
  id: 'test',
  version: 1,
  name: text('Test'),
  sections,
  ...patch,
});
const ordinal = (...values: number[]): RubricItem['scale'] => ({
  kind: 'ordinal',
  levels: values.map((value) => ({
    value,
    label: text(`L${value}`),
    anchor: text(`Anker ${value}`, `Anchor ${value}`),
  })),
});

const codes = (subject: Rubric) => validateRubric(subject).map((problem) => [problem.code, problem.path]);

describe('validateRubric', () => {
  it('accepts a minimal rubric', () => {
    expect(validateRubric(rubric([section('a', [item('a1')])]))).toEqual([]);
  });

  it.each<[string, Rubric, [RubricProblemCode, string][]]>([
    ['no sections', rubric([]), [['no_sections', 'sections']]],
    ['an empty section', rubric([section('a', [])]), [['section_without_items', 'sections[0].items']]],
    [
      'duplicate section ids',
      rubric([section('a', [item('1')]), section('a', [item('2')])]),
      [['duplicate_section_id', 'sections[1].id']],
    ],
    [
      'duplicate item ids across sections',
      rubric([section('a', [item('1')]), section('b', [item('1')])]),
      [['duplicate_item_id', 'sections[1].items[0].id']],
    ],
    ['a bad id', rubric([section('a', [item('1 1')])]), [['invalid_id', 'sections[0].items[0].id']]],
    ['version 0', rubric([section('a', [item('1')])], { version: 0 }), [['invalid_version', 'version']]],
    ['a fractional version', rubric([section('a', [item('1')])], { version: 1.5 }), [['invalid_version', 'version']]],
    [
      'section weight 0',
      rubric([section('a', [item('1')], { weight: 0 })]),
      [['weight_not_positive', 'sections[0].weight']],
    ],
    [
      'negative item weight',
      rubric([section('a', [item('1', { weight: -1 })])]),
      [['weight_not_positive', 'sections[0].items[0].weight']],
    ],
    [
      'NaN weight',
      rubric([section('a', [item('1', { weight: Number.NaN })])]),
      [['weight_not_positive', 'sections[0].items[0].weight']],
    ],
    [
      'huge weight',
      rubric([section('a', [item('1', { weight: 1e9 })])]),
      [['weight_too_large', 'sections[0].items[0].weight']],
    ],
    [
      'a one-level scale',
      rubric([section('a', [item('1', { scale: ordinal(0) })])]),
      [['scale_too_few_levels', 'sections[0].items[0].scale.levels']],
    ],
    [
      'non-contiguous levels',
      rubric([section('a', [item('1', { scale: ordinal(0, 1, 3) })])]),
      [['scale_values_not_contiguous', 'sections[0].items[0].scale.levels[2].value']],
    ],
    [
      'levels starting at 1',
      rubric([section('a', [item('1', { scale: ordinal(1, 2) })])]),
      [
        ['scale_values_not_contiguous', 'sections[0].items[0].scale.levels[0].value'],
        ['scale_values_not_contiguous', 'sections[0].items[0].scale.levels[1].value'],
      ],
    ],
    [
      'a blank English title',
      rubric([section('a', [item('1', { title: { nl: 'Titel', en: '  ' } })])]),
      [['missing_translation', 'sections[0].items[0].title.en']],
    ],
    [
      'a missing Dutch name',
      rubric([section('a', [item('1')])], { name: { en: 'Name' } as Rubric['name'] }),
      [['missing_translation', 'name.nl']],
    ],
    [
      'a too long title',
      rubric([section('a', [item('1', { title: text('x'.repeat(301)) })])]),
      [
        ['text_too_long', 'sections[0].items[0].title.nl'],
        ['text_too_long', 'sections[0].items[0].title.en'],
      ],
    ],
    [
      'a gated item that cannot be N.v.t.',
      rubric([section('a', [item('1', { naWhenNoEmotion: true })])], {
        contextGate: { question: text('Vraag?', 'Question?') },
      }),
      [['gated_item_without_not_applicable', 'sections[0].items[0].naWhenNoEmotion']],
    ],
    [
      'a gated item without a gate',
      rubric([section('a', [item('1', { naWhenNoEmotion: true, notApplicableAllowed: true })])]),
      [['gated_item_without_context_gate', 'sections[0].items[0].naWhenNoEmotion']],
    ],
  ])('reports %s', (_name, subject, expected) => {
    expect(codes(subject)).toEqual(expected);
  });

  it('reports too many items', () => {
    const many = Array.from({ length: 51 }, (_, index) => item(`i${index}`));
    expect(codes(rubric([section('a', many)]))).toEqual([['too_many_items', 'sections[0].items']]);
  });

  it('gives every problem an English message with its path', () => {
    const [problem] = validateRubric({ ...defaultRubric, version: -3 });
    expect(problem).toEqual({
      code: 'invalid_version',
      path: 'version',
      message: expect.stringContaining('version: -3'),
    });
  });
});

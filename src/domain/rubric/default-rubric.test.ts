import { describe, expect, it } from 'vitest';
import { defaultRubric } from './default-rubric';
import { locales } from './localized-text';
import { rubricItems, scaleMaximum } from './model';
import { validateRubric } from './validate-rubric';

const items = rubricItems(defaultRubric).map(({ item }) => item);
const byId = new Map(items.map((item) => [item.id, item]));
const ids = (predicate: (item: (typeof items)[number]) => boolean) => items.filter(predicate).map((item) => item.id);

describe('the default rubric "Empathie & actief luisteren" v1', () => {
  it('is valid', () => {
    expect(validateRubric(defaultRubric)).toEqual([]);
  });

  it('has the five sections and weights of the domain table', () => {
    expect(defaultRubric.version).toBe(1);
    expect(defaultRubric.name.nl).toBe('Empathie & actief luisteren');
    expect(defaultRubric.sections.map((section) => [section.title.nl, section.weight])).toEqual([
      ['Emotie herkennen', 25],
      ['Empathie tonen', 25],
      ['Actief luisteren', 25],
      ['Afstemmen & de-escaleren', 15],
      ['Eigenaarschap', 10],
    ]);
  });

  it('has the 18 items in order with the scales of the table', () => {
    expect(items.map((item) => item.id)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '2.1',
      '2.2',
      '2.3',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '3.5',
      '4.1',
      '4.2',
      '4.3',
      '4.4',
      '5.1',
      '5.2',
      '5.3',
    ]);
    expect(ids((item) => item.scale.kind === 'ordinal')).toEqual([
      '1.1',
      '2.1',
      '2.3',
      '3.2',
      '4.1',
      '4.3',
      '5.1',
      '5.2',
      '5.3',
    ]);
    for (const item of items) {
      if (item.scale.kind === 'ordinal') {
        expect(scaleMaximum(item.scale)).toBe(3);
        expect(item.scale.levels.map((level) => level.label.nl)).toEqual([
          'Niet getoond',
          'Mechanisch',
          'Oprecht maar algemeen',
          'Specifiek en natuurlijk',
        ]);
      }
    }
  });

  it('allows N.v.t. on 1.1, 1.2, 2.2 and 4.3 only, gates 1.1, 1.2 and 4.3 on the call context, and has 4.2 as its one critical item', () => {
    expect(ids((item) => item.notApplicableAllowed)).toEqual(['1.1', '1.2', '2.2', '4.3']);
    expect(ids((item) => item.naWhenNoEmotion)).toEqual(['1.1', '1.2', '4.3']);
    expect(ids((item) => item.critical)).toEqual(['4.2']);
    expect(defaultRubric.contextGate).toBeDefined();
  });

  it('requires evidence everywhere except 2.2 and 3.3 (absences with no moment to point at)', () => {
    expect(ids((item) => !item.evidenceRequired)).toEqual(['2.2', '3.3']);
  });

  it('weighs items equally', () => {
    expect(new Set(items.map((item) => item.weight))).toEqual(new Set([1]));
  });

  it('has a distinct, item-specific anchor per level and a description per item, in both languages', () => {
    const anchors = new Set<string>();
    for (const item of items) {
      expect(item.description).toBeDefined();
      for (const locale of locales) {
        expect(item.title[locale].trim()).not.toBe('');
        expect(item.description?.[locale].trim()).not.toBe('');
      }
      expect(item.title.nl).not.toBe(item.title.en);
      if (item.scale.kind === 'ordinal') {
        for (const level of item.scale.levels) {
          for (const locale of locales) anchors.add(level.anchor[locale]);
        }
      }
    }
    expect(anchors.size).toBe(9 * 4 * 2);
    expect(byId.get('4.2')?.description?.nl).toContain('Kritiek');
  });
});

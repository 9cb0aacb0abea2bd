import { describe, expect, it } from 'vitest';
import { defaultRubric } from '../rubric/default-rubric';
import { rubricItems } from '../rubric/model';
import { isMomentType, momentTypeInfo, momentTypes } from './moment-types';

function relativeLuminance(hex: string): number {
  const [red, green, blue] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * red! + 0.7152 * green! + 0.0722 * blue!;
}

function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a);
  return (lighter! + 0.05) / (darker! + 0.05);
}

// The light and dark surfaces of src/renderer/src/styles/theme.css.
const surfaces = ['#ffffff', '#f6f7f9', '#161b22', '#0f1318'];

describe('the default moment types', () => {
  it('are the nine of the domain, each with its info', () => {
    expect(momentTypes).toHaveLength(9);
    for (const type of momentTypes) expect(momentTypeInfo[type].type).toBe(type);
    expect(isMomentType('de-escalation')).toBe(true);
    expect(isMomentType('toString')).toBe(false);
  });

  it('have distinct Dutch and English labels', () => {
    const labels = momentTypes.flatMap((type) => [momentTypeInfo[type].label.nl, momentTypeInfo[type].label.en]);
    expect(new Set(labels.map((label) => label.toLowerCase())).size).toBe(labels.length);
  });

  it('have distinct colours with at least 3:1 contrast on the light and dark surfaces', () => {
    const colours = momentTypes.map((type) => momentTypeInfo[type].colour);
    expect(new Set(colours).size).toBe(colours.length);
    for (const colour of colours) {
      expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      for (const surface of surfaces)
        expect(contrastRatio(colour, surface), `${colour} on ${surface}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('suggest only items of the default rubric', () => {
    const itemIds = new Set(rubricItems(defaultRubric).map(({ item }) => item.id));
    for (const type of momentTypes)
      for (const itemId of momentTypeInfo[type].suggestedItemIds) expect(itemIds).toContain(itemId);
  });

  it('propose the expected polarity and speaker', () => {
    expect(momentTypeInfo['customer-emotion-cue']).toMatchObject({
      defaultSpeaker: 'customer',
      defaultPolarity: 'neutral',
    });
    expect(momentTypeInfo['missed-empathy-opportunity']).toMatchObject({
      defaultSpeaker: 'agent',
      defaultPolarity: 'gap',
    });
    expect(momentTypeInfo['empathic-response']).toMatchObject({ defaultSpeaker: 'agent', defaultPolarity: 'strength' });
  });
});

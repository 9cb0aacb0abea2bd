import { describe, expect, it } from 'vitest';
import { anoukMoments } from '../../../tests/fixtures/export/score-export-reviews';
import type { Moment } from '../moments/model';
import { momentCaption } from './moment-caption';

const moment = (id: string, startMs: number, endMs: number): Moment => ({
  id,
  startMs,
  endMs,
  type: 'free-note',
  speaker: 'unknown',
  polarity: 'neutral',
  itemIds: [],
  note: '',
});

describe('momentCaption', () => {
  it('names the type, emotion, intensity, polarity, items and note', () => {
    expect(momentCaption(anoukMoments[0]!, 'nl')).toBe(
      'Emotie van de klant (Frustratie, 2/3) [1.1]: Klant zucht: "Ik ben het zat"',
    );
    expect(momentCaption(anoukMoments[0]!, 'en')).toBe(
      'Customer emotion cue (Frustration, 2/3) [1.1]: Klant zucht: "Ik ben het zat"',
    );
    expect(momentCaption(anoukMoments[2]!, 'nl')).toBe('Gescript of onpersoonlijk antwoord (-) [2.1]');
    expect(momentCaption(moment('x', 0, 1), 'nl')).toBe('Vrije notitie');
    expect(momentCaption({ ...anoukMoments[1]!, note: '  ' }, 'en')).toBe('Empathic response (+) [1.1, 1.2]');
  });
});

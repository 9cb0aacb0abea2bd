import { describe, expect, it } from 'vitest';
import type { Moment } from '../moments/model';
import type { CallSignals } from '../signals/model';
import { momentFromSuggestion, openSuggestions, suggestionsOf } from './suggestions';

const signals: CallSignals = {
  durationMs: 60_000,
  speech: [],
  overtalk: [
    { startMs: 1000, endMs: 1600, startedBy: 'agent' },
    { startMs: 5000, endMs: 5400, startedBy: 'customer' },
  ],
  silences: [
    { startMs: 10_000, endMs: 13_500, flagged: false, turn: 'agent' },
    { startMs: 20_000, endMs: 31_000, flagged: true, turn: 'agent' },
  ],
  talkRatio: { agent: 0.5, customer: 0.5 },
  wordsPerMinute: { agent: null, customer: null },
  responseLatencies: [],
  hints: [
    {
      kind: 'emotion',
      speaker: 'customer',
      startMs: 2000,
      endMs: 2500,
      text: 'echt frustrerend',
      itemIds: ['1.1'],
      emotion: 'frustration',
    },
    {
      kind: 'acknowledgement',
      speaker: 'agent',
      startMs: 3000,
      endMs: 3400,
      text: 'ik begrijp het',
      itemIds: ['3.4', '1.2', '9.9'],
    },
  ],
};

const rubricItemIds = new Set(['1.1', '1.2', '3.1', '3.4', '4.4']);

describe('suggestions', () => {
  it('offers hints, agent interruptions and dead air, in time order', () => {
    const suggestions = suggestionsOf(signals);
    expect(suggestions.map((suggestion) => suggestion.kind)).toEqual([
      'interruption',
      'emotion',
      'acknowledgement',
      'long_silence',
    ]);
    expect(suggestions[0]).toMatchObject({ speaker: 'agent', itemIds: ['3.1'] });
  });

  it('leaves out what the review already decided', () => {
    const suggestions = suggestionsOf(signals);
    const open = openSuggestions(suggestions, new Set([suggestions[0]!.key]));
    expect(open).toHaveLength(3);
  });

  it('prefills a response from the hint: type, speaker, the rubric items the rubric has, and the pairing', () => {
    const cue: Moment = {
      id: 'cue',
      startMs: 1900,
      endMs: 2600,
      type: 'customer-emotion-cue',
      speaker: 'customer',
      polarity: 'neutral',
      itemIds: ['1.1'],
      note: '',
    };
    const acknowledgement = suggestionsOf(signals).find((suggestion) => suggestion.kind === 'acknowledgement')!;
    const moment = momentFromSuggestion(acknowledgement, {
      id: 'm1',
      rubricItemIds,
      moments: [cue],
      durationMs: 60_000,
    });
    expect(moment).toMatchObject({
      id: 'm1',
      type: 'empathic-response',
      speaker: 'agent',
      polarity: 'strength',
      itemIds: ['3.4', '1.2'],
      respondsTo: 'cue',
      note: '“ik begrijp het”',
      startMs: 3000,
      endMs: 3400,
    });
  });

  it('makes an emotion hint a cue with its emotion, and dead air a note on whose turn it was', () => {
    const [, emotion, , silence] = suggestionsOf(signals);
    const cue = momentFromSuggestion(emotion!, { id: 'c', rubricItemIds, moments: [], durationMs: 60_000 });
    expect(cue).toMatchObject({
      type: 'customer-emotion-cue',
      speaker: 'customer',
      emotion: 'frustration',
      intensity: 2,
    });
    const gap = momentFromSuggestion(silence!, { id: 's', rubricItemIds, moments: [], durationMs: 60_000 });
    expect(gap).toMatchObject({ type: 'free-note', speaker: 'agent', polarity: 'gap', itemIds: ['4.4'] });
  });
});

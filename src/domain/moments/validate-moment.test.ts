import { describe, expect, it } from 'vitest';
import type { Moment } from './model';
import { validateMoment, type MomentProblemCode } from './validate-moment';

const cue: Moment = {
  id: 'cue-1',
  startMs: 10_000,
  endMs: 12_000,
  type: 'customer-emotion-cue',
  speaker: 'customer',
  polarity: 'neutral',
  intensity: 3,
  emotion: 'anger',
  itemIds: ['1.1'],
  note: 'Ik ben het zat!',
};
const response: Moment = {
  id: 'response-1',
  startMs: 12_800,
  endMs: 15_000,
  type: 'empathic-response',
  speaker: 'agent',
  polarity: 'strength',
  itemIds: ['1.2', '2.1'],
  note: '<b>niet</b> als HTML',
  respondsTo: 'cue-1',
};
const context = { durationMs: 60_000, moments: [cue, response], itemIds: new Set(['1.1', '1.2', '2.1']) };
const codes = (moment: Moment) => validateMoment(moment, context).map((problem) => problem.code);

describe('validateMoment', () => {
  it('accepts a cue and a response paired with it', () => {
    expect(validateMoment(cue, context)).toEqual([]);
    expect(validateMoment(response, context)).toEqual([]);
  });

  it('accepts a response that overlaps the end of its cue', () => {
    expect(codes({ ...response, startMs: 11_500 })).toEqual([]);
  });

  it.each<[string, Partial<Moment>, MomentProblemCode[]]>([
    ['an empty id', { id: ' ' }, ['invalid_id']],
    ['end equal to start', { startMs: 13_000, endMs: 13_000 }, ['end_not_after_start']],
    ['end before start', { startMs: 14_000, endMs: 13_000 }, ['end_not_after_start']],
    ['a fractional time', { startMs: 12_800.5 }, ['invalid_time']],
    ['a negative time', { startMs: -1 }, ['invalid_time']],
    ['an end beyond the recording', { endMs: 60_001 }, ['beyond_duration']],
    ['an unknown type', { type: 'praise' as Moment['type'] }, ['unknown_type']],
    ['an unknown speaker', { speaker: 'robot' as Moment['speaker'] }, ['invalid_speaker']],
    ['an unknown polarity', { polarity: 'plus' as Moment['polarity'] }, ['invalid_polarity']],
    ['an emotion on a response', { emotion: 'joy' }, ['emotion_on_non_cue']],
    ['an intensity on a response', { intensity: 2 }, ['emotion_on_non_cue']],
    ['a too long note', { note: 'x'.repeat(2001) }, ['note_too_long']],
    ['an item linked twice', { itemIds: ['2.1', '2.1'] }, ['duplicate_item_id']],
    ['an item not in the rubric', { itemIds: ['9.9'] }, ['unknown_item_id']],
    ['a response to itself', { respondsTo: 'response-1' }, ['responds_to_itself']],
    ['a response to a missing moment', { respondsTo: 'gone' }, ['responds_to_missing_moment']],
    ['a response starting before its cue', { startMs: 9000 }, ['response_before_cue']],
  ])('reports %s', (_name, patch, expected) => {
    expect(codes({ ...response, ...patch })).toEqual(expected);
  });

  it('reports a response to something that is not a cue', () => {
    const note: Moment = { ...response, id: 'note-1', type: 'free-note', respondsTo: undefined };
    expect(
      validateMoment({ ...response, respondsTo: 'note-1' }, { ...context, moments: [cue, note] }).map(
        (problem) => problem.code,
      ),
    ).toEqual(['responds_to_non_cue']);
  });

  it('checks a cue: intensity 1-3, a known emotion, and no respondsTo', () => {
    expect(codes({ ...cue, intensity: 4 as Moment['intensity'] })).toEqual(['invalid_intensity']);
    expect(codes({ ...cue, emotion: 'boredom' as Moment['emotion'] })).toEqual(['invalid_emotion']);
    expect(codes({ ...cue, respondsTo: 'response-1' })).toEqual(['cue_cannot_respond']);
  });

  it('leaves item ids unchecked without a rubric', () => {
    expect(validateMoment({ ...response, itemIds: ['9.9'], respondsTo: undefined }, { durationMs: 60_000 })).toEqual(
      [],
    );
  });

  it('names the field of each problem', () => {
    expect(validateMoment({ ...response, endMs: 70_000 }, context)).toEqual([
      { code: 'beyond_duration', field: 'endMs', message: expect.stringContaining('70000') },
    ]);
  });
});

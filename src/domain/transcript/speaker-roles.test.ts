import { describe, expect, it } from 'vitest';
import type { TranscriptSegment } from './model';
import { guessSpeakerRoles } from './speaker-roles';

const segment = (speaker: string | null, channel: number | null): TranscriptSegment => ({
  speaker,
  channel,
  startMs: 0,
  endMs: 1,
  text: 'x',
  words: [],
});

describe('guessSpeakerRoles', () => {
  it('maps channels by the agent channel', () => {
    const transcript = { segments: [segment(null, 1), segment(null, 0)] };
    expect(guessSpeakerRoles(transcript)).toEqual({ 'channel:1': 'customer', 'channel:0': 'agent' });
    expect(guessSpeakerRoles(transcript, 1)).toEqual({ 'channel:1': 'agent', 'channel:0': 'customer' });
  });

  it('uses telling labels in Dutch and English', () => {
    expect(guessSpeakerRoles({ segments: [segment('Klant', null), segment('Medewerker', null)] })).toEqual({
      'speaker:Klant': 'customer',
      'speaker:Medewerker': 'agent',
    });
    expect(guessSpeakerRoles({ segments: [segment('Customer', null), segment('Agent', null)] })).toEqual({
      'speaker:Customer': 'customer',
      'speaker:Agent': 'agent',
    });
  });

  it('takes the first of several anonymous speakers as the agent', () => {
    expect(
      guessSpeakerRoles({ segments: [segment('spk_1', null), segment('spk_0', null), segment('spk_2', null)] }),
    ).toEqual({
      'speaker:spk_1': 'agent',
      'speaker:spk_0': 'customer',
      'speaker:spk_2': 'customer',
    });
  });

  it('leaves a single unlabelled voice unknown', () => {
    expect(guessSpeakerRoles({ segments: [segment(null, null)] })).toEqual({ 'speaker:': 'unknown' });
  });
});

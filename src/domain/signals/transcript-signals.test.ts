import { describe, expect, it } from 'vitest';
import type { Transcript, TranscriptSegment } from '../transcript/model';
import { computeSignals } from './compute-signals';
import { compilePattern, findPattern, normaliseWord } from './phrase-pattern';
import { speechFromTranscript, wordsPerMinute } from './transcript-speech';

const words = (startMs: number, count: number, stepMs: number) =>
  Array.from({ length: count }, (_, index) => ({
    text: `woord${index}`,
    startMs: startMs + index * stepMs,
    endMs: startMs + index * stepMs + stepMs - 50,
  }));

function segment(speaker: string, startMs: number, count: number, stepMs = 400, text?: string): TranscriptSegment {
  const timed = words(startMs, count, stepMs);
  return {
    speaker,
    channel: null,
    startMs,
    endMs: timed.at(-1)!.endMs,
    text: text ?? timed.map((word) => word.text).join(' '),
    words: text ? [] : timed,
  };
}

const transcript = (segments: TranscriptSegment[]): Transcript => ({
  format: 'klankbord-json',
  language: 'nl',
  segments,
  warnings: [],
});
const roles = { 'speaker:A': 'agent', 'speaker:K': 'customer' } as const;

describe('signals from a mono call transcript', () => {
  it('speech per speaker from word times, pauses up to 300 ms bridged', () => {
    const speech = speechFromTranscript(
      transcript([segment('A', 0, 5), segment('K', 1500, 3), segment('A', 5000, 2)]),
      roles,
    );
    expect(speech).toEqual([
      { speaker: 'agent', channel: null, startMs: 0, endMs: 1950 },
      { speaker: 'agent', channel: null, startMs: 5000, endMs: 5750 },
      { speaker: 'customer', channel: null, startMs: 1500, endMs: 2650 },
    ]);
  });

  it('words per minute of speaking time: 10 words in 4 s is 150; pauses over a second are not speaking', () => {
    const rates = wordsPerMinute(
      transcript([segment('A', 0, 5), segment('A', 10_000, 5), segment('K', 0, 3, 200)]),
      roles,
    );
    expect(rates.agent).toBeCloseTo((10 / (1950 + 1950)) * 60_000, 1);
    expect(rates.customer).toBeCloseTo((3 / 550) * 60_000, 1);
    expect(wordsPerMinute(transcript([segment('A', 0, 1, 400, 'geen woordtijden')]), roles)).toEqual({
      agent: null,
      customer: null,
    });
  });

  it('overtalk and silences of a mono call come from the transcript', () => {
    const signals = computeSignals({
      durationMs: 30_000,
      energies: null,
      agentChannel: 0,
      transcript: transcript([segment('K', 0, 10), segment('A', 3000, 3), segment('K', 20_000, 2)]),
      roles,
      lexicons: [],
    });
    expect(signals.overtalk).toEqual([{ startMs: 3000, endMs: 3950, startedBy: 'agent' }]);
    expect(signals.silences).toEqual([{ startMs: 4150, endMs: 20_000, flagged: true, turn: 'customer' }]);
  });
});

describe('phrase patterns', () => {
  it('normalise case, accents and punctuation', () => {
    expect(normaliseWord('Café,')).toBe('cafe');
    expect(normaliseWord("I'm")).toBe('im');
  });

  it('match stems, alternatives, optional words, gaps and sentence starts', () => {
    const find = (pattern: string, text: string) => findPattern(compilePattern(pattern), text.split(' '));
    expect(find('ik begrijp ~2 frustr*', 'nou ik begrijp uw frustratie')).toEqual([1, 5]);
    expect(find('ik begrijp ~2 frustr*', 'ik begrijp het echt heel goed frustrerend')).toBeNull();
    expect(find('wat vervelend|naar', 'wat naar')).toEqual([0, 2]);
    expect(find('i? am sorry', 'am sorry')).toEqual([0, 2]);
    expect(find('^ wanneer', 'en wanneer')).toBeNull();
    expect(find('^ wanneer', 'wanneer dan')).toEqual([0, 1]);
  });
});

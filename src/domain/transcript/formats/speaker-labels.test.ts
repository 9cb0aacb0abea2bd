import { describe, expect, it } from 'vitest';
import type { Transcript } from '../model';
import { parseTranscript } from '../parse-transcript';

function parsed(text: string): Transcript {
  const result = parseTranscript(text);
  if (!result.ok) throw new Error(result.error.detail);
  return result.transcript;
}
const turns = (transcript: Transcript) => transcript.segments.map((segment) => [segment.speaker, segment.text]);

const vtt = (...cues: string[][]) => `WEBVTT\n\n${cues.map((cue) => cue.join('\n')).join('\n\n')}\n`;
const srt = (...cues: string[][]) => cues.map((cue, index) => [String(index + 1), ...cue].join('\n')).join('\n\n');

// As a meeting or phone platform writes it: every cue starts with the speaker's name.
const namedCues = [
  ['00:00:00.500 --> 00:00:04.200', 'Sanne de Vries: Goedemiddag, u spreekt met Sanne van Klantenservice.'],
  ['00:00:04.600 --> 00:00:09.100', 'Pieter Jansen: Ja hallo, ik bel over mijn factuur: die klopt niet.'],
  ['00:00:09.400 --> 00:00:12.800', 'Sanne de Vries: Vervelend om te horen. Wat ziet u precies?'],
  ['00:00:13.100 --> 00:00:18.000', 'Pieter Jansen: Er staat twee keer hetzelfde bedrag op.'],
  ['00:00:18.300 --> 00:00:21.500', 'Sanne de Vries: Let op: ik zet u heel even in de wacht.'],
];
const asSrtTiming = (line: string) => line.replaceAll('.', ',');

describe('speaker labels in cue text', () => {
  it('reads `Name: text` in WebVTT as speakers, and leaves a colon later in the text alone', () => {
    expect(turns(parsed(vtt(...namedCues)))).toEqual([
      ['Sanne de Vries', 'Goedemiddag, u spreekt met Sanne van Klantenservice.'],
      ['Pieter Jansen', 'Ja hallo, ik bel over mijn factuur: die klopt niet.'],
      ['Sanne de Vries', 'Vervelend om te horen. Wat ziet u precies?'],
      ['Pieter Jansen', 'Er staat twee keer hetzelfde bedrag op.'],
      ['Sanne de Vries', 'Let op: ik zet u heel even in de wacht.'],
    ]);
  });

  it('reads the same `Name: text` cues in SRT', () => {
    const transcript = parsed(srt(...namedCues.map(([timing, text]) => [asSrtTiming(timing!), text!])));
    expect(transcript.format).toBe('srt');
    expect(transcript.segments.map((segment) => segment.speaker)).toEqual([
      'Sanne de Vries',
      'Pieter Jansen',
      'Sanne de Vries',
      'Pieter Jansen',
      'Sanne de Vries',
    ]);
  });

  it('reads WhisperX-style `[SPEAKER_00]: text` and `SPEAKER_01: text` in WebVTT and SRT', () => {
    const cues = [
      ['00:00:00.000 --> 00:00:03.000', '[SPEAKER_00]: Good afternoon, how can I help?'],
      ['00:00:03.200 --> 00:00:06.000', '[SPEAKER_01]: My internet has been down since Monday.'],
      ['00:00:06.100 --> 00:00:08.000', 'SPEAKER_00: I am sorry to hear that.'],
    ];
    const expected = [
      ['SPEAKER_00', 'Good afternoon, how can I help?'],
      ['SPEAKER_01', 'My internet has been down since Monday.'],
      ['SPEAKER_00', 'I am sorry to hear that.'],
    ];
    expect(turns(parsed(vtt(...cues)))).toEqual(expected);
    expect(turns(parsed(srt(...cues.map(([timing, text]) => [asSrtTiming(timing!), text!]))))).toEqual(expected);
  });

  it('keeps a <v> voice, and takes labels only from cues without one', () => {
    const transcript = parsed(
      vtt(['00:00.000 --> 00:02.000', '<v Agent>Met Sanne.'], ['00:02.000 --> 00:04.000', 'Klant: Met Pieter.']),
    );
    expect(turns(transcript)).toEqual([
      ['Agent', 'Met Sanne.'],
      ['Klant', 'Met Pieter.'],
    ]);
  });

  it('drops the label from timed words too (inline timestamps)', () => {
    const transcript = parsed(
      vtt(
        ['00:00.000 --> 00:03.000', 'Agent: <00:00.500>Goedemiddag <00:01.500>allemaal'],
        ['00:03.000 --> 00:04.000', 'Klant: Hoi'],
      ),
    );
    expect(transcript.segments[0]).toMatchObject({ speaker: 'Agent', text: 'Goedemiddag allemaal' });
    expect(transcript.segments[0]!.words.map((word) => word.text)).toEqual(['Goedemiddag', 'allemaal']);
  });

  it('splits a dialogue cue with a label per line', () => {
    const transcript = parsed(
      vtt(
        ['00:00.000 --> 00:02.000', 'Sanne: Bent u er nog?', 'Pieter: Ja hoor.'],
        ['00:02.000 --> 00:03.000', 'Sanne: Mooi.'],
        ['00:03.000 --> 00:04.000', 'Pieter: Dag.'],
      ),
    );
    expect(turns(transcript)).toEqual([
      ['Sanne', 'Bent u er nog?'],
      ['Pieter', 'Ja hoor.'],
      ['Sanne', 'Mooi.'],
      ['Pieter', 'Dag.'],
    ]);
  });

  describe('near misses: no speakers', () => {
    it('a colon in ordinary speech in a few cues of an unlabelled file', () => {
      const transcript = parsed(
        vtt(
          ['00:00.000 --> 00:03.000', 'Goedemiddag, waarmee kan ik u helpen?'],
          ['00:03.000 --> 00:06.000', 'Mijn vraag is eigenlijk: waarom is de factuur zo hoog?'],
          ['00:06.000 --> 00:09.000', 'Let op: daar kijk ik even naar.'],
          ['00:09.000 --> 00:12.000', 'Dank u wel.'],
          ['00:12.000 --> 00:15.000', 'Let op: het bedrag wordt teruggestort.'],
        ),
      );
      expect(transcript.segments.every((segment) => segment.speaker === null)).toBe(true);
      expect(transcript.segments[2]!.text).toBe('Let op: daar kijk ik even naar.');
    });

    it('a name label used in only some cues (not consistent)', () => {
      const transcript = parsed(
        vtt(
          ['00:00.000 --> 00:02.000', 'Sanne: Goedemiddag.'],
          ['00:02.000 --> 00:04.000', 'Ik bel over mijn factuur.'],
          ['00:04.000 --> 00:06.000', 'Daar kijk ik naar.'],
          ['00:06.000 --> 00:08.000', 'Sanne: Een moment.'],
          ['00:08.000 --> 00:10.000', 'Prima.'],
        ),
      );
      expect(transcript.segments.map((segment) => segment.speaker)).toEqual([null, null, null, null, null]);
      expect(transcript.segments[0]!.text).toBe('Sanne: Goedemiddag.');
    });

    it('many different words before a colon (labels must be few)', () => {
      const words = [
        'Ten eerste',
        'Ten tweede',
        'Daarnaast',
        'Verder',
        'Bovendien',
        'Tot slot',
        'Kortom',
        'Samengevat',
        'Dus',
        'Ook',
      ];
      const cues = words.map((word, index) => [
        `00:${String(index * 2).padStart(2, '0')}.000 --> 00:${String(index * 2 + 1).padStart(2, '0')}.000`,
        `${word}: punt ${index}.`,
      ]);
      expect(parsed(vtt(...cues)).segments.every((segment) => segment.speaker === null)).toBe(true);
    });

    it('times, sentences and sound notes', () => {
      const transcript = parsed(
        srt(
          ['00:00:00,000 --> 00:00:02,000', '10: dat is het nummer'],
          ['00:00:02,000 --> 00:00:04,000', 'Dit is echt een veel te lange zin voor een naam: nee'],
          ['00:00:04,000 --> 00:00:06,000', '[Muziek]'],
          ['00:00:06,000 --> 00:00:08,000', 'Om 10:30 bel ik terug.'],
        ),
      );
      expect(transcript.segments.every((segment) => segment.speaker === null)).toBe(true);
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parsedTranscript,
  transcriptFixture,
  warningCount,
  arbitraryTextArb,
  assertNeverThrowsOn,
  corruptedTextArb,
} from '../../../../tests/unit/transcript-fuzz';
import { parseTranscript } from '../parse-transcript';
import { srtReader } from './srt';

const fixture = (name: string) => transcriptFixture('srt', name);

const parsed = (text: string) => parsedTranscript(text, 'srt');

const warning = warningCount;

describe('SRT: real files', () => {
  it('reads the WhisperX SRT of a recorded French sales call', () => {
    const transcript = parsed(fixture('whisperx-call-french.srt'));
    expect(transcript.segments).toHaveLength(53);
    expect(transcript.warnings).toEqual([]);
    expect(transcript.segments[0]).toEqual({
      speaker: null,
      channel: null,
      startMs: 27_436,
      endMs: 30_140,
      text: 'Allô?',
      words: [],
    });
    expect(transcript.segments[24]).toMatchObject({
      startMs: 106_229,
      endMs: 110_674,
      text: "Donc, on a l'Internet plus la télé à 104 $ par mois.",
    });
    expect(transcript.segments.at(-1)).toMatchObject({
      startMs: 211_525,
      endMs: 215_106,
      text: 'Donc, je veux juste aller vers-ci et voir si votre adresse est correcte.',
    });
    expect(transcript.segments.every((s) => s.speaker === null)).toBe(true);
  });

  it('strips the markup of the pysrt capability tester (CRLF) and keeps what is text', () => {
    const text = fixture('pysrt-capability-tester.srt');
    expect(text).toContain('\r\n');
    const transcript = parsed(text);
    expect(transcript.segments).toHaveLength(37);
    expect(transcript.segments[0]).toMatchObject({
      startMs: 0,
      endMs: 0,
      text: "Don't show this text it may be used to insert hidden data",
    });
    expect(transcript.segments[1]!.text).toBe(
      'SubRip subtitles capability tester 1.3o by ale5000 Use VLC 1.1 or higher as reference for most things and MPC Home Cinema for others ' +
        'This text should be blue This text should be red This text should be black ' +
        "If you see this with the normal font, the player don't (fully) support font face",
    );
    expect(transcript.segments[4]!.text).toContain('È 日本語 This text should be bold, italics and underline');
    // "2<3,5>1,4<6" is text, not a tag.
    expect(transcript.segments[7]!.text).toContain('also: 2<3,5>1,4<6 This');
    // The coordinates after the timing are ignored.
    expect(transcript.segments[9]).toMatchObject({
      startMs: 21_501,
      endMs: 22_500,
      text: 'This text should NOT be in the normal position',
    });
    // ASS overrides go, other braces stay.
    expect(transcript.segments[28]!.text).toBe(
      'Hide these tags: also hide these tags: {Y:some_letters_or_numbers_or_chars} but show this: {normal text}',
    );
    expect(transcript.segments.at(-1)).toMatchObject({
      startMs: 66_501,
      endMs: 68_500,
      text: 'Both line should be strikethrough but the wrong closing tag should be showed',
    });
    expect(transcript.segments.every((s) => !/<[a-z/]/i.test(s.text) && s.speaker === null)).toBe(true);
    expect(warning(transcript, 'markup_removed')).toBe(25);
    expect(warning(transcript, 'overlapping_segments')).toBe(15);
  });

  it('reads the pysrt file without index lines', () => {
    const transcript = parsed(fixture('pysrt-no-indexes.srt'));
    expect(transcript.segments.map((s) => [s.startMs, s.endMs])).toEqual([
      [6500, 9000],
      [11_000, 17_000],
      [19_000, 24_000],
      [25_000, 31_000],
      [31_000, 36_000],
      [37_000, 43_000],
      [43_000, 50_000],
    ]);
    expect(transcript.segments[0]!.text).toBe('About 2 months ago I found myself on the comment section of YouTube');
    expect(transcript.segments[2]!.text).toBe(
      "And I posted underneath against this woman's tirades, against what is essentially the human race.",
    );
    expect(transcript.segments[4]!.speaker).toBeNull(); // "...was:" at the end of a line is no label
  });

  it('reads the pysrt overlapping dialogues (one-digit seconds, out of order)', () => {
    const transcript = parsed(fixture('pysrt-overlapping-dialogues.srt'));
    expect(transcript.segments.map((s) => [s.startMs, s.endMs])).toEqual([
      [0, 1000],
      [250, 2300],
      [500, 2500],
      [2000, 3000],
    ]);
    expect(transcript.segments[1]!.text).toBe(
      "I am the 3rd dialogue, but I'm completely overlapped by the 2nd I should be removed",
    );
    expect(warning(transcript, 'not_sorted')).toBe(1);
    expect(warning(transcript, 'overlapping_segments')).toBe(3);
  });
});

const srt = (...lines: string[]) => lines.join('\n');

describe('SRT: edge cases', () => {
  it('accepts CRLF, CR, a byte order mark, "." milliseconds and missing index lines', () => {
    const body = [
      '1',
      '00:00:01,000 --> 00:00:02,500',
      'Hallo',
      '',
      '00:00:03.000 --> 00:00:04.000',
      'Dag',
      'allemaal',
      '',
    ];
    for (const text of [body.join('\r\n'), body.join('\r'), `\uFEFF${body.join('\n')}`]) {
      expect(parsed(text).segments.map((s) => [s.startMs, s.endMs, s.text])).toEqual([
        [1000, 2500, 'Hallo'],
        [3000, 4000, 'Dag allemaal'],
      ]);
    }
  });

  it('tolerates a missing blank line between cues', () => {
    const transcript = parsed(
      srt('1', '00:00:01,000 --> 00:00:02,000', 'een', '2', '00:00:02,000 --> 00:00:03,000', 'twee'),
    );
    expect(transcript.segments.map((s) => s.text)).toEqual(['een', 'twee']);
  });

  it('refuses an impossible timing with its line number', () => {
    const result = parseTranscript(
      srt('1', '00:00:01,000 --> 00:00:02,000', 'ok', '', '2', '00:61:00,000 --> 00:62:00,000', 'nee'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'transcript_malformed', format: 'srt' });
    expect(result.error.detail).toContain('line 6');
  });

  it('drops reversed and empty cues, counting them', () => {
    const transcript = parsed(
      srt(
        '1',
        '00:00:05,000 --> 00:00:04,000',
        'terug',
        '',
        '2',
        '00:00:06,000 --> 00:00:07,000',
        '<i></i>',
        '',
        '3',
        '00:00:08,000 --> 00:00:09,000',
        'goed',
      ),
    );
    expect(transcript.segments.map((s) => s.text)).toEqual(['goed']);
    expect(warning(transcript, 'reversed_times_dropped')).toBe(1);
    expect(warning(transcript, 'empty_segments_dropped')).toBe(1);
  });

  it('returns markup as plain text', () => {
    const transcript = parsed(
      srt(
        '1',
        '00:00:01,000 --> 00:00:02,000',
        '<script>alert(1)</script>',
        '<font color="red">rood</font> &amp; <b>vet</b>',
      ),
    );
    expect(transcript.segments[0]!.text).toBe('alert(1) rood & vet');
    expect(warning(transcript, 'markup_removed')).toBe(1);
  });

  it('takes a clear speaker label as the speaker', () => {
    const transcript = parsed(
      srt(
        '1',
        '00:00:01,000 --> 00:00:02,000',
        'Agent: Goedemiddag, waarmee kan ik helpen?',
        '',
        '2',
        '00:00:02,000 --> 00:00:03,000',
        '[Klant] Mijn internet doet het niet.',
        '',
        '3',
        '00:00:03,000 --> 00:00:04,000',
        'SPEAKER_00: Dat los ik op.',
        '',
        '4',
        '00:00:04,000 --> 00:00:05,000',
        '- [SPEAKER_01]: Fijn.',
        '',
      ),
    );
    expect(transcript.segments.map((s) => [s.speaker, s.text])).toEqual([
      ['Agent', 'Goedemiddag, waarmee kan ik helpen?'],
      ['Klant', 'Mijn internet doet het niet.'],
      ['SPEAKER_00', 'Dat los ik op.'],
      ['SPEAKER_01', 'Fijn.'],
    ]);
  });

  it('splits a dialogue cue by its labels and keeps unlabelled dialogue dashes as text', () => {
    const transcript = parsed(
      srt(
        '1',
        '00:00:01,000 --> 00:00:03,000',
        '- Agent: Bent u er nog?',
        '- Klant: Ja hoor.',
        '',
        '2',
        '00:00:03,000 --> 00:00:04,000',
        '- Hallo?',
        '- Hoi.',
      ),
    );
    expect(transcript.segments.map((s) => [s.speaker, s.startMs, s.endMs, s.text])).toEqual([
      ['Agent', 1000, 3000, 'Bent u er nog?'],
      ['Klant', 1000, 3000, 'Ja hoor.'],
      [null, 3000, 4000, '- Hallo? - Hoi.'],
    ]);
  });

  it('does not take sentences, sound notes, one-off words or a name used in a third of the cues for speakers', () => {
    const transcript = parsed(
      srt(
        '1',
        '00:00:01,000 --> 00:00:02,000',
        'Note: the meeting starts at ten.',
        '',
        '2',
        '00:00:02,000 --> 00:00:03,000',
        '[Music]',
        '',
        '3',
        '00:00:03,000 --> 00:00:04,000',
        '[laughs] that is funny',
        '',
        '4',
        '00:00:04,000 --> 00:00:05,000',
        'Sanne: eerste keer',
        '',
        '5',
        '00:00:05,000 --> 00:00:06,000',
        'Sanne: tweede keer',
        '',
        '6',
        '00:00:06,000 --> 00:00:07,000',
        'Mark: maar één keer',
        '',
      ),
    );
    expect(transcript.segments.map((s) => [s.speaker, s.text])).toEqual([
      [null, 'Note: the meeting starts at ten.'],
      [null, '[Music]'],
      [null, '[laughs] that is funny'],
      [null, 'Sanne: eerste keer'],
      [null, 'Sanne: tweede keer'],
      [null, 'Mark: maar één keer'],
    ]);
  });

  it('takes recurring names for speakers when most cues carry one', () => {
    const transcript = parsed(
      srt(
        '1',
        '00:00:01,000 --> 00:00:02,000',
        'Sanne: eerste keer',
        '',
        '2',
        '00:00:02,000 --> 00:00:03,000',
        'Mark: ja',
        '',
        '3',
        '00:00:03,000 --> 00:00:04,000',
        'Sanne: tweede keer',
        '',
        '4',
        '00:00:04,000 --> 00:00:05,000',
        '[Music]',
        '',
        '5',
        '00:00:05,000 --> 00:00:06,000',
        'Mark: nee',
        '',
      ),
    );
    expect(transcript.segments.map((s) => [s.speaker, s.text])).toEqual([
      ['Sanne', 'eerste keer'],
      ['Mark', 'ja'],
      ['Sanne', 'tweede keer'],
      [null, '[Music]'],
      ['Mark', 'nee'],
    ]);
  });

  it('is detected by a timing line in the first block only', () => {
    expect(srtReader.detect('\n\n1\n00:00:01,000 --> 00:00:02,000\nhi', undefined)).toBe(true);
    expect(srtReader.detect('00:00:01.000 --> 00:00:02.000\nhi', undefined)).toBe(true);
    expect(srtReader.detect('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi', undefined)).toBe(false);
    expect(srtReader.detect('Hello\nthere\n\n1\n00:00:01,000 --> 00:00:02,000\nhi', undefined)).toBe(false);
    expect(srtReader.detect('{"segments": []}', { segments: [] })).toBe(false);
    expect(parseTranscript('WEBVTT\n\n00:01.000 --> 00:02.000\nhi').ok).toBe(true);
  });
});

// ---- Property-based tests ---------------------------------------------------------------------------------------

const maxSrtMs = 999 * 3_600_000 + 59 * 60_000 + 59_999;

function formatSrt(ms: number, separator: string): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
}

const trickyText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.constantFrom(
        '<',
        '&',
        '-->',
        '<script>alert(1)</script>',
        '<i>',
        '{\\an8}',
        'é',
        '😀',
        '\u202e',
        ': ',
        '[',
        ']',
      ),
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join('').replace(/[\r\n\u2028\u2029]/g, ' '));

const cueArb = fc.record({
  startMs: fc.integer({ min: 0, max: maxSrtMs }),
  durationMs: fc.integer({ min: 0, max: 600_000 }),
  lines: fc.array(trickyText, { minLength: 1, maxLength: 3 }),
  separator: fc.constantFrom(',', '.'),
  coordinates: fc.boolean(),
});
type GeneratedCue = ReturnType<typeof cueArb.generate>['value'];

// Every line starts with an anchor of its own ("w3x1"), so no line is blank, an index or a timing, and no anchor
// recurs as a speaker label: what must come back is each anchor, at the generated times.
const anchor = (cue: number, line: number) => `w${cue}x${line}`;

function buildSrt(cues: readonly GeneratedCue[], withIndexes: boolean, crlf: boolean): string {
  const out: string[] = [];
  cues.forEach((cue, index) => {
    if (withIndexes) out.push(String(index + 1));
    const endMs = Math.min(cue.startMs + cue.durationMs, maxSrtMs);
    out.push(
      `${formatSrt(cue.startMs, cue.separator)} --> ${formatSrt(endMs, cue.separator)}${cue.coordinates ? '  X1:100 X2:600 Y1:050 Y2:100' : ''}`,
    );
    cue.lines.forEach((line, lineIndex) => out.push(`${anchor(index, lineIndex)} ${line}`));
    out.push('');
  });
  return out.join(crlf ? '\r\n' : '\n');
}

describe('SRT: properties', () => {
  it('never throws on arbitrary text', () => {
    assertNeverThrowsOn(srtReader, arbitraryTextArb(`1\n00:00:01,000 --> 00:00:02,000\n`), { numRuns: 3000 });
  });

  it('reads every generated valid file back: same cues and times, every line present', () => {
    fc.assert(
      fc.property(
        fc.array(cueArb, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        (cues, withIndexes, crlf) => {
          const result = parseTranscript(buildSrt(cues, withIndexes, crlf));
          if (!result.ok) throw new Error(result.error.detail);
          expect(result.transcript.format).toBe('srt');
          const segments = result.transcript.segments;
          expect(segments).toHaveLength(cues.length);
          cues.forEach((cue, index) => {
            const found = segments.find((s) => s.text.startsWith(anchor(index, 0)));
            expect(found, `cue ${index}`).toBeDefined();
            expect([found!.startMs, found!.endMs]).toEqual([
              cue.startMs,
              Math.min(cue.startMs + cue.durationMs, maxSrtMs),
            ]);
            expect(found!.speaker).toBeNull();
            cue.lines.forEach((_, lineIndex) => expect(found!.text).toContain(anchor(index, lineIndex)));
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on truncated or corrupted valid files', () => {
    const files = fc.array(cueArb, { minLength: 1, maxLength: 5 }).map((cues) => buildSrt(cues, true, false));
    assertNeverThrowsOn(srtReader, corruptedTextArb(files));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parsedTranscript,
  transcriptFixture,
  warningCount,
  arbitraryTextArb,
  assertNeverThrowsOn,
  corruptedTextArb,
  segmentOrder,
} from '../../../../tests/unit/transcript-fuzz';
import { cleanText } from '../normalize';
import { parseTranscript } from '../parse-transcript';
import { webVttReader } from './webvtt';

const fixture = (name: string) => transcriptFixture('webvtt', name);

const parsed = (text: string) => parsedTranscript(text, 'webvtt');

const warning = warningCount;

describe('WebVTT: real files', () => {
  it('reads the WhisperX VTT of a recorded support call (mm:ss.ttt timings)', () => {
    const transcript = parsed(fixture('whisperx-call-english.vtt'));
    expect(transcript.segments).toHaveLength(50);
    expect(transcript.language).toBeNull();
    expect(transcript.warnings).toEqual([]);
    expect(transcript.segments[0]).toEqual({
      speaker: null,
      channel: null,
      startMs: 3828,
      endMs: 4809,
      text: 'Hey, Manpreet.',
      words: [],
    });
    // The cue that crosses a minute: 00:58.874 --> 01:24.898.
    expect(transcript.segments[15]).toMatchObject({ startMs: 58_874, endMs: 84_898 });
    expect(transcript.segments[15]!.text.startsWith('next tuesday okay okay')).toBe(true);
    expect(transcript.segments.at(-1)).toMatchObject({
      startMs: 263_927,
      endMs: 266_629,
      text: 'So maybe I will be receiving it by 23rd.',
    });
    expect(transcript.segments.every((segment) => segment.speaker === null && segment.words.length === 0)).toBe(true);
  });

  it('reads voices from the Mozilla vtt.js talk captions, splitting the cue where the voice changes', () => {
    const transcript = parsed(fixture('mozilla-cycle-collector-talk.vtt'));
    // 15 cues; the second holds two voices and an unvoiced "Laughter".
    expect(transcript.segments).toHaveLength(17);
    expect(transcript.segments[0]).toMatchObject({ speaker: 'Kyle Huey', startMs: 0, endMs: 3000 });
    expect(transcript.segments.slice(1, 4).map((s) => [s.speaker, s.text, s.startMs, s.endMs])).toEqual([
      ['Chris Pearce', "Okay, we're good now.", 4000, 5000],
      ['Kyle Huey', "Oh, now we're good?", 4000, 5000],
      [null, 'Laughter', 4000, 5000],
    ]);
    expect(transcript.segments[4]!.text).toBe(
      "So thanks again for coming. I'm going to talk a bit about the cycle collector and what it does and how we manage memory in Gecko.",
    );
    expect(transcript.segments.at(-1)).toMatchObject({ speaker: 'Kyle Huey', startMs: 96_000, endMs: 108_000 });
    expect(new Set(transcript.segments.map((s) => s.speaker))).toEqual(new Set(['Kyle Huey', 'Chris Pearce', null]));
    // <i>, <u> and <b> in six cues.
    expect(warning(transcript, 'markup_removed')).toBe(6);
  });

  it('skips NOTE and STYLE blocks in the W3C web-platform-tests file', () => {
    const transcript = parsed(fixture('wpt-embedded-style-selectors.vtt'));
    expect(transcript.segments.map((s) => [s.speaker, s.text, s.startMs, s.endMs])).toEqual([
      ['Voice1', 'This is a test subtitle', 0, 5000],
      ['Voice2', 'Here is a second subtitle', 0, 5000],
    ]);
    expect(warning(transcript, 'markup_removed')).toBe(2);
    expect(warning(transcript, 'overlapping_segments')).toBe(1);
  });

  it('decodes the character references of the w3c/webvtt.js entity test and leaves unknown ones', () => {
    const transcript = parsed(fixture('w3c-webvtt-js-entities.vtt'));
    // 25 cues; &nbsp;, &#32; and &#x20; decode to white space only, so those cues are empty.
    expect(transcript.segments).toHaveLength(22);
    expect(warning(transcript, 'empty_segments_dropped')).toBe(3);
    const byStart = new Map(transcript.segments.map((s) => [s.startMs, s.text]));
    expect(byStart.get(2000)).toBe('&'); // &amp;
    expect(byStart.get(3000)).toBe('&AMP;'); // references are case-sensitive
    expect(byStart.get(4000)).toBe('<'); // &lt;
    expect(byStart.get(5000)).toBe('>'); // &gt;
    expect(byStart.get(6000)).toBe('a\u200eb'); // &lrm;
    expect(byStart.get(7000)).toBe('a\u200fb'); // &rlm;
    expect(byStart.get(19_000)).toBe('&ClockwiseContourIntegral;');
    expect(byStart.get(1000)).toBe('&amp'); // no semicolon: not a reference
  });
});

const vtt = (...lines: string[]) => lines.join('\n');

describe('WebVTT: edge cases', () => {
  it('accepts CRLF and CR line endings and a byte order mark', () => {
    const body = ['WEBVTT', '', '1', '00:00:01.000 --> 00:00:02.500', 'Hallo', '', '00:03.000 --> 00:04.000', 'Dag'];
    for (const text of [body.join('\r\n'), body.join('\r'), `\uFEFF${body.join('\n')}`]) {
      expect(parsed(text).segments.map((s) => [s.startMs, s.endMs, s.text])).toEqual([
        [1000, 2500, 'Hallo'],
        [3000, 4000, 'Dag'],
      ]);
    }
  });

  it('refuses hours over 99 with the line number, but reads mm:ss.ttt', () => {
    const result = parseTranscript(
      vtt('WEBVTT', '', '00:01.000 --> 00:02.000', 'ok', '', '100:00:00.000 --> 100:00:01.000', 'too long'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'transcript_malformed', format: 'webvtt' });
    expect(result.error.detail).toContain('line 6');
    expect(parsed(vtt('WEBVTT', '', '59:59.999 --> 99:59:59.999', 'ok')).segments[0]).toMatchObject({
      startMs: 3_599_999,
      endMs: 359_999_999,
    });
  });

  it('refuses a timing with minutes or seconds over 59, or a comma', () => {
    for (const timing of ['00:60.000 --> 00:61.000', '00:00:01,000 --> 00:00:02,000', '00:01.00 --> 00:02.000']) {
      const result = parseTranscript(vtt('WEBVTT', '', timing, 'x'));
      expect(result.ok ? 'ok' : result.error.code).toBe('transcript_malformed');
    }
  });

  it('drops reversed cues and keeps overlapping ones, counting both', () => {
    const transcript = parsed(
      vtt(
        'WEBVTT',
        '',
        '00:05.000 --> 00:04.000',
        'backwards',
        '',
        '00:01.000 --> 00:03.000',
        'a',
        '',
        '00:02.000 --> 00:04.000',
        'b',
      ),
    );
    expect(transcript.segments.map((s) => s.text)).toEqual(['a', 'b']);
    expect(warning(transcript, 'reversed_times_dropped')).toBe(1);
    expect(warning(transcript, 'overlapping_segments')).toBe(1);
  });

  it('counts empty cues as dropped', () => {
    const transcript = parsed(
      vtt(
        'WEBVTT',
        '',
        '00:01.000 --> 00:02.000',
        '',
        '00:02.000 --> 00:03.000',
        '<i> </i>',
        '',
        '00:03.000 --> 00:04.000',
        'said',
      ),
    );
    expect(transcript.segments.map((s) => s.text)).toEqual(['said']);
    expect(warning(transcript, 'empty_segments_dropped')).toBe(2);
  });

  it('returns markup as plain text: tags removed, escaped markup kept as characters', () => {
    const transcript = parsed(
      vtt(
        'WEBVTT',
        '',
        '00:01.000 --> 00:02.000',
        '<script>alert(1)</script> <b onclick="x">hi</b>',
        '',
        '00:02.000 --> 00:03.000',
        '&lt;script&gt;alert(2)&lt;/script&gt;',
      ),
    );
    expect(transcript.segments.map((s) => s.text)).toEqual(['alert(1) hi', '<script>alert(2)</script>']);
    expect(warning(transcript, 'markup_removed')).toBe(1);
  });

  it('removes <c>, <i>, <b>, <u>, <lang> and <ruby> tags with their classes and annotations, keeping the text', () => {
    const transcript = parsed(
      vtt(
        'WEBVTT',
        '',
        '00:01.000 --> 00:02.000',
        '<c.yellow.bg_blue>geel</c> <i>schuin</i> <b>vet</b> <u>onder</u> <lang en-GB>colour</lang> <ruby>漢<rt>kan</rt></ruby>&nbsp;!',
      ),
    );
    expect(transcript.segments[0]!.text).toBe('geel schuin vet onder colour 漢kan !');
    expect(warning(transcript, 'markup_removed')).toBe(1);
  });

  it('ignores identifiers, cue settings, NOTE, STYLE and REGION blocks, and reads the Language header', () => {
    const transcript = parsed(
      vtt(
        'WEBVTT - Klankbord test',
        'Kind: captions',
        'Language: nl',
        '',
        'REGION',
        'id:fred width:40%',
        '',
        'STYLE',
        '::cue { color: red }',
        '',
        'NOTE dit is commentaar',
        'over twee regels',
        '',
        'intro-1',
        '00:00:01.000 --> 00:00:02.000 align:start position:10% line:90%',
        'Goedemiddag',
        '',
        'NOTE',
        '',
        '00:00:02.000 --> 00:00:03.000 region:fred',
        'met Sanne',
      ),
    );
    expect(transcript.language).toBe('nl');
    expect(transcript.segments.map((s) => [s.startMs, s.endMs, s.text])).toEqual([
      [1000, 2000, 'Goedemiddag'],
      [2000, 3000, 'met Sanne'],
    ]);
  });

  it('names the voice from <v> and <v.class>, and splits a cue where the voice changes, timed by its words', () => {
    const transcript = parsed(
      vtt(
        'WEBVTT',
        '',
        '00:00:10.000 --> 00:00:14.000',
        '<v.agent Sanne de Vries>Goedemiddag <00:00:11.000>hoe kan ik <00:00:12.000>helpen?</v>',
        '<v Klant><00:00:12.500>Mijn internet <00:00:13.200>doet het niet',
      ),
    );
    expect(transcript.segments.map((s) => [s.speaker, s.startMs, s.endMs, s.text])).toEqual([
      ['Sanne de Vries', 10_000, 12_500, 'Goedemiddag hoe kan ik helpen?'],
      ['Klant', 12_500, 14_000, 'Mijn internet doet het niet'],
    ]);
    expect(transcript.segments[0]!.words.map((w) => [w.text, w.startMs, w.endMs])).toEqual([
      ['Goedemiddag', 10_000, 11_000],
      ['hoe', 11_000, 12_000],
      ['kan', 11_000, 12_000],
      ['ik', 11_000, 12_000],
      ['helpen?', 12_000, 12_500],
    ]);
    expect(transcript.segments[1]!.words.map((w) => [w.text, w.startMs, w.endMs])).toEqual([
      ['Mijn', 12_500, 13_200],
      ['internet', 12_500, 13_200],
      ['doet', 13_200, 14_000],
      ['het', 13_200, 14_000],
      ['niet', 13_200, 14_000],
    ]);
  });

  it('turns YouTube-style inline timestamps into timed words', () => {
    const transcript = parsed(
      vtt(
        'WEBVTT',
        'Kind: captions',
        'Language: en',
        '',
        '00:00:00.000 --> 00:00:02.000 align:start position:0%',
        'I have<00:00:00.500><c> somebody</c><00:00:01.000><c> who</c>',
      ),
    );
    expect(transcript.segments).toHaveLength(1);
    expect(transcript.segments[0]!.text).toBe('I have somebody who');
    expect(transcript.segments[0]!.words.map((w) => [w.text, w.startMs, w.endMs])).toEqual([
      ['I', 0, 500],
      ['have', 0, 500],
      ['somebody', 500, 1000],
      ['who', 1000, 2000],
    ]);
    expect(warning(transcript, 'markup_removed')).toBe(1);
  });

  it('reads a cue right after the header and a cue started by a "-->" line inside another', () => {
    const transcript = parsed(vtt('WEBVTT', '00:01.000 --> 00:02.000', 'eerste', '00:02.000 --> 00:03.000', 'tweede'));
    expect(transcript.segments.map((s) => [s.startMs, s.text])).toEqual([
      [1000, 'eerste'],
      [2000, 'tweede'],
    ]);
  });

  it('is detected only by the WEBVTT signature', () => {
    expect(webVttReader.detect('WEBVTT\n', undefined)).toBe(true);
    expect(webVttReader.detect('WEBVTT\tx', undefined)).toBe(true);
    expect(webVttReader.detect('\uFEFFWEBVTT', undefined)).toBe(true);
    expect(webVttReader.detect('WEBVTTX\n', undefined)).toBe(false);
    expect(webVttReader.detect(' WEBVTT\n', undefined)).toBe(false);
    expect(webVttReader.detect('1\n00:00:01,000 --> 00:00:02,000\nhi\n', undefined)).toBe(false);
    expect(parseTranscript('1\n00:00:01,000 --> 00:00:02,000\nhi\n').ok && 'srt').toBe('srt');
  });
});

// ---- Property-based tests ---------------------------------------------------------------------------------------

const maxVttMs = 99 * 3_600_000 + 59 * 60_000 + 59_999;

function formatVtt(ms: number, short: boolean): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const rest = `${pad(minutes)}:${pad(seconds)}.${pad(ms % 1000, 3)}`;
  return short && hours === 0 ? rest : `${pad(hours)}:${rest}`;
}

const escapeVtt = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Text with the characters that break naive parsers: markup, references, the arrow, bidi, emoji, combining marks.
const trickyText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.constantFrom('<', '&', '-->', '<script>alert(1)</script>', '&amp;', 'é', '😀', 'e\u0301', '\u202e', ' '),
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join('').replace(/[\r\n\u2028\u2029]/g, ' '));

const cueArb = fc.record({
  startMs: fc.integer({ min: 0, max: maxVttMs }),
  durationMs: fc.integer({ min: 0, max: 600_000 }),
  shortStart: fc.boolean(),
  shortEnd: fc.boolean(),
  id: fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/), { nil: undefined }),
  settings: fc.option(fc.constantFrom('align:start position:0%', 'line:90%', 'size:50% align:center', 'region:r1'), {
    nil: undefined,
  }),
  // No hyphen: a name ending in "--" would write "-->", which no valid file contains.
  voice: fc.option(fc.stringMatching(/^[A-Za-z][A-Za-z .']{0,20}$/), { nil: undefined }),
  lines: fc.array(trickyText, { minLength: 1, maxLength: 3 }),
});
type GeneratedCue = ReturnType<typeof cueArb.generate>['value'];

function buildVtt(cues: readonly GeneratedCue[], crlf: boolean, withNotes: boolean): string {
  const out = ['WEBVTT', ''];
  cues.forEach((cue, index) => {
    if (withNotes && index % 2 === 1) out.push(`NOTE note ${index}`, '');
    const endMs = Math.min(cue.startMs + cue.durationMs, maxVttMs);
    if (cue.id !== undefined) out.push(cue.id);
    out.push(
      `${formatVtt(cue.startMs, cue.shortStart)} --> ${formatVtt(endMs, cue.shortEnd)}${cue.settings ? ` ${cue.settings}` : ''}`,
    );
    cue.lines.forEach((line, lineIndex) => {
      // Each line starts with a letter so no line is blank; the voice opens the first line.
      const voice = lineIndex === 0 && cue.voice !== undefined ? `<v ${cue.voice}>` : '';
      out.push(`${voice}w${index}x${lineIndex} ${escapeVtt(line)}`);
    });
    out.push('');
  });
  return out.join(crlf ? '\r\n' : '\n');
}

function expectedSegments(cues: readonly GeneratedCue[]) {
  return cues.map((cue, index) => ({
    startMs: cue.startMs,
    endMs: Math.min(cue.startMs + cue.durationMs, maxVttMs),
    speaker: cue.voice === undefined ? null : cleanText(cue.voice) || null,
    text: cleanText(cue.lines.map((line, lineIndex) => `w${index}x${lineIndex} ${line}`).join('\n')).slice(0, 20_000),
  }));
}

const byTime = <T extends { startMs: number; endMs: number; text: string }>(list: T[]) => [...list].sort(segmentOrder);

describe('WebVTT: properties', () => {
  it('never throws on arbitrary text, with or without the signature', () => {
    assertNeverThrowsOn(webVttReader, arbitraryTextArb(`WEBVTT\n\n`), { numRuns: 3000 });
  });

  it('reads every generated valid file back: same cues, times, voices and text', () => {
    fc.assert(
      fc.property(
        fc.array(cueArb, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        (cues, crlf, withNotes) => {
          const result = parseTranscript(buildVtt(cues, crlf, withNotes));
          if (!result.ok) throw new Error(result.error.detail);
          expect(result.transcript.format).toBe('webvtt');
          const actual = result.transcript.segments.map(({ startMs, endMs, speaker, text }) => ({
            startMs,
            endMs,
            speaker,
            text,
          }));
          expect(byTime(actual)).toEqual(byTime(expectedSegments(cues)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on truncated or corrupted valid files', () => {
    const files = fc.array(cueArb, { minLength: 1, maxLength: 5 }).map((cues) => buildVtt(cues, false, true));
    assertNeverThrowsOn(webVttReader, corruptedTextArb(files));
  });
});

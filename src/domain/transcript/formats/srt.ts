import {
  transcriptLimits,
  type RawReadResult,
  type RawSegment,
  type TranscriptFormatReader,
  type TranscriptWarning,
} from '../model';
import { applySpeakerLabels } from './speaker-labels';

/*
 * SubRip (.srt): blocks of an index line, `hh:mm:ss,mmm --> hh:mm:ss,mmm`, and one or more text lines, separated by
 * blank lines. Real files bend every rule, so this reader is tolerant: "." as the millisecond separator, one-digit
 * fields, missing index lines, missing blank lines, trailing coordinates (`X1:... Y2:...`) after the timing. Text
 * markup (<i>, <b>, <u>, <s>, <font ...>, any other tag, ASS overrides like {\an8}) is removed; the text is only ever
 * shown as text. A leading speaker label (`Agent: ...`, `SPEAKER_00: ...`, `[Klant] ...`) becomes the speaker when
 * it is clearly one (see speaker-labels.ts).
 */

const timingPattern =
  /^[ \t]*(\d{1,3}):(\d{1,2}):(\d{1,2})(?:[,.](\d{1,3}))?[ \t]*-->[ \t]*(\d{1,3}):(\d{1,2}):(\d{1,2})(?:[,.](\d{1,3}))?(?:[ \t].*)?$/;
// A line that tries to be a timing but is not a valid one (so it is an error, not subtitle text).
const brokenTimingPattern = /^[ \t]*[\d:.,]+[ \t]*-->[ \t]*[\d:.,]+[ \t]*$/;
const indexPattern = /^[ \t]*\d+[ \t]*$/;
// How far into the file detection looks: the first block is short in any real file.
const detectWindow = 4096;

interface Timing {
  readonly startMs: number;
  readonly endMs: number;
}

/** Milliseconds of one side of a timing, or null when a field is out of range (minutes or seconds over 59). */
function fieldsToMs(hours: string, minutes: string, seconds: string, fraction: string | undefined): number | null {
  const m = Number(minutes);
  const s = Number(seconds);
  if (m > 59 || s > 59) return null;
  // The fraction is a decimal fraction of a second: ",5" is 500 ms, as players read it.
  const ms = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0'));
  return Number(hours) * 3_600_000 + m * 60_000 + s * 1000 + ms;
}

/** A timing line to its times; undefined when the line is not a timing line, null when it is a broken one. */
function parseTiming(line: string): Timing | null | undefined {
  const match = timingPattern.exec(line);
  if (!match) return brokenTimingPattern.test(line) ? null : undefined;
  const startMs = fieldsToMs(match[1]!, match[2]!, match[3]!, match[4]);
  const endMs = fieldsToMs(match[5]!, match[6]!, match[7]!, match[8]);
  return startMs === null || endMs === null ? null : { startMs, endMs };
}

const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the few HTML entities subtitle tools write; unknown ones stay as they are. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

// Any tag: <i>, </font>, <font color="#fff">, and unknown or hostile ones like <script>.
const tagPattern = /<\/?[A-Za-z][^<>]*>/g;
// ASS/SSA override blocks some tools leave in SRT: {\an8}, {\i1}.
const assOverridePattern = /\{\\[^{}]*\}/g;

/** Removes markup from one cue's text; reports whether there was any. */
function stripMarkup(text: string): { text: string; removed: boolean } {
  const stripped = text
    .replace(tagPattern, '')
    .replace(assOverridePattern, '')
    .replace(/\\[Nnh]/g, ' ');
  return { text: decodeEntities(stripped), removed: stripped !== text };
}

interface Cue {
  readonly timing: Timing;
  readonly lines: readonly string[];
}

function toLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

function malformed(detail: string): RawReadResult {
  return { ok: false, error: { code: 'transcript_malformed', detail, format: 'srt' } };
}

/** Splits the file into cues by finding timing lines; index lines and blank lines around them are dropped. */
function collectCues(lines: readonly string[]): { cues: Cue[] } | { error: string } | { tooLarge: string } {
  const cues: { timing: Timing; lines: string[] }[] = [];
  let cueChars = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const timing = line.includes('-->') ? parseTiming(line) : undefined;
    if (timing === null) return { error: `line ${index + 1}: invalid SRT timing "${line.trim().slice(0, 80)}"` };
    if (timing === undefined) {
      cueChars += line.length + 1;
      // Limits apply while reading: one enormous cue is refused before it is taken apart.
      if (cueChars > transcriptLimits.maxCueChars)
        return { tooLarge: `line ${index + 1}: a cue of more than ${transcriptLimits.maxCueChars} characters` };
      cues.at(-1)?.lines.push(line);
      continue;
    }
    cueChars = 0;
    if (cues.length >= transcriptLimits.maxSegments)
      return { tooLarge: `more than ${transcriptLimits.maxSegments} segments` };
    const previous = cues.at(-1);
    // The line right before a timing line is the next cue's index, not the previous cue's text.
    if (previous && previous.lines.length > 0 && indexPattern.test(previous.lines.at(-1)!)) previous.lines.pop();
    cues.push({ timing, lines: [] });
  }
  return { cues };
}

/** The text lines of a cue without the blank lines that separate cues. */
function trimBlankLines(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start += 1;
  while (end > start && lines[end - 1]!.trim() === '') end -= 1;
  return lines.slice(start, end);
}

function readSrt(text: string): RawReadResult {
  const collected = collectCues(toLines(text));
  if ('error' in collected) return malformed(collected.error);
  if ('tooLarge' in collected)
    return { ok: false, error: { code: 'transcript_too_large', detail: collected.tooLarge, format: 'srt' } };
  let markupCues = 0;
  const cues = collected.cues.map((cue) => {
    let removed = false;
    const lines = trimBlankLines(cue.lines).map((line) => {
      const stripped = stripMarkup(line);
      removed ||= stripped.removed;
      return stripped.text;
    });
    if (removed) markupCues += 1;
    return { timing: cue.timing, lines };
  });

  const segments: RawSegment[] = cues.map((cue) => ({
    speaker: null,
    channel: null,
    ...cue.timing,
    text: cue.lines.join('\n'),
    words: [],
  }));
  const warnings: TranscriptWarning[] = markupCues > 0 ? [{ code: 'markup_removed', count: markupCues }] : [];
  return { ok: true, language: null, segments: applySpeakerLabels(segments), warnings };
}

/** Whether the first non-empty block of the text has an SRT timing line (in its first two lines). */
function looksLikeSrt(text: string): boolean {
  const lines = toLines(text.slice(0, detectWindow));
  let first = 0;
  while (first < lines.length && lines[first]!.trim() === '') first += 1;
  for (const line of lines.slice(first, first + 2)) {
    if (line.trim() === '') return false;
    if (timingPattern.test(line)) return true;
  }
  return false;
}

/** Reads SubRip subtitles into raw segments. */
export const srtReader: TranscriptFormatReader = {
  format: 'srt',
  detect: (text) => looksLikeSrt(text),
  read: (text) => {
    try {
      return readSrt(text);
    } catch (error) {
      return malformed(error instanceof Error ? error.message : String(error));
    }
  },
};

import { TextLines } from './text-lines';
import { appendAll } from '../../extremes';
import {
  transcriptLimits,
  type RawReadResult,
  type RawSegment,
  type RawWord,
  type TranscriptFormatReader,
  type TranscriptWarning,
} from '../model';
import { applySpeakerLabels } from './speaker-labels';

/*
 * WebVTT (W3C): a `WEBVTT` signature line, then blocks separated by blank lines. A cue block is an optional
 * identifier line, a timing line `start --> end [settings]` and text lines; NOTE, STYLE and REGION blocks carry no
 * speech. Timestamps are `hh:mm:ss.ttt` or `mm:ss.ttt`. In cue text, `<v Name>` / `<v.class Name>` names the voice
 * (a cue may switch voice mid-cue: each voice becomes a segment of its own), `<00:00:01.500>` timestamps time the
 * words after them (YouTube and karaoke captions), and <c>, <i>, <b>, <u>, <lang>, <ruby>, <rt> and any unknown tag
 * are formatting: removed, their text kept. The text is only ever shown as text. Cues without a voice may carry the
 * speaker in their text (`Name: ...`, `[SPEAKER_00]: ...`), read as in SRT (speaker-labels.ts).
 */

// Hours are two digits here: a call is never 100 hours long, so a longer field is a broken file, not a long one.
const timestampPattern = /^(?:(\d{2}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const timingLinePattern = /^[ \t]*(\S+)[ \t]*-->[ \t]*([^ \t]+)(?:[ \t].*)?$/;

/** A WebVTT timestamp to milliseconds; NaN when the text is not one. */
function timestampToMs(text: string): number {
  const match = timestampPattern.exec(text);
  if (!match) return Number.NaN;
  const [, hours = '0', minutes = '0', seconds = '0', millis = '0'] = match;
  return Number(hours) * 3_600_000 + Number(minutes) * 60_000 + Number(seconds) * 1000 + Number(millis);
}

const namedEntities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
  quot: '"',
  apos: "'",
};

/** Decodes the character references WebVTT text uses; an unknown reference stays as written. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[name] ?? whole;
  });
}

/** One stretch of a cue spoken by one voice, with the words the inline timestamps timed. */
interface Run {
  speaker: string | null;
  text: string;
  words: RawWord[];
}

interface ParsedCueText {
  readonly runs: readonly Run[];
  readonly markupRemoved: boolean;
}

/**
 * Parses cue text: tags are consumed (voices switch runs, timestamps cut the text into timed chunks), the rest is
 * text with character references decoded. Chunk i runs from the timestamp before it (the cue start for the first)
 * to the next timestamp (the cue end for the last); every word in a chunk gets the chunk's times.
 */
function parseCueText(payload: string, cueStartMs: number, cueEndMs: number): ParsedCueText {
  const runs: Run[] = [];
  let speaker: string | null = null;
  let markupRemoved = false;
  let hasTimestamps = false;
  // Text of the current timed chunk, per run it was spoken in, so words land in the right voice.
  let chunk: { run: Run; text: string }[] = [];
  let chunkStartMs = cueStartMs;

  const currentRun = (): Run => {
    const last = runs.at(-1);
    if (last && last.speaker === speaker) return last;
    // A voice change starts a new run; whitespace between voices (the line break) is not a run of its own.
    if (last && last.text.trim() === '' && last.words.length === 0) {
      last.speaker = speaker;
      return last;
    }
    const run: Run = { speaker, text: '', words: [] };
    runs.push(run);
    return run;
  };
  const addText = (raw: string) => {
    if (raw === '') return;
    const text = decodeEntities(raw);
    const run = currentRun();
    run.text += text;
    const piece = chunk.at(-1);
    if (piece && piece.run === run) piece.text += text;
    else chunk.push({ run, text });
  };
  const closeChunk = (endMs: number) => {
    if (hasTimestamps) {
      for (const piece of chunk) {
        for (const word of piece.text.split(/\s+/)) {
          if (word !== '') piece.run.words.push({ text: word, startMs: chunkStartMs, endMs });
        }
      }
    }
    chunk = [];
  };

  let position = 0;
  while (position < payload.length) {
    const open = payload.indexOf('<', position);
    if (open === -1) {
      addText(payload.slice(position));
      break;
    }
    addText(payload.slice(position, open));
    const close = payload.indexOf('>', open + 1);
    // An unclosed "<" runs to the end of the text as a tag, as the WebVTT parser reads it.
    const tag = payload.slice(open + 1, close === -1 ? payload.length : close);
    position = close === -1 ? payload.length : close + 1;

    const timestampMs = timestampToMs(tag.trim());
    if (!Number.isNaN(timestampMs)) {
      // The chunk before this timestamp ends here (the first chunk ran from the cue start).
      hasTimestamps = true;
      closeChunk(timestampMs);
      chunkStartMs = timestampMs;
      continue;
    }
    const isEnd = tag.startsWith('/');
    const name = (isEnd ? tag.slice(1) : tag).split(/[\s.]/, 1)[0]!.toLowerCase();
    if (name === 'v') {
      if (isEnd) {
        speaker = null;
      } else {
        // `<v.loud Mary Smith>`: the annotation after the first whitespace is the voice name.
        const annotation = tag.replace(/^\S*/, '').trim();
        speaker = annotation === '' ? null : decodeEntities(annotation);
      }
      continue;
    }
    markupRemoved = true;
  }
  if (hasTimestamps) closeChunk(cueEndMs);
  return { runs: runs.filter((run) => run.text.trim() !== '' || run.words.length > 0), markupRemoved };
}

/** The segments of one cue: one per voice run, timed by its words when inline timestamps gave them times. */
function cueToSegments(
  payload: string,
  startMs: number,
  endMs: number,
): { segments: RawSegment[]; markupRemoved: boolean } {
  const parsed = parseCueText(payload, startMs, endMs);
  // A cue with no text still yields a segment, so normalisation counts it as an empty cue dropped.
  if (parsed.runs.length === 0) {
    return {
      segments: [{ speaker: null, channel: null, startMs, endMs, text: '', words: [] }],
      markupRemoved: parsed.markupRemoved,
    };
  }
  const split = parsed.runs.length > 1;
  const segments = parsed.runs.map((run): RawSegment => {
    let runStart = startMs;
    let runEnd = endMs;
    if (split && run.words.length > 0) {
      runStart = run.words[0]!.startMs ?? startMs;
      runEnd = run.words.at(-1)!.endMs ?? endMs;
    }
    return { speaker: run.speaker, channel: null, startMs: runStart, endMs: runEnd, text: run.text, words: run.words };
  });
  return { segments, markupRemoved: parsed.markupRemoved };
}

function malformed(detail: string): RawReadResult {
  return { ok: false, error: { code: 'transcript_malformed', detail, format: 'webvtt' } };
}

function tooLarge(detail: string): RawReadResult {
  return { ok: false, error: { code: 'transcript_too_large', detail, format: 'webvtt' } };
}

const signature = /^\uFEFF?WEBVTT(?:[ \t\r\n]|$)/;

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function readWebVtt(text: string): RawReadResult {
  if (!signature.test(text)) return malformed('line 1: a WebVTT file must start with "WEBVTT"');
  const lines = new TextLines(text.replace(/^\uFEFF/, ''));
  let language: string | null = null;
  const segments: RawSegment[] = [];
  let markupCues = 0;
  let words = 0;

  // The header: the signature line and the lines up to the first blank one (YouTube puts "Language: en" there).
  let index = 1;
  while (index < lines.length && !isBlank(lines.at(index)) && !lines.at(index).includes('-->')) {
    const header = /^Language:\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\s*$/i.exec(lines.at(index));
    if (header) language = header[1]!;
    index += 1;
  }

  while (index < lines.length) {
    while (index < lines.length && isBlank(lines.at(index))) index += 1;
    if (index >= lines.length) break;
    const blockStart = index;
    while (index < lines.length && !isBlank(lines.at(index))) index += 1;
    const block = lines.slice(blockStart, index);

    // A cue has its timing on the first line, or on the second after an identifier.
    const timingOffset = block[0]!.includes('-->') ? 0 : block.length > 1 && block[1]!.includes('-->') ? 1 : -1;
    if (timingOffset === -1) continue; // NOTE, STYLE, REGION, or a stray block: nothing spoken.
    const timingLine = block[timingOffset]!;
    const lineNumber = blockStart + timingOffset + 1;
    const match = timingLinePattern.exec(timingLine);
    const startMs = match ? timestampToMs(match[1]!) : Number.NaN;
    const endMs = match ? timestampToMs(match[2]!) : Number.NaN;
    if (Number.isNaN(startMs) || Number.isNaN(endMs)) {
      return malformed(
        `line ${lineNumber}: invalid cue timing "${timingLine.trim().slice(0, 80)}" (expected hh:mm:ss.ttt or mm:ss.ttt --> ...)`,
      );
    }
    // As in the WebVTT parser, a line with "-->" ends the cue text and starts the next block.
    const payloadLines: string[] = [];
    let payloadChars = 0;
    for (const line of block.slice(timingOffset + 1)) {
      if (line.includes('-->')) {
        index = blockStart + timingOffset + 1 + payloadLines.length;
        break;
      }
      payloadChars += line.length + 1;
      if (payloadChars > transcriptLimits.maxCueChars)
        return tooLarge(`line ${lineNumber}: a cue of more than ${transcriptLimits.maxCueChars} characters`);
      payloadLines.push(line);
    }
    const cue = cueToSegments(payloadLines.join('\n'), startMs, endMs);
    if (cue.markupRemoved) markupCues += 1;
    for (const segment of cue.segments) words += segment.words.length;
    if (words > transcriptLimits.maxWords) return tooLarge(`more than ${transcriptLimits.maxWords} words`);
    appendAll(segments, cue.segments);
    if (segments.length > transcriptLimits.maxSegments)
      return tooLarge(`more than ${transcriptLimits.maxSegments} segments`);
  }

  const warnings: TranscriptWarning[] = markupCues > 0 ? [{ code: 'markup_removed', count: markupCues }] : [];
  // Cues without a <v> voice may name their speaker in the text instead (`Name: ...`, `[SPEAKER_00]: ...`).
  return { ok: true, language, segments: applySpeakerLabels(segments), warnings };
}

/** Reads WebVTT captions into raw segments, one per cue and voice. */
export const webVttReader: TranscriptFormatReader = {
  format: 'webvtt',
  detect: (text) => signature.test(text),
  read: (text) => {
    try {
      return readWebVtt(text);
    } catch (error) {
      return malformed(error instanceof Error ? error.message : String(error));
    }
  },
};

import type { RawSegment } from '../model';

/*
 * Speaker labels written into the text of a cue, as many tools do instead of a WebVTT `<v>` span: `Name: text`
 * (meeting and phone platforms), `[SPEAKER_00]: text` and `SPEAKER_00: text` (WhisperX and other diarizing tools),
 * `[Klant] text`. A colon also occurs in ordinary speech ("Let op: ..."), so a label counts as a speaker only when
 * it clearly is one: a role word or a diarizer label, or a name the file uses consistently (most cues labelled, few
 * distinct labels, this one recurring and capitalised).
 */

// Labels that name a party in a call even when they occur once.
const roleWords = new Set([
  'agent',
  'customer',
  'caller',
  'client',
  'operator',
  'interviewer',
  'interviewee',
  'host',
  'guest',
  'moderator',
  'klant',
  'medewerker',
  'beller',
  'klantenservice',
  'gesprekspartner',
  'spreker',
]);
// Diarizer labels: SPEAKER_00, Speaker 1, spk_0, S1.
const diarizerLabel = /^(?:speaker[ _-]?\d{1,3}|spk[ _-]?\d{1,3}|s\d{1,2})$/i;
// Bracketed sound descriptions are not speakers, however often they occur.
const soundWords = new Set([
  'music',
  'laughter',
  'laughs',
  'laughing',
  'applause',
  'inaudible',
  'crosstalk',
  'silence',
  'noise',
  'sighs',
  'coughs',
  'muziek',
  'gelach',
  'lacht',
  'onverstaanbaar',
  'stilte',
  'geluid',
  'blank_audio',
]);
const colonLabel = /^[ \t]*(?:-[ \t]*)?([\p{L}\p{N}_][\p{L}\p{N}_.' -]{0,31}?)[ \t]*:[ \t]+(\S.*)$/u;
const bracketLabel = /^[ \t]*(?:-[ \t]*)?\[([^\][]{1,40})\][ \t]*:?[ \t]*(\S.*)$/u;
/** Labels are short: at most four words ("Anna van der Berg"); a longer run before a colon is a sentence. */
const maxLabelWords = 4;
/** A file labels its cues consistently when at least this share of them starts with a recurring label... */
const minLabelledShare = 0.6;
/** ...and uses few distinct labels (a call has two or three parties, a meeting a handful). */
const maxDistinctLabels = 8;

export interface LabelledLine {
  readonly label: string;
  /** The line without its label. */
  readonly text: string;
  /** How many whitespace-separated tokens the label took at the start of the line (to drop timed words). */
  readonly labelTokens: number;
  readonly bracketed: boolean;
}

/** Splits a possible speaker label off one text line; null when the line starts with none. */
export function splitLabel(line: string): LabelledLine | null {
  const bracket = bracketLabel.exec(line);
  const colon = bracket ? null : colonLabel.exec(line);
  const match = bracket ?? colon;
  if (!match) return null;
  const label = match[1]!.trim();
  const text = match[2]!;
  if (label === '' || soundWords.has(label.toLowerCase())) return null;
  if (colon && (label.split(/\s+/).length > maxLabelWords || /^\d/.test(label))) return null;
  const prefix = line.slice(0, line.length - text.length);
  return { label, text, labelTokens: prefix.trim().split(/\s+/).length, bracketed: bracket !== null };
}

const isClearLabel = (label: string): boolean => roleWords.has(label.toLowerCase()) || diarizerLabel.test(label);

/**
 * Decides, for a whole file, which labels are speakers. `firstLines` holds the first line of every unlabelled cue,
 * `allLines` every line (dialogue cues label later lines too).
 */
export function speakerLabelRule(
  firstLines: readonly string[],
  allLines: readonly string[],
): (line: LabelledLine) => boolean {
  const occurrences = new Map<string, number>();
  for (const line of allLines) {
    const split = splitLabel(line);
    if (split) occurrences.set(split.label.toLowerCase(), (occurrences.get(split.label.toLowerCase()) ?? 0) + 1);
  }
  // A cue counts as labelled when its label recurs: a one-off "Let op:" or "Mijn vraag is:" is speech.
  const recurs = (label: string): boolean => (occurrences.get(label.toLowerCase()) ?? 0) >= 2;
  const labelledCues = firstLines.filter((line) => {
    const split = splitLabel(line);
    return split !== null && (recurs(split.label) || isClearLabel(split.label));
  }).length;
  const consistent =
    firstLines.length > 0 &&
    labelledCues / firstLines.length >= minLabelledShare &&
    occurrences.size <= maxDistinctLabels;
  return (line) => {
    if (isClearLabel(line.label)) return true;
    return consistent && recurs(line.label) && (line.bracketed || /^\p{Lu}/u.test(line.label));
  };
}

/** Lines of a segment's text; the first non-blank one is where a label would be. */
const linesOf = (text: string): string[] => text.split('\n').filter((line) => line.trim() !== '');

/** Splits one unlabelled segment by the speaker labels in its lines (a dialogue cue becomes one segment per label). */
function applyToSegment(segment: RawSegment, isSpeaker: (line: LabelledLine) => boolean): RawSegment[] {
  const lines = linesOf(segment.text);
  if (segment.words.length > 0) {
    // Timed words (inline timestamps): only a label at the very start is taken; its tokens are not words.
    const first = lines[0] === undefined ? null : splitLabel(lines[0]);
    if (!first || !isSpeaker(first)) return [segment];
    const text = [first.text, ...lines.slice(1)].join('\n');
    return [{ ...segment, speaker: first.label, text, words: segment.words.slice(first.labelTokens) }];
  }
  const parts: { speaker: string | null; lines: string[] }[] = [];
  for (const line of lines) {
    const split = splitLabel(line);
    if (split && isSpeaker(split)) parts.push({ speaker: split.label, lines: [split.text] });
    else if (parts.length > 0) parts.at(-1)!.lines.push(line);
    else parts.push({ speaker: null, lines: [line] });
  }
  if (parts.length === 0) return [segment];
  return parts.map((part) => ({ ...segment, speaker: part.speaker, text: part.lines.join('\n') }));
}

/** Takes speaker labels out of the text of segments that have no speaker yet, where the file uses them as labels. */
export function applySpeakerLabels(segments: readonly RawSegment[]): RawSegment[] {
  const unlabelled = segments.filter((segment) => segment.speaker === null && segment.text.trim() !== '');
  const firstLines = unlabelled.map((segment) => linesOf(segment.text)[0] ?? '');
  const isSpeaker = speakerLabelRule(
    firstLines,
    unlabelled.flatMap((segment) => linesOf(segment.text)),
  );
  return segments.flatMap((segment) =>
    segment.speaker === null && segment.text.trim() !== '' ? applyToSegment(segment, isSpeaker) : [segment],
  );
}

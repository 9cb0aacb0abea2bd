import type { Locale } from '../rubric/localized-text';
import { momentCaption } from './moment-caption';
import { trackName, type MomentTrack } from './moment-track';

/*
 * Moments as a WebVTT file (W3C WebVTT, https://www.w3.org/TR/webvtt1/), so they show as captions in any player
 * and load into tools that read subtitles. One cue per moment, the reviewer as the cue's voice:
 *
 *   <moment id>
 *   00:01:05.200 --> 00:01:07.000
 *   <v Anouk>Empathische reactie (+) [2.1]: Benoemt de frustratie
 *
 * What the format forbids and how it is avoided:
 * - "-->" in a cue's text or identifier: > is written as &gt; in text; identifiers lose any "-->";
 * - "<" and "&" start tags and character references: written as &lt; and &amp;;
 * - an empty line ends the cue: empty lines of a note are dropped (its other line breaks stay);
 * - in the voice annotation, ">" ends the tag and line breaks end the line: escaped and made spaces.
 * Cues are ordered by start time, as the format requires.
 */

/** "HH:MM:SS.mmm" (hours as many digits as needed, at least two), from whole or fractional milliseconds. */
export function formatWebvttTime(timeMs: number): string {
  const totalMs = Math.max(0, Math.round(timeMs));
  const hours = Math.floor(totalMs / 3_600_000);
  const minutes = Math.floor((totalMs % 3_600_000) / 60_000);
  const seconds = Math.floor((totalMs % 60_000) / 1000);
  const milliseconds = totalMs % 1000;
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(milliseconds, 3)}`;
}

/** Cue text escaped for WebVTT: & < > as character references (which also breaks up any "-->"). */
export function escapeWebvttText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cueLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .map(escapeWebvttText)
    .join('\n');
}

function voiceAnnotation(name: string): string {
  // The annotation cannot be empty: "<v >" would give the cue no voice at all.
  return escapeWebvttText(name.replace(/[\r\n\t]+/g, ' ').trim()) || '?';
}

function cueIdentifier(id: string): string {
  return id
    .replace(/[\r\n]+/g, ' ')
    .replace(/-->/g, '')
    .trim();
}

export interface WebvttOptions {
  /** Language of the moment type and emotion labels; default 'nl'. */
  readonly language?: Locale;
}

/**
 * The WebVTT file text for the moments of one call, every reviewer's moments in one file, each cue voiced by its
 * reviewer. Cues are sorted by start, then end, then track order; the file ends with a line break.
 */
export function webvttMoments(tracks: readonly MomentTrack[], options: WebvttOptions = {}): string {
  const language = options.language ?? 'nl';
  const cues = tracks
    .flatMap((track, trackIndex) =>
      track.moments.map((moment) => ({ moment, voice: voiceAnnotation(trackName(track)), trackIndex })),
    )
    .sort(
      (first, second) =>
        first.moment.startMs - second.moment.startMs ||
        first.moment.endMs - second.moment.endMs ||
        first.trackIndex - second.trackIndex,
    );
  const blocks = cues.map(({ moment, voice }) => {
    const identifier = cueIdentifier(moment.id);
    const timing = `${formatWebvttTime(moment.startMs)} --> ${formatWebvttTime(Math.max(moment.endMs, moment.startMs))}`;
    const payload = `<v ${voice}>${cueLines(momentCaption(moment, language))}`;
    return [identifier, timing, payload].filter((line) => line !== '').join('\n');
  });
  return ['WEBVTT', ...blocks].join('\n\n') + '\n';
}

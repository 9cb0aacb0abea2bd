import type { Transcript } from '../transcript/model';
import type { SpeakerRoles } from '../transcript/speaker-roles';
import type { SignalSpeaker } from './model';
import { normaliseWord } from './phrase-pattern';
import { segmentSpeaker } from './transcript-speech';

export interface SpokenWord {
  readonly text: string;
  readonly normalised: string;
  readonly startMs: number;
  readonly endMs: number;
}

/** One sentence of one speaker, the unit a phrase must fall within. */
export interface Sentence {
  readonly speaker: SignalSpeaker;
  readonly words: readonly SpokenWord[];
  readonly question: boolean;
}

/** A segment's words with times: its own word times, or spread over the segment by length when it has none. */
function segmentWords(
  text: string,
  words: readonly { text: string; startMs: number; endMs: number }[],
  startMs: number,
  endMs: number,
) {
  if (words.length > 0) return words;
  const pieces = text.split(/\s+/).filter(Boolean);
  const total = pieces.reduce((sum, piece) => sum + piece.length + 1, 0);
  let offset = 0;
  return pieces.map((piece) => {
    const from = startMs + ((endMs - startMs) * offset) / total;
    offset += piece.length + 1;
    return {
      text: piece,
      startMs: Math.round(from),
      endMs: Math.round(startMs + ((endMs - startMs) * offset) / total),
    };
  });
}

/** The transcript cut into sentences per speaker (at . ? ! and at segment ends); other speakers are left out. */
export function sentencesOf(transcript: Transcript, roles: SpeakerRoles): Sentence[] {
  const sentences: Sentence[] = [];
  for (const segment of transcript.segments) {
    const speaker = segmentSpeaker(segment, roles);
    if (!speaker) continue;
    let current: SpokenWord[] = [];
    const close = (question: boolean) => {
      if (current.length > 0) sentences.push({ speaker, words: current, question });
      current = [];
    };
    for (const word of segmentWords(segment.text, segment.words, segment.startMs, segment.endMs)) {
      // "zo'n", "well-known": one spoken word may hold several written ones.
      for (const piece of word.text.split(/[\s\-–/]+/)) {
        const normalised = normaliseWord(piece);
        if (normalised) current.push({ text: piece, normalised, startMs: word.startMs, endMs: word.endMs });
      }
      const end = /([.?!…])["'”’)]*$/.exec(word.text.trim());
      if (end) close(end[1] === '?');
    }
    close(/\?["'”’)]*\s*$/.test(segment.text));
  }
  return sentences;
}

import type { Transcript, TranscriptSegment, TranscriptWord } from '../transcript/model';
import { speakerKey, type SpeakerRoles } from '../transcript/speaker-roles';
import { mergeSpans, type TimeSpan } from './frame-mask';
import type { PerSpeaker, SignalSpeaker, SpeechInterval } from './model';

/** Pauses up to this long inside a speaker's words still count as one stretch of speech (as in the audio). */
const bridgedPauseMs = 300;
/** A pause longer than this between words is not speaking time when the speech rate is measured. */
const rateRunBreakMs = 1000;

/** The role of a segment's speaker, or null when it is neither agent nor customer. */
export function segmentSpeaker(segment: TranscriptSegment, roles: SpeakerRoles): SignalSpeaker | null {
  const role = roles[speakerKey(segment)];
  return role === 'agent' || role === 'customer' ? role : null;
}

/** The timed words of a segment; a segment without word times counts as one stretch. */
function timedSpans(segment: TranscriptSegment): readonly TimeSpan[] {
  return segment.words.length > 0 ? segment.words : [segment];
}

/** Speech per speaker from the transcript's word (or segment) times: what a mono call has instead of channels. */
export function speechFromTranscript(transcript: Transcript, roles: SpeakerRoles): SpeechInterval[] {
  const spans: Record<SignalSpeaker, TimeSpan[]> = { agent: [], customer: [] };
  for (const segment of transcript.segments) {
    const speaker = segmentSpeaker(segment, roles);
    if (speaker) for (const span of timedSpans(segment)) if (span.endMs > span.startMs) spans[speaker].push(span);
  }
  return (['agent', 'customer'] as const).flatMap((speaker) =>
    mergeSpans(spans[speaker], bridgedPauseMs).map((span) => ({ speaker, channel: null, ...span })),
  );
}

/** Words per minute of speaking time: words divided by the time from the first to the last word of each run of
 *  words (runs break at pauses over a second, which are listening or thinking, not speaking). */
export function wordsPerMinute(transcript: Transcript, roles: SpeakerRoles): PerSpeaker<number | null> {
  const words: Record<SignalSpeaker, TranscriptWord[]> = { agent: [], customer: [] };
  for (const segment of transcript.segments) {
    const speaker = segmentSpeaker(segment, roles);
    if (!speaker) continue;
    for (const word of segment.words)
      if (word.endMs > word.startMs && /[\p{L}\p{N}]/u.test(word.text)) words[speaker].push(word);
  }
  const rate = (list: TranscriptWord[]): number | null => {
    if (list.length === 0) return null;
    const sorted = [...list].sort((a, b) => a.startMs - b.startMs);
    let speakingMs = 0;
    let runStart = sorted[0]!.startMs;
    let runEnd = sorted[0]!.endMs;
    for (const word of sorted.slice(1)) {
      if (word.startMs - runEnd > rateRunBreakMs) {
        speakingMs += runEnd - runStart;
        runStart = word.startMs;
      }
      runEnd = Math.max(runEnd, word.endMs);
    }
    speakingMs += runEnd - runStart;
    return speakingMs > 0 ? Math.round((list.length / speakingMs) * 60_000 * 10) / 10 : null;
  };
  return { agent: rate(words.agent), customer: rate(words.customer) };
}

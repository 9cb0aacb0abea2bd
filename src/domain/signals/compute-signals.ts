import type { Transcript } from '../transcript/model';
import { guessSpeakerRoles, type SpeakerRoles } from '../transcript/speaker-roles';
import { findOvertalk, findSilences, spansBySpeaker, talkRatio, turnLatencies } from './conversation';
import { maskToSpans } from './frame-mask';
import type { FrameEnergies } from './frame-energy';
import { createHintMatcher } from './hints';
import type { Lexicon } from './lexicon';
import type { CallSignals, Hint, ResponseLatency, SpeechInterval } from './model';
import { sentencesOf } from './sentences';
import { speechFromTranscript, wordsPerMinute } from './transcript-speech';
import { detectVoiceActivity } from './voice-activity';

export interface SignalsInput {
  readonly durationMs: number;
  /** The recording's frame energies; on stereo calls speech comes from them, one speaker per channel. */
  readonly energies: FrameEnergies | null;
  /** Which channel is the agent's (stereo). */
  readonly agentChannel: 0 | 1;
  readonly transcript: Transcript | null;
  /** Who is who in the transcript; guessed from it when not given. */
  readonly roles?: SpeakerRoles;
  readonly lexicons: readonly Lexicon[];
  /** From the call details: the agent saying it is a hint for rubric 2.2. */
  readonly customerName?: string | null;
}

/** Speech per channel from the audio: channel `agentChannel` is the agent, the other the customer. */
export function speechFromAudio(energies: FrameEnergies, agentChannel: 0 | 1): SpeechInterval[] {
  return detectVoiceActivity(energies.channels).flatMap((mask, channel) =>
    maskToSpans(mask, energies.frameMs).map((span) => ({
      speaker: channel === agentChannel ? ('agent' as const) : ('customer' as const),
      channel,
      ...span,
    })),
  );
}

/** The first acknowledgement or empathy phrase of the agent after each customer emotion cue (rubric 1.2). */
function acknowledgementLatencies(hints: readonly Hint[]): ResponseLatency[] {
  const responses = hints.filter((hint) => hint.kind === 'acknowledgement' || hint.kind === 'empathy');
  return hints
    .filter((hint) => hint.kind === 'emotion')
    .flatMap((cue) => {
      const response = responses.find((hint) => hint.startMs >= cue.endMs);
      if (!response) return [];
      return [
        {
          kind: 'acknowledgement' as const,
          fromMs: cue.endMs,
          toMs: response.startMs,
          latencyMs: response.startMs - cue.endMs,
        },
      ];
    });
}

/**
 * Every signal of one call, as a pure function of its frame energies and transcript, so it runs the same in the
 * import worker, the CLI and the bench. Suggestions only: nothing here scores.
 */
export function computeSignals(input: SignalsInput): CallSignals {
  const { transcript, energies } = input;
  const roles = input.roles ?? (transcript ? guessSpeakerRoles(transcript, input.agentChannel) : {});
  const speech =
    energies && energies.channels.length === 2
      ? speechFromAudio(energies, input.agentChannel)
      : transcript
        ? speechFromTranscript(transcript, roles)
        : [];
  const bySpeaker = spansBySpeaker(speech);
  const hints = transcript ? createHintMatcher(input.lexicons)(sentencesOf(transcript, roles), input.customerName) : [];
  const latencies = [...turnLatencies(bySpeaker), ...acknowledgementLatencies(hints)].sort(
    (a, b) => a.fromMs - b.fromMs,
  );
  return {
    durationMs: input.durationMs,
    speech: [...speech].sort((a, b) => a.startMs - b.startMs),
    overtalk: findOvertalk(bySpeaker),
    silences: findSilences(bySpeaker),
    talkRatio: talkRatio(bySpeaker),
    wordsPerMinute: transcript ? wordsPerMinute(transcript, roles) : { agent: null, customer: null },
    responseLatencies: latencies,
    hints,
  };
}

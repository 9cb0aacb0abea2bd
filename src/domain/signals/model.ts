/** The call's own evidence, computed from its audio and transcript: suggestions for the reviewer, never a score. */

/** Who spoke: the two roles a call has. */
export type SignalSpeaker = 'agent' | 'customer';

/** Analysis frames are 10 ms: fine enough for the 150 ms edge tolerance, coarse enough to be cheap. */
export const frameMs = 10;

export interface SpeechInterval {
  readonly speaker: SignalSpeaker;
  /** The audio channel it was detected on, or null when it came from the transcript (mono calls). */
  readonly channel: number | null;
  readonly startMs: number;
  readonly endMs: number;
}

export interface OvertalkInterval {
  readonly startMs: number;
  readonly endMs: number;
  /** Who began talking while the other was already speaking; an agent start is an interruption (rubric 3.1). */
  readonly startedBy: SignalSpeaker;
}

export interface SilenceInterval {
  readonly startMs: number;
  readonly endMs: number;
  /** Long enough to be dead air (≥ 10 s). */
  readonly flagged: boolean;
  /** Whose turn it was: the speaker who did not speak last, or null before anyone spoke. */
  readonly turn: SignalSpeaker | null;
}

export type PerSpeaker<T> = { readonly agent: T; readonly customer: T };

export interface ResponseLatency {
  /** `turn`: the agent's first speech after a customer turn; `acknowledgement`: the first acknowledgement or
   *  empathy phrase after a customer emotion cue (rubric 1.2). */
  readonly kind: 'turn' | 'acknowledgement';
  readonly fromMs: number;
  readonly toMs: number;
  readonly latencyMs: number;
}

export const hintKinds = [
  'acknowledgement',
  'empathy',
  'emotion',
  'paraphrase',
  'follow_up_question',
  'customer_name',
  'scripted',
] as const;
export type HintKind = (typeof hintKinds)[number];

export interface Hint {
  readonly kind: HintKind;
  readonly speaker: SignalSpeaker;
  readonly startMs: number;
  readonly endMs: number;
  /** The words that matched, as spoken. */
  readonly text: string;
  /** Rubric items (default rubric ids such as "2.1") this hint informs. */
  readonly itemIds: readonly string[];
  /** For emotion cues: which emotion the phrase expresses (frustration, anger, worry...). */
  readonly emotion?: string;
}

export interface CallSignals {
  readonly durationMs: number;
  readonly speech: readonly SpeechInterval[];
  readonly overtalk: readonly OvertalkInterval[];
  readonly silences: readonly SilenceInterval[];
  /** Share of all speech time per speaker (0..1; both 0 when nobody spoke). */
  readonly talkRatio: PerSpeaker<number>;
  /** Words per minute of speaking time, from word times; null when a speaker has no timed words. */
  readonly wordsPerMinute: PerSpeaker<number | null>;
  readonly responseLatencies: readonly ResponseLatency[];
  readonly hints: readonly Hint[];
}

/** Raised whenever the detector or the hint rules change, so stored signals are computed again. */
export const signalsEngineVersion = 1;

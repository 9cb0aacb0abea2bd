import type { CustomerEmotion } from './emotions';
import type { MomentType } from './moment-types';

/** Who is speaking in the moment. */
export const momentSpeakers = ['agent', 'customer', 'both', 'unknown'] as const;
export type MomentSpeaker = (typeof momentSpeakers)[number];

/** Whether the moment shows a strength (+), a gap (-) or neither. */
export const momentPolarities = ['strength', 'gap', 'neutral'] as const;
export type MomentPolarity = (typeof momentPolarities)[number];

/** How strong a customer emotion cue is: 1 mild, 2 clear, 3 intense. */
export const emotionIntensities = [1, 2, 3] as const;
export type EmotionIntensity = (typeof emotionIntensities)[number];

/** A tagged time range of the recording: the evidence behind a score. Times are integer milliseconds. */
export interface Moment {
  /** Stable across machines (a UUID). */
  readonly id: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly type: MomentType;
  readonly speaker: MomentSpeaker;
  readonly polarity: MomentPolarity;
  /** Customer emotion cues only. */
  readonly intensity?: EmotionIntensity;
  /** Customer emotion cues only. */
  readonly emotion?: CustomerEmotion;
  /** The rubric items this moment is evidence for. */
  readonly itemIds: readonly string[];
  /** Plain text; rendered as text, never as HTML. May be empty. */
  readonly note: string;
  /** The customer emotion cue this moment responds to (pairs a response with its cue). */
  readonly respondsTo?: string;
}

/** Limits on a moment's free text and links. */
export const momentLimits = {
  maxNoteLength: 2000,
  maxItemIds: 50,
  maxIdLength: 100,
  /** normaliseMomentRange makes a moment at least this long, so it can be seen and clicked on the waveform. */
  minimumLengthMs: 200,
} as const;

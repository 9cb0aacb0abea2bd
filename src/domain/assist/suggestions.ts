import { isCustomerEmotion } from '../moments/emotions';
import type { Moment, MomentPolarity, MomentSpeaker } from '../moments/model';
import { momentTypeInfo, type MomentType } from '../moments/moment-types';
import { normaliseMomentRange } from '../moments/normalise-moment-range';
import { hintKinds, type CallSignals, type SignalSpeaker } from '../signals/model';

/*
 * Suggestions: the call's signals offered to the reviewer as moments to accept or dismiss. Nothing here scores: a
 * suggestion becomes evidence only when the reviewer accepts it, and then it is an ordinary moment.
 */

/** Every transcript hint, then the two that come from the audio's timing. */
export const suggestionKinds = [...hintKinds, 'interruption', 'long_silence'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

export interface Suggestion {
  /** Stable for the same signals: what a dismissal or an acceptance is remembered by. */
  readonly key: string;
  readonly kind: SuggestionKind;
  readonly speaker: SignalSpeaker | null;
  readonly startMs: number;
  readonly endMs: number;
  /** The matched words ("" for interruptions and silences). */
  readonly text: string;
  /** Rubric items (default rubric ids) the suggestion informs. */
  readonly itemIds: readonly string[];
  readonly emotion?: string;
}

interface KindRule {
  readonly momentType: MomentType;
  readonly polarity: MomentPolarity;
}

/** Which moment a suggestion becomes. Acknowledgements and empathy are both responses to the customer. */
export const suggestionMomentRules: { readonly [Kind in SuggestionKind]: KindRule } = {
  acknowledgement: { momentType: 'empathic-response', polarity: 'strength' },
  empathy: { momentType: 'empathic-response', polarity: 'strength' },
  emotion: { momentType: 'customer-emotion-cue', polarity: 'neutral' },
  paraphrase: { momentType: 'paraphrase-summary', polarity: 'strength' },
  follow_up_question: { momentType: 'follow-up-question', polarity: 'strength' },
  customer_name: { momentType: 'free-note', polarity: 'strength' },
  scripted: { momentType: 'scripted-answer', polarity: 'gap' },
  interruption: { momentType: 'interruption-overtalk', polarity: 'gap' },
  long_silence: { momentType: 'free-note', polarity: 'gap' },
};

/** Rubric 3.1 (not interrupting) and 4.4 (pace and silences) of the default rubric. */
const interruptionItems = ['3.1'];
const silenceItems = ['4.4'];

/** A response is paired with the latest customer emotion cue that started at most this long before it. */
export const cuePairingWindowMs = 120_000;

export function suggestionKey(kind: SuggestionKind, startMs: number, endMs: number): string {
  return `${kind}:${startMs}-${endMs}`;
}

/** Every suggestion of a call, in time order: the transcript hints, agent interruptions and dead air. */
export function suggestionsOf(signals: CallSignals): Suggestion[] {
  const hints = signals.hints.map((hint): Suggestion => ({
    key: suggestionKey(hint.kind, hint.startMs, hint.endMs),
    kind: hint.kind,
    speaker: hint.speaker,
    startMs: hint.startMs,
    endMs: hint.endMs,
    text: hint.text,
    itemIds: hint.itemIds,
    ...(hint.emotion ? { emotion: hint.emotion } : {}),
  }));
  const interruptions = signals.overtalk
    .filter((interval) => interval.startedBy === 'agent')
    .map((interval): Suggestion => ({
      key: suggestionKey('interruption', interval.startMs, interval.endMs),
      kind: 'interruption',
      speaker: 'agent',
      startMs: interval.startMs,
      endMs: interval.endMs,
      text: '',
      itemIds: interruptionItems,
    }));
  const silences = signals.silences
    .filter((silence) => silence.flagged)
    .map((silence): Suggestion => ({
      key: suggestionKey('long_silence', silence.startMs, silence.endMs),
      kind: 'long_silence',
      speaker: silence.turn,
      startMs: silence.startMs,
      endMs: silence.endMs,
      text: '',
      itemIds: silenceItems,
    }));
  const unique = new Map([...hints, ...interruptions, ...silences].map((suggestion) => [suggestion.key, suggestion]));
  return [...unique.values()].sort((a, b) => a.startMs - b.startMs || a.key.localeCompare(b.key));
}

/** The suggestions still open: neither accepted nor dismissed in this review. */
export function openSuggestions(suggestions: readonly Suggestion[], decidedKeys: ReadonlySet<string>): Suggestion[] {
  return suggestions.filter((suggestion) => !decidedKeys.has(suggestion.key));
}

/**
 * The moment a suggestion becomes when accepted: its type, speaker, polarity, the rubric items it informs (those the
 * review's rubric has; else the type's usual ones), the emotion of a cue, the quoted words as the note, and for a
 * response the pairing with the latest customer emotion cue before it.
 */
export function momentFromSuggestion(
  suggestion: Suggestion,
  context: {
    readonly id: string;
    readonly rubricItemIds: ReadonlySet<string>;
    readonly moments: readonly Moment[];
    readonly durationMs: number;
  },
): Moment {
  const rule = suggestionMomentRules[suggestion.kind];
  const info = momentTypeInfo[rule.momentType];
  const fromHint = suggestion.itemIds.filter((id) => context.rubricItemIds.has(id));
  const itemIds = fromHint.length > 0 ? fromHint : info.suggestedItemIds.filter((id) => context.rubricItemIds.has(id));
  const speaker: MomentSpeaker = suggestion.speaker ?? info.defaultSpeaker;
  const range = normaliseMomentRange(suggestion.startMs, suggestion.endMs, context.durationMs);
  const cue =
    rule.momentType === 'empathic-response' ? latestCueBefore(context.moments, suggestion.startMs) : undefined;
  const emotion = suggestion.emotion && isCustomerEmotion(suggestion.emotion) ? suggestion.emotion : 'frustration';
  return {
    id: context.id,
    ...range,
    type: rule.momentType,
    speaker,
    polarity: rule.polarity,
    itemIds,
    note: suggestion.text ? `“${suggestion.text}”` : '',
    ...(rule.momentType === 'customer-emotion-cue' ? { emotion, intensity: 2 as const } : {}),
    ...(cue ? { respondsTo: cue.id } : {}),
  };
}

function latestCueBefore(moments: readonly Moment[], atMs: number): Moment | undefined {
  return moments
    .filter(
      (moment) =>
        moment.type === 'customer-emotion-cue' && moment.startMs <= atMs && atMs - moment.startMs <= cuePairingWindowMs,
    )
    .sort((a, b) => b.startMs - a.startMs)[0];
}

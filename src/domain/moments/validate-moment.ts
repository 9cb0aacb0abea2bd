import { customerEmotions } from './emotions';
import { emotionIntensities, momentLimits, momentPolarities, momentSpeakers, type Moment } from './model';
import { isMomentType } from './moment-types';

export const momentProblemCodes = [
  'invalid_id',
  'invalid_time',
  'end_not_after_start',
  'beyond_duration',
  'unknown_type',
  'invalid_speaker',
  'invalid_polarity',
  'invalid_intensity',
  'invalid_emotion',
  'emotion_on_non_cue',
  'note_too_long',
  'too_many_items',
  'duplicate_item_id',
  'unknown_item_id',
  'responds_to_itself',
  'responds_to_missing_moment',
  'responds_to_non_cue',
  'cue_cannot_respond',
  'response_before_cue',
] as const;
export type MomentProblemCode = (typeof momentProblemCodes)[number];

export interface MomentProblem {
  readonly code: MomentProblemCode;
  /** The field concerned. */
  readonly field: keyof Moment;
  /** English developer text; the UI translates `code`. */
  readonly message: string;
}

export interface MomentValidationContext {
  /** Length of the recording; the moment must end within it. */
  readonly durationMs: number;
  /** The other moments of the review, to check `respondsTo` against (the moment itself may be among them). */
  readonly moments?: readonly Moment[];
  /** The rubric's item ids, to check `itemIds` against; unchecked when absent. */
  readonly itemIds?: ReadonlySet<string>;
}

const isWholeMs = (value: number) => Number.isSafeInteger(value) && value >= 0;

/**
 * Lists what is wrong with a moment: times (whole ms, end after start, within the recording), type, speaker,
 * polarity, intensity and emotion (cues only), note length, item links (no duplicates; known items when given),
 * and the pairing: `respondsTo` must name another existing moment that is a customer emotion cue, a cue cannot
 * itself respond, and a response cannot start before its cue starts (it may overlap the cue's end; see
 * empathyResponseTimeMs). An empty list means the moment can be saved.
 */
export function validateMoment(moment: Moment, context: MomentValidationContext): MomentProblem[] {
  const problems: MomentProblem[] = [];
  const report = (code: MomentProblemCode, field: keyof Moment, message: string) =>
    problems.push({ code, field, message });

  if (typeof moment.id !== 'string' || moment.id.trim() === '' || moment.id.length > momentLimits.maxIdLength)
    report('invalid_id', 'id', 'id: empty or too long');

  const timesValid = isWholeMs(moment.startMs) && isWholeMs(moment.endMs);
  if (!isWholeMs(moment.startMs))
    report('invalid_time', 'startMs', `startMs: ${moment.startMs} is not a whole number of ms >= 0`);
  if (!isWholeMs(moment.endMs))
    report('invalid_time', 'endMs', `endMs: ${moment.endMs} is not a whole number of ms >= 0`);
  if (timesValid && moment.endMs <= moment.startMs)
    report('end_not_after_start', 'endMs', `endMs: ${moment.endMs} is not after startMs ${moment.startMs}`);
  if (timesValid && moment.endMs > context.durationMs)
    report(
      'beyond_duration',
      'endMs',
      `endMs: ${moment.endMs} is after the end of the recording (${context.durationMs})`,
    );

  if (!isMomentType(moment.type)) report('unknown_type', 'type', `type: "${String(moment.type)}" is not a moment type`);
  if (!(momentSpeakers as readonly string[]).includes(moment.speaker))
    report('invalid_speaker', 'speaker', `speaker: "${String(moment.speaker)}"`);
  if (!(momentPolarities as readonly string[]).includes(moment.polarity))
    report('invalid_polarity', 'polarity', `polarity: "${String(moment.polarity)}"`);

  const isCue = moment.type === 'customer-emotion-cue';
  if (moment.intensity !== undefined) {
    if (!isCue) report('emotion_on_non_cue', 'intensity', 'intensity: only a customer emotion cue has an intensity');
    else if (!(emotionIntensities as readonly number[]).includes(moment.intensity))
      report('invalid_intensity', 'intensity', `intensity: ${moment.intensity} is not 1, 2 or 3`);
  }
  if (moment.emotion !== undefined) {
    if (!isCue) report('emotion_on_non_cue', 'emotion', 'emotion: only a customer emotion cue names an emotion');
    else if (!(customerEmotions as readonly string[]).includes(moment.emotion))
      report('invalid_emotion', 'emotion', `emotion: "${String(moment.emotion)}"`);
  }

  if (moment.note.length > momentLimits.maxNoteLength)
    report('note_too_long', 'note', `note: ${moment.note.length} characters, at most ${momentLimits.maxNoteLength}`);
  if (moment.itemIds.length > momentLimits.maxItemIds)
    report('too_many_items', 'itemIds', `itemIds: ${moment.itemIds.length}, at most ${momentLimits.maxItemIds}`);
  if (new Set(moment.itemIds).size !== moment.itemIds.length)
    report('duplicate_item_id', 'itemIds', 'itemIds: an item is linked twice');
  const knownItems = context.itemIds;
  if (knownItems) {
    const unknown = moment.itemIds.filter((itemId) => !knownItems.has(itemId));
    if (unknown.length > 0) report('unknown_item_id', 'itemIds', `itemIds: not in the rubric: ${unknown.join(', ')}`);
  }

  if (moment.respondsTo !== undefined) {
    const cue = context.moments?.find((other) => other.id === moment.respondsTo);
    if (moment.respondsTo === moment.id)
      report('responds_to_itself', 'respondsTo', 'respondsTo: a moment cannot respond to itself');
    else if (isCue)
      report(
        'cue_cannot_respond',
        'respondsTo',
        'respondsTo: a customer emotion cue does not respond to another moment',
      );
    else if (!cue) report('responds_to_missing_moment', 'respondsTo', `respondsTo: no moment "${moment.respondsTo}"`);
    else if (cue.type !== 'customer-emotion-cue')
      report(
        'responds_to_non_cue',
        'respondsTo',
        `respondsTo: "${cue.id}" is a ${cue.type}, not a customer emotion cue`,
      );
    else if (timesValid && moment.startMs < cue.startMs)
      report(
        'response_before_cue',
        'respondsTo',
        `respondsTo: the response starts (${moment.startMs}) before the cue (${cue.startMs})`,
      );
  }
  return problems;
}

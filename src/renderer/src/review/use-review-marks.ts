import { useMemo } from 'react';
import type { Moment } from '../../../domain/moments/model';
import { momentTypeInfo } from '../../../domain/moments/moment-types';
import { normaliseMomentRange } from '../../../domain/moments/normalise-moment-range';
import type { Locale } from '../../../domain/rubric/localized-text';
import { localize } from '../../../domain/rubric/localized-text';
import type { TranscriptMark, TranscriptMoments } from '../call/transcript-view';
import type { WaveformMoments } from '../call/waveform-player';

/** What the review hands the waveform and the transcript to draw its moments and suggestions with. */
export interface ReviewMarksInput {
  readonly moments: readonly Moment[] | undefined;
  readonly selectedId: string | null;
  readonly locked: boolean;
  readonly locale: Locale;
  readonly durationMs: number;
  /** A new moment over a range (a speaker when the transcript knows whose words they were). */
  readonly create: (startMs: number, endMs: number, speaker?: Moment['speaker']) => void;
  readonly saveMoment: (moment: Moment) => void;
  readonly select: (momentId: string | null) => void;
  readonly ghosts: NonNullable<WaveformMoments['ghosts']>;
  readonly ghostMarks: readonly TranscriptMark[];
}

/** The review's moments as waveform regions: drag to create, move an edge to change, click to select. */
export function useWaveformMoments(input: ReviewMarksInput): WaveformMoments | undefined {
  const { moments, selectedId, locked, locale, create, durationMs, saveMoment, select, ghosts } = input;
  return useMemo(
    () =>
      moments && {
        moments,
        selectedId,
        editable: !locked,
        labelOf: (moment: Moment) => localize(momentTypeInfo[moment.type].label, locale),
        onRangeSelected: (startMs: number, endMs: number) => create(startMs, endMs),
        onTimesChanged: (momentId: string, startMs: number, endMs: number) => {
          const moment = moments.find((existing) => existing.id === momentId);
          if (!moment) return;
          const range = normaliseMomentRange(startMs, endMs, durationMs);
          saveMoment({ ...moment, ...range });
        },
        onSelect: select,
        ghosts: locked ? undefined : ghosts,
      },
    [moments, selectedId, locked, locale, create, durationMs, saveMoment, select, ghosts],
  );
}

/** The review's moments as marks on the transcript's turns; selected words become a moment of that speaker. */
export function useTranscriptMoments(input: ReviewMarksInput): TranscriptMoments | undefined {
  const { moments, locked, locale, create, select, ghosts, ghostMarks } = input;
  return useMemo(
    () =>
      moments && {
        marks: [
          ...moments.map((moment) => ({
            id: moment.id,
            startMs: moment.startMs,
            endMs: moment.endMs,
            label: localize(momentTypeInfo[moment.type].label, locale),
            colour: momentTypeInfo[moment.type].colour,
          })),
          ...(locked ? [] : ghostMarks),
        ],
        onMarkClick: select,
        onGhostClick: ghosts.onSelect,
        onSelectionRange: locked
          ? null
          : (startMs: number, endMs: number, role: string) =>
              create(startMs, endMs, role === 'agent' || role === 'customer' ? role : undefined),
      },
    [moments, locale, locked, create, select, ghostMarks, ghosts.onSelect],
  );
}

import { memo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../domain/duration';
import { type SpeakerRole } from '../../../domain/transcript/speaker-roles';
import { activeSegmentIndex, activeWordIndex, type TranscriptHit } from '../../../domain/transcript/timeline';
import type { PlaybackClock } from './playback-clock';
import { textOffsetWithin, wordIndexAtOffset, wordStartOffsets } from './transcript-text';

import type { Segment, TranscriptMark } from './transcript-view';

// One turn of the transcript and the helpers that place the playhead and search hits in it.
export function wordPosition(
  node: Node | null,
  offset: number,
  segments: readonly Segment[],
): { segmentIndex: number; wordIndex: number } | null {
  const element = node instanceof Element ? node : node?.parentElement;
  const text = element?.closest<HTMLElement>('.turn-text');
  const turn = element?.closest<HTMLElement>('.turn');
  if (!node || !text || !turn) return null;
  const segmentIndex = Number(turn.dataset.segmentIndex);
  const segment = segments[segmentIndex];
  if (!segment) return null;
  if (segment.words.length === 0) return { segmentIndex, wordIndex: -1 };
  return {
    segmentIndex,
    wordIndex: wordIndexAtOffset(wordStartOffsets(segment.words), textOffsetWithin(text, node, offset)),
  };
}

/** The active segment and word, recomputed per tick but only changing state when they change. */
export function useActivePosition(clock: PlaybackClock, segments: readonly Segment[]): string {
  return useSyncExternalStore(clock.subscribe, () => {
    const timeMs = clock.getTimeMs();
    const segmentIndex = activeSegmentIndex(segments, timeMs);
    if (segmentIndex < 0) return '-1:-1';
    return `${segmentIndex}:${activeWordIndex(segments[segmentIndex]!.words, timeMs)}`;
  });
}

/**
 * A turn that is not being spoken, as plain text: one text node per run of words, a mark only around search hits
 * (clicks are mapped to words by position; see transcript-text.ts).
 */
export function plainTextWithHits(
  words: Segment['words'],
  hitWords: ReadonlySet<number> | undefined,
  isCurrentHit: (wordIndex: number) => boolean,
): React.ReactNode {
  if (!hitWords || hitWords.size === 0) return words.map((word) => word.text).join(' ');
  const parts: React.ReactNode[] = [];
  let run: string[] = [];
  words.forEach((word, wordIndex) => {
    if (!hitWords.has(wordIndex)) {
      run.push(word.text);
      return;
    }
    if (run.length > 0) parts.push(`${run.join(' ')} `);
    run = [];
    parts.push(
      <mark key={wordIndex} className={`hit${isCurrentHit(wordIndex) ? ' hit-current' : ''}`}>
        {word.text}
      </mark>,
    );
    if (wordIndex < words.length - 1) parts.push(' ');
  });
  if (run.length > 0) parts.push(run.join(' '));
  return parts;
}

export const SegmentRow = memo(function SegmentRow({
  segment,
  index,
  role,
  activeWord,
  isActive,
  hitWords,
  segmentHit,
  currentHit,
  marks,
}: {
  marks: readonly TranscriptMark[] | undefined;
  segment: Segment;
  index: number;
  role: SpeakerRole;
  activeWord: number;
  isActive: boolean;
  hitWords: ReadonlySet<number> | undefined;
  segmentHit: boolean;
  currentHit: TranscriptHit | null;
}) {
  const { t } = useTranslation();
  const isCurrentHit = (wordIndex: number | null) =>
    currentHit !== null && currentHit.segmentIndex === index && currentHit.wordIndex === wordIndex;
  return (
    <div
      className={`turn turn-${role}${isActive ? ' turn-active' : ''}`}
      data-segment-index={index}
      data-start-ms={segment.startMs}
    >
      <div className="turn-meta">
        <span className={`speaker speaker-${role}`}>{t(`roles.${role}`)}</span>
        <button
          type="button"
          className="turn-time"
          data-seek-ms={segment.startMs}
          aria-label={t('transcript.playFrom', { time: formatDuration(segment.startMs) })}
        >
          {formatDuration(segment.startMs)}
        </button>
        {marks
          ?.filter((mark) => !mark.ghost)
          .map((mark) => (
            <TranscriptMarkButton key={mark.id} mark={mark} />
          ))}
      </div>
      {/* Suggestions follow the text in its flow, so a turn with one grows by a line only when the text fills it. */}
      <div className="turn-body">
        <p className={`turn-text${segmentHit ? ' hit' : ''}${isCurrentHit(null) && segmentHit ? ' hit-current' : ''}`}>
          {segment.words.length === 0
            ? segment.text
            : isActive
              ? segment.words.map((word, wordIndex) => (
                  <span
                    key={wordIndex}
                    className={`word${word.estimated ? ' word-estimated' : ''}${wordIndex === activeWord ? ' word-active' : ''}${hitWords?.has(wordIndex) ? ' hit' : ''}${isCurrentHit(wordIndex) ? ' hit-current' : ''}`}
                    data-seek-ms={word.startMs}
                  >
                    {word.text}{' '}
                  </span>
                ))
              : plainTextWithHits(segment.words, hitWords, (wordIndex) => isCurrentHit(wordIndex))}
        </p>
        {marks
          ?.filter((mark) => mark.ghost)
          .map((mark) => (
            <TranscriptMarkButton key={mark.id} mark={mark} />
          ))}
      </div>
    </div>
  );
});

/** A moment's mark beside its turn, or a suggestion's ghost after the turn's text; a click selects it. */
function TranscriptMarkButton({ mark }: { mark: TranscriptMark }) {
  return (
    <button
      type="button"
      className={mark.ghost ? 'moment-mark ghost-mark' : 'moment-mark'}
      data-moment-id={mark.ghost ? undefined : mark.id}
      data-suggestion-key={mark.ghost ? mark.id : undefined}
      data-testid={mark.ghost ? 'ghost-moment-transcript' : undefined}
      style={{ borderColor: mark.colour }}
      title={mark.label}
    >
      {mark.label}
    </button>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDetail } from '../../../contract/schemas';
import { speakerKey } from '../../../domain/transcript/speaker-roles';
import type { TranscriptHit } from '../../../domain/transcript/timeline';
import type { PlaybackClock } from './playback-clock';
import { hasEstimatedWordTimes } from '../../../domain/transcript/estimated-word-times';
import { caretAtPoint, textOffsetWithin, wordIndexAtOffset, wordStartOffsets } from './transcript-text';
import { SegmentRow, useActivePosition } from './transcript-segment-row';
import { TranscriptToolbar } from './transcript-toolbar';
import { useTranscriptSearch, type SegmentHits } from './use-transcript-search';
import { useWordSelection } from './use-word-selection';

type Transcript = NonNullable<CallDetail['transcript']>;
export type Segment = Transcript['segments'][number];

export interface TranscriptMark {
  readonly id: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly label: string;
  readonly colour: string;
  /** A suggestion not yet accepted: drawn as a ghost (dashed), its id is the suggestion's key. */
  readonly ghost?: boolean;
}

/** Review mode: moments marked on the turns they overlap, and selected words turned into a moment. */
export interface TranscriptMoments {
  readonly marks: readonly TranscriptMark[];
  readonly onMarkClick: (momentId: string) => void;
  readonly onGhostClick?: (suggestionKey: string) => void;
  /** Null while the review is locked. */
  readonly onSelectionRange: ((startMs: number, endMs: number, role: string) => void) | null;
}

/** The start of the word under the pointer in a plain-text turn, or null outside any text. */
function wordTimeAtPoint(target: HTMLElement, x: number, y: number, segments: readonly Segment[]): number | null {
  const text = target.closest<HTMLElement>('.turn-text');
  const turn = target.closest<HTMLElement>('.turn');
  const caret = caretAtPoint(x, y);
  if (!text || !turn || !caret || !text.contains(caret.node)) return null;
  const segment = segments[Number(turn.dataset.segmentIndex)];
  if (!segment) return null;
  if (segment.words.length === 0) return segment.startMs;
  const wordIndex = wordIndexAtOffset(
    wordStartOffsets(segment.words),
    textOffsetWithin(text, caret.node, caret.offset),
  );
  return segment.words[wordIndex]!.startMs;
}

/** The moments (and ghosts) that overlap each turn, by turn index. */
function useMarksBySegment(segments: readonly Segment[], marks: readonly TranscriptMark[] | undefined) {
  return useMemo(() => {
    const map = new Map<number, TranscriptMark[]>();
    if (!marks || marks.length === 0) return map;
    segments.forEach((segment, index) => {
      const overlapping = marks.filter((mark) => mark.startMs < segment.endMs && mark.endMs > segment.startMs);
      if (overlapping.length > 0) map.set(index, overlapping);
    });
    return map;
  }, [segments, marks]);
}

/**
 * The virtualised turns and whether the view follows the playhead: it scrolls to the spoken turn and to the current
 * search hit until the user scrolls away.
 */
function useFollowingList(
  scrollRef: React.RefObject<HTMLDivElement | null>,
  count: number,
  activeSegment: number,
  currentHit: TranscriptHit | null,
) {
  const [following, setFollowing] = useState(true);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 72,
    overscan: 3,
    getItemKey: (index) => index,
  });
  const programmaticScroll = useRef(false);
  const scrollToSegment = useCallback(
    (index: number) => {
      programmaticScroll.current = true;
      virtualizer.scrollToIndex(index, { align: 'center' });
      window.setTimeout(() => (programmaticScroll.current = false), 150);
    },
    [virtualizer],
  );
  useEffect(() => {
    if (following && activeSegment >= 0) scrollToSegment(activeSegment);
  }, [following, activeSegment, scrollToSegment]);
  useEffect(() => {
    if (currentHit) {
      setFollowing(false);
      scrollToSegment(currentHit.segmentIndex);
    }
  }, [currentHit, scrollToSegment]);
  const stopOnUserScroll = () => {
    if (!programmaticScroll.current) setFollowing(false);
  };
  const scrollHandlers = {
    onWheel: stopOnUserScroll,
    onTouchMove: stopOnUserScroll,
    onScroll: (event: React.UIEvent<HTMLDivElement>) => {
      if (!programmaticScroll.current && event.currentTarget === document.activeElement) setFollowing(false);
    },
  };
  return { virtualizer, following, setFollowing, scrollHandlers };
}

/** A click in the transcript: on a ghost or a mark, select it; on a word or a seekable time, seek there. */
function transcriptClickHandler(
  segments: readonly Segment[],
  moments: TranscriptMoments | undefined,
  seek: (timeMs: number) => void,
) {
  return (event: React.MouseEvent) => {
    const target = event.target as HTMLElement;
    const ghost = target.closest<HTMLElement>('[data-suggestion-key]');
    if (ghost && moments?.onGhostClick) {
      moments.onGhostClick(ghost.dataset.suggestionKey!);
      return;
    }
    const mark = target.closest<HTMLElement>('[data-moment-id]');
    if (mark && moments) {
      moments.onMarkClick(mark.dataset.momentId!);
      return;
    }
    const seekable = target.closest<HTMLElement>('[data-seek-ms]');
    const timeMs = seekable
      ? Number(seekable.dataset.seekMs)
      : wordTimeAtPoint(target, event.clientX, event.clientY, segments);
    if (timeMs === null || window.getSelection()?.isCollapsed === false) return;
    seek(timeMs);
  };
}

/**
 * The transcript, virtualised (only visible turns are in the DOM), highlighting the word being spoken and
 * following the playhead until the user scrolls away. Clicking a word seeks there. Text is rendered as text.
 */
export function TranscriptView({
  transcript,
  clock,
  onSeek,
  searchRef,
  moments,
  onRedactSelection,
}: {
  /** Turns the selected words into a redacted range (the reason is asked for next to the transcript). */
  onRedactSelection?: (startMs: number, endMs: number) => void;
  transcript: Transcript;
  clock: PlaybackClock;
  onSeek: (timeMs: number) => void;
  searchRef: React.RefObject<HTMLInputElement | null>;
  moments?: TranscriptMoments;
}) {
  const { t } = useTranslation();
  const { segments, speakerRoles } = transcript;
  const scrollRef = useRef<HTMLDivElement>(null);
  const search = useTranscriptSearch(segments);
  const estimatedWordTimes = useMemo(() => hasEstimatedWordTimes(segments), [segments]);
  const marksBySegment = useMarksBySegment(segments, moments?.marks);
  const selection = useWordSelection(scrollRef, segments, speakerRoles);
  const position = useActivePosition(clock, segments);
  const [activeSegment, activeWord] = position.split(':').map(Number) as [number, number];
  const list = useFollowingList(scrollRef, segments.length, activeSegment, search.currentHit);
  const onClick = transcriptClickHandler(segments, moments, (timeMs) => {
    onSeek(timeMs);
    list.setFollowing(true);
  });

  return (
    <section className="transcript" aria-label={t('transcript.title')}>
      <TranscriptToolbar
        search={search}
        searchRef={searchRef}
        selection={selection}
        onMoment={moments?.onSelectionRange ?? null}
        onRedact={onRedactSelection}
        estimatedWordTimes={estimatedWordTimes}
        following={list.following}
        onFollow={() => list.setFollowing(true)}
      />
      <div
        ref={scrollRef}
        className="transcript-scroll"
        tabIndex={0}
        onClick={onClick}
        {...list.scrollHandlers}
        data-testid="transcript"
      >
        <div style={{ height: list.virtualizer.getTotalSize(), position: 'relative' }}>
          {list.virtualizer.getVirtualItems().map((item) => {
            const segment = segments[item.index]!;
            const segmentHits: SegmentHits | undefined = search.hitsBySegment.get(item.index);
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={list.virtualizer.measureElement}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              >
                <SegmentRow
                  segment={segment}
                  index={item.index}
                  role={speakerRoles[speakerKey(segment)] ?? 'unknown'}
                  isActive={item.index === activeSegment}
                  activeWord={item.index === activeSegment ? activeWord : -1}
                  hitWords={segmentHits?.words}
                  segmentHit={segmentHits?.segment ?? false}
                  currentHit={search.currentHit?.segmentIndex === item.index ? search.currentHit : null}
                  marks={marksBySegment.get(item.index)}
                />
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

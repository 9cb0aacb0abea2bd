import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDetail } from '../../../contract/schemas';
import { speakerKey } from '../../../domain/transcript/speaker-roles';
import { searchTranscript } from '../../../domain/transcript/timeline';
import type { PlaybackClock } from './playback-clock';
import { hasEstimatedWordTimes } from '../../../domain/transcript/estimated-word-times';
import { caretAtPoint, textOffsetWithin, wordIndexAtOffset, wordStartOffsets } from './transcript-text';
import { SegmentRow, useActivePosition, wordPosition } from './transcript-segment-row';

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

/** The position of a DOM point as (segment, word) in the transcript, or null outside turn text. */
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
  const [following, setFollowing] = useState(true);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [hitIndex, setHitIndex] = useState(0);
  const hits = useMemo(() => searchTranscript(segments, deferredQuery), [segments, deferredQuery]);
  const estimatedWordTimes = useMemo(() => hasEstimatedWordTimes(segments), [segments]);
  const hitsBySegment = useMemo(() => {
    const map = new Map<number, { words: Set<number>; segment: boolean }>();
    for (const hit of hits) {
      const entry = map.get(hit.segmentIndex) ?? { words: new Set<number>(), segment: false };
      if (hit.wordIndex === null) entry.segment = true;
      else entry.words.add(hit.wordIndex);
      map.set(hit.segmentIndex, entry);
    }
    return map;
  }, [hits]);
  const currentHit = hits.length > 0 ? hits[Math.min(hitIndex, hits.length - 1)]! : null;

  const marks = moments?.marks;
  const marksBySegment = useMemo(() => {
    const map = new Map<number, TranscriptMark[]>();
    if (!marks || marks.length === 0) return map;
    segments.forEach((segment, index) => {
      const overlapping = marks.filter((mark) => mark.startMs < segment.endMs && mark.endMs > segment.startMs);
      if (overlapping.length > 0) map.set(index, overlapping);
    });
    return map;
  }, [segments, marks]);

  // Selected words, as a time range a moment can be made of.
  const [selection, setSelection] = useState<{ startMs: number; endMs: number; role: string } | null>(null);
  useEffect(() => {
    const onSelectionChange = () => {
      const current = window.getSelection();
      if (!current || current.isCollapsed || !scrollRef.current?.contains(current.anchorNode)) {
        setSelection(null);
        return;
      }
      const anchor = wordPosition(current.anchorNode, current.anchorOffset, segments);
      const focus = wordPosition(current.focusNode, current.focusOffset, segments);
      if (!anchor || !focus) return setSelection(null);
      const [first, last] =
        anchor.segmentIndex < focus.segmentIndex ||
        (anchor.segmentIndex === focus.segmentIndex && anchor.wordIndex <= focus.wordIndex)
          ? [anchor, focus]
          : [focus, anchor];
      const firstSegment = segments[first.segmentIndex]!;
      const lastSegment = segments[last.segmentIndex]!;
      const startMs = first.wordIndex >= 0 ? firstSegment.words[first.wordIndex]!.startMs : firstSegment.startMs;
      const endMs = last.wordIndex >= 0 ? lastSegment.words[last.wordIndex]!.endMs : lastSegment.endMs;
      setSelection(
        endMs > startMs ? { startMs, endMs, role: speakerRoles[speakerKey(firstSegment)] ?? 'unknown' } : null,
      );
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [segments, speakerRoles]);

  const position = useActivePosition(clock, segments);
  const [activeSegment, activeWord] = position.split(':').map(Number) as [number, number];

  const virtualizer = useVirtualizer({
    count: segments.length,
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

  const stopFollowingOnUserScroll = () => {
    if (!programmaticScroll.current) setFollowing(false);
  };

  const onClick = (event: React.MouseEvent) => {
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
    const timeMs = seekable ? Number(seekable.dataset.seekMs) : wordTimeAtPoint(target, event.clientX, event.clientY);
    if (timeMs === null || window.getSelection()?.isCollapsed === false) return;
    onSeek(timeMs);
    setFollowing(true);
  };

  /** The start of the word under the pointer in a plain-text turn, or null outside any text. */
  const wordTimeAtPoint = (target: HTMLElement, x: number, y: number): number | null => {
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
  };

  const stepHit = (delta: number) => {
    if (hits.length === 0) return;
    setHitIndex((index) => (Math.min(index, hits.length - 1) + delta + hits.length) % hits.length);
  };

  return (
    <section className="transcript" aria-label={t('transcript.title')}>
      <div className="transcript-toolbar">
        <input
          ref={searchRef}
          type="search"
          className="search-input"
          placeholder={t('transcript.searchPlaceholder')}
          aria-label={t('transcript.search')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setHitIndex(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              stepHit(event.shiftKey ? -1 : 1);
            }
          }}
        />
        <span className="muted" data-testid="search-count" aria-live="polite">
          {deferredQuery.trim()
            ? t('transcript.hits', {
                current: hits.length ? Math.min(hitIndex, hits.length - 1) + 1 : 0,
                count: hits.length,
              })
            : ''}
        </span>
        <button
          type="button"
          className="icon-button"
          onClick={() => stepHit(-1)}
          disabled={hits.length === 0}
          aria-label={t('transcript.previousHit')}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => stepHit(1)}
          disabled={hits.length === 0}
          aria-label={t('transcript.nextHit')}
        >
          ↓
        </button>
        {moments?.onSelectionRange && selection && (
          <button
            type="button"
            className="button primary"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              moments.onSelectionRange?.(selection.startMs, selection.endMs, selection.role);
              window.getSelection()?.removeAllRanges();
            }}
          >
            + {t('moments.fromSelection')}
          </button>
        )}
        {onRedactSelection && selection && (
          // Floats over the transcript: appearing mid-drag must not reflow the toolbar and move the text being selected.
          <button
            type="button"
            className="button redact-selection"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onRedactSelection(selection.startMs, selection.endMs)}
          >
            {t('redaction.fromSelection')}
          </button>
        )}
        {estimatedWordTimes && (
          <span
            className="estimated-times muted"
            title={t('transcript.estimatedTimesHint')}
            data-testid="estimated-times"
          >
            {t('transcript.estimatedTimes')}
            <span className="visually-hidden">: {t('transcript.estimatedTimesHint')}</span>
          </span>
        )}
        {!following && (
          <button type="button" className="button follow-button" onClick={() => setFollowing(true)}>
            {t('transcript.backToPlayhead')}
          </button>
        )}
      </div>
      <div
        ref={scrollRef}
        className="transcript-scroll"
        tabIndex={0}
        onClick={onClick}
        onWheel={stopFollowingOnUserScroll}
        onTouchMove={stopFollowingOnUserScroll}
        onScroll={(event) => {
          if (!programmaticScroll.current && event.currentTarget === document.activeElement) setFollowing(false);
        }}
        data-testid="transcript"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const segment = segments[item.index]!;
            const role = speakerRoles[speakerKey(segment)] ?? 'unknown';
            const segmentHits = hitsBySegment.get(item.index);
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              >
                <SegmentRow
                  segment={segment}
                  index={item.index}
                  role={role}
                  isActive={item.index === activeSegment}
                  activeWord={item.index === activeSegment ? activeWord : -1}
                  hitWords={segmentHits?.words}
                  segmentHit={segmentHits?.segment ?? false}
                  currentHit={currentHit?.segmentIndex === item.index ? currentHit : null}
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

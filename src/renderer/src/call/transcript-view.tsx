import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDetail } from '../../../contract/schemas';
import { formatDuration } from '../../../domain/duration';
import { speakerKey } from '../../../domain/transcript/speaker-roles';
import { activeSegmentIndex, activeWordIndex, searchTranscript, type TranscriptHit } from '../../../domain/transcript/timeline';
import type { PlaybackClock } from './playback-clock';

type Transcript = NonNullable<CallDetail['transcript']>;
type Segment = Transcript['segments'][number];

/** The active segment and word, recomputed per tick but only changing state when they change. */
function useActivePosition(clock: PlaybackClock, segments: readonly Segment[]): string {
  return useSyncExternalStore(clock.subscribe, () => {
    const timeMs = clock.getTimeMs();
    const segmentIndex = activeSegmentIndex(segments, timeMs);
    if (segmentIndex < 0) return '-1:-1';
    return `${segmentIndex}:${activeWordIndex(segments[segmentIndex]!.words, timeMs)}`;
  });
}

const SegmentRow = memo(function SegmentRow({ segment, index, role, activeWord, isActive, hitWords, segmentHit, currentHit }: {
  segment: Segment;
  index: number;
  role: string;
  activeWord: number;
  isActive: boolean;
  hitWords: ReadonlySet<number> | undefined;
  segmentHit: boolean;
  currentHit: TranscriptHit | null;
}) {
  const { t } = useTranslation();
  const isCurrentHit = (wordIndex: number | null) => currentHit !== null && currentHit.segmentIndex === index && currentHit.wordIndex === wordIndex;
  return (
    <div className={`turn turn-${role}${isActive ? ' turn-active' : ''}`} data-segment-index={index} data-start-ms={segment.startMs}>
      <div className="turn-meta">
        <span className={`speaker speaker-${role}`}>{t(`roles.${role}`)}</span>
        <button type="button" className="turn-time" data-seek-ms={segment.startMs} aria-label={t('transcript.playFrom', { time: formatDuration(segment.startMs) })}>
          {formatDuration(segment.startMs)}
        </button>
      </div>
      <p className={`turn-text${segmentHit ? ' hit' : ''}${isCurrentHit(null) && segmentHit ? ' hit-current' : ''}`}>
        {segment.words.length === 0
          ? segment.text
          : segment.words.map((word, wordIndex) => (
              <span
                key={wordIndex}
                className={`word${wordIndex === activeWord ? ' word-active' : ''}${hitWords?.has(wordIndex) ? ' hit' : ''}${isCurrentHit(wordIndex) ? ' hit-current' : ''}`}
                data-seek-ms={word.startMs}
              >
                {word.text}{' '}
              </span>
            ))}
      </p>
    </div>
  );
});

/**
 * The transcript, virtualised (only visible turns are in the DOM), highlighting the word being spoken and
 * following the playhead until the user scrolls away. Clicking a word seeks there. Text is rendered as text.
 */
export function TranscriptView({ transcript, clock, onSeek, searchRef }: {
  transcript: Transcript;
  clock: PlaybackClock;
  onSeek: (timeMs: number) => void;
  searchRef: React.RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const { segments, speakerRoles } = transcript;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [hitIndex, setHitIndex] = useState(0);
  const hits = useMemo(() => searchTranscript(segments, deferredQuery), [segments, deferredQuery]);
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

  const position = useActivePosition(clock, segments);
  const [activeSegment, activeWord] = position.split(':').map(Number) as [number, number];

  const virtualizer = useVirtualizer({
    count: segments.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 72,
    overscan: 6,
    getItemKey: (index) => index,
  });
  const programmaticScroll = useRef(false);

  const scrollToSegment = useCallback((index: number) => {
    programmaticScroll.current = true;
    virtualizer.scrollToIndex(index, { align: 'center' });
    window.setTimeout(() => (programmaticScroll.current = false), 150);
  }, [virtualizer]);

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
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-seek-ms]');
    if (!target) return;
    onSeek(Number(target.dataset.seekMs));
    setFollowing(true);
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
          {deferredQuery.trim() ? t('transcript.hits', { current: hits.length ? Math.min(hitIndex, hits.length - 1) + 1 : 0, count: hits.length }) : ''}
        </span>
        <button type="button" className="icon-button" onClick={() => stepHit(-1)} disabled={hits.length === 0} aria-label={t('transcript.previousHit')}>↑</button>
        <button type="button" className="icon-button" onClick={() => stepHit(1)} disabled={hits.length === 0} aria-label={t('transcript.nextHit')}>↓</button>
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
              <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
                <SegmentRow
                  segment={segment}
                  index={item.index}
                  role={role}
                  isActive={item.index === activeSegment}
                  activeWord={item.index === activeSegment ? activeWord : -1}
                  hitWords={segmentHits?.words}
                  segmentHit={segmentHits?.segment ?? false}
                  currentHit={currentHit?.segmentIndex === item.index ? currentHit : null}
                />
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

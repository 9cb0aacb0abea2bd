import { useDeferredValue, useMemo, useState } from 'react';
import { searchTranscript, type TranscriptHit } from '../../../domain/transcript/timeline';
import type { Segment } from './transcript-view';

/** Where a segment has hits: the words (single-word queries) or the segment as a whole (phrases). */
export interface SegmentHits {
  readonly words: Set<number>;
  segment: boolean;
}

/** The transcript's search field: the query, its hits by segment, and which hit is current (Enter steps through). */
export function useTranscriptSearch(segments: readonly Segment[]) {
  const [query, setQueryState] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [hitIndex, setHitIndex] = useState(0);
  const hits = useMemo(() => searchTranscript(segments, deferredQuery), [segments, deferredQuery]);
  const hitsBySegment = useMemo(() => {
    const map = new Map<number, SegmentHits>();
    for (const hit of hits) {
      const entry = map.get(hit.segmentIndex) ?? { words: new Set<number>(), segment: false };
      if (hit.wordIndex === null) entry.segment = true;
      else entry.words.add(hit.wordIndex);
      map.set(hit.segmentIndex, entry);
    }
    return map;
  }, [hits]);
  const currentHit: TranscriptHit | null = hits.length > 0 ? hits[Math.min(hitIndex, hits.length - 1)]! : null;
  const setQuery = (value: string) => {
    setQueryState(value);
    setHitIndex(0);
  };
  const stepHit = (delta: number) => {
    if (hits.length === 0) return;
    setHitIndex((index) => (Math.min(index, hits.length - 1) + delta + hits.length) % hits.length);
  };
  /** "2 of 5" while a query is typed; nothing without one. */
  const counter = deferredQuery.trim()
    ? { current: hits.length ? Math.min(hitIndex, hits.length - 1) + 1 : 0, count: hits.length }
    : null;
  return { query, setQuery, hitCount: hits.length, hitsBySegment, currentHit, stepHit, counter };
}

export type TranscriptSearch = ReturnType<typeof useTranscriptSearch>;

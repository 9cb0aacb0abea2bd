import { useEffect, useState, type RefObject } from 'react';
import { speakerKey, type SpeakerRoles } from '../../../domain/transcript/speaker-roles';
import { wordPosition } from './transcript-segment-row';
import type { Segment } from './transcript-view';

/** Selected transcript words as a time range, with the role of the speaker of the first selected turn. */
export interface WordSelection {
  readonly startMs: number;
  readonly endMs: number;
  readonly role: string;
}

/** The words selected inside `container`, as a time range a moment or a redaction can be made of; null when none. */
export function useWordSelection(
  container: RefObject<HTMLElement | null>,
  segments: readonly Segment[],
  speakerRoles: SpeakerRoles,
): WordSelection | null {
  const [selection, setSelection] = useState<WordSelection | null>(null);
  useEffect(() => {
    const onSelectionChange = () => {
      const current = window.getSelection();
      if (!current || current.isCollapsed || !container.current?.contains(current.anchorNode)) {
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
  }, [container, segments, speakerRoles]);
  return selection;
}

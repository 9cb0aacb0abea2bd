// A turn's text is its words joined by single spaces, whether rendered as one text node (most turns) or as a
// span per word (the turn being spoken). These helpers map between DOM positions and word indexes so clicks and
// selections work on both without a span per word everywhere (which would blow the DOM up on long calls).

/** Character offset at which each word starts in the words joined by single spaces. */
export function wordStartOffsets(words: readonly { readonly text: string }[]): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (const word of words) {
    offsets.push(offset);
    offset += word.text.length + 1;
  }
  return offsets;
}

/** The word containing character `offset` (a space belongs to the word before it); -1 when there are no words. */
export function wordIndexAtOffset(offsets: readonly number[], offset: number): number {
  let low = 0;
  let high = offsets.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (offsets[middle]! <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return offsets.length === 0 ? -1 : Math.max(0, found);
}

/** Character offset of a DOM position (node + offset) within `container`'s text. */
export function textOffsetWithin(container: Node, node: Node, offset: number): number {
  if (node.nodeType !== Node.TEXT_NODE) {
    // A position between children: count the text of the children before it.
    const before = document.createRange();
    before.setStart(container, 0);
    before.setEnd(node, offset);
    return before.toString().length;
  }
  let total = 0;
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    if (current === node) return total + offset;
    total += current.textContent?.length ?? 0;
  }
  return total;
}

/** The text position under a point, in both the standard and the older WebKit API. */
export function caretAtPoint(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

import type { Page } from '@playwright/test';

/**
 * Clicks the first occurrence of `word` in the transcript where the user sees it: most turns are plain text
 * (no element per word), so the point comes from a text range around the word.
 */
export async function clickTranscriptWord(page: Page, word: string): Promise<void> {
  const point = await page.evaluate((needle) => {
    const root = document.querySelector('[data-testid="transcript"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent!.indexOf(needle);
      if (index < 0 || !node.parentElement?.closest('.turn-text')) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + needle.length);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, word);
  if (!point) throw new Error(`"${word}" is not on screen in the transcript`);
  await page.mouse.click(point.x, point.y);
}

/** Selects `text` in the transcript with the mouse, as a user drags over words. */
export async function selectTranscriptText(page: Page, text: string): Promise<void> {
  const points = await page.evaluate((needle) => {
    // A turn is one text node, or a span per word while it is being spoken: find the needle in the turn's text.
    for (const turnText of document.querySelectorAll('[data-testid="transcript"] .turn-text')) {
      const index = turnText.textContent!.indexOf(needle);
      if (index < 0) continue;
      // The user scrolls the turn into view first (this also stops the transcript following the playhead).
      turnText.closest('.turn')!.scrollIntoView({ block: 'center' });
      const rectAt = (offset: number) => {
        const walker = document.createTreeWalker(turnText, NodeFilter.SHOW_TEXT);
        let passed = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent!.length;
          if (offset < passed + length) {
            const range = document.createRange();
            range.setStart(node, offset - passed);
            range.setEnd(node, offset - passed + 1);
            return range.getBoundingClientRect();
          }
          passed += length;
        }
        throw new Error('offset outside the turn');
      };
      const first = rectAt(index);
      const last = rectAt(index + needle.length - 1);
      return {
        from: { x: first.left + 1, y: first.top + first.height / 2 },
        to: { x: last.right - 1, y: last.top + last.height / 2 },
      };
    }
    return null;
  }, text);
  if (!points) throw new Error(`"${text}" is not on screen in the transcript`);
  await page.mouse.move(points.from.x, points.from.y);
  await page.mouse.down();
  await page.mouse.move(points.to.x, points.to.y, { steps: 8 });
  await page.mouse.up();
}

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

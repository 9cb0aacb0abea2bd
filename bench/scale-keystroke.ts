// The screen half of bench:scale: from a keystroke in the library's search to the matching rows on screen, in
// Chromium against the browser-mode backend on the scale folder (the built renderer: run `npx electron-vite build`
// first). Each sample clears the search, waits for the whole library's count, then puts a word in the box as one
// input event (as a keystroke or a paste does) and stops the clock when the count has changed and the first row
// shows the word. The clock runs in this process, so it includes Playwright's own round trips (a cautious figure).
// A start after a clean close checks the whole file in the background (some 20 s at 10 GB, reading every page):
// the samples wait for it, as the export figures do, so they measure the search and not the check beside it.
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { startBrowserMode } from '../tests/support/browser-mode';
import { chromiumLaunchOptions } from '../tests/support/chromium';

/** Resolves once the backend's background file check has finished (asked through the API, as the page asks). */
async function databaseCheckFinished(url: string): Promise<void> {
  const secret = new URL(url).searchParams.get('secret') ?? '';
  for (;;) {
    const response = await fetch(new URL('/api/invoke', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-klankbord-secret': secret },
      body: JSON.stringify({ method: 'app.info', input: {} }),
    });
    const info = (await response.json()) as { ok: boolean; value?: { databaseCheck: { state: string } } };
    if (!info.ok || info.value?.databaseCheck.state !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const searches = ['opzeggen', 'factuur', 'abonnement', 'Agent 07', 'Gesprek 12', 'vervelend'];

/** Milliseconds from keystroke to rows, one per sample, and the time until the library was first interactive. */
export async function measureKeystrokes(
  dataDir: string,
  samples: number,
): Promise<{ firstScreenMs: number; keystrokeMs: number[] }> {
  const app = await startBrowserMode(dataDir, { removeDataDir: false });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const opened = performance.now();
    await page.goto(app.url);
    const count = page.getByTestId('call-count');
    await count.waitFor();
    await page.locator('[data-call-id]').first().waitFor();
    const firstScreenMs = performance.now() - opened;
    const wholeLibrary = (await count.textContent()) ?? '';
    await databaseCheckFinished(app.url);
    const box = page.getByRole('searchbox', { name: /Gesprekken zoeken|Search calls/ });
    const keystrokeMs: number[] = [];
    for (let sample = 0; sample < samples; sample += 1) {
      const word = searches[sample % searches.length]!;
      await box.fill('');
      await page.waitForFunction(
        (text) => document.querySelector('[data-testid="call-count"]')?.textContent === text,
        wholeLibrary,
      );
      const started = performance.now();
      await box.fill(word);
      await page.waitForFunction(
        ({ text, searched }) => {
          const shown = document.querySelector('[data-testid="call-count"]')?.textContent;
          const first = document.querySelector('[data-call-id]')?.textContent?.toLowerCase() ?? '';
          return shown !== undefined && shown !== text && first.includes(searched.toLowerCase());
        },
        { text: wholeLibrary, searched: word },
        { polling: 'raf' },
      );
      keystrokeMs.push(performance.now() - started);
    }
    return { firstScreenMs, keystrokeMs };
  } finally {
    await browser.close();
    await app.stop();
  }
}

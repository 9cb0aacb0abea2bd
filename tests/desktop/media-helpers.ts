// Seeking as the desktop player does it: through the media element, over the app:// protocol's Range answers.
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const audioTime = (page: Page) => page.evaluate(() => document.querySelector('audio')?.currentTime ?? -1);

/**
 * What the player can seek to once the recording's metadata is in: the end of the media element's seekable range.
 * Without Range answers Chromium reports nothing seekable, and a seek snaps back to 0.
 */
export async function seekableEnd(page: Page): Promise<number> {
  await expect
    .poll(() => page.evaluate(() => document.querySelector('audio')?.readyState ?? 0), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(1);
  return page.evaluate(() => {
    const seekable = document.querySelector('audio')!.seekable;
    return seekable.length === 0 ? 0 : seekable.end(seekable.length - 1);
  });
}

/** Does `act` (a click on a word, on the waveform) and checks the playhead lands at `seconds`; refuses when it cannot. */
export async function seekLands(page: Page, act: () => Promise<void>, seconds: number): Promise<void> {
  const end = await seekableEnd(page);
  if (end < seconds)
    throw new Error(
      `The recording is not seekable to ${seconds} s (seekable up to ${end} s): does the protocol answer Range requests?`,
    );
  await act();
  await expect.poll(() => audioTime(page), { timeout: 15_000 }).toBeCloseTo(seconds, 1);
}

/** A protocol handler as it would be without Range support: the Range header dropped, answers whole and unrangeable. */
export function withoutRange(
  handler: (request: Request) => Response | Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const headers = new Headers(request.headers);
    headers.delete('range');
    const response = await handler(new Request(request.url, { method: request.method, headers }));
    const answerHeaders = new Headers(response.headers);
    answerHeaders.delete('accept-ranges');
    answerHeaders.delete('content-range');
    return new Response(response.body, { status: response.status, headers: answerHeaders });
  };
}

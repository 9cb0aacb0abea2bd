import { expect, test } from './fixtures';
import { invokeBackend, openDemoReview, waveformX } from './workspace-helpers';

interface StoredMoment {
  startMs: number;
  endMs: number;
}

test.use({ demo: true });

test('a range dragged on the waveform ends where the pointer was released', async ({ page, app, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openDemoReview(page, app);
  const calls = await invokeBackend<{ id: string; durationMs: number }[]>(request, app, 'calls.list', {});
  const callId = calls[0]!.id;
  const durationSec = calls[0]!.durationMs / 1000;
  const { x, y } = await waveformX(page, durationSec);
  // Rightward drags as in the report, and one leftward: the edges are the press and release points.
  const drags: [number, number][] = [
    [10, 15],
    [40, 45],
    [58, 62],
    [86, 80],
  ];
  for (const [index, [from, to]] of drags.entries()) {
    await page.mouse.move(Math.round(x(from)), y);
    await page.mouse.down();
    await page.mouse.move(Math.round(x(to)), y, { steps: 12 });
    await page.mouse.up();
    await expect(page.getByTestId('moment-list').locator('.moment-row:not(.ghost-row)')).toHaveCount(index + 1);
  }
  // The pixel grid limits precision to one pixel's worth of time (about 0.15 s here at most, usually less).
  const pixelSec = durationSec / (await page.getByTestId('waveform').boundingBox())!.width;
  const tolerance = Math.max(0.05, pixelSec);
  await expect
    .poll(
      async () =>
        (await invokeBackend<{ moments: StoredMoment[] }>(request, app, 'reviews.open', { callId })).moments.length,
    )
    .toBe(drags.length);
  const stored = (await invokeBackend<{ moments: StoredMoment[] }>(request, app, 'reviews.open', { callId })).moments
    .slice()
    .sort((a, b) => a.startMs - b.startMs);
  const expected = drags
    .map(([from, to]) => [Math.min(from, to), Math.max(from, to)] as const)
    .sort((a, b) => a[0] - b[0]);
  for (const [index, [start, end]] of expected.entries()) {
    const pressX = Math.round(x(start));
    const releaseX = Math.round(x(end));
    const box = (await page.getByTestId('waveform').boundingBox())!;
    const exactStart = ((pressX - box.x) / box.width) * durationSec;
    const exactEnd = ((releaseX - box.x) / box.width) * durationSec;
    expect(Math.abs(stored[index]!.startMs / 1000 - exactStart)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(stored[index]!.endMs / 1000 - exactEnd)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(stored[index]!.endMs / 1000 - end)).toBeLessThanOrEqual(tolerance);
  }
});

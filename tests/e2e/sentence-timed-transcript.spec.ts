import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { clickTranscriptWord, selectTranscriptText } from './transcript-helpers';
import { invokeBackend } from './workspace-helpers';

const fixtures = join(__dirname, '../fixtures/e2e');
const screens = join(__dirname, '../../test-results/screens');
const audioTime = (page: Page) => page.evaluate(() => document.querySelector('audio')?.currentTime ?? -1);

// Peter's first cue in klacht-internet-zinnen.vtt, as shown once "Peter:" is read as its speaker.
const cue = {
  startSec: 6.15,
  endSec: 13.213,
  text: 'Ja, goedemiddag. Met Peter de Jong. Ik bel nu al voor de derde keer deze week, en ik ben het echt spuugzat.',
};
/** Where a word of that cue is estimated to start and end: in proportion to its place in the text. */
const estimate = (word: string) => {
  const offset = cue.text.indexOf(word);
  const at = (index: number) => cue.startSec + ((cue.endSec - cue.startSec) * index) / cue.text.length;
  return { start: at(offset), end: at(offset + word.length) };
};

test('a transcript added to a call without one: sentence timings and "Name:" speakers work like word timings', async ({
  page,
  app,
  request,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(app.url);
  await page.getByTestId('import-input').setInputFiles([join(fixtures, 'klacht-internet.wav')]);
  const summary = page.getByRole('alert', { name: 'Samenvatting import' });
  await expect(summary).toContainText('1 gesprek toegevoegd');
  await summary.getByRole('button', { name: 'Sluiten' }).click();
  await page.getByRole('button', { name: 'klacht-internet' }).click();

  // The call has no transcript: add one from the call itself, whatever its file name.
  await expect(page.getByText('Dit gesprek heeft geen transcript.')).toBeVisible();
  await page.getByTestId('add-transcript-input').setInputFiles(join(fixtures, 'klacht-internet-zinnen.vtt'));
  const transcript = page.getByTestId('transcript');
  await expect(transcript.locator('.turn')).toHaveCount(4);

  // "Sanne:" and "Peter:" became the speakers (agent first) and left the text.
  await expect(transcript.locator('.speaker').first()).toHaveText('Medewerker');
  await expect(transcript.locator('.speaker').nth(1)).toHaveText('Klant');
  await expect(transcript.locator('.turn-text').first()).toHaveText(/^Goedemiddag, u spreekt met Sanne/);
  await expect(page.getByTestId('estimated-times')).toContainText('Woordtijden geschat');
  await page.locator('[data-testid="waveform"][data-ready="true"]').waitFor();

  // Click a word inside a sentence-timed cue: playback starts at its estimated time, not at the cue's start.
  await clickTranscriptWord(page, 'Jong.');
  const jong = estimate('Jong.');
  await expect.poll(() => audioTime(page)).toBeGreaterThan(jong.start - 0.05);
  expect(await audioTime(page)).toBeLessThan(jong.start + 0.05);
  await expect(transcript.locator('.word-active.word-estimated')).toHaveText(/Jong\./);

  // Playing highlights word by word.
  await page.getByTestId('play-pause').click();
  await expect
    .poll(async () => transcript.locator('.word-active').textContent(), { timeout: 10_000 })
    .not.toMatch(/Jong/);
  await page.getByTestId('play-pause').click();

  // Search marks the word itself.
  await page.getByLabel('Zoeken in transcript').fill('vergadering');
  await expect(page.getByTestId('search-count')).toHaveText('1 van 1 treffer');
  await expect(transcript.locator('.hit-current')).toHaveText('vergadering');
  await page.screenshot({ path: join(screens, 'sentence-timed-transcript-nl.png') });
  await page.getByLabel('Zoeken in transcript').fill('');

  // Part of a cue selected becomes a moment over just those words.
  await page.getByRole('button', { name: 'Beoordelen' }).click();
  await page.getByLabel('Je naam').fill('Anouk');
  await page.getByRole('button', { name: 'Beginnen met beoordelen' }).click();
  await expect(page.getByTestId('review-status')).toHaveText('Concept');
  await selectTranscriptText(page, 'ik ben het echt spuugzat');
  await page.getByRole('button', { name: '+ Moment van selectie' }).click();
  await expect(page.getByTestId('moment-list').locator('.moment-row:not(.ghost-row)')).toHaveCount(1);
  const calls = await invokeBackend<{ id: string }[]>(request, app, 'calls.list', {});
  const stored = async () =>
    (
      await invokeBackend<{ moments: { startMs: number; endMs: number }[] }>(request, app, 'reviews.open', {
        callId: calls[0]!.id,
      })
    ).moments;
  await expect.poll(async () => (await stored()).length).toBe(1);
  const [moment] = await stored();
  expect(moment!.startMs / 1000).toBeCloseTo(estimate('ik ben').start, 1);
  expect(moment!.endMs / 1000).toBeCloseTo(estimate('spuugzat.').end, 1);
});

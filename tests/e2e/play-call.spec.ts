import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { clickTranscriptWord } from './transcript-helpers';

const fixtures = join(__dirname, '../fixtures');
const screens = join(__dirname, '../../test-results/screens');

async function importThroughDialog(page: Page, files: string[]) {
  await page.getByTestId('import-input').setInputFiles(files);
  const summary = page.getByRole('alert', { name: /Samenvatting import|Import summary/ });
  await expect(summary).toBeVisible({ timeout: 30_000 });
  return summary;
}

const audioTime = (page: Page) => page.evaluate(() => document.querySelector('audio')?.currentTime ?? -1);

test('imports a stereo WAV with a WebVTT transcript, plays it in sync and seeks', async ({ page, app }) => {
  await page.goto(app.url);
  const summary = await importThroughDialog(page, [
    join(fixtures, 'e2e/klacht-internet.wav'),
    join(fixtures, 'e2e/klacht-internet.vtt'),
  ]);
  await expect(summary).toContainText('1 gesprek toegevoegd');
  await summary.getByRole('button', { name: 'Sluiten' }).click();
  await page.getByRole('button', { name: 'klacht-internet' }).click();
  await expect(page.getByRole('heading', { name: 'klacht-internet', level: 1 })).toBeVisible();
  // Split lanes for agent and customer, drawn from stored peaks.
  await expect(page.locator('.lane-labels')).toContainText('Medewerker');
  await expect(page.locator('.lane-labels')).toContainText('Klant');
  const transcript = page.getByTestId('transcript');
  await expect(transcript.locator('.turn').first()).toContainText('Goedemiddag');
  await expect(transcript.locator('.speaker').first()).toHaveText('Medewerker');

  // Play: the highlighted word advances with the audio.
  await page.getByTestId('play-pause').click();
  await expect(transcript.locator('.word-active')).toBeVisible({ timeout: 5000 });
  const firstWord = await transcript.locator('.word-active').textContent();
  await expect
    .poll(async () => transcript.locator('.word-active').textContent(), { timeout: 5000 })
    .not.toBe(firstWord);
  await page.screenshot({ path: join(screens, 'call-playing-nl.png') });
  await page.getByTestId('play-pause').click();

  // Click a word: the audio jumps there.
  // "Jong." starts at 8.023 s in the WebVTT; its turn is not the one being spoken, so it is plain text.
  await clickTranscriptWord(page, 'Jong.');
  await expect.poll(() => audioTime(page)).toBeCloseTo(8.023, 1);
  await expect(transcript.locator('.word-active')).toHaveText(/Jong\./);
  // A word in the turn being spoken (a span per word) seeks too: "spuugzat." at 12.589 s.
  await clickTranscriptWord(page, 'spuugzat.');
  await expect.poll(() => audioTime(page)).toBeCloseTo(12.589, 1);
  await expect(transcript.locator('.word-active')).toHaveText(/spuugzat\./);

  // Seek on the waveform: click at 3/4 of its width.
  const waveform = page.getByTestId('waveform');
  const box = (await waveform.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
  await expect.poll(() => audioTime(page)).toBeGreaterThan(20);

  // Speed, with pitch preserved.
  await page.getByLabel('Snelheid').selectOption('1.5');
  expect(
    await page.evaluate(() => ({
      rate: document.querySelector('audio')!.playbackRate,
      pitch: document.querySelector('audio')!.preservesPitch,
    })),
  ).toEqual({ rate: 1.5, pitch: true });
  // Keyboard: Shift+, slows down, within the player region.
  await page.getByRole('slider', { name: 'Golfvorm' }).focus();
  await page.keyboard.press('Shift+Comma');
  await expect.poll(() => page.evaluate(() => document.querySelector('audio')!.playbackRate)).toBe(1.25);
  await page.keyboard.press('Home');
  await expect.poll(() => audioTime(page)).toBe(0);

  // Search highlights hits and jumps between them.
  await page.getByLabel('Zoeken in transcript').fill('vergadering');
  await expect(page.getByTestId('search-count')).toHaveText('1 van 1 treffer');
  await expect(transcript.locator('.hit-current')).toContainText('vergadering');
  await page.screenshot({ path: join(screens, 'call-search-nl.png') });
  // Typing in the search box never triggers single-key shortcuts.
  await page.getByLabel('Zoeken in transcript').press('k');
  expect(await page.evaluate(() => document.querySelector('audio')!.paused)).toBe(true);

  // The speaker guess is editable: the WebVTT voices say "Medewerker" and "Klant"; swap them and it sticks.
  await page.getByLabel('Zoeken in transcript').fill('');
  await page.getByRole('button', { name: 'Gegevens bewerken' }).click();
  const speakers = page.getByRole('group', { name: 'Sprekers' });
  await expect(speakers.getByLabel('Klant', { exact: true })).toHaveValue('customer');
  await speakers.getByLabel('Klant', { exact: true }).selectOption('agent');
  await speakers.getByLabel('Medewerker', { exact: true }).selectOption('customer');
  await expect(transcript.locator('.speaker').first()).toHaveText('Klant');
  await page.screenshot({ path: join(screens, 'speaker-roles-nl.png') });
  await page.reload();
  await page.getByRole('button', { name: 'klacht-internet' }).click();
  await expect(page.getByTestId('transcript').locator('.speaker').first()).toHaveText('Klant');
});

test('imports files dropped on the window', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const files = [join(fixtures, 'e2e/klacht-internet.wav'), join(fixtures, 'e2e/klacht-internet.vtt')].map((path) => ({
    name: path.split('/').pop()!,
    type: path.endsWith('.wav') ? 'audio/wav' : 'text/vtt',
    base64: readFileSync(path).toString('base64'),
  }));
  // What the OS does on a drop: dragenter/over on the window, then drop with the files in a DataTransfer.
  await page.evaluate((dropped) => {
    const transfer = new DataTransfer();
    for (const file of dropped)
      transfer.items.add(
        new File([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], file.name, { type: file.type }),
      );
    const target = document.querySelector('main') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop'])
      target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
  const summary = page.getByRole('alert', { name: /Samenvatting import/ });
  await expect(summary).toContainText('1 gesprek toegevoegd', { timeout: 30_000 });
  await summary.getByRole('button', { name: 'Sluiten' }).click();
  await expect(page.getByRole('button', { name: 'klacht-internet' })).toBeVisible();
});

test('imports an MP3 with a Whisper JSON transcript and plays it', async ({ page, app }) => {
  await page.goto(app.url);
  const summary = await importThroughDialog(page, [
    join(fixtures, 'e2e/retour-gesprek.mp3'),
    join(fixtures, 'e2e/retour-gesprek.json'),
  ]);
  await expect(summary).toContainText('1 gesprek toegevoegd');
  await summary.getByRole('button', { name: 'Sluiten' }).click();
  await page.getByRole('button', { name: 'retour-gesprek' }).click();
  const transcript = page.getByTestId('transcript');
  await expect(transcript.locator('.turn').first()).toBeVisible();
  await page.keyboard.press('Tab');
  await page.getByRole('slider', { name: 'Golfvorm' }).focus();
  await page.keyboard.press('k');
  await expect.poll(() => audioTime(page), { timeout: 5000 }).toBeGreaterThan(0.5);
  await expect(transcript.locator('.word-active')).toBeVisible();
  await page.keyboard.press('k');
  // Whisper's word times: "technische" starts at 17.398 s.
  await clickTranscriptWord(page, 'technische');
  await expect.poll(() => audioTime(page)).toBeCloseTo(17.398, 1);
  await expect(transcript.locator('.word-active')).toHaveText(/technische/);
});

test('refuses a corrupt file with its reason and keeps the library intact', async ({ page, app }) => {
  await page.goto(app.url);
  const summary = await importThroughDialog(page, [
    join(fixtures, 'audio/truncated.wav'),
    join(fixtures, 'audio/not-audio.wav'),
    join(fixtures, 'audio/tone-mulaw-8k.wav'),
  ]);
  await expect(summary).toContainText('1 gesprek toegevoegd');
  const issues = summary.getByTestId('import-issue');
  await expect(issues).toHaveCount(2);
  await expect(issues.filter({ hasText: 'truncated.wav' })).toContainText('afgebroken');
  await expect(issues.filter({ hasText: 'not-audio.wav' })).toContainText('geen audio');
  await page.screenshot({ path: join(screens, 'import-summary-nl.png') });
  await expect(page.locator('[data-call-id]')).toHaveCount(1);
});

test.describe('first start', () => {
  test.use({ demo: true });

  test('has the demo call, playable, with a word-timed transcript', async ({ page, app }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'demo-klantgesprek' }).click();
    await expect(page.locator('.turn').first()).toContainText('Goedemiddag');
    await expect(page.getByTestId('player-time')).toContainText('2:52');
    await page.screenshot({ path: join(screens, 'demo-call-nl.png') });
  });
});

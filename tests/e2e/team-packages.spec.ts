import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { pcm16WavHeader } from '../../src/domain/audio/silence';
import { defaultRubric } from '../../src/domain/rubric/default-rubric';
import { rubricItems } from '../../src/domain/rubric/model';
import { makeDataDir, startBrowserMode, type BrowserModeApp } from '../support/browser-mode';
import { pdfText } from '../unit/pdf-text';
import { expect, test } from './fixtures';
import { invokeBackend } from './workspace-helpers';

const screens = join(__dirname, '../../test-results/screens');

/** A 10-second mono tone: each frequency is another recording (calls are known by their audio's hash). */
function tone(folder: string, name: string, hz: number): string {
  const rate = 8000;
  const samples = new Int16Array(rate * 10);
  for (let index = 0; index < samples.length; index += 1)
    samples[index] = Math.round(6000 * Math.sin((2 * Math.PI * hz * index) / rate));
  const path = join(folder, `${name}.wav`);
  writeFileSync(path, Buffer.concat([pcm16WavHeader(1, rate, samples.byteLength), Buffer.from(samples.buffer)]));
  return path;
}

const empathyItems = rubricItems(defaultRubric)
  .filter(({ section }) => section.id === '2')
  .map(({ item }) => item.id);

/** Keeps a downloaded file (downloads vanish with their browser context). */
async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const pending = page.waitForEvent('download');
  await click();
  const file = await pending;
  const path = join(makeDataDir(), file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

/** Imports recordings through the library's file input and closes the summary. */
async function importRecordings(page: Page, files: readonly string[]) {
  await page.getByTestId('import-input').setInputFiles([...files]);
  await page
    .getByRole('alert', { name: /Samenvatting import/ })
    .getByRole('button', { name: 'Sluiten' })
    .click();
}

/**
 * A routine review through the backend, as the review screen saves it: every item at its best, or empathy (section 2)
 * at its worst with one moment at 5–6 s as the evidence.
 */
async function scoreCall(request: APIRequestContext, app: BrowserModeApp, callId: string, weak: boolean) {
  const { review } = await invokeBackend<{ review: { id: string } }>(request, app, 'reviews.open', { callId });
  for (const { section, item } of rubricItems(defaultRubric)) {
    const low = weak && section.id === '2';
    const answer =
      item.scale.kind === 'ordinal'
        ? { kind: 'level', value: low ? 0 : item.scale.levels.length - 1 }
        : { kind: low ? 'no' : 'yes' };
    await invokeBackend(request, app, 'reviews.setAnswer', { reviewId: review.id, itemId: item.id, answer });
  }
  if (weak)
    await invokeBackend(request, app, 'moments.save', {
      reviewId: review.id,
      moment: {
        id: `moment-${callId}`,
        startMs: 5000,
        endMs: 6000,
        type: 'missed-empathy-opportunity',
        speaker: 'agent',
        polarity: 'gap',
        itemIds: empathyItems,
        note: 'Geen erkenning van de klacht',
      },
    });
  await invokeBackend(request, app, 'reviews.submit', { reviewId: review.id });
}

/**
 * A reviewer's laptop: its own data folder; the lead's invitation imported; their calls reviewed (Sanne under the
 * spelling this reviewer uses); "Export my reviews" downloaded with the audio chosen.
 */
async function reviewerLaptop(
  browser: Browser,
  request: APIRequestContext,
  who: { name: string; spelling: string; invitation: string; recordings: readonly string[]; audio: string },
): Promise<{ app: BrowserModeApp; exported: string }> {
  const app = await startBrowserMode(makeDataDir());
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 950 } });
  const page = await context.newPage();
  await page.goto(app.url);
  await importRecordings(page, who.recordings);
  await invokeBackend(request, app, 'reviewer.set', { name: `${who.name} (laptop)` });
  const calls = await invokeBackend<{ id: string; title: string }[]>(request, app, 'calls.list', {});
  for (const call of calls) {
    const sanne = call.title.startsWith('sanne');
    await invokeBackend(request, app, 'calls.update', {
      callId: call.id,
      changes: { agentName: sanne ? who.spelling : 'Piet de Boer' },
    });
    await scoreCall(request, app, call.id, sanne);
  }
  await page.getByRole('navigation').getByRole('button', { name: 'Beoordelingen' }).click();
  await expect(
    page.getByText('Nog geen uitnodiging: importeer de uitnodiging die je teamleider je stuurde.'),
  ).toBeVisible();
  await page.getByTestId('team-invitation-input').setInputFiles(who.invitation);
  await expect(page.getByRole('status').filter({ hasText: 'Uitnodiging van Lotte aanvaard' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Audio' }).selectOption({ label: who.audio });
  const exported = await download(page, () =>
    page.getByRole('button', { name: 'Mijn beoordelingen exporteren' }).click(),
  );
  await expect(page.getByRole('status').filter({ hasText: 'beoordelingen in het pakket' })).toContainText('3');
  await expect(page.getByText(/^Vorige export: /)).toBeVisible();
  await page.screenshot({ path: join(screens, `team-export-${who.name.toLowerCase()}-nl-light.png`) });
  await context.close();
  return { app, exported };
}

test.describe('routine reviews reach the lead offline', () => {
  test.setTimeout(240_000);

  test('two reviewers export packages (one with clips only), the lead imports both twice, merges, reports and coaches', async ({
    page,
    app,
    browser,
    request,
  }) => {
    const audio = makeDataDir();
    const shared = tone(audio, 'piet-gedeeld', 330);
    await page.setViewportSize({ width: 1400, height: 950 });
    await page.goto(app.url);
    // The lead holds one recording already: reviewers never send it.
    await importRecordings(page, [shared]);
    const [sharedCall] = await invokeBackend<{ id: string }[]>(request, app, 'calls.list', {});
    await invokeBackend(request, app, 'calls.update', {
      callId: sharedCall!.id,
      changes: { agentName: 'Piet de Boer' },
    });
    await page.getByRole('button', { name: 'Instellingen' }).click();
    await page.getByLabel('Taal').selectOption('en');
    await invokeBackend(request, app, 'reviewer.set', { name: 'Lotte' });
    await page.getByRole('navigation').getByRole('button', { name: 'Team' }).click();
    const invite = async (name: string) => {
      await page.getByLabel('Reviewer’s name').fill(name);
      return download(page, () => page.getByRole('button', { name: 'Write invitation' }).click());
    };
    const anoukInvitation = await invite('Anouk');
    const bramInvitation = await invite('Bram');
    expect(anoukInvitation).toMatch(/Lotte - Anouk\.klankbord-team$/);
    await expect(page.getByTestId('team-members')).toHaveText('Invited: Anouk, Bram');

    const anouk = await reviewerLaptop(browser, request, {
      name: 'Anouk',
      spelling: 'Sanne Jansen',
      invitation: anoukInvitation,
      recordings: [
        tone(audio, 'sanne-anouk-1', 400),
        tone(audio, 'sanne-anouk-2', 440),
        tone(audio, 'piet-anouk', 500),
      ],
      audio: 'Alleen de bewijsfragmenten (elk moment ± 2 s)',
    });
    const bram = await reviewerLaptop(browser, request, {
      name: 'Bram',
      spelling: 'S. Jansen',
      invitation: bramInvitation,
      recordings: [tone(audio, 'sanne-bram-1', 550), tone(audio, 'sanne-bram-2', 600), shared],
      audio: 'Hele opnamen',
    });
    try {
      // Both packages, twice: the second time adds nothing.
      const input = page.getByTestId('team-package-input');
      await input.setInputFiles([anouk.exported, bram.exported]);
      const outcomes = page.locator('.team-package-import [role="status"]');
      await expect(outcomes).toHaveText([
        'From Anouk: 3 new reviews, 0 changed (new revision), 3 new calls.',
        'From Bram: 3 new reviews, 0 changed (new revision), 2 new calls.',
      ]);
      await input.setInputFiles([anouk.exported, bram.exported]);
      await expect(outcomes).toHaveText([
        'Nothing new: this package was imported before.',
        'Nothing new: this package was imported before.',
      ]);
      const reviews = await invokeBackend<unknown[]>(request, app, 'reviews.list', {});
      expect(reviews).toHaveLength(6);

      await page.getByRole('combobox', { name: 'Reviews needed' }).selectOption('3');
      await expect(page.getByText('6 reviews of 3 agents.')).toBeVisible();
      await page.getByRole('combobox', { name: 'Belongs to: S. Jansen' }).selectOption('Sanne Jansen');
      await page.getByRole('button', { name: 'Merge S. Jansen into Sanne Jansen' }).click();
      await expect(page.getByText('6 reviews of 2 agents.')).toBeVisible();
      const need = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Sanne Jansen: Showing empathy' }) });
      await expect(need).toBeVisible();

      // Anouk sent only the clip around her moment: it plays in place, from the clip.
      const play = need.getByRole('button', { name: /^Play .* at 0:05\.0 in sanne-anouk-1$/ });
      await play.click();
      const player = page.locator('audio');
      await expect(need.getByRole('button', { name: /^Stop .* at 0:05\.0 in sanne-anouk-1$/ })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await expect(player).toHaveAttribute('data-clip-from-ms', '0');
      await expect(player).toHaveAttribute('data-clip-to-ms', '5000');
      await expect.poll(() => player.evaluate((media: HTMLAudioElement) => media.currentTime)).toBeGreaterThan(0);
      await page.screenshot({ path: join(screens, 'team-packages-en-light.png') });

      await page.getByRole('combobox', { name: 'Coaching sheet for' }).selectOption('Sanne Jansen');
      const sheet = await download(page, () => page.getByRole('button', { name: 'Coaching sheet (PDF)' }).click());
      const text = pdfText(readFileSync(sheet));
      expect(text).toContain('Sanne Jansen');
      expect(text).toContain('Needs');

      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('radio', { name: 'Dark' }).check();
      await page.getByRole('navigation').getByRole('button', { name: 'Team' }).click();
      await page.getByRole('heading', { name: 'Reviews from the team' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screens, 'team-packages-en-dark.png') });
    } finally {
      await anouk.app.stop();
      await bram.app.stop();
    }
  });
});

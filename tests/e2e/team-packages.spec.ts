import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { pcm16WavHeader } from '../../src/domain/audio/silence';
import { defaultRubric } from '../../src/domain/rubric/default-rubric';
import { rubricItems } from '../../src/domain/rubric/model';
import { makeDataDir, startBrowserMode, type BrowserModeApp } from '../support/browser-mode';
import { pdfText } from '../unit/pdf-text';
import { expect, test } from './fixtures';
import { answerByKeyboard, invokeBackend, openReview, waveformX } from './workspace-helpers';

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

const weakNote = 'Geen erkenning van de klacht';

/** Every item at its best, or empathy (section 2) at its worst: the answer as the review screen saves it, and its key. */
function routineAnswers(weak: boolean) {
  return rubricItems(defaultRubric).map(({ section, item }) => {
    const low = weak && section.id === '2';
    const top = item.scale.kind === 'ordinal' ? item.scale.levels.length - 1 : 1;
    const answer =
      item.scale.kind === 'ordinal' ? { kind: 'level', value: low ? 0 : top } : { kind: low ? 'no' : 'yes' };
    return { itemId: item.id, answer, key: low ? '0' : String(top) };
  });
}

/** A strong routine review (every item at its best) through the backend, as the review screen saves it. */
async function scoreStrongCall(request: APIRequestContext, app: BrowserModeApp, callId: string) {
  const { review } = await invokeBackend<{ review: { id: string } }>(request, app, 'reviews.open', { callId });
  for (const { itemId, answer } of routineAnswers(false))
    await invokeBackend(request, app, 'reviews.setAnswer', { reviewId: review.id, itemId, answer });
  await invokeBackend(request, app, 'reviews.submit', { reviewId: review.id });
}

/**
 * A weak routine review as the reviewer makes it on screen: the agent named in the call's details; a missed empathy
 * opportunity dragged on the waveform, set to exactly 5–6 s, linked to the empathy items, with a note; empathy
 * (section 2) at its worst and everything else at its best by keyboard; submitted.
 */
async function scoreWeakCallOnScreen(page: Page, title: string, agent: string, firstTimeName?: string) {
  await page.getByRole('navigation').getByRole('button', { name: 'Gesprekken' }).click();
  await openReview(page, title, firstTimeName);
  await page.getByRole('button', { name: 'Gegevens bewerken' }).click();
  const details = page.getByRole('dialog', { name: 'Gegevens van het gesprek' });
  await details.getByLabel('Medewerker').fill(agent);
  await details.getByRole('button', { name: 'Opslaan' }).click();
  await expect(details).toBeHidden();
  await expect(page.locator('.call-heading')).toContainText(agent);

  await page.getByLabel('Nieuwe momenten').selectOption('missed-empathy-opportunity');
  const { x, y } = await waveformX(page, 10);
  await page.mouse.move(x(5), y);
  await page.mouse.down();
  await page.mouse.move(x(6), y, { steps: 10 });
  await page.mouse.up();
  const moments = page.getByTestId('moment-list').locator('.moment-row:not(.ghost-row)');
  await expect(moments).toHaveCount(1);
  const editor = page.getByRole('group', { name: 'Moment bewerken' });
  await expect(editor.getByLabel('Soort')).toHaveValue('missed-empathy-opportunity');
  await expect(editor.getByLabel('Spreker')).toHaveValue('agent');
  await expect(editor.getByLabel('Richting')).toHaveValue('gap');
  // The drag is as precise as a pixel: the exact edges are typed, as a reviewer does for evidence.
  await editor.getByLabel('Begin (s)').fill('5');
  await expect(editor.getByLabel('Begin (s)')).toHaveValue('5.0');
  await editor.getByLabel('Einde (s)').fill('6');
  await expect(editor.getByLabel('Einde (s)')).toHaveValue('6.0');
  const linked = editor.getByRole('group', { name: 'Bewijs voor criteria' });
  for (const { item } of rubricItems(defaultRubric))
    await linked.getByRole('checkbox', { name: item.id, exact: true }).setChecked(empathyItems.includes(item.id));
  await editor.getByRole('textbox', { name: 'Notitie' }).fill(weakNote);
  await expect(moments).toContainText(empathyItems.join(', '));

  await answerByKeyboard(
    page,
    routineAnswers(true).map(({ itemId, key }) => [itemId, key] as const),
  );
  // Every item answered and each low score backed by the moment: nothing blocks submitting.
  await expect(page.locator('.submit-blockers')).toBeEmpty();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  // Empathy (weight 25 of 100) scores nothing; every other section in full.
  await expect(page.getByTestId('review-total')).toHaveText('75,0');
  await page.locator(`[data-item-id="${empathyItems[0]}"]`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screens, `team-review-${title}-nl-light.png`) });
  const submit = page.getByRole('button', { name: 'Indienen' });
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(page.getByTestId('review-status')).toHaveText('Ingediend');
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
  const calls = await invokeBackend<{ id: string; title: string }[]>(request, app, 'calls.list', {});
  const sanne = calls.filter((call) => call.title.startsWith('sanne')).sort((a, b) => a.title.localeCompare(b.title));
  // Sanne's calls are reviewed on screen, the first asking for the reviewer's name.
  for (const [index, call] of sanne.entries())
    await scoreWeakCallOnScreen(page, call.title, who.spelling, index === 0 ? `${who.name} (laptop)` : undefined);
  // The strong call goes through the backend, as the review screen saves it: on screen, one more whole review per
  // laptop would add a minute on a busy machine and check nothing the weak ones do not.
  for (const call of calls.filter((other) => !sanne.includes(other))) {
    await invokeBackend(request, app, 'calls.update', { callId: call.id, changes: { agentName: 'Piet de Boer' } });
    await scoreStrongCall(request, app, call.id);
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
  // Four reviews made on screen on two laptops, then the lead's imports and reports: minutes on a busy machine.
  test.setTimeout(360_000);

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

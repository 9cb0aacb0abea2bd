import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makeDataDir } from '../support/browser-mode';
import { generateAssistCall } from './assist-call';
import { expect, test } from './fixtures';

const screens = join(__dirname, '../../test-results/screens');

/** Presses a key in the player, where the review's keys are handled. */
async function pressInPlayer(page: Page, key: string) {
  await page.getByRole('slider', { name: 'Golfvorm' }).focus();
  await page.keyboard.press(key);
}

test('the call marks its own evidence: the signals lane and metrics, suggestions accepted and dismissed without scoring', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  const call = generateAssistCall(makeDataDir());
  await page.setViewportSize({ width: 1500, height: 950 });
  await page.goto(app.url);
  await page.getByTestId('import-input').setInputFiles([call.audioPath, call.transcriptPath]);
  const summary = page.getByRole('alert', { name: 'Samenvatting import' });
  await expect(summary).toContainText('1 gesprek toegevoegd', { timeout: 30_000 });
  await summary.getByRole('button', { name: 'Sluiten' }).click();
  await page.getByRole('button', { name: 'assist-gesprek' }).click();

  // The header's metrics: the agent talks a bit more than half, overtalk once for about a second, 4.5 s of silence.
  const metrics = page.getByTestId('call-metrics');
  await expect(metrics.locator('[data-metric="talk-ratio"] dd')).toHaveText(/^5\d\s?%$/);
  await expect(metrics.locator('[data-metric="overtalk"] dd')).toHaveText(/^1× · 1,\d s$/);
  await expect(metrics.locator('[data-metric="longest-silence"] dd')).toHaveText(/^4,[4-6] s$/);
  await expect(metrics.locator('[data-metric="acknowledgement"] dd')).toHaveText(/^0,\d s$/);

  // The lane under the waveform: the overtalk the agent started and the silence, each where the generator put it.
  const lane = page.getByTestId('signals-lane');
  await expect(lane.getByTestId('signal-overtalk')).toHaveCount(1);
  await expect(lane.getByTestId('signal-silence')).toHaveCount(1);
  await expect(lane.getByTestId('signal-overtalk')).toHaveClass(/signal-by-agent/);
  const near = (value: string | null, sec: number) => Math.abs(Number(value) - sec * 1000) <= 150;
  expect(near(await lane.getByTestId('signal-overtalk').getAttribute('data-start-ms'), call.overtalk.startSec)).toBe(
    true,
  );
  expect(near(await lane.getByTestId('signal-silence').getAttribute('data-start-ms'), call.silence.startSec)).toBe(
    true,
  );

  // A review: the suggestions are ghosts in the moments list and on the waveform, none of them a moment yet.
  await page.getByRole('button', { name: 'Beoordelen' }).click();
  await page.getByLabel('Je naam').fill('Anouk');
  await page.getByRole('button', { name: 'Beginnen met beoordelen' }).click();
  await expect(page.getByTestId('review-status')).toHaveText('Concept');
  await page.locator('[data-testid="waveform"][data-ready="true"]').waitFor();
  const ghosts = page.getByTestId('ghost-moment-row');
  const moments = page.getByTestId('moment-list');
  const realMoments = moments.locator('.moment-row:not(.ghost-row)');
  await expect(ghosts.first()).toBeVisible();
  const suggested = await ghosts.count();
  expect(suggested).toBeGreaterThanOrEqual(4);
  await expect(page.getByTestId('ghost-moment-wave')).toHaveCount(suggested);
  await expect(realMoments).toHaveCount(0);
  const totalBefore = await page.getByTestId('review-total').textContent();

  // ] goes to the first suggestion (the scripted greeting); X dismisses it and selects the next, the emotion cue.
  await pressInPlayer(page, ']');
  await expect(page.locator('.ghost-row.selected')).toHaveAttribute('data-kind', 'scripted');
  await pressInPlayer(page, 'x');
  await expect(ghosts).toHaveCount(suggested - 1);
  await expect(page.locator('.ghost-row[data-kind="scripted"]')).toHaveCount(0);
  await expect(page.locator('.ghost-row.selected')).toHaveAttribute('data-kind', 'emotion');

  // A accepts the cue: a real moment, prefilled as the customer's frustration.
  await pressInPlayer(page, 'a');
  await expect(realMoments).toHaveCount(1);
  await expect(ghosts).toHaveCount(suggested - 2);
  const editor = page.getByRole('group', { name: 'Moment bewerken' });
  await expect(editor.getByLabel('Soort')).toHaveValue('customer-emotion-cue');
  await expect(editor.getByLabel('Spreker')).toHaveValue('customer');

  // ] on to the acknowledgement; A makes it an empathic response of the agent, linked to its items and to the cue.
  await page.locator('.ghost-row[data-kind="acknowledgement"] .moment-select').click();
  await expect(page.locator('.ghost-row.selected')).toHaveAttribute('data-kind', 'acknowledgement');
  await pressInPlayer(page, '[');
  await expect(page.locator('.ghost-row.selected')).toHaveAttribute('data-kind', 'interruption');
  await pressInPlayer(page, ']');
  await expect(page.locator('.ghost-row.selected')).toHaveAttribute('data-kind', 'acknowledgement');
  await pressInPlayer(page, 'a');
  await expect(realMoments).toHaveCount(2);
  await expect(ghosts).toHaveCount(suggested - 3);
  await expect(editor.getByLabel('Soort')).toHaveValue('empathic-response');
  await expect(editor.getByLabel('Spreker')).toHaveValue('agent');
  await expect(editor.getByRole('checkbox', { name: '3.4' })).toBeChecked();
  await expect(editor.getByRole('checkbox', { name: '1.2' })).toBeChecked();
  await expect(editor.getByLabel('Reageert op signaal')).not.toHaveValue('');
  await expect(editor.getByRole('textbox', { name: 'Notitie' })).toHaveValue('“Ik begrijp het,”');
  await expect(moments.getByTestId('moment-from-suggestion')).toHaveCount(2);
  await page.screenshot({ path: join(screens, 'assist-review-nl.png') });

  // The history says which moments came from suggestions, and what was dismissed.
  await page.locator('.audit-trail > summary').click();
  const history = page.getByTestId('audit-trail');
  await expect(history.locator('[data-action="suggestion-accepted"]')).toHaveCount(2);
  await expect(history.locator('[data-action="suggestion-dismissed"]')).toHaveCount(1);
  await expect(history.locator('[data-action="suggestion-accepted"]').last()).toContainText('Suggestie overgenomen');
  await expect(history.locator('[data-action="suggestion-accepted"]').last()).toContainText('Erkenning op 0:06.6');

  // Nothing was scored by the suggestions: no answer given, the total as it was.
  await expect(page.locator('[data-item-id] [aria-checked="true"]')).toHaveCount(0);
  await expect(page.getByTestId('review-total')).toHaveText(totalBefore ?? '');

  // Decisions are kept: after a reload the decided suggestions stay gone and the moments stay marked.
  await page.reload();
  await page.getByRole('button', { name: 'assist-gesprek' }).click();
  await page.getByRole('button', { name: 'Beoordelen' }).click();
  await page.locator('[data-testid="waveform"][data-ready="true"]').waitFor();
  await expect(realMoments).toHaveCount(2);
  await expect(ghosts).toHaveCount(suggested - 3);
  await expect(moments.getByTestId('moment-from-suggestion')).toHaveCount(2);

  // A click on a ghost in the waveform selects its suggestion; a drag over one marks the reviewer's own moment.
  const ghostWave = page.getByTestId('ghost-moment-wave').last();
  const box = (await ghostWave.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator('.ghost-row.selected')).toHaveAttribute(
    'data-suggestion-key',
    (await ghostWave.getAttribute('data-suggestion-key'))!,
  );
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 40, box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect(realMoments).toHaveCount(3);
  await expect(ghosts).toHaveCount(suggested - 3);

  // The score export carries the call's metrics next to the score: as numbers in JSON, as named columns in a CSV.
  await page.getByRole('navigation').getByRole('button', { name: 'Beoordelingen' }).click();
  await expect(page.getByTestId('review-table').locator('tbody tr')).toHaveCount(1);
  await page.getByLabel('Formaat').selectOption('json');
  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Scores exporteren' }).click();
  const exported = JSON.parse(readFileSync((await (await json).path())!, 'utf8')) as {
    reviews: Record<string, number | string | null>[];
  };
  expect(exported.reviews).toHaveLength(1);
  const row = exported.reviews[0]!;
  expect(row.agentTalkRatio).toBeGreaterThanOrEqual(0.5);
  expect(row.agentTalkRatio).toBeLessThan(0.6);
  expect(row.overtalkCount).toBe(1);
  expect(Math.abs(Number(row.longestSilenceSec) - (call.silence.endSec - call.silence.startSec))).toBeLessThanOrEqual(
    0.15,
  );
  expect(row.medianAcknowledgementLatencySec).toBeLessThan(1);
  await page.getByLabel('Formaat').selectOption('csv-rfc4180');
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Scores exporteren' }).click();
  const header = readFileSync((await (await csv).path())!, 'utf8').split(/\r?\n/, 1)[0]!;
  for (const column of ['Spreektijd medewerker (0-1)', 'Aantal keer door elkaar', 'Langste stilte (s)'])
    expect(header).toContain(column);
});

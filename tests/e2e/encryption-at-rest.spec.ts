import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCardCall } from './card-call';
import { expect, test } from './fixtures';
import { makeDataDir, startBrowserMode, startExplainingBrowserMode } from '../support/browser-mode';

const screens = join(__dirname, '../../test-results/screens');

/** What ffmpeg makes of a file: its decoded length in seconds, or null when it cannot read it as audio. */
function ffmpegSeconds(path: string): number | null {
  try {
    const output = execFileSync(
      'ffprobe',
      ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const seconds = Number.parseFloat(output.trim());
    return Number.isFinite(seconds) ? seconds : null;
  } catch {
    return null;
  }
}

test('a recording in the data folder cannot be read without the key; the app plays it and a lost key stops start-up', async ({
  page,
}) => {
  // Three starts of the backend and an import: more than a minute on a busy machine.
  test.setTimeout(180_000);
  const dataDir = makeDataDir();
  const app = await startBrowserMode(dataDir, { removeDataDir: false });
  const { audio, transcript } = makeCardCall();
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(app.url);
    await page.getByTestId('import-input').setInputFiles([audio, transcript]);
    const summary = page.getByRole('alert', { name: /Samenvatting import|Import summary/ });
    await expect(summary).toContainText('1 gesprek toegevoegd', { timeout: 30_000 });
    await summary.getByRole('button', { name: 'Sluiten' }).click();

    // On disk: no WAV header, nothing ffmpeg can read, none of the original bytes in order.
    const [stored] = readdirSync(join(dataDir, 'audio'));
    const onDisk = readFileSync(join(dataDir, 'audio', stored!));
    const original = readFileSync(audio);
    expect(onDisk.subarray(0, 4).toString('latin1')).not.toBe('RIFF');
    expect(onDisk.includes(original.subarray(4096, 4096 + 256))).toBe(false);
    expect(ffmpegSeconds(join(dataDir, 'audio', stored!))).toBeNull();
    expect(ffmpegSeconds(audio)).toBeGreaterThan(1);

    // In the app: the call opens, its waveform is drawn, and the page's audio source is the original recording.
    await page.getByRole('button', { name: 'kaartbetaling' }).click();
    await page.locator('[data-testid="waveform"][data-ready="true"]').waitFor();
    const played = await page.evaluate(async () => {
      const bytes = new Uint8Array(await (await fetch(document.querySelector('audio')!.src)).arrayBuffer());
      return Array.from(bytes);
    });
    expect(Buffer.from(played).equals(original)).toBe(true);

    await page.getByRole('button', { name: 'Instellingen' }).click();
    await expect(page.getByTestId('files-encrypted')).toContainText('Versleuteld (AES-256-GCM)');
    await page.getByTestId('files-encrypted').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screens, 'encryption-settings.png') });
  } finally {
    await app.stop();
  }

  // Another user's config folder holds no key for this data folder: start-up stops and says so; nothing changes.
  const otherKeys = mkdtempSync(join(tmpdir(), 'klankbord-other-keys-'));
  const before = readdirSync(join(dataDir, 'audio'));
  const locked = await startExplainingBrowserMode(dataDir, { KLANKBORD_CONFIG_DIR: otherKeys });
  try {
    await page.goto(locked.url);
    await expect(page.getByRole('heading', { name: 'Klankbord kan niet starten', level: 1 })).toBeVisible();
    await expect(page.getByText(`De gegevensmap ${dataDir} is versleuteld, maar de sleutel ontbreekt`)).toBeVisible();
  } finally {
    await locked.stop();
  }
  expect(readdirSync(join(dataDir, 'audio'))).toEqual(before);
  expect(readdirSync(otherKeys)).toEqual([]);

  // The right key opens it again, with the call still there.
  const again = await startBrowserMode(dataDir);
  try {
    await page.goto(again.url);
    await expect(page.getByRole('button', { name: 'kaartbetaling' })).toBeVisible();
  } finally {
    await again.stop();
  }
});

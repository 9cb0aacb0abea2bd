// open-call and transcript-follow, in Debian's Chromium against browser mode with a real data folder.
// open-call: 60-min stereo 8 kHz call + 10,000-word transcript, from clicking the call to waveform and transcript
// interactive; baseline in the same run: wavesurfer.js loading the same file by URL (decoding it itself).
// transcript-follow: 60 s of playback on a 15,000-word transcript: transcript DOM nodes and
// main-thread long tasks. Prints a JSON object per benchmark; the last line holds both.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/support/chromium';
import { startBrowserMode } from '../tests/support/browser-mode';
import { benchDir, longCallAudio, longTranscript } from './make-long-call';

const root = resolve(__dirname, '..');
const callMs = 3_600_000;
// tsx compiles with keepNames, which wraps named functions inside page.evaluate callbacks in a __name helper the
// page does not have.
const keepNamesShim = 'window.__name = (target) => target;';

function importCall(
  dataDir: string,
  audio: string,
  transcript: string,
  stem: string,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const copiedAudio = join(benchDir, `${stem}.wav`);
  const copiedTranscript = join(benchDir, `${stem}.json`);
  execFileSync('cp', [audio, copiedAudio]);
  execFileSync('cp', [transcript, copiedTranscript]);
  execFileSync(
    join(root, 'node_modules/.bin/tsx'),
    [join(root, 'src/server/cli.ts'), 'import', copiedAudio, copiedTranscript, '--data-dir', dataDir],
    { stdio: 'ignore', env },
  );
}

type BenchBrowser = Awaited<ReturnType<typeof chromium.launch>>;
type BenchPage = Awaited<ReturnType<Awaited<ReturnType<typeof chromium.launch>>['newPage']>>;

/** From the click on the call to the waveform drawn and the first transcript turn on screen; the best of five. */
async function timeOpenCall(page: BenchPage): Promise<number[]> {
  const runs: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    await page.getByRole('button', { name: 'open-call-10k' }).waitFor();
    // Timed inside the page, so the figure holds no test-driver round trips. The audio element loads its metadata
    // (a Range request on the stored recording) while the call opens.
    runs.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolveOpen) => {
            const start = performance.now();
            const done = () =>
              document.querySelector('[data-testid="waveform"][data-ready="true"]') &&
              document.querySelector('.turn') &&
              (document.querySelector('audio')?.readyState ?? 0) >= 1;
            const check = () => {
              if (!done()) return;
              observer.disconnect();
              clearInterval(poll);
              resolveOpen(performance.now() - start);
            };
            const observer = new MutationObserver(check);
            const poll = setInterval(check, 5);
            observer.observe(document.body, { subtree: true, childList: true, attributes: true });
            [...document.querySelectorAll<HTMLButtonElement>('button')]
              .find((button) => button.textContent?.includes('open-call-10k'))!
              .click();
          }),
      ),
    );
    await page.locator('.call-header .button').first().click();
  }
  return runs.map(Math.round);
}

/** A seek: 256 KiB from the middle of the stored recording by Range, as the media element asks; the best of ten. */
async function timeSeek(page: BenchPage, audioId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const times: number[] = [];
    for (let run = 0; run < 10; run += 1) {
      const start = performance.now();
      const offset = 20_000_000 + run * 1_000_003;
      const response = await fetch(`/media/audio/${id}`, { headers: { Range: `bytes=${offset}-${offset + 262_143}` } });
      await response.arrayBuffer();
      times.push(performance.now() - start);
    }
    return Math.round(Math.min(...times) * 10) / 10;
  }, audioId);
}

/** Opening the 60-minute call in a data folder of its own, encrypted or not, in a browser mode of its own. */
async function openCallIn(
  browser: Awaited<ReturnType<typeof chromium.launch>>,
  encrypted: boolean,
  wav: string,
  transcript: string,
): Promise<{ open_ms: number; runs_ms: number[]; seek_range_ms: number }> {
  const env = encrypted ? process.env : { ...process.env, KLANKBORD_ENCRYPTION: 'off' };
  const dataDir = mkdtempSync(join(tmpdir(), `klankbord-bench-${encrypted ? 'sealed' : 'plain'}-`));
  importCall(dataDir, wav, transcript, 'open-call-10k', env);
  const app = await startBrowserMode(dataDir, { env });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(keepNamesShim);
    await page.goto(app.url);
    const runs = await timeOpenCall(page);
    const seek = await timeSeek(page, await audioIdOf(page));
    await page.close();
    return { open_ms: Math.min(...runs), runs_ms: runs, seek_range_ms: seek };
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function audioIdOf(page: BenchPage): Promise<string> {
  return page.evaluate(async () => {
    const invoke = async (method: string, input: unknown) => {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-klankbord-secret': document.querySelector<HTMLMetaElement>('meta[name="klankbord-secret"]')!.content,
        },
        body: JSON.stringify({ method, input }),
      });
      return ((await response.json()) as { value: unknown }).value;
    };
    const list = (await invoke('calls.list', { search: 'open-call-10k' })) as { id: string }[];
    return ((await invoke('calls.get', { callId: list[0]!.id })) as { audio: { id: string } }).audio.id;
  });
}

/**
 * wavesurfer.js given only the URL, twice: the time to its first drawing. Same origin (the media cookie), CSP
 * bypassed to inject the library.
 */
async function timeBaselineDecode(browser: BenchBrowser, url: string, audioId: string): Promise<number[]> {
  const baselineContext = await browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
  const baselinePage = await baselineContext.newPage();
  await baselinePage.addInitScript(keepNamesShim);
  await baselinePage.goto(url);
  await baselinePage.addScriptTag({ path: join(root, 'node_modules/wavesurfer.js/dist/wavesurfer.min.js') });
  const baselineRuns: number[] = [];
  for (let run = 0; run < 2; run += 1) {
    baselineRuns.push(
      await baselinePage.evaluate(
        (id) =>
          new Promise<number>((resolveReady, reject) => {
            const container = document.createElement('div');
            container.style.width = '1200px';
            document.body.prepend(container);
            const start = performance.now();
            const WaveSurfer = (
              window as unknown as {
                WaveSurfer: {
                  create(options: object): {
                    on(event: string, listener: (...args: unknown[]) => void): void;
                    destroy(): void;
                  };
                };
              }
            ).WaveSurfer;
            const surfer = WaveSurfer.create({
              container,
              url: `/media/audio/${id}`,
              splitChannels: [{}, {}],
              height: 56,
            });
            surfer.on('ready', () => {
              const elapsed = performance.now() - start;
              surfer.destroy();
              container.remove();
              resolveReady(elapsed);
            });
            surfer.on('error', (error) => reject(new Error(String(error))));
          }),
        audioId,
      ),
    );
  }
  await baselineContext.close();
  return baselineRuns;
}

/** Plays the 15,000-word call, sampling the transcript's DOM size and recording long tasks. */
async function followTranscript(browser: BenchBrowser, url: string) {
  const follow = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await follow.goto(url);
  await follow.getByRole('button', { name: 'follow-15k' }).click();
  await follow.locator('[data-testid="waveform"][data-ready="true"]').waitFor();
  await follow.evaluate(() => {
    (window as unknown as { longTasks: number[] }).longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        (window as unknown as { longTasks: number[] }).longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await follow.locator('.player').focus();
  await follow.keyboard.press('k');
  let maxNodes = 0;
  const until = Date.now() + Number(process.env.BENCH_FOLLOW_MS ?? 60_000);
  while (Date.now() < until) {
    maxNodes = Math.max(
      maxNodes,
      await follow.evaluate(() => document.querySelector('[data-testid="transcript"]')!.querySelectorAll('*').length),
    );
    await follow.waitForTimeout(250);
  }
  const result = await follow.evaluate(() => ({
    longTasks: (window as unknown as { longTasks: number[] }).longTasks,
    timeMs: document.querySelector('audio')!.currentTime * 1000,
  }));
  return { maxNodes, result };
}

async function main(): Promise<void> {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: root },
  );
  // Data folders are encrypted by default, with a key file in the config folder: the bench uses a temporary one.
  process.env.KLANKBORD_CONFIG_DIR ??= mkdtempSync(join(tmpdir(), 'klankbord-bench-keys-'));
  const { wav } = longCallAudio();
  const transcript10k = longTranscript(10_000, callMs, 'words-10k.json');
  const dataDir = mkdtempSync(join(tmpdir(), 'klankbord-bench-'));
  importCall(dataDir, wav, transcript10k, 'open-call-10k');
  // A different recording (dedup by content hash would refuse the same audio twice).
  const otherWav = join(benchDir, 'call-60min-b.wav');
  execFileSync('sox', [wav, otherWav, 'gain', '-0.5']);
  importCall(dataDir, otherWav, longTranscript(15_000, callMs, 'words-15k.json'), 'follow-15k');
  const app = await startBrowserMode(dataDir);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(keepNamesShim);
    await page.goto(app.url);
    // Timed inside the page, from the click to the waveform drawn, the first transcript turn on screen and the
    // recording's metadata loaded, so the figure holds no test-driver round trips.
    const runs = await timeOpenCall(page);
    const openMs = Math.min(...runs);
    const audioId = await audioIdOf(page);
    await page.close();

    // Baseline: wavesurfer.js given only the URL, as without stored peaks: it fetches and decodes the whole file,
    // then draws from the decoded samples.
    const baselineRuns = await timeBaselineDecode(browser, app.url, audioId);
    const baselineMs = Math.round(Math.min(...baselineRuns));
    const openCall = {
      benchmark: 'open-call',
      open_ms: openMs,
      runs_ms: runs,
      baseline_wavesurfer_decode_ms: baselineMs,
      baseline_runs_ms: baselineRuns.map(Math.round),
      ratio_vs_baseline: Number((baselineMs / openMs).toFixed(1)),
      target: { ratio: 20, max_ms: 500 },
      met: baselineMs / openMs >= 20 && openMs < 500,
    };
    console.log(JSON.stringify(openCall));

    // Encryption at rest: the same call opened from an unencrypted and an encrypted data folder, in this run.
    const unencrypted = await openCallIn(browser, false, wav, transcript10k);
    const encrypted = await openCallIn(browser, true, wav, transcript10k);
    const openEncrypted = {
      benchmark: 'open-call-encrypted',
      unencrypted,
      encrypted,
      open_ratio: Number((encrypted.open_ms / unencrypted.open_ms).toFixed(2)),
      seek_ratio: Number((encrypted.seek_range_ms / unencrypted.seek_range_ms).toFixed(2)),
      target: { open_ratio_max: 1.2 },
      met: encrypted.open_ms <= unencrypted.open_ms * 1.2,
    };
    console.log(JSON.stringify(openEncrypted));

    // transcript-follow (BENCH_FOLLOW_MS shortens it while iterating)
    const { maxNodes, result } = await followTranscript(browser, app.url);
    const transcriptFollow = {
      benchmark: 'transcript-follow',
      played_ms: Math.round(result.timeMs),
      max_transcript_dom_nodes: maxNodes,
      long_tasks_over_50ms: result.longTasks.length,
      longest_task_ms: Math.round(Math.max(0, ...result.longTasks)),
      target: { max_transcript_dom_nodes: 300, long_tasks_over_50ms: 0 },
      met: maxNodes <= 300 && result.longTasks.length === 0,
    };
    console.log(JSON.stringify(transcriptFollow));
    console.log(JSON.stringify({ openCall, openEncrypted, transcriptFollow }));
  } finally {
    await browser.close();
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();

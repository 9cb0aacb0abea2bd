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

function importCall(dataDir: string, audio: string, transcript: string, stem: string): void {
  const copiedAudio = join(benchDir, `${stem}.wav`);
  const copiedTranscript = join(benchDir, `${stem}.json`);
  execFileSync('cp', [audio, copiedAudio]);
  execFileSync('cp', [transcript, copiedTranscript]);
  execFileSync(
    join(root, 'node_modules/.bin/tsx'),
    [join(root, 'src/server/cli.ts'), 'import', copiedAudio, copiedTranscript, '--data-dir', dataDir],
    { stdio: 'ignore' },
  );
}

async function main(): Promise<void> {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: root },
  );
  const { wav } = longCallAudio();
  const dataDir = mkdtempSync(join(tmpdir(), 'klankbord-bench-'));
  importCall(dataDir, wav, longTranscript(10_000, callMs, 'words-10k.json'), 'open-call-10k');
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
    const runs: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      await page.getByRole('button', { name: 'open-call-10k' }).waitFor();
      // Timed inside the page, from the click to the waveform drawn and the first transcript turn on screen, so
      // the figure holds no test-driver round trips.
      runs.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolveOpen) => {
              const start = performance.now();
              const done = () =>
                document.querySelector('[data-testid="waveform"][data-ready="true"]') &&
                document.querySelector('.turn');
              const observer = new MutationObserver(() => {
                if (!done()) return;
                observer.disconnect();
                resolveOpen(performance.now() - start);
              });
              observer.observe(document.body, { subtree: true, childList: true, attributes: true });
              [...document.querySelectorAll<HTMLButtonElement>('button')]
                .find((button) => button.textContent?.includes('open-call-10k'))!
                .click();
            }),
        ),
      );
      await page.locator('.call-header .button').first().click();
    }
    const openMs = Math.round(Math.min(...runs));
    const audioId = await page.evaluate(async () => {
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
    await page.close();

    // Baseline: wavesurfer.js given only the URL, as without stored peaks: it fetches and decodes the whole file,
    // then draws from the decoded samples. Same origin (the media cookie), CSP bypassed to inject the library.
    const baselineContext = await browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
    const baselinePage = await baselineContext.newPage();
    await baselinePage.addInitScript(keepNamesShim);
    await baselinePage.goto(app.url);
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
    const baselineMs = Math.round(Math.min(...baselineRuns));
    const openCall = {
      benchmark: 'open-call',
      open_ms: openMs,
      runs_ms: runs.map(Math.round),
      baseline_wavesurfer_decode_ms: baselineMs,
      baseline_runs_ms: baselineRuns.map(Math.round),
      ratio_vs_baseline: Number((baselineMs / openMs).toFixed(1)),
      target: { ratio: 20, max_ms: 500 },
      met: baselineMs / openMs >= 20 && openMs < 500,
    };
    console.log(JSON.stringify(openCall));

    // transcript-follow (BENCH_FOLLOW_MS shortens it while iterating)
    const follow = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await follow.goto(app.url);
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
    console.log(JSON.stringify({ openCall, transcriptFollow }));
  } finally {
    await browser.close();
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();

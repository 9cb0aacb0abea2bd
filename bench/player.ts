// open-call and transcript-follow, in Debian's Chromium against browser mode with a real data folder.
// open-call: 60-min stereo 8 kHz call + 10,000-word transcript, from clicking the call to waveform and transcript
// interactive; baseline in the same run: fetching and decoding the same file in the page (what wavesurfer does
// when it has no peaks). transcript-follow: 60 s of playback on a 15,000-word transcript: transcript DOM nodes and
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

function importCall(dataDir: string, audio: string, transcript: string, stem: string): void {
  const copiedAudio = join(benchDir, `${stem}.wav`);
  const copiedTranscript = join(benchDir, `${stem}.json`);
  execFileSync('cp', [audio, copiedAudio]);
  execFileSync('cp', [transcript, copiedTranscript]);
  execFileSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/server/cli.ts'), 'import', copiedAudio, copiedTranscript, '--data-dir', dataDir], { stdio: 'ignore' });
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], { cwd: root });
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
    await page.goto(app.url);
    const runs: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      await page.getByRole('button', { name: 'open-call-10k' }).waitFor();
      const start = Date.now();
      await page.getByRole('button', { name: 'open-call-10k' }).click();
      await page.locator('[data-testid="waveform"][data-ready="true"]').waitFor();
      await page.locator('.turn').first().waitFor();
      runs.push(Date.now() - start);
      await page.locator('.call-header .button').first().click();
    }
    const openMs = Math.min(...runs);
    const audioId = await page.evaluate(async () => {
      const response = await fetch('/api/invoke', { method: 'POST', headers: { 'content-type': 'application/json', 'x-klankbord-secret': document.querySelector<HTMLMetaElement>('meta[name="klankbord-secret"]')!.content }, body: JSON.stringify({ method: 'calls.list', input: {} }) });
      const list = (await response.json()) as { value: { id: string }[] };
      const detail = await fetch('/api/invoke', { method: 'POST', headers: { 'content-type': 'application/json', 'x-klankbord-secret': document.querySelector<HTMLMetaElement>('meta[name="klankbord-secret"]')!.content }, body: JSON.stringify({ method: 'calls.get', input: { callId: list.value[0]!.id } }) });
      return ((await detail.json()) as { value: { audio: { id: string } } }).value.audio.id;
    });
    const baselineMs = await page.evaluate(async (id) => {
      const start = performance.now();
      const bytes = await (await fetch(`/media/audio/${id}`)).arrayBuffer();
      const context = new AudioContext({ sampleRate: 8000 });
      const buffer = await context.decodeAudioData(bytes);
      // wavesurfer then reduces each channel to peaks; include one pass over the samples.
      let max = 0;
      for (let channel = 0; channel < buffer.numberOfChannels; channel += 1) {
        const data = buffer.getChannelData(channel);
        for (let i = 0; i < data.length; i += 1) if (data[i]! > max) max = data[i]!;
      }
      await context.close();
      return performance.now() - start + max * 0;
    }, audioId);
    const openCall = { benchmark: 'open-call', open_ms: openMs, runs_ms: runs, baseline_decode_ms: Math.round(baselineMs), ratio_vs_baseline: Number((baselineMs / openMs).toFixed(1)) };
    console.log(JSON.stringify(openCall));
    await page.close();

    // transcript-follow
    const follow = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await follow.goto(app.url);
    await follow.getByRole('button', { name: 'follow-15k' }).click();
    await follow.locator('[data-testid="waveform"][data-ready="true"]').waitFor();
    await follow.evaluate(() => {
      (window as unknown as { longTasks: number[] }).longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) (window as unknown as { longTasks: number[] }).longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    await follow.locator('.player').focus();
    await follow.keyboard.press('k');
    let maxNodes = 0;
    const until = Date.now() + 60_000;
    while (Date.now() < until) {
      maxNodes = Math.max(maxNodes, await follow.evaluate(() => document.querySelector('[data-testid="transcript"]')!.querySelectorAll('*').length));
      await follow.waitForTimeout(250);
    }
    const result = await follow.evaluate(() => ({ longTasks: (window as unknown as { longTasks: number[] }).longTasks, timeMs: document.querySelector('audio')!.currentTime * 1000 }));
    const transcriptFollow = {
      benchmark: 'transcript-follow',
      played_ms: Math.round(result.timeMs),
      max_transcript_dom_nodes: maxNodes,
      long_tasks_over_50ms: result.longTasks.length,
      longest_task_ms: Math.round(Math.max(0, ...result.longTasks)),
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

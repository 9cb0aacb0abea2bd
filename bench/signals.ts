// bench:signals: the signals engine measured on a generated corpus (bench/signals-corpus.ts): overtalk and silence
// precision/recall per SNR (a detected interval matches a true one when both edges are within 150 ms), speech-rate
// error, the time to compute a 60-minute stereo call's signals next to ffmpeg decoding the same file, and hint
// precision/recall per kind on the labelled utterances. Prints one JSON object.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readWavHeader } from '../src/domain/audio/wav';
import { computeSignals } from '../src/domain/signals/compute-signals';
import { decodeFrameEnergies } from '../src/server/audio/decode-frame-energies';
import { corpusToolsAvailable, writeWav } from './signals-audio';
import { heldOutHintsFile, measureHints } from './signals-hints';
import { makeCorpus, measureIntervals } from './signals-intervals';

const longCallSeconds = 3600;

function readChannels(path: string): Float32Array[] {
  const bytes = readFileSync(path);
  const header = readWavHeader(bytes, bytes.length);
  if (!header.ok) throw new Error(path);
  const { dataOffset, dataBytes, channels } = header.info;
  const view = new DataView(bytes.buffer, bytes.byteOffset + dataOffset, dataBytes);
  const frames = dataBytes / 2 / channels;
  return Array.from({ length: channels }, (_, channel) =>
    Float32Array.from({ length: frames }, (_, frame) => view.getInt16((frame * channels + channel) * 2, true) / 32768),
  );
}

/** A 60-minute stereo call: the corpus calls one after another, repeated. */
function makeLongCall(paths: readonly string[], target: string): void {
  const calls = paths.map(readChannels);
  const frames = longCallSeconds * 8000;
  const out = [new Float32Array(frames), new Float32Array(frames)];
  let at = 0;
  for (let index = 0; at < frames; index += 1) {
    const call = calls[index % calls.length]!;
    const length = Math.min(call[0]!.length, frames - at);
    out[0]!.set(call[0]!.subarray(0, length), at);
    out[1]!.set(call[1]!.subarray(0, length), at);
    at += length;
  }
  writeWav(target, out);
}

async function bestOf<T>(runs: number, work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  let best = Infinity;
  let value: T | undefined;
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    value = await work();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: Math.round(best), value: value! };
}

async function timeLongCall(dir: string, sources: readonly string[]) {
  const path = join(dir, 'long-call.wav');
  makeLongCall(sources, path);
  const decoded = await bestOf(3, () => decodeFrameEnergies(path));
  if (!decoded.value.ok) throw new Error(decoded.value.detail);
  const energies = decoded.value.value;
  const signals = await bestOf(3, () =>
    computeSignals({ durationMs: energies.durationMs, energies, agentChannel: 0, transcript: null, lexicons: [] }),
  );
  const ffmpeg = await bestOf(3, () =>
    execFileSync('ffmpeg', ['-v', 'error', '-nostdin', '-i', path, '-f', 's16le', '-ar', '8000', '-y', '/dev/null']),
  );
  return {
    audioSeconds: longCallSeconds,
    format: 'WAV, 16-bit PCM, stereo, 8 kHz',
    signalsFromFrameEnergiesMs: signals.ms,
    decodeToFrameEnergiesMs: decoded.ms,
    totalFromFileMs: signals.ms + decoded.ms,
    ffmpegDecodeMs: ffmpeg.ms,
    speechIntervals: signals.value.speech.length,
    overtalk: signals.value.overtalk.length,
    silences: signals.value.silences.length,
  };
}

async function main(): Promise<void> {
  if (!corpusToolsAvailable()) {
    console.error('bench:signals needs espeak-ng and sox (apt-get install espeak-ng sox)');
    process.exit(1);
  }
  const dir = mkdtempSync(join(tmpdir(), 'klankbord-signals-bench-'));
  try {
    const calls = Number(process.env.SIGNALS_BENCH_CALLS ?? 6);
    const corpus = makeCorpus(dir, calls, [20, 10]);
    const intervals = await measureIntervals(corpus);
    const longCall = await timeLongCall(
      dir,
      corpus.filter((call) => call.snrDb === 20).map((call) => call.audioPath),
    );
    // The lexicons were tuned on the first set; the held-out set was written afterwards and never tuned on.
    const hints = { tuningSet: measureHints(), heldOut: measureHints(heldOutHintsFile) };
    const result = {
      corpus: {
        calls: corpus.length,
        perSnr: calls,
        audioMinutes: Math.round(corpus.reduce((sum, call) => sum + call.durationMs, 0) / 600) / 100,
      },
      ...intervals,
      longCall,
      hints,
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();

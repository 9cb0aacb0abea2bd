// import-peaks: import throughput in multiples of real time for a 60-minute call. The MP3 goes through the built-in
// WebAssembly decoder (what an import does, no ffmpeg needed), next to ffmpeg's own decode of the same file to raw
// PCM in the same run, and next to the ffmpeg import path (decode at 8 kHz + peaks) that is used for formats without
// a built-in decoder. WAV is read natively, also against ffmpeg. Prints a JSON object on its last line.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { analyzeAudio, type AudioAnalysisResult } from '../src/server/audio/analyze-audio';
import { analyzeWithFfmpeg } from '../src/server/audio/ffmpeg';
import { longCallAudio } from './make-long-call';

const audioSeconds = 3600;
const mib = 1024 * 1024;

async function timeIt<T>(run: () => Promise<T> | T, repeats = 3): Promise<{ ms: number; value: T }> {
  let best = Infinity;
  let value: T | undefined;
  for (let i = 0; i < repeats; i += 1) {
    const start = performance.now();
    value = await run();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, value: value! };
}

function analysed(result: AudioAnalysisResult) {
  if (!result.ok) throw new Error(`${result.problem}: ${result.detail}`);
  return result.value;
}

/** Mean absolute difference of two Int16 peak arrays, as a fraction of full scale. */
function peakDifference(a: Int16Array, b: Int16Array): number {
  const length = Math.min(a.length, b.length);
  let total = 0;
  for (let index = 0; index < length; index += 1) total += Math.abs(a[index]! - b[index]!);
  return total / length / 32767;
}

const xRealtime = (ms: number) => Math.round((audioSeconds * 1000) / ms);

async function main(): Promise<void> {
  const { wav, mp3 } = longCallAudio();
  const ffmpegToPcm = (file: string) => () =>
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-nostdin',
      '-i',
      file,
      '-f',
      's16le',
      '-acodec',
      'pcm_s16le',
      '-y',
      '/dev/null',
    ]);
  // The WebAssembly MP3 import first, so the process's peak RSS at that point is its own.
  const rssBefore = process.memoryUsage().rss;
  const mp3Wasm = await timeIt(async () => analysed(await analyzeAudio(mp3)), 1);
  const maxRssAfterWasm = process.resourceUsage().maxRSS * 1024;
  const mp3Ffmpeg = await timeIt(ffmpegToPcm(mp3), 1);
  const mp3FfmpegImport = await timeIt(async () => analysed(await analyzeWithFfmpeg(mp3, 'mp3', null)), 1);
  const wavNative = await timeIt(async () => analysed(await analyzeAudio(wav)));
  const wavFfmpeg = await timeIt(ffmpegToPcm(wav));
  const figures = {
    benchmark: 'import-peaks',
    audio_seconds: audioSeconds,
    mp3_format: `${mp3Wasm.value.sampleRateHz} Hz, ${mp3Wasm.value.channels} channels`,
    mp3_wasm_ms: Math.round(mp3Wasm.ms),
    mp3_wasm_x_realtime: xRealtime(mp3Wasm.ms),
    mp3_ffmpeg_decode_ms: Math.round(mp3Ffmpeg.ms),
    mp3_ffmpeg_decode_x_realtime: xRealtime(mp3Ffmpeg.ms),
    mp3_wasm_vs_ffmpeg_decode: Number((mp3Ffmpeg.ms / mp3Wasm.ms).toFixed(2)),
    mp3_ffmpeg_import_ms: Math.round(mp3FfmpegImport.ms),
    mp3_wasm_duration_ms: mp3Wasm.value.durationMs,
    mp3_ffmpeg_duration_ms: mp3FfmpegImport.value.durationMs,
    mp3_peak_difference_vs_ffmpeg: Number(
      peakDifference(mp3Wasm.value.peaks[0]!, mp3FfmpegImport.value.peaks[0]!).toFixed(6),
    ),
    mp3_wasm_rss_before_mb: Math.round(rssBefore / mib),
    mp3_wasm_max_rss_mb: Math.round(maxRssAfterWasm / mib),
    wav_ms: Math.round(wavNative.ms),
    wav_x_realtime: xRealtime(wavNative.ms),
    wav_ffmpeg_ms: Math.round(wavFfmpeg.ms),
    wav_ffmpeg_x_realtime: xRealtime(wavFfmpeg.ms),
    wav_ratio_vs_ffmpeg: Number((wavFfmpeg.ms / wavNative.ms).toFixed(2)),
  };
  console.log(JSON.stringify(figures));
}

void main();

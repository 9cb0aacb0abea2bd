// import-peaks: import throughput in multiples of real time (60-minute WAV and MP3), against ffmpeg decoding the
// same file to raw PCM in the same run. Prints a JSON object on its last line.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { analyzeAudio } from '../src/server/audio/analyze-audio';
import { longCallAudio } from './make-long-call';

const audioSeconds = 3600;

async function timeIt(run: () => Promise<unknown> | unknown, repeats = 3): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < repeats; i += 1) {
    const start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

async function main(): Promise<void> {
  const { wav, mp3 } = longCallAudio();
  const ffmpegToPcm = (file: string) => () => execFileSync('ffmpeg', ['-v', 'error', '-nostdin', '-i', file, '-f', 's16le', '-acodec', 'pcm_s16le', '-y', '/dev/null']);
  const wavMs = await timeIt(async () => {
    const result = await analyzeAudio(wav);
    if (!result.ok) throw new Error(result.detail);
  });
  const wavFfmpegMs = await timeIt(ffmpegToPcm(wav));
  const mp3Ms = await timeIt(async () => {
    const result = await analyzeAudio(mp3);
    if (!result.ok) throw new Error(result.detail);
  }, 1);
  const mp3FfmpegMs = await timeIt(ffmpegToPcm(mp3), 1);
  const figures = {
    benchmark: 'import-peaks',
    audio_seconds: audioSeconds,
    wav_ms: Math.round(wavMs),
    wav_x_realtime: Math.round((audioSeconds * 1000) / wavMs),
    wav_ffmpeg_ms: Math.round(wavFfmpegMs),
    wav_ffmpeg_x_realtime: Math.round((audioSeconds * 1000) / wavFfmpegMs),
    wav_ratio_vs_ffmpeg: Number((wavFfmpegMs / wavMs).toFixed(2)),
    mp3_ms: Math.round(mp3Ms),
    mp3_x_realtime: Math.round((audioSeconds * 1000) / mp3Ms),
    mp3_ffmpeg_ms: Math.round(mp3FfmpegMs),
    mp3_ratio_vs_ffmpeg: Number((mp3FfmpegMs / mp3Ms).toFixed(2)),
  };
  console.log(JSON.stringify(figures));
}

void main();

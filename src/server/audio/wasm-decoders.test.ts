import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/unit/temp-dir';
import { PeakAccumulator } from '../../domain/audio/peaks';
import { analyzeAudio } from './analyze-audio';

const tempDir = useTempDirs();

/** A 12-second stereo recording whose loudness rises and falls (left louder than right), encoded by ffmpeg. */
function encodedRecordings(folder: string): Record<'mp3' | 'flac' | 'vorbis' | 'opus', string> {
  const wav = join(folder, 'bron.wav');
  execFileSync('sox', [
    '-n',
    '-r',
    '44100',
    '-c',
    '2',
    '-b',
    '16',
    wav,
    'synth',
    '12',
    'sine',
    '220',
    'sine',
    '330',
    'tremolo',
    '0.5',
    '90',
    'remix',
    '1v0.8',
    '2v0.4',
  ]);
  const encode = (name: string, args: string[]) => {
    execFileSync('ffmpeg', ['-v', 'error', '-nostdin', '-y', '-i', wav, ...args, join(folder, name)]);
    return join(folder, name);
  };
  return {
    mp3: encode('gesprek.mp3', ['-c:a', 'libmp3lame', '-b:a', '64k']),
    flac: encode('gesprek.flac', ['-c:a', 'flac']),
    vorbis: encode('gesprek.ogg', ['-c:a', 'libvorbis', '-q:a', '3']),
    opus: encode('gesprek.opus', ['-c:a', 'libopus', '-b:a', '32k']),
  };
}

/** The same file decoded by ffmpeg at its own rate, through the same peak code: the reference. */
function ffmpegPeaks(path: string, sampleRateHz: number) {
  const pcm = execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-nostdin',
      '-i',
      path,
      '-f',
      's16le',
      '-acodec',
      'pcm_s16le',
      '-ac',
      '2',
      '-ar',
      String(sampleRateHz),
      'pipe:1',
    ],
    { maxBuffer: 64 * 1024 ** 2 },
  );
  const accumulator = new PeakAccumulator({ encoding: 'pcm', bitsPerSample: 16, channels: 2, sampleRateHz });
  accumulator.push(pcm);
  return accumulator.finish();
}

/** Mean absolute difference of two peak arrays as a fraction of full scale, over the pairs both have. */
function meanDifference(a: Int16Array, b: Int16Array): number {
  const length = Math.min(a.length, b.length);
  let total = 0;
  for (let index = 0; index < length; index += 1) total += Math.abs(a[index]! - b[index]!);
  return total / length / 32767;
}

describe('built-in WebAssembly decoders', { timeout: 120_000 }, () => {
  it.each(['mp3', 'flac', 'vorbis', 'opus'] as const)(
    '%s: duration and peaks match ffmpeg decoding the same file',
    async (codec) => {
      const path = encodedRecordings(tempDir())[codec];
      const result = await analyzeAudio(path);
      if (!result.ok) throw new Error(`${result.problem}: ${result.detail}`);
      const analysis = result.value;
      expect(analysis).toMatchObject({ codec, channels: 2 });
      const reference = ffmpegPeaks(path, analysis.sampleRateHz);
      // Encoder delay and padding are trimmed slightly differently (LAME tag, Opus pre-skip): a few ms either way.
      expect(Math.abs(analysis.durationMs - reference.durationMs)).toBeLessThanOrEqual(30);
      expect(Math.abs(analysis.durationMs - 12_000)).toBeLessThanOrEqual(60);
      for (const channel of [0, 1]) {
        expect(analysis.peaks[channel]!.length).toBeGreaterThanOrEqual(reference.channels[channel]!.length - 4);
        expect(meanDifference(analysis.peaks[channel]!, reference.channels[channel]!)).toBeLessThan(0.02);
      }
      // Not silence, and the channels kept apart: left was mixed at 0.8, right at 0.4.
      const loudest = (peaks: Int16Array) => peaks.reduce((max, value) => Math.max(max, value), 0) / 32767;
      expect(loudest(analysis.peaks[0]!)).toBeGreaterThan(0.5);
      expect(loudest(analysis.peaks[1]!)).toBeLessThan(loudest(analysis.peaks[0]!) * 0.7);
    },
  );

  it('reads a mono MP3 as one channel (the decoder hands out two)', async () => {
    const folder = tempDir();
    const path = join(folder, 'mono.mp3');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-nostdin',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=3',
      '-ac',
      '1',
      '-c:a',
      'libmp3lame',
      path,
    ]);
    const result = await analyzeAudio(path);
    expect(result.ok && { channels: result.value.channels, peaks: result.value.peaks.length }).toEqual({
      channels: 1,
      peaks: 1,
    });
  });

  it('refuses a damaged MP3 with a clear reason', async () => {
    const folder = tempDir();
    const good = encodedRecordings(folder).mp3;
    const damaged = new Uint8Array(readFileSync(good));
    // Keep the first frame header; everything after it becomes noise.
    let state = 7;
    for (let index = 2000; index < damaged.length; index += 1)
      damaged[index] = (state = (state * 1103515245 + 12345) >>> 0) >>> 24;
    const path = join(folder, 'kapot.mp3');
    writeFileSync(path, damaged);
    const result = await analyzeAudio(path);
    expect(result).toMatchObject({ ok: false, problem: 'audio_undecodable' });
    expect(!result.ok && result.detail).toMatch(/^damaged MP3 data: /);
  });

  it('does not trust a forged length in the header: FLAC claiming 2^36 frames still reads its 12 seconds', async () => {
    const folder = tempDir();
    const forged = new Uint8Array(readFileSync(encodedRecordings(folder).flac));
    // STREAMINFO's 36-bit total-samples field (bytes 21-25) set to its largest value.
    forged[21] = forged[21]! | 0x0f;
    forged.fill(0xff, 22, 26);
    const path = join(folder, 'gelogen.flac');
    writeFileSync(path, forged);
    const result = await analyzeAudio(path);
    if (!result.ok) throw new Error(`${result.problem}: ${result.detail}`);
    expect(Math.abs(result.value.durationMs - 12_000)).toBeLessThanOrEqual(30);
    expect(result.value.peaks[0]!.length).toBe(
      Math.ceil((result.value.durationMs / 1000) * result.value.pairsPerSecond) * 2,
    );
  });
});

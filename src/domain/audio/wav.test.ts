import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxOf, minOf } from '../extremes';
import { PeakAccumulator, packPeaks, peakPairsPerSecond, unpackPeaks } from './peaks';
import { readWavHeader } from './wav';

// Real files written by sox and ffmpeg (tests/fixtures/audio): a 440 Hz tone at half amplitude, 0.5 s.
const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../../../tests/fixtures/audio', name)));

function peaksOf(name: string, chunkBytes = 777) {
  const bytes = fixture(name);
  const header = readWavHeader(bytes.subarray(0, 65536), bytes.length);
  if (!header.ok) throw new Error(header.error);
  const accumulator = new PeakAccumulator(header.info);
  const data = bytes.subarray(header.info.dataOffset, header.info.dataOffset + header.info.dataBytes);
  // Odd chunk sizes split frames across chunks, as file streams do.
  for (let offset = 0; offset < data.length; offset += chunkBytes)
    accumulator.push(data.subarray(offset, offset + chunkBytes));
  return { info: header.info, result: accumulator.finish() };
}

describe('readWavHeader on real files', () => {
  it.each([
    ['tone-pcm8-8k.wav', 'pcm', 8, 8000],
    ['tone-pcm16-8k-mono.wav', 'pcm', 16, 8000],
    ['tone-pcm24-16k.wav', 'pcm', 24, 16000],
    ['tone-ffmpeg-s24.wav', 'pcm', 24, 8000],
    ['tone-pcm32-8k.wav', 'pcm', 32, 8000],
    ['tone-float32-8k.wav', 'float', 32, 8000],
    ['tone-float64-8k.wav', 'float', 64, 8000],
    ['tone-mulaw-8k.wav', 'mulaw', 8, 8000],
    ['tone-alaw-8k.wav', 'alaw', 8, 8000],
  ])('%s: %s %d-bit %d Hz, 500 ms, peaks near +/-0.5', (name, encoding, bits, rate) => {
    const { info, result } = peaksOf(name);
    expect(info).toMatchObject({ encoding, bitsPerSample: bits, sampleRateHz: rate, channels: 1, durationMs: 500 });
    expect(result.durationMs).toBe(500);
    const peaks = unpackPeaks(result.channels[0]!);
    expect(peaks.length).toBe((500 / 1000) * peakPairsPerSecond * 2);
    const max = maxOf(peaks);
    const min = minOf(peaks);
    expect(max).toBeGreaterThan(0.47);
    expect(max).toBeLessThan(0.53);
    expect(min).toBeLessThan(-0.47);
    expect(min).toBeGreaterThan(-0.53);
  });

  it('reads stereo channels separately (left 0.5, right 0.25)', () => {
    const { info, result } = peaksOf('tone-stereo-8k.wav', 1001);
    expect(info.channels).toBe(2);
    expect(maxOf(unpackPeaks(result.channels[0]!))).toBeCloseTo(0.5, 1);
    expect(maxOf(unpackPeaks(result.channels[1]!))).toBeCloseTo(0.25, 1);
  });

  it('rejects GSM 6.10 as an unsupported codec', () => {
    const bytes = fixture('tone-gsm.wav');
    expect(readWavHeader(bytes, bytes.length)).toMatchObject({ ok: false, error: 'audio_unsupported_codec' });
  });

  it('rejects truncated and non-WAV content with reasons', () => {
    const truncated = fixture('truncated.wav');
    expect(readWavHeader(truncated, truncated.length)).toMatchObject({ ok: false, error: 'audio_truncated' });
    const text = fixture('not-audio.wav');
    expect(readWavHeader(text, text.length)).toMatchObject({ ok: false, error: 'audio_not_wav' });
    expect(readWavHeader(new Uint8Array(0), 0)).toMatchObject({ ok: false, error: 'audio_not_wav' });
  });

  it('accepts a streaming writer header (data size 0xFFFFFFFF) using the bytes present', () => {
    const bytes = fixture('tone-pcm16-8k-mono.wav').slice();
    new DataView(bytes.buffer).setUint32(40, 0xffffffff, true);
    const header = readWavHeader(bytes, bytes.length);
    expect(header).toMatchObject({ ok: true, info: { durationMs: 500 } });
  });

  it('never throws on random bytes behind a RIFF header', () => {
    for (let seed = 1; seed < 500; seed += 1) {
      const bytes = new Uint8Array(64 + (seed % 50));
      let state = seed;
      for (let i = 0; i < bytes.length; i += 1) bytes[i] = (state = (state * 1103515245 + 12345) >>> 0) & 0xff;
      bytes.set([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45]);
      expect(() => readWavHeader(bytes, bytes.length)).not.toThrow();
    }
  });
});

describe('peak packing', () => {
  it('round-trips through Int16 within 1/32767', () => {
    const peaks = Float32Array.from([-1, -0.5, 0, 0.25, 1, 1.5]);
    const back = unpackPeaks(packPeaks(peaks));
    expect(Array.from(back).map((v) => Math.round(v * 1000) / 1000)).toEqual([-1, -0.5, 0, 0.25, 1, 1]);
  });
});

describe('peak storage', () => {
  it('writes into arrays sized from the expected frames, and grows when the estimate runs short', () => {
    const format = { encoding: 'float', bitsPerSample: 32, channels: 1, sampleRateHz: 8000 } as const;
    const samples = Float32Array.from({ length: 8000 * 3 }, (_, index) => Math.sin(index / 3) * 0.5);
    const exact = new PeakAccumulator(format, samples.length);
    exact.pushPlanar([samples], samples.length);
    const short = new PeakAccumulator(format, 100);
    for (let offset = 0; offset < samples.length; offset += 999)
      short.pushPlanar([samples.subarray(offset, offset + 999)], Math.min(999, samples.length - offset));
    const [exactPeaks, shortPeaks] = [exact.finish(), short.finish()];
    expect(exactPeaks.channels[0]!.length).toBe(3 * peakPairsPerSecond * 2);
    expect(Array.from(shortPeaks.channels[0]!)).toEqual(Array.from(exactPeaks.channels[0]!));
    expect(exactPeaks.durationMs).toBe(3000);
  });
});

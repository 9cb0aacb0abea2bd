import { describe, expect, it } from 'vitest';
import { FrameEnergyAccumulator } from '../signals/frame-energy';
import { PeakAccumulator, type SampleFormat } from './peaks';

// The 16-bit PCM fast paths of the peak and frame-energy accumulators must give exactly what the float path gives
// for the same samples, however the bytes arrive: chunks that split frames and samples, at odd byte offsets.

const format: SampleFormat = { encoding: 'pcm', bitsPerSample: 16, channels: 2, sampleRateHz: 8000 };

/** Deterministic pseudo-random 16-bit samples (a linear congruential generator), full scale both ways. */
function samples(count: number, seed: number): Int16Array {
  const values = new Int16Array(count);
  let state = seed;
  for (let index = 0; index < count; index += 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    values[index] = (state >>> 16) - 32768;
  }
  return values;
}

/** The same samples as little-endian bytes, placed at an odd offset in a larger buffer. */
function oddOffsetBytes(values: Int16Array): Uint8Array {
  const buffer = new Uint8Array(values.length * 2 + 1);
  const view = new DataView(buffer.buffer, 1);
  values.forEach((value, index) => view.setInt16(index * 2, value, true));
  return buffer.subarray(1);
}

function planar(values: Int16Array, channels: number): Float32Array[] {
  return Array.from({ length: channels }, (_, channel) =>
    Float32Array.from({ length: values.length / channels }, (__, frame) => values[frame * channels + channel]! / 32768),
  );
}

/** Pushes the bytes in chunks of the given sizes, round and round, through `push`. */
function pushInChunks(bytes: Uint8Array, sizes: readonly number[], push: (chunk: Uint8Array) => void): void {
  for (let offset = 0, turn = 0; offset < bytes.length; turn += 1) {
    const size = sizes[turn % sizes.length]!;
    push(bytes.subarray(offset, offset + size));
    offset += size;
  }
}

// 1.37 s of stereo: not a whole number of peak pairs (160 frames) nor of 10 ms energy frames (80 frames).
const values = samples(Math.round(1.37 * 8000) * 2, 7);
const chunkings = [[1 << 16], [777], [3, 1, 4096, 2], [5000, 1]];

describe('16-bit PCM fast paths', () => {
  it.each(chunkings)('give the float path’s peaks with chunks of %j bytes', (...sizes) => {
    const fast = new PeakAccumulator(format, values.length / 2);
    pushInChunks(oddOffsetBytes(values), sizes, (chunk) => fast.push(chunk));
    const float = new PeakAccumulator(format, values.length / 2);
    float.pushPlanar(planar(values, 2), values.length / 2);
    const expected = float.finish();
    expect(expected.channels[0]!.length).toBe(138);
    expect(fast.finish()).toEqual(expected);
  });

  it.each(chunkings)('give the float path’s frame energies with chunks of %j bytes', (...sizes) => {
    const fast = new FrameEnergyAccumulator(format, values.length / 2);
    pushInChunks(oddOffsetBytes(values), sizes, (chunk) => fast.push(chunk));
    const float = new FrameEnergyAccumulator(format, values.length / 2);
    float.pushPlanar(planar(values, 2), values.length / 2);
    const expected = float.finish();
    expect(expected.channels[0]!.length).toBe(137);
    expect(fast.finish()).toEqual(expected);
  });

  it.each([1, 2])('give the float path’s peaks and energies for %i channel(s) in one chunk', (channels) => {
    const mono: SampleFormat = { ...format, channels };
    const frames = Math.floor(values.length / channels);
    const used = values.subarray(0, frames * channels);
    const fastPeaks = new PeakAccumulator(mono, frames);
    fastPeaks.push(oddOffsetBytes(used));
    const floatPeaks = new PeakAccumulator(mono, frames);
    floatPeaks.pushPlanar(planar(used, channels), frames);
    expect(fastPeaks.finish()).toEqual(floatPeaks.finish());
    const fastEnergies = new FrameEnergyAccumulator(mono, frames);
    fastEnergies.push(oddOffsetBytes(used));
    const floatEnergies = new FrameEnergyAccumulator(mono, frames);
    floatEnergies.pushPlanar(planar(used, channels), frames);
    expect(fastEnergies.finish()).toEqual(floatEnergies.finish());
  });

  it('read the extremes of full scale (stored on the peaks’ scale of ±32767)', () => {
    const extremes = Int16Array.from([-32768, 32767, 32767, -32768]);
    const accumulator = new PeakAccumulator({ ...format, sampleRateHz: 100 });
    accumulator.push(oddOffsetBytes(extremes));
    expect(accumulator.finish().channels.map((pair) => [...pair])).toEqual([
      [-32767, 32766],
      [-32767, 32766],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { framesToSilence, pcm16WavHeader, SilencedFrames, silenceByte } from './silence';
import { readWavHeader } from './wav';

describe('silence', () => {
  it('encodes silence as each WAV encoding does (G.711 zero codes, unsigned 8-bit centre, zero bytes otherwise)', () => {
    expect(silenceByte('mulaw', 8)).toBe(0xff);
    expect(silenceByte('alaw', 8)).toBe(0xd5);
    expect(silenceByte('pcm', 8)).toBe(0x80);
    expect(silenceByte('pcm', 16)).toBe(0);
    expect(silenceByte('float', 32)).toBe(0);
  });

  it('widens time ranges to whole frames, clips them to the recording and sorts them', () => {
    expect(
      framesToSilence(
        [
          { startMs: 2500, endMs: 9000 },
          { startMs: 1000, endMs: 1000.1 },
        ],
        8000,
        60_000,
      ),
    ).toEqual([
      { start: 8000, end: 8001 },
      { start: 20_000, end: 60_000 },
    ]);
    expect(framesToSilence([{ startMs: 9000, endMs: 9500 }], 8000, 60_000)).toEqual([]);
  });

  it('finds the silenced part of consecutive blocks, relative to each block', () => {
    const frames = new SilencedFrames([
      { start: 5, end: 12 },
      { start: 20, end: 22 },
    ]);
    expect(frames.within(0, 8)).toEqual([{ start: 5, end: 8 }]);
    expect(frames.within(8, 16)).toEqual([{ start: 0, end: 4 }]);
    expect(frames.within(16, 24)).toEqual([{ start: 4, end: 6 }]);
    expect(frames.within(24, 32)).toEqual([]);
  });

  it('writes a 16-bit PCM header the WAV reader accepts', () => {
    const header = pcm16WavHeader(2, 8000, 32_000);
    const file = new Uint8Array(44 + 32_000);
    file.set(header);
    const read = readWavHeader(file, file.length);
    expect(read.ok && read.info).toMatchObject({
      encoding: 'pcm',
      channels: 2,
      sampleRateHz: 8000,
      bitsPerSample: 16,
      dataOffset: 44,
      dataBytes: 32_000,
      durationMs: 1000,
    });
  });
});

import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/unit/temp-dir';
import { readWavHeader } from '../../domain/audio/wav';
import { maxBy } from '../../domain/extremes';
import { analyzeAudio } from './analyze-audio';
import { forgetFolderKey, registerFolderKey } from '../encryption/folder-keys';
import { isSealedFile, sealCopy } from '../encryption/sealed-files';
import { writeRedactedAudio } from './redact-audio';

const tempDir = useTempDirs();
const fixtures = join(__dirname, '../../../tests/fixtures/audio');

/** The 16-bit samples of a PCM WAV file between two times (every channel). */
function samplesBetween(path: string, fromMs: number, toMs: number): Int16Array {
  const bytes = readFileSync(path);
  const header = readWavHeader(bytes, bytes.length);
  if (!header.ok) throw new Error(header.detail);
  const { info } = header;
  const from = info.dataOffset + Math.floor((fromMs * info.sampleRateHz) / 1000) * info.blockAlign;
  const to = info.dataOffset + Math.floor((toMs * info.sampleRateHz) / 1000) * info.blockAlign;
  const copy = bytes.subarray(from, to);
  return new Int16Array(copy.buffer.slice(copy.byteOffset, copy.byteOffset + copy.length));
}

const loudest = (samples: Int16Array) => samples.reduce((max, value) => Math.max(max, Math.abs(value)), 0);

describe('writeRedactedAudio', () => {
  it('silences the ranges of a WAV file in place of its samples, keeping its format and size', async () => {
    const source = join(fixtures, 'tone-stereo-8k.wav');
    const target = join(tempDir(), 'out.wav');
    const result = await writeRedactedAudio({
      sourcePath: source,
      targetPath: target,
      ranges: [{ startMs: 100, endMs: 300 }],
      ffmpegPath: null,
    });
    expect(result).toEqual({ ok: true, value: { container: 'wav', sizeBytes: statSync(source).size } });
    expect(statSync(target).size).toBe(statSync(source).size);
    expect(loudest(samplesBetween(target, 100, 300))).toBe(0);
    expect(loudest(samplesBetween(target, 0, 90))).toBeGreaterThan(1000);
    expect(loudest(samplesBetween(target, 310, 490))).toBeGreaterThan(1000);
    expect(samplesBetween(target, 0, 90)).toEqual(samplesBetween(source, 0, 90));
    expect(samplesBetween(target, 310, 490)).toEqual(samplesBetween(source, 310, 490));
  });

  it('uses the silence code of G.711 files', async () => {
    const target = join(tempDir(), 'out.wav');
    await writeRedactedAudio({
      sourcePath: join(fixtures, 'tone-mulaw-8k.wav'),
      targetPath: target,
      ranges: [{ startMs: 100, endMs: 300 }],
      ffmpegPath: null,
    });
    const analysed = await analyzeAudio(target);
    if (!analysed.ok) throw new Error(analysed.detail);
    const peaks = analysed.value.peaks[0]!;
    // Peak pairs (min, max) per 1/pairsPerSecond s: a silent range is all zero, the tone around it is not.
    const pair = (ms: number) => Math.floor((ms / 1000) * analysed.value.pairsPerSecond) * 2;
    expect(maxBy(peaks.subarray(pair(120), pair(280)), Math.abs)).toBe(0);
    expect(maxBy(peaks.subarray(pair(0), pair(90)), Math.abs)).toBeGreaterThan(1000);
  });

  it.each(['tone-stereo.mp3', 'tone-stereo.flac', 'tone-stereo.ogg', 'tone-stereo.opus', 'tone-stereo.m4a'])(
    'decodes %s and writes it as 16-bit PCM WAV with the range silent',
    async (name) => {
      const target = join(tempDir(), 'out.wav');
      const result = await writeRedactedAudio({
        sourcePath: join(fixtures, name),
        targetPath: target,
        ranges: [{ startMs: 100, endMs: 300 }],
        ffmpegPath: null,
      });
      expect(result.ok).toBe(true);
      const original = await analyzeAudio(join(fixtures, name));
      const rewritten = await analyzeAudio(target);
      if (!original.ok || !rewritten.ok) throw new Error('not analysed');
      expect(rewritten.value).toMatchObject({ container: 'wav', codec: 'pcm_s16', channels: original.value.channels });
      expect(Math.abs(rewritten.value.durationMs - original.value.durationMs)).toBeLessThan(100);
      expect(loudest(samplesBetween(target, 110, 290))).toBe(0);
      expect(loudest(samplesBetween(target, 320, 400))).toBeGreaterThan(1000);
    },
  );

  it('refuses a file that is not audio, writing nothing usable', async () => {
    const result = await writeRedactedAudio({
      sourcePath: join(fixtures, 'random-bytes.mp3'),
      targetPath: join(tempDir(), 'out.wav'),
      ranges: [{ startMs: 0, endMs: 100 }],
      ffmpegPath: null,
    });
    expect(result.ok).toBe(false);
  });

  it.each(['tone-stereo-8k.wav', 'tone-stereo.mp3', 'tone-stereo.m4a'])(
    'reads a recording stored sealed (encryption at rest): %s',
    async (name) => {
      const folder = tempDir();
      const key = randomBytes(32);
      registerFolderKey(folder, key);
      try {
        const sealed = join(folder, name);
        await sealCopy(join(fixtures, name), sealed, key);
        expect(await isSealedFile(sealed)).toBe(true);
        const target = join(tempDir(), 'out.wav');
        const result = await writeRedactedAudio({
          sourcePath: sealed,
          targetPath: target,
          ranges: [{ startMs: 100, endMs: 300 }],
          ffmpegPath: null,
        });
        expect(result.ok).toBe(true);
        expect(loudest(samplesBetween(target, 110, 290))).toBe(0);
        expect(loudest(samplesBetween(target, 320, 400))).toBeGreaterThan(1000);
      } finally {
        forgetFolderKey(folder);
      }
    },
  );
});

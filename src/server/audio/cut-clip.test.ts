import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/unit/temp-dir';
import { readWavHeader } from '../../domain/audio/wav';
import { cutAudioClip } from './cut-clip';

const tempDir = useTempDirs();
const audio = join(__dirname, '../../../tests/fixtures/audio');

describe('cutAudioClip', () => {
  it('keeps a WAV’s own format and copies only the clip’s frames', async () => {
    const targetPath = join(tempDir(), 'clip.wav');
    const source = join(audio, 'tone-mulaw-8k.wav');
    const cut = await cutAudioClip({ sourcePath: source, targetPath, fromMs: 100, toMs: 300, ffmpegPath: null });
    expect(cut).toMatchObject({ ok: true, value: { sampleRateHz: 8000, channels: 1 } });
    const bytes = readFileSync(targetPath);
    const header = readWavHeader(bytes, bytes.length);
    expect(header.ok && header.info).toMatchObject({ encoding: 'mulaw', durationMs: 200, dataBytes: 1600 });
    const original = readFileSync(source);
    const info = readWavHeader(original, original.length);
    if (!info.ok || !header.ok) throw new Error('not WAV');
    const from = info.info.dataOffset + 800;
    expect(bytes.subarray(header.info.dataOffset)).toEqual(original.subarray(from, from + 1600));
  });

  it('decodes another format to 16-bit WAV first, and cuts within the recording', async () => {
    const targetPath = join(tempDir(), 'clip.wav');
    const cut = await cutAudioClip({
      sourcePath: join(audio, 'tone-stereo.flac'),
      targetPath,
      fromMs: 0,
      toMs: 60_000,
      ffmpegPath: null,
    });
    expect(cut.ok).toBe(true);
    const bytes = readFileSync(targetPath);
    const header = readWavHeader(bytes, bytes.length);
    expect(header.ok && header.info).toMatchObject({ encoding: 'pcm', bitsPerSample: 16, channels: 2 });
    expect(header.ok && header.info.durationMs).toBeLessThanOrEqual(600);
  });
});

// Audio plumbing for the signals corpus: espeak-ng renders a sentence, sox band-limits it to the telephone band at
// 8 kHz and trims espeak's own leading and trailing silence; WAV files are read and written here.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { readWavHeader } from '../src/domain/audio/wav';

export const corpusRateHz = 8000;

/** True when espeak-ng and sox can be run. */
export function corpusToolsAvailable(): boolean {
  try {
    execFileSync('espeak-ng', ['--version'], { stdio: 'ignore' });
    execFileSync('sox', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Reads a 16-bit PCM WAV file's first channel as floats. */
export function readMonoWav(path: string): Float32Array {
  const bytes = readFileSync(path);
  const header = readWavHeader(bytes, bytes.length);
  if (!header.ok || header.info.bitsPerSample !== 16) throw new Error(`${path}: not 16-bit PCM WAV`);
  const { dataOffset, dataBytes, channels } = header.info;
  const view = new DataView(bytes.buffer, bytes.byteOffset + dataOffset, dataBytes);
  const frames = dataBytes / 2 / channels;
  const samples = new Float32Array(frames);
  for (let frame = 0; frame < frames; frame += 1) samples[frame] = view.getInt16(frame * 2 * channels, true) / 32768;
  return samples;
}

/** Writes interleaved 16-bit PCM WAV from one float array per channel (clipped to [-1, 1]). */
export function writeWav(path: string, channels: readonly Float32Array[], rateHz = corpusRateHz): void {
  const frames = channels[0]!.length;
  const dataBytes = frames * channels.length * 2;
  const buffer = Buffer.alloc(44 + dataBytes);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + dataBytes, 4);
  buffer.write('WAVEfmt ', 8, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(channels.length, 22);
  buffer.writeUInt32LE(rateHz, 24);
  buffer.writeUInt32LE(rateHz * channels.length * 2, 28);
  buffer.writeUInt16LE(channels.length * 2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(dataBytes, 40);
  let at = 44;
  for (let frame = 0; frame < frames; frame += 1) {
    for (const channel of channels) {
      buffer.writeInt16LE(Math.round(Math.max(-1, Math.min(1, channel[frame]!)) * 32767), at);
      at += 2;
    }
  }
  writeFileSync(path, buffer);
}

/**
 * One sentence as speech in the telephone band (sinc 300-3400 Hz, 8 kHz), without leading or trailing silence.
 * Cached in `workDir` by voice, speed and text, so a second run renders nothing.
 */
export function renderSentence(workDir: string, voice: string, wordsPerMinute: number, text: string): Float32Array {
  const key = createHash('sha1').update(`${voice}|${wordsPerMinute}|${text}`).digest('hex').slice(0, 16);
  const clip = join(workDir, `${key}.wav`);
  if (!existsSync(clip)) {
    const raw = join(workDir, `${key}-raw.wav`);
    execFileSync('espeak-ng', ['-v', voice, '-s', String(wordsPerMinute), '-w', raw, text]);
    const trim = ['silence', '1', '0.01', '1%', 'reverse', 'silence', '1', '0.01', '1%', 'reverse'];
    execFileSync('sox', [raw, '-b', '16', clip, 'sinc', '300-3400', 'rate', String(corpusRateHz), ...trim]);
  }
  return readMonoWav(clip);
}

/** Telephone-band noise: white noise through the same 300-3400 Hz filter, `seconds` long. */
export function telephoneNoise(workDir: string, seconds: number, seed: number): Float32Array {
  const file = join(workDir, `noise-${seed}-${Math.ceil(seconds)}.wav`);
  if (!existsSync(file)) {
    execFileSync('sox', [
      '-R',
      '-n',
      '-r',
      String(corpusRateHz),
      '-b',
      '16',
      '-c',
      '1',
      file,
      'synth',
      String(Math.ceil(seconds)),
      'whitenoise',
      'sinc',
      '300-3400',
      'vol',
      '0.3',
    ]);
  }
  const noise = readMonoWav(file);
  // sox's own generator is seeded from the clock; rotating by the seed gives each channel a different stretch.
  const shift = (seed * 7919) % noise.length;
  return Float32Array.from({ length: noise.length }, (_, index) => noise[(index + shift) % noise.length]!);
}

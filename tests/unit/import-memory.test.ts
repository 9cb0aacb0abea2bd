import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/contract/imports';
import { useTempDirs } from './temp-dir';

const tempDir = useTempDirs();
const repoRoot = resolve(__dirname, '../..');
const mib = 1024 * 1024;
/** Issue 10 row 7: an import stays under this much resident memory for any file it accepts. */
const rssLimitBytes = 300 * mib;

interface Measured {
  readonly startRssBytes: number;
  readonly maxRssBytes: number;
  readonly summary: ImportSummary;
  readonly transcriptSegments: number[];
}

/** Imports the files in a fresh Node process and returns its summary and peak RSS. */
function importInChild(files: readonly string[]): Measured {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'tests/unit/import-rss-child.ts'), tempDir(), ...files],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 16 * mib },
  );
  if (child.status !== 0) throw new Error(`import child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Measured;
}

/**
 * Writes a 16-bit PCM WAV of the given length: a tone whose loudness changes from block to block, written in
 * 1 MiB blocks (real bytes, not a sparse file), so the whole decode path runs over every byte.
 */
function writeWav(path: string, dataBytes: number, sampleRateHz: number, channels: number): void {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRateHz, 24);
  header.writeUInt32LE(sampleRateHz * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(dataBytes, 40);
  const file = openSync(path, 'w');
  try {
    writeSync(file, header);
    const block = Buffer.alloc(mib);
    for (let written = 0, blockIndex = 0; written < dataBytes; blockIndex += 1) {
      const amplitude = 4000 + (blockIndex % 7) * 4000;
      for (let sample = 0; sample < mib / 2; sample += 1)
        block.writeInt16LE(Math.round(Math.sin(sample / 9) * amplitude), sample * 2);
      const length = Math.min(mib, dataBytes - written);
      writeSync(file, block, 0, length);
      written += length;
    }
  } finally {
    closeSync(file);
  }
}

function writeText(path: string, parts: Iterable<string>): void {
  const file = openSync(path, 'w');
  try {
    for (const part of parts) writeSync(file, part);
  } finally {
    closeSync(file);
  }
}

const timestamp = (ms: number) => new Date(ms).toISOString().slice(11, 23);

// Large files on a shared, loaded machine: generous time limits; the assertions are about memory, never speed.
describe('import memory stays bounded', { timeout: 600_000 }, () => {
  it('imports a 400 MB WAV with peak RSS under 300 MB', () => {
    const folder = tempDir();
    const wav = join(folder, 'lang-gesprek.wav');
    const dataBytes = 400 * mib;
    writeWav(wav, dataBytes, 44_100, 2);
    const measured = importInChild([wav]);
    console.log(
      JSON.stringify({
        test: 'wav-400mb',
        startRssMb: Math.round(measured.startRssBytes / mib),
        maxRssMb: Math.round(measured.maxRssBytes / mib),
      }),
    );
    expect(measured.summary.issues).toEqual([]);
    expect(measured.summary.importedCallIds).toHaveLength(1);
    expect(measured.maxRssBytes).toBeLessThan(rssLimitBytes);
  });

  it('imports a transcript of 150,000 segments with peak RSS under 300 MB (no stack overflow)', () => {
    const folder = tempDir();
    const wav = join(folder, 'gesprek.wav');
    writeWav(wav, 8000 * 2 * 1600, 8000, 1);
    writeText(
      join(folder, 'gesprek.vtt'),
      (function* () {
        yield 'WEBVTT\n\n';
        for (let index = 0; index < 150_000; index += 1)
          yield `${timestamp(index * 10)} --> ${timestamp(index * 10 + 10)}\n<v ${index % 2 ? 'Klant' : 'Agent'}>woord ${index}\n\n`;
      })(),
    );
    const measured = importInChild([wav, join(folder, 'gesprek.vtt')]);
    // The personal-data scan at import reads the segments it was handed, window by window (no second copy).
    console.log(JSON.stringify({ test: 'vtt-150000-segments', maxRssMb: Math.round(measured.maxRssBytes / mib) }));
    expect(measured.summary.issues).toEqual([]);
    expect(measured.transcriptSegments).toEqual([150_000]);
    expect(measured.maxRssBytes).toBeLessThan(rssLimitBytes);
  });

  it('refuses a 44 MB single-cue WebVTT before reading it, and an 11 MB one while reading it, within bounds', () => {
    const folder = tempDir();
    const wav = join(folder, 'gesprek.wav');
    writeWav(wav, 8000 * 2 * 10, 8000, 1);
    const singleCue = (megabytes: number) =>
      (function* () {
        yield 'WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n';
        const words = 'en dan zeg ik tegen hem '.repeat(mib / 24);
        for (let written = 0; written < megabytes; written += 1) yield words;
        yield '\n';
      })();
    writeText(join(folder, 'gesprek.vtt'), singleCue(44));
    const huge = importInChild([wav, join(folder, 'gesprek.vtt')]);
    expect(huge.summary.importedCallIds).toHaveLength(1);
    expect(huge.summary.issues.map((issue) => [issue.fileName, issue.code])).toEqual([
      ['gesprek.vtt', 'transcript_too_large'],
    ]);
    expect(huge.maxRssBytes).toBeLessThan(rssLimitBytes);

    const other = tempDir();
    const wavCopy = join(other, 'gesprek.wav');
    writeWav(wavCopy, 8000 * 2 * 10, 8000, 1);
    writeText(join(other, 'gesprek.vtt'), singleCue(11));
    const large = importInChild([wavCopy, join(other, 'gesprek.vtt')]);
    console.log(JSON.stringify({ test: 'vtt-11mb-single-cue', maxRssMb: Math.round(large.maxRssBytes / mib) }));
    expect(large.summary.issues.map((issue) => [issue.code, issue.detail])).toEqual([
      ['transcript_too_large', 'line 3: a cue of more than 100000 characters'],
    ]);
    expect(large.maxRssBytes).toBeLessThan(rssLimitBytes);
  });
});

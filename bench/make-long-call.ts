// Builds the benchmark inputs once into .tmp/bench: a 60-minute stereo 8 kHz call (16-bit PCM WAV and MP3) made by
// looping the demo call, and a transcript of N words spread over the hour (Klankbord JSON).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const benchDir = resolve(__dirname, '../.tmp/bench');
const demoWav = resolve(__dirname, '../resources/demo/demo-klantgesprek.wav');
const words = 'ik begrijp dat dit erg vervelend voor u is laten we samen kijken hoe we dit oplossen'.split(' ');

/** Makes (or reuses) the 60-minute WAV and MP3. */
export function longCallAudio(): { wav: string; mp3: string } {
  mkdirSync(benchDir, { recursive: true });
  const wav = join(benchDir, 'call-60min.wav');
  const mp3 = join(benchDir, 'call-60min.mp3');
  if (!existsSync(wav))
    execFileSync('sox', [demoWav, '-e', 'signed-integer', '-b', '16', wav, 'repeat', '21', 'trim', '0', '3600']);
  if (!existsSync(mp3))
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', wav, '-c:a', 'libmp3lame', '-b:a', '32k', mp3]);
  return { wav, mp3 };
}

/** Writes a transcript of `wordCount` words over `durationMs`, alternating speakers every 20 words. */
export function longTranscript(wordCount: number, durationMs: number, name: string): string {
  const path = join(benchDir, name);
  const perWordMs = durationMs / wordCount;
  const segments = [];
  for (let start = 0; start < wordCount; start += 20) {
    const segmentWords = [];
    for (let i = start; i < Math.min(wordCount, start + 20); i += 1) {
      segmentWords.push({
        text: words[i % words.length]!,
        startMs: Math.round(i * perWordMs),
        endMs: Math.round((i + 0.8) * perWordMs),
      });
    }
    const channel = (start / 20) % 2;
    segments.push({
      speaker: channel === 0 ? 'agent' : 'customer',
      channel,
      startMs: segmentWords[0]!.startMs,
      endMs: segmentWords.at(-1)!.endMs,
      text: segmentWords.map((w) => w.text).join(' '),
      words: segmentWords,
    });
  }
  writeFileSync(path, JSON.stringify({ format: 'klankbord-transcript', version: 1, language: 'nl', segments }));
  return path;
}

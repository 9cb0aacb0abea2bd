import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** WebVTT time of milliseconds. */
const vttTime = (ms: number) => new Date(ms).toISOString().slice(11, 23);

/**
 * A spoken call made with espeak-ng: a customer reads a test card number digit by digit. Each phrase is spoken into
 * its own file and the files are joined, so the WebVTT cue times are exactly where the phrases are in the audio.
 */
export function makeCardCall(): {
  audio: string;
  transcript: string;
  /** Where the card number is spoken. */
  numberRange: { startMs: number; endMs: number };
} {
  const folder = mkdtempSync(join(tmpdir(), 'klankbord-redact-'));
  const phrases = [
    { spoken: 'Goedemiddag, mijn kaartnummer is', written: 'Goedemiddag, mijn kaartnummer is' },
    { spoken: 'vier een een een, een een een een, een een een een, een een een een', written: '4111 1111 1111 1111' },
    { spoken: 'dank je wel, tot ziens', written: 'dank je wel, tot ziens' },
  ];
  let atMs = 0;
  const cues: string[] = [];
  const ranges: { startMs: number; endMs: number }[] = [];
  const parts = phrases.map((phrase, index) => {
    const file = join(folder, `part-${index}.wav`);
    execFileSync('espeak-ng', ['-v', 'nl', '-s', '150', '-w', file, phrase.spoken]);
    const durationMs = Math.round(Number(execFileSync('soxi', ['-D', file]).toString().trim()) * 1000);
    cues.push(`${vttTime(atMs)} --> ${vttTime(atMs + durationMs)}\n<v Klant>${phrase.written}`);
    ranges.push({ startMs: atMs, endMs: atMs + durationMs });
    atMs += durationMs;
    return file;
  });
  const audio = join(folder, 'kaartbetaling.wav');
  execFileSync('sox', [...parts, audio]);
  const transcript = join(folder, 'kaartbetaling.vtt');
  writeFileSync(transcript, `WEBVTT\n\n${cues.join('\n\n')}\n`);
  return { audio, transcript, numberRange: ranges[1]! };
}

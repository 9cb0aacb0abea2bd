// The inputs of bench:import-batch: N five-minute stereo 8 kHz 16-bit WAV calls, each with a WebVTT transcript.
// sox makes one recording (the demo call looped); the others are copies with their first samples changed, so every
// file has its own content hash (calls are identified by it) while decoding costs the same. Made once per count.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readWavHeader } from '../src/domain/audio/wav';

const demoWav = resolve(__dirname, '../resources/demo/demo-klantgesprek.wav');
const callSeconds = 300;
const cueSeconds = 4;
const sentences = [
  'Goedemiddag, u spreekt met de klantenservice, waarmee kan ik u helpen?',
  'Mijn pakket is nog steeds niet bezorgd en ik heb het al twee weken geleden besteld.',
  'Wat vervelend dat u zo lang moet wachten, ik begrijp dat dit frustrerend is.',
  'Ja, ik heb er al drie keer over gebeld en niemand helpt me echt.',
  'Laten we samen kijken wat er is gebeurd, mag ik uw ordernummer?',
];

function timestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** A five-minute transcript: a cue every four seconds, agent and customer taking turns. */
function transcript(): string {
  const cues = ['WEBVTT', ''];
  for (let index = 0; index * cueSeconds < callSeconds; index += 1) {
    const start = index * cueSeconds;
    cues.push(`${timestamp(start)} --> ${timestamp(start + cueSeconds - 0.5)}`);
    cues.push(`<v ${index % 2 === 0 ? 'Agent' : 'Klant'}>${sentences[index % sentences.length]}`, '');
  }
  return cues.join('\n');
}

/** Makes (or reuses) `count` WAV + VTT pairs in a folder of their own under `root`; returns that folder. */
export function batchFiles(root: string, count: number): string {
  const folder = join(root, `import-batch-${count}`);
  const complete = join(folder, '.complete');
  if (existsSync(complete)) return folder;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const base = join(root, 'import-batch-base.wav');
  if (!existsSync(base))
    execFileSync('sox', [
      demoWav,
      '-e',
      'signed-integer',
      '-b',
      '16',
      base,
      'repeat',
      '1',
      'trim',
      '0',
      `${callSeconds}`,
    ]);
  const audio = readFileSync(base);
  const header = readWavHeader(audio.subarray(0, 64 * 1024), audio.length);
  if (!header.ok) throw new Error(`the generated WAV is not readable: ${header.detail}`);
  const vtt = transcript();
  for (let index = 0; index < count; index += 1) {
    // The first sample of each channel carries the file's number: inaudible, and a different hash.
    audio.writeUInt32LE(index, header.info.dataOffset);
    const name = `gesprek-${String(index + 1).padStart(4, '0')}`;
    writeFileSync(join(folder, `${name}.wav`), audio);
    writeFileSync(join(folder, `${name}.vtt`), vtt);
  }
  writeFileSync(complete, '');
  return folder;
}

import { toneWav, transcriptVtt } from './make-audio';

/** One fuzz input: an audio file and (often) its transcript, both possibly damaged, and what was done to them. */
export interface FuzzCase {
  readonly audioName: string;
  readonly audio: Buffer;
  readonly transcriptName: string | null;
  readonly transcript: Buffer | null;
  readonly mutation: string;
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Flips 1-16 random bytes (never only the header: anywhere in the file). */
function flipBytes(bytes: Buffer, random: Random): Buffer {
  const copy = Buffer.from(bytes);
  const flips = 1 + Math.floor(random() * 16);
  for (let flip = 0; flip < flips && copy.length > 0; flip += 1)
    copy[Math.floor(random() * copy.length)]! ^= 1 << Math.floor(random() * 8);
  return copy;
}

/** Cuts the file at a random length (sometimes inside the header). */
function truncate(bytes: Buffer, random: Random): Buffer {
  const at = random() < 0.3 ? Math.floor(random() * Math.min(64, bytes.length)) : Math.floor(random() * bytes.length);
  return bytes.subarray(0, at);
}

/** Lies in a RIFF/WAVE header: sizes, rate, channels, bits or the format tag set to odd values. */
function lieInHeader(bytes: Buffer, random: Random): Buffer {
  const copy = Buffer.from(bytes);
  if (copy.length < 44 || copy.toString('ascii', 0, 4) !== 'RIFF') {
    // Not a WAV: overwrite a field-sized run of the first 64 bytes.
    const at = Math.floor(random() * Math.min(60, Math.max(1, copy.length - 4)));
    if (copy.length >= at + 4)
      copy.writeUInt32LE(pick(random, [0, 1, 0x7fffffff, 0xffffffff, Math.floor(random() * 2 ** 32)]), at);
    return copy;
  }
  const lies: [number, 2 | 4, number[]][] = [
    [4, 4, [0, 1, 0xffffffff, copy.length * 10]],
    [20, 2, [0, 2, 3, 6, 7, 0xfffe, 0x1234]],
    [22, 2, [0, 3, 9, 255, 65535]],
    [24, 4, [0, 1, 7, 4_000_000_000]],
    [28, 4, [0, 1, 0xffffffff]],
    [32, 2, [0, 1, 3, 4096]],
    [34, 2, [0, 1, 7, 12, 64, 65535]],
    [40, 4, [0, 1, 0xffffffff, copy.length * 100]],
  ];
  const count = 1 + Math.floor(random() * 3);
  for (let lie = 0; lie < count; lie += 1) {
    const [offset, size, values] = pick(random, lies);
    const value = pick(random, values);
    if (size === 2) copy.writeUInt16LE(value & 0xffff, offset);
    else copy.writeUInt32LE(value >>> 0, offset);
  }
  return copy;
}

/** Splices a run of another file's bytes into this one (for text: another transcript's lines). */
function splice(bytes: Buffer, other: Buffer, random: Random): Buffer {
  const at = Math.floor(random() * bytes.length);
  const from = Math.floor(random() * other.length);
  const length = Math.floor(random() * Math.min(4096, other.length - from));
  const cut = Math.floor(random() * Math.min(4096, bytes.length - at));
  return Buffer.concat([bytes.subarray(0, at), other.subarray(from, from + length), bytes.subarray(at + cut)]);
}

/** Text-aware damage: duplicated or dropped lines, control characters, huge numbers, broken UTF-8. */
function spliceText(bytes: Buffer, other: Buffer, random: Random): Buffer {
  const lines = bytes.toString('utf8').split('\n');
  const donor = other.toString('utf8').split('\n');
  const edits = 1 + Math.floor(random() * 6);
  for (let edit = 0; edit < edits; edit += 1) {
    const at = Math.floor(random() * (lines.length + 1));
    const choice = Math.floor(random() * 6);
    if (choice === 0) lines.splice(at, 0, ...donor.slice(Math.floor(random() * donor.length)).slice(0, 20));
    else if (choice === 1) lines.splice(at, 1 + Math.floor(random() * 5));
    else if (choice === 2) lines.splice(at, 0, '\u0000\u0007\u202e\ufeff<script>alert(1)</script>');
    else if (choice === 3)
      lines.splice(at, 0, '99999999:59:59.999 --> 00:00:00.000', '"start": 1e308, "end": -1, "segments": "boom"');
    else if (choice === 4) lines.splice(at, 0, lines[Math.max(0, at - 1)] ?? '', lines[Math.max(0, at - 1)] ?? '');
    else lines.splice(at, 0, '\u00e9'.repeat(Math.floor(random() * 5000)));
  }
  const text = Buffer.from(lines.join('\n'), 'utf8');
  return random() < 0.2 ? Buffer.concat([text, Buffer.from([0xc3, 0x28, 0xff, 0xfe])]) : text;
}

export interface Corpus {
  readonly audio: readonly { readonly name: string; readonly bytes: Buffer }[];
  readonly transcripts: readonly { readonly name: string; readonly bytes: Buffer }[];
}

/** Case `index` of a run: a seed file from the corpus (or generated audio), mutated one or two ways. */
export function makeCase(corpus: Corpus, index: number, random: Random): FuzzCase {
  const generated = random() < 0.3;
  const source = generated
    ? { name: 'gegenereerd.wav', bytes: toneWav({ seconds: 2 + Math.floor(random() * 20), seed: index }) }
    : pick(random, corpus.audio);
  const transcriptSource =
    generated && random() < 0.7
      ? { name: 'gegenereerd.vtt', bytes: Buffer.from(transcriptVtt(10, index)) }
      : pick(random, corpus.transcripts);
  const other = pick(random, corpus.audio).bytes;
  const audioMutation = pick(random, ['none', 'flip', 'truncate', 'header', 'splice', 'flip+truncate'] as const);
  let audio = source.bytes;
  if (audioMutation.includes('flip')) audio = flipBytes(audio, random);
  if (audioMutation.includes('truncate')) audio = truncate(audio, random);
  if (audioMutation === 'header') audio = lieInHeader(audio, random);
  if (audioMutation === 'splice') audio = splice(audio, other, random);
  const withTranscript = random() < 0.8;
  const textMutation = pick(random, ['none', 'flip', 'truncate', 'splice'] as const);
  let transcript: Buffer | null = withTranscript ? transcriptSource.bytes : null;
  if (transcript && textMutation === 'flip') transcript = flipBytes(transcript, random);
  if (transcript && textMutation === 'truncate') transcript = truncate(transcript, random);
  if (transcript && textMutation === 'splice')
    transcript = spliceText(transcript, pick(random, corpus.transcripts).bytes, random);
  const extension = source.name.slice(source.name.lastIndexOf('.'));
  const transcriptExtension = transcriptSource.name.slice(transcriptSource.name.lastIndexOf('.'));
  return {
    audioName: `geval-${index}${extension}`,
    audio,
    transcriptName: transcript ? `geval-${index}${transcriptExtension}` : null,
    transcript,
    mutation: `${source.name}:${audioMutation}${transcript ? ` + ${transcriptSource.name}:${textMutation}` : ''}`,
  };
}

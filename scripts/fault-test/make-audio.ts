/**
 * Real audio for the fault and fuzz runs: a PCM16 mono WAV of a tone with a little seeded noise, so every seed gives
 * a different recording (calls are identified by their recording's hash).
 */
export function toneWav(options: {
  readonly seconds: number;
  readonly sampleRateHz?: number;
  readonly frequencyHz?: number;
  readonly seed: number;
}): Buffer {
  const rate = options.sampleRateHz ?? 8000;
  const frames = Math.round(options.seconds * rate);
  const buffer = Buffer.alloc(44 + frames * 2);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + frames * 2, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(rate, 24);
  buffer.writeUInt32LE(rate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(frames * 2, 40);
  let state = (options.seed * 2654435761 + 1) >>> 0;
  const frequency = options.frequencyHz ?? 220 + (options.seed % 400);
  for (let frame = 0; frame < frames; frame += 1) {
    state = (state * 1664525 + 1013904223) >>> 0;
    const noise = (state / 2 ** 32 - 0.5) * 600;
    const sample = Math.sin((2 * Math.PI * frequency * frame) / rate) * 8000 + noise;
    buffer.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(sample))), 44 + frame * 2);
  }
  return buffer;
}

/** A WebVTT transcript of `seconds` with a turn every few seconds, in Dutch. */
export function transcriptVtt(seconds: number, seed: number): string {
  const stamp = (ms: number) => {
    const total = Math.floor(ms / 1000);
    return `${String(Math.floor(total / 3600)).padStart(2, '0')}:${String(Math.floor(total / 60) % 60).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
  };
  const lines = ['WEBVTT', ''];
  for (let start = 0, turn = 0; start + 1000 <= seconds * 1000; start += 2500, turn += 1) {
    lines.push(
      `${stamp(start)} --> ${stamp(Math.min(seconds * 1000, start + 2000))}`,
      `<v ${turn % 2 === 0 ? 'Agent' : 'Klant'}>Zin ${turn} van gesprek ${seed}, goedemiddag.`,
      '',
    );
  }
  return lines.join('\n');
}

/** Silencing time ranges of PCM audio: what "apply redaction permanently" writes in place of the redacted sound. */
import type { WavEncoding } from './wav';

export interface TimeRange {
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * The byte that encodes silence in one sample of these WAV encodings: unsigned 8-bit PCM is centred on 128, G.711
 * mu-law and A-law encode zero as 0xFF and 0xD5; signed PCM and float are zero bytes.
 */
export function silenceByte(encoding: WavEncoding, bitsPerSample: number): number {
  if (encoding === 'mulaw') return 0xff;
  if (encoding === 'alaw') return 0xd5;
  if (encoding === 'pcm' && bitsPerSample === 8) return 0x80;
  return 0;
}

/** Frame `[start, end)` intervals to silence, widened to whole frames and clipped to the recording, in time order. */
export function framesToSilence(
  ranges: readonly TimeRange[],
  sampleRateHz: number,
  totalFrames: number,
): { readonly start: number; readonly end: number }[] {
  return ranges
    .map((range) => ({
      start: Math.max(0, Math.floor((range.startMs * sampleRateHz) / 1000)),
      end: Math.min(totalFrames, Math.ceil((range.endMs * sampleRateHz) / 1000)),
    }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start);
}

/** Looks up the silenced intervals (sorted) of a recording streamed once from start to end. */
export class SilencedFrames {
  private next = 0;

  constructor(private readonly intervals: readonly { readonly start: number; readonly end: number }[]) {}

  /**
   * The part of `[from, to)` that is silenced, as intervals relative to `from`. Calls must come in increasing frame
   * order (the audio is streamed once), which keeps this linear in the number of ranges.
   */
  within(from: number, to: number): { readonly start: number; readonly end: number }[] {
    while (this.next < this.intervals.length && this.intervals[this.next]!.end <= from) this.next += 1;
    const found: { start: number; end: number }[] = [];
    for (let index = this.next; index < this.intervals.length; index += 1) {
      const interval = this.intervals[index]!;
      if (interval.start >= to) break;
      found.push({ start: Math.max(interval.start, from) - from, end: Math.min(interval.end, to) - from });
    }
    return found;
  }
}

/** A canonical 44-byte header of a 16-bit PCM WAV file holding `dataBytes` of samples. */
export function pcm16WavHeader(channels: number, sampleRateHz: number, dataBytes: number): Uint8Array {
  const header = new Uint8Array(44);
  const view = new DataView(header.buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < 4; index += 1) header[offset + index] = text.charCodeAt(index);
  };
  const blockAlign = channels * 2;
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRateHz, true);
  view.setUint32(28, sampleRateHz * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  return header;
}

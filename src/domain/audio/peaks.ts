import type { WavEncoding } from './wav';

/** Peak resolution: min/max pairs per second per channel. 50 pairs/s draws crisply up to ~100 px per second. */
export const peakPairsPerSecond = 50;

/** G.711 mu-law byte -> linear sample in [-1, 1]. */
function mulawToLinear(byte: number): number {
  const u = ~byte & 0xff;
  const sign = u & 0x80;
  const exponent = (u >> 4) & 0x07;
  const mantissa = u & 0x0f;
  const magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84;
  return (sign ? -magnitude : magnitude) / 32768;
}

/** G.711 A-law byte -> linear sample in [-1, 1]. */
function alawToLinear(byte: number): number {
  const a = byte ^ 0x55;
  const sign = a & 0x80;
  const exponent = (a >> 4) & 0x07;
  const mantissa = a & 0x0f;
  const magnitude = exponent === 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
  return (sign ? magnitude : -magnitude) / 32768;
}

const mulawTable = Float32Array.from({ length: 256 }, (_, byte) => mulawToLinear(byte));
const alawTable = Float32Array.from({ length: 256 }, (_, byte) => alawToLinear(byte));

export interface SampleFormat {
  readonly encoding: WavEncoding;
  readonly bitsPerSample: number;
  readonly channels: number;
  readonly sampleRateHz: number;
}

/**
 * Streams interleaved little-endian sample bytes into per-channel min/max peaks, chunk by chunk, so a file of any
 * length is read once in constant memory. Frames may be split across chunks.
 */
export class PeakAccumulator {
  private readonly bytesPerSample: number;
  private readonly framesPerPair: number;
  private readonly mins: number[][];
  private readonly maxs: number[][];
  private readonly currentMin: Float64Array;
  private readonly currentMax: Float64Array;
  private framesInPair = 0;
  private framesTotal = 0;
  private carry = new Uint8Array(0);

  constructor(private readonly format: SampleFormat) {
    this.bytesPerSample = format.bitsPerSample / 8;
    this.framesPerPair = Math.max(1, Math.round(format.sampleRateHz / peakPairsPerSecond));
    this.mins = Array.from({ length: format.channels }, () => []);
    this.maxs = Array.from({ length: format.channels }, () => []);
    this.currentMin = new Float64Array(format.channels).fill(Infinity);
    this.currentMax = new Float64Array(format.channels).fill(-Infinity);
  }

  /** Adds the next bytes of sample data. */
  push(chunk: Uint8Array): void {
    let bytes = chunk;
    if (this.carry.length > 0) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
    }
    const frameBytes = this.bytesPerSample * this.format.channels;
    const usable = bytes.length - (bytes.length % frameBytes);
    this.carry = bytes.slice(usable);
    const read = this.sampleReader(bytes);
    const channels = this.format.channels;
    const { currentMin, currentMax } = this;
    for (let frameStart = 0; frameStart < usable; frameStart += frameBytes) {
      for (let channel = 0; channel < channels; channel += 1) {
        const value = read(frameStart + channel * this.bytesPerSample);
        if (value < currentMin[channel]!) currentMin[channel] = value;
        if (value > currentMax[channel]!) currentMax[channel] = value;
      }
      this.framesTotal += 1;
      this.framesInPair += 1;
      if (this.framesInPair === this.framesPerPair) this.closePair();
    }
  }

  /** Ends the stream and returns the peaks as interleaved [min, max, min, max, ...] per channel, in [-1, 1]. */
  finish(): { readonly channels: readonly Float32Array[]; readonly frames: number; readonly durationMs: number } {
    if (this.framesInPair > 0) this.closePair();
    const channels = this.mins.map((mins, channel) => {
      const maxs = this.maxs[channel]!;
      const interleaved = new Float32Array(mins.length * 2);
      for (let i = 0; i < mins.length; i += 1) {
        interleaved[i * 2] = mins[i]!;
        interleaved[i * 2 + 1] = maxs[i]!;
      }
      return interleaved;
    });
    return { channels, frames: this.framesTotal, durationMs: Math.round((this.framesTotal / this.format.sampleRateHz) * 1000) };
  }

  private closePair(): void {
    for (let channel = 0; channel < this.format.channels; channel += 1) {
      this.mins[channel]!.push(this.currentMin[channel]!);
      this.maxs[channel]!.push(this.currentMax[channel]!);
      this.currentMin[channel] = Infinity;
      this.currentMax[channel] = -Infinity;
    }
    this.framesInPair = 0;
  }

  private sampleReader(bytes: Uint8Array): (offset: number) => number {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const { encoding, bitsPerSample } = this.format;
    if (encoding === 'mulaw') return (offset) => mulawTable[bytes[offset]!]!;
    if (encoding === 'alaw') return (offset) => alawTable[bytes[offset]!]!;
    if (encoding === 'float') return bitsPerSample === 32 ? (offset) => view.getFloat32(offset, true) : (offset) => view.getFloat64(offset, true);
    switch (bitsPerSample) {
      case 8:
        return (offset) => (bytes[offset]! - 128) / 128;
      case 16:
        return (offset) => view.getInt16(offset, true) / 32768;
      case 24:
        return (offset) => ((bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16)) << 8 >> 8) / 8388608;
      default:
        return (offset) => view.getInt32(offset, true) / 2147483648;
    }
  }
}

/** Packs [-1, 1] peaks into Int16 for storage and transfer (clamped). */
export function packPeaks(peaks: Float32Array): Int16Array {
  const packed = new Int16Array(peaks.length);
  for (let i = 0; i < peaks.length; i += 1) packed[i] = Math.round(Math.max(-1, Math.min(1, peaks[i]!)) * 32767);
  return packed;
}

/** Unpacks Int16 peaks into [-1, 1] floats for drawing. */
export function unpackPeaks(packed: Int16Array): Float32Array {
  const peaks = new Float32Array(packed.length);
  for (let i = 0; i < packed.length; i += 1) peaks[i] = packed[i]! / 32767;
  return peaks;
}

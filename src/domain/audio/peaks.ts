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

/** Lookup tables from a G.711 byte to its linear sample (shared with the signals' frame energies). */
export const mulawTable = Float32Array.from({ length: 256 }, (_, byte) => mulawToLinear(byte));
export const alawTable = Float32Array.from({ length: 256 }, (_, byte) => alawToLinear(byte));

export interface SampleFormat {
  readonly encoding: WavEncoding;
  readonly bitsPerSample: number;
  readonly channels: number;
  readonly sampleRateHz: number;
}

/** A [-1, 1] sample as stored: Int16, clamped. */
function packSample(value: number): number {
  return Math.round(Math.max(-1, Math.min(1, value)) * 32767);
}

/** Pairs kept for a stream whose length is not known beforehand: a minute, grown as needed. */
const unknownLengthPairs = 60 * peakPairsPerSecond;

/**
 * Streams samples into per-channel min/max peaks, chunk by chunk, so a file of any length is read once in constant
 * memory. The peaks go straight into Int16 arrays (interleaved min/max, as stored) sized from the expected frame
 * count when the caller knows it (a WAV header, FLAC's STREAMINFO), so a long recording never holds its peaks as
 * plain number arrays. Samples arrive as little-endian bytes (`push`, frames may be split across chunks) or as
 * decoded float channels (`pushPlanar`, from the WebAssembly decoders).
 */
export class PeakAccumulator {
  private readonly bytesPerSample: number;
  private readonly framesPerPair: number;
  private peaks: Int16Array[];
  private pairs = 0;
  private readonly currentMin: Float64Array;
  private readonly currentMax: Float64Array;
  private framesInPair = 0;
  private framesTotal = 0;
  private carry = new Uint8Array(0);

  constructor(
    private readonly format: SampleFormat,
    expectedFrames = 0,
  ) {
    this.bytesPerSample = format.bitsPerSample / 8;
    this.framesPerPair = Math.max(1, Math.round(format.sampleRateHz / peakPairsPerSecond));
    const pairs = expectedFrames > 0 ? Math.ceil(expectedFrames / this.framesPerPair) : unknownLengthPairs;
    this.peaks = Array.from({ length: format.channels }, () => new Int16Array(pairs * 2));
    this.currentMin = new Float64Array(format.channels).fill(Infinity);
    this.currentMax = new Float64Array(format.channels).fill(-Infinity);
  }

  /** Adds the next bytes of interleaved sample data. */
  push(chunk: Uint8Array): void {
    const bytes = afterCarry(this.carry, chunk);
    const frameBytes = this.bytesPerSample * this.format.channels;
    const usable = bytes.length - (bytes.length % frameBytes);
    this.carry = bytes.slice(usable);
    const pcm16 = pcm16Samples(this.format, bytes, usable);
    if (pcm16) {
      this.pushPcm16(pcm16);
      return;
    }
    const read = sampleReader(this.format, bytes);
    const channels = this.format.channels;
    const { currentMin, currentMax } = this;
    for (let frameStart = 0; frameStart < usable; frameStart += frameBytes) {
      for (let channel = 0; channel < channels; channel += 1) {
        const value = read(frameStart + channel * this.bytesPerSample);
        if (value < currentMin[channel]!) currentMin[channel] = value;
        if (value > currentMax[channel]!) currentMax[channel] = value;
      }
      this.countFrame();
    }
  }

  /** Adds decoded frames as one float array per channel (in [-1, 1]); only the first `frames` of each are read. */
  pushPlanar(channelData: readonly Float32Array[], frames: number): void {
    const channels = this.format.channels;
    const { currentMin, currentMax } = this;
    for (let frame = 0; frame < frames; frame += 1) {
      for (let channel = 0; channel < channels; channel += 1) {
        const value = channelData[channel]![frame]!;
        if (value < currentMin[channel]!) currentMin[channel] = value;
        if (value > currentMax[channel]!) currentMax[channel] = value;
      }
      this.countFrame();
    }
  }

  /**
   * 16-bit PCM, the usual call recording, read as integers a pair's stretch at a time: several times faster than a
   * sample reader per sample, and the same peaks (each stretch's extremes scaled as the reader scales them).
   */
  private pushPcm16(samples: Int16Array): void {
    const channels = this.format.channels;
    const frames = samples.length / channels;
    const { currentMin, currentMax } = this;
    let frame = 0;
    while (frame < frames) {
      const take = Math.min(frames - frame, this.framesPerPair - this.framesInPair);
      const end = (frame + take) * channels;
      for (let channel = 0; channel < channels; channel += 1) {
        let min = 32767;
        let max = -32768;
        for (let index = frame * channels + channel; index < end; index += channels) {
          const value = samples[index]!;
          if (value < min) min = value;
          if (value > max) max = value;
        }
        if (min / 32768 < currentMin[channel]!) currentMin[channel] = min / 32768;
        if (max / 32768 > currentMax[channel]!) currentMax[channel] = max / 32768;
      }
      frame += take;
      this.framesTotal += take;
      this.framesInPair += take;
      if (this.framesInPair === this.framesPerPair) this.closePair();
    }
  }

  /** Frames seen so far. */
  get frames(): number {
    return this.framesTotal;
  }

  /** Ends the stream and returns the peaks, Int16 interleaved [min, max, min, max, ...] per channel. */
  finish(): { readonly channels: readonly Int16Array[]; readonly frames: number; readonly durationMs: number } {
    if (this.framesInPair > 0) this.closePair();
    const used = this.pairs * 2;
    const channels = this.peaks.map((peaks) => (peaks.length === used ? peaks : peaks.slice(0, used)));
    this.peaks = [];
    return {
      channels,
      frames: this.framesTotal,
      durationMs: Math.round((this.framesTotal / this.format.sampleRateHz) * 1000),
    };
  }

  private countFrame(): void {
    this.framesTotal += 1;
    this.framesInPair += 1;
    if (this.framesInPair === this.framesPerPair) this.closePair();
  }

  private closePair(): void {
    if ((this.pairs + 1) * 2 > this.peaks[0]!.length) this.grow();
    const at = this.pairs * 2;
    for (let channel = 0; channel < this.format.channels; channel += 1) {
      const peaks = this.peaks[channel]!;
      peaks[at] = packSample(this.currentMin[channel]!);
      peaks[at + 1] = packSample(this.currentMax[channel]!);
      this.currentMin[channel] = Infinity;
      this.currentMax[channel] = -Infinity;
    }
    this.pairs += 1;
    this.framesInPair = 0;
  }

  /** More pairs than expected (an estimate ran short, or the length was unknown): half as many again. */
  private grow(): void {
    this.peaks = this.peaks.map((peaks) => {
      const larger = new Int16Array(Math.max(4, Math.ceil((peaks.length * 1.5) / 2) * 2));
      larger.set(peaks);
      return larger;
    });
  }
}

/** Packs [-1, 1] peaks into Int16 for storage and transfer (clamped). */
export function packPeaks(peaks: Float32Array): Int16Array {
  const packed = new Int16Array(peaks.length);
  for (let i = 0; i < peaks.length; i += 1) packed[i] = packSample(peaks[i]!);
  return packed;
}

/** Unpacks Int16 peaks into [-1, 1] floats for drawing. */
export function unpackPeaks(packed: Int16Array): Float32Array {
  const peaks = new Float32Array(packed.length);
  for (let i = 0; i < packed.length; i += 1) peaks[i] = packed[i]! / 32767;
  return peaks;
}

/** Reads one sample at a byte offset as a float in [-1, 1], for the peak and the frame-energy accumulators. */
export function sampleReader(format: SampleFormat, bytes: Uint8Array): (offset: number) => number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { encoding, bitsPerSample } = format;
  if (encoding === 'mulaw') return (offset) => mulawTable[bytes[offset]!]!;
  if (encoding === 'alaw') return (offset) => alawTable[bytes[offset]!]!;
  if (encoding === 'float')
    return bitsPerSample === 32 ? (offset) => view.getFloat32(offset, true) : (offset) => view.getFloat64(offset, true);
  switch (bitsPerSample) {
    case 8:
      return (offset) => (bytes[offset]! - 128) / 128;
    case 16:
      return (offset) => view.getInt16(offset, true) / 32768;
    case 24:
      return (offset) =>
        (((bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16)) << 8) >> 8) / 8388608;
    default:
      return (offset) => view.getInt32(offset, true) / 2147483648;
  }
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The first `length` bytes as 16-bit samples when the format is 16-bit PCM (and this machine little-endian, as the
 * bytes are), else null. A view when the bytes are aligned; a copy of them when a chunk starts at an odd offset.
 */
export function pcm16Samples(format: SampleFormat, bytes: Uint8Array, length: number): Int16Array | null {
  if (format.encoding !== 'pcm' || format.bitsPerSample !== 16 || !littleEndian) return null;
  if (bytes.byteOffset % 2 === 0) return new Int16Array(bytes.buffer, bytes.byteOffset, length / 2);
  return new Int16Array(bytes.slice(0, length).buffer);
}

/** The bytes a chunk left over (part of a frame, kept as the carry) followed by the next chunk. */
export function afterCarry(carry: Uint8Array, chunk: Uint8Array): Uint8Array {
  if (carry.length === 0) return chunk;
  const bytes = new Uint8Array(carry.length + chunk.length);
  bytes.set(carry);
  bytes.set(chunk, carry.length);
  return bytes;
}

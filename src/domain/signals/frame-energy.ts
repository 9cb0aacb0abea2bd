import { afterCarry, pcm16Samples, sampleReader, type SampleFormat } from '../audio/peaks';
import { frameMs } from './model';

/** Energy of digital silence, so a log never sees zero. */
const silenceDb = -120;
/** One-pole DC blocker: removes offset and mains hum below ~60 Hz that would lift a quiet channel's energy. */
const dcBlockerPole = 0.995;
/** The DC blocker's next output from its input and its previous input and output (small enough to be inlined). */
const dcBlocked = (x: number, x1: number, y1: number) => x - x1 + dcBlockerPole * y1;
/** Sample frames converted to floats at a time when interleaved bytes are pushed. */
const scratchFrames = 4096;

export interface FrameEnergies {
  /** Per channel, one value per 10 ms frame: mean power in dB relative to full scale. */
  readonly channels: readonly Float32Array[];
  readonly frameMs: number;
  readonly durationMs: number;
}

/**
 * Streams samples into per-channel frame energies (10 ms, dBFS) in constant memory apart from the result (a
 * 60-minute stereo call is 2 × 360,000 floats). Takes interleaved little-endian bytes as stored in a WAV file or
 * decoded float channels, the same inputs as the peak accumulator, so any decoder the import uses can feed it.
 */
export class FrameEnergyAccumulator {
  private readonly samplesPerFrame: number;
  private energies: Float32Array[];
  private frames = 0;
  private readonly sums: Float64Array;
  private readonly previousInput: Float64Array;
  private readonly previousOutput: Float64Array;
  private inFrame = 0;
  private totalSamples = 0;
  private carry = new Uint8Array(0);
  private readonly scratch: Float32Array[];

  constructor(
    private readonly format: SampleFormat,
    expectedFrames = 0,
  ) {
    this.samplesPerFrame = Math.max(1, Math.round((format.sampleRateHz * frameMs) / 1000));
    const capacity = Math.max(1024, Math.ceil(expectedFrames / this.samplesPerFrame) + 1);
    this.energies = Array.from({ length: format.channels }, () => new Float32Array(capacity));
    this.sums = new Float64Array(format.channels);
    this.previousInput = new Float64Array(format.channels);
    this.previousOutput = new Float64Array(format.channels);
    this.scratch = Array.from({ length: format.channels }, () => new Float32Array(scratchFrames));
  }

  /** Adds the next bytes of interleaved sample data (frames may be split across chunks). */
  push(chunk: Uint8Array): void {
    const bytes = afterCarry(this.carry, chunk);
    const { channels, bitsPerSample } = this.format;
    const bytesPerSample = bitsPerSample / 8;
    const frameBytes = bytesPerSample * channels;
    const sampleFrames = Math.floor(bytes.length / frameBytes);
    this.carry = bytes.slice(sampleFrames * frameBytes);
    const pcm16 = pcm16Samples(this.format, bytes, sampleFrames * frameBytes);
    if (pcm16) {
      this.advance(sampleFrames, (start, take) => this.accumulatePcm16(pcm16, start, take));
      return;
    }
    const read = sampleReader(this.format, bytes);
    // Converted a block at a time into one reused buffer: a chunk's worth of floats per chunk would be garbage
    // several times the size of the recording by the end of a long call.
    const planar = this.scratch;
    for (let blockStart = 0; blockStart < sampleFrames; blockStart += scratchFrames) {
      const count = Math.min(scratchFrames, sampleFrames - blockStart);
      for (let frame = 0; frame < count; frame += 1) {
        const offset = (blockStart + frame) * frameBytes;
        for (let channel = 0; channel < channels; channel += 1) {
          planar[channel]![frame] = read(offset + channel * bytesPerSample);
        }
      }
      this.pushPlanar(planar, count);
    }
  }

  /** Adds decoded frames as one float array per channel (in [-1, 1]); only the first `count` of each are read. */
  pushPlanar(channelData: readonly Float32Array[], count: number): void {
    const channels = this.format.channels;
    this.advance(count, (start, take) => {
      for (let channel = 0; channel < channels; channel += 1) {
        this.accumulate(channel, channelData[Math.min(channel, channelData.length - 1)]!, start, take);
      }
    });
  }

  /** Feeds `count` sample frames to `accumulate` a 10 ms frame's stretch at a time, closing each frame when full. */
  private advance(count: number, accumulate: (start: number, take: number) => void): void {
    let start = 0;
    while (start < count) {
      const take = Math.min(count - start, this.samplesPerFrame - this.inFrame);
      accumulate(start, take);
      start += take;
      this.inFrame += take;
      this.totalSamples += take;
      if (this.inFrame === this.samplesPerFrame) this.closeFrame();
    }
  }

  /** Ends the stream; a last partial frame counts when it is at least half full. */
  finish(): FrameEnergies {
    if (this.inFrame * 2 >= this.samplesPerFrame) this.closeFrame();
    const channels = this.energies.map((values) => values.slice(0, this.frames));
    this.energies = [];
    return {
      channels,
      frameMs,
      durationMs: Math.round((this.totalSamples / this.format.sampleRateHz) * 1000),
    };
  }

  private accumulate(channel: number, samples: Float32Array, start: number, count: number): void {
    let x1 = this.previousInput[channel]!;
    let y1 = this.previousOutput[channel]!;
    let sum = this.sums[channel]!;
    const end = start + count;
    for (let index = start; index < end; index += 1) {
      const x = samples[index]!;
      const y = dcBlocked(x, x1, y1);
      sum += y * y;
      x1 = x;
      y1 = y;
    }
    this.previousInput[channel] = x1;
    this.previousOutput[channel] = y1;
    this.sums[channel] = sum;
  }

  /**
   * `accumulate` for interleaved 16-bit PCM, read straight from the integers (scaled as the sample reader scales
   * them, so the energies are the float path's to the bit). Every channel in one pass: their filters are independent,
   * so the processor runs them side by side.
   */
  private accumulatePcm16(samples: Int16Array, startFrame: number, count: number): void {
    const channels = this.format.channels;
    if (channels !== 2) {
      // `accumulate`'s loop again, over integers with a stride: one loop for both kinds of array would make the
      // element reads polymorphic in the hottest loop of an import.
      for (let channel = 0; channel < channels; channel += 1) {
        let x1 = this.previousInput[channel]!;
        let y1 = this.previousOutput[channel]!;
        let sum = this.sums[channel]!;
        const end = (startFrame + count) * channels;
        for (let index = startFrame * channels + channel; index < end; index += channels) {
          const x = samples[index]! / 32768;
          const y = dcBlocked(x, x1, y1);
          sum += y * y;
          x1 = x;
          y1 = y;
        }
        this.previousInput[channel] = x1;
        this.previousOutput[channel] = y1;
        this.sums[channel] = sum;
      }
      return;
    }
    const { previousInput, previousOutput, sums } = this;
    let leftX1 = previousInput[0]!;
    let leftY1 = previousOutput[0]!;
    let leftSum = sums[0]!;
    let rightX1 = previousInput[1]!;
    let rightY1 = previousOutput[1]!;
    let rightSum = sums[1]!;
    const end = (startFrame + count) * 2;
    for (let index = startFrame * 2; index < end; index += 2) {
      const left = samples[index]! / 32768;
      const right = samples[index + 1]! / 32768;
      const leftY = dcBlocked(left, leftX1, leftY1);
      const rightY = dcBlocked(right, rightX1, rightY1);
      leftSum += leftY * leftY;
      rightSum += rightY * rightY;
      leftX1 = left;
      leftY1 = leftY;
      rightX1 = right;
      rightY1 = rightY;
    }
    previousInput[0] = leftX1;
    previousOutput[0] = leftY1;
    sums[0] = leftSum;
    previousInput[1] = rightX1;
    previousOutput[1] = rightY1;
    sums[1] = rightSum;
  }

  private closeFrame(): void {
    if (this.frames === this.energies[0]!.length) this.grow();
    const count = Math.max(1, this.inFrame);
    for (let channel = 0; channel < this.format.channels; channel += 1) {
      const power = this.sums[channel]! / count;
      this.energies[channel]![this.frames] = power > 0 ? Math.max(silenceDb, 10 * Math.log10(power)) : silenceDb;
      this.sums[channel] = 0;
    }
    this.frames += 1;
    this.inFrame = 0;
  }

  private grow(): void {
    this.energies = this.energies.map((values) => {
      const larger = new Float32Array(Math.ceil(values.length * 1.5));
      larger.set(values);
      return larger;
    });
  }
}

/** Frame energies from whole decoded channels (tests and the bench's synthetic calls). */
export function frameEnergiesOf(channels: readonly Float32Array[], sampleRateHz: number): FrameEnergies {
  const accumulator = new FrameEnergyAccumulator(
    { encoding: 'float', bitsPerSample: 32, channels: channels.length, sampleRateHz },
    channels[0]?.length ?? 0,
  );
  accumulator.pushPlanar(channels, channels[0]?.length ?? 0);
  return accumulator.finish();
}

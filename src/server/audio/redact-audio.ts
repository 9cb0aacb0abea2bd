import { spawn } from 'node:child_process';
import { open, type FileHandle } from 'node:fs/promises';
import { openPlainFile, plainFileSize, readPlainBytes } from '../encryption/sealed-files';
import {
  framesToSilence,
  pcm16WavHeader,
  SilencedFrames,
  silenceByte,
  type TimeRange,
} from '../../domain/audio/silence';
import { readWavHeader } from '../../domain/audio/wav';
import type { AudioProblem } from './analysis-result';
import { describedAudioStream, ffmpegInput, locateFfmpeg } from './ffmpeg';
import { sniffAudioContainer } from './sniff';
import { mp3Facts, oggCodec, type WasmCodec } from './stream-headers';
import { openDecoder } from './wasm-decode';

export interface RedactAudioRequest {
  readonly sourcePath: string;
  /** A new file (in the data folder's staging folder): the caller moves it into place durably. */
  readonly targetPath: string;
  readonly ranges: readonly TimeRange[];
  /** ffmpeg as set in Settings, or null: look on PATH (only for formats no built-in decoder reads). */
  readonly ffmpegPath: string | null;
}

export type RedactAudioResult =
  | { readonly ok: true; readonly value: { readonly container: 'wav'; readonly sizeBytes: number } }
  | { readonly ok: false; readonly problem: AudioProblem; readonly detail: string };

const refuse = (problem: AudioProblem, detail: string): RedactAudioResult => ({ ok: false, problem, detail });
const headBytes = 64 * 1024;

/**
 * Writes the recording again with the redacted ranges silent, so the original sound is gone once the caller replaces
 * the stored file with it. A WAV keeps its exact format (only the samples in the ranges change); MP3, FLAC, Ogg and
 * anything ffmpeg reads become 16-bit PCM WAV at their own sample rate (re-encoding to a lossy format would need an
 * encoder the app does not ship). Streams both ways, so memory does not grow with the length.
 */
export async function writeRedactedAudio(
  request: RedactAudioRequest,
  signal?: AbortSignal,
): Promise<RedactAudioResult> {
  let head: Uint8Array;
  let size: number;
  try {
    // The stored recording may be sealed (encryption at rest): every read goes through its plaintext.
    [head, size] = await Promise.all([
      readPlainBytes(request.sourcePath, 0, headBytes),
      plainFileSize(request.sourcePath),
    ]);
  } catch (error) {
    return refuse('audio_unrecognized', error instanceof Error ? error.message : String(error));
  }
  const container = sniffAudioContainer(head);
  if (!container) return refuse('audio_unrecognized', 'not a recognised audio container');
  if (container === 'wav') return silenceWav(request, head, size, signal);
  if (container === 'mp3') return decodeToWav(request, 'mp3', signal, mp3Facts(head, size)?.channels);
  if (container === 'flac') return decodeToWav(request, 'flac', signal);
  const codec = container === 'ogg' ? oggCodec(head) : null;
  if (codec) return decodeToWav(request, codec, signal);
  return ffmpegToWav(request, signal);
}

/** Copies a WAV file byte for byte, writing the silence byte over every sample of the redacted frames. */
async function silenceWav(
  request: RedactAudioRequest,
  head: Uint8Array,
  size: number,
  signal?: AbortSignal,
): Promise<RedactAudioResult> {
  const header = readWavHeader(head, size);
  if (!header.ok) return refuse(header.error, header.detail);
  const { info } = header;
  const silence = silenceByte(info.encoding, info.bitsPerSample);
  const frames = new SilencedFrames(
    framesToSilence(request.ranges, info.sampleRateHz, info.dataBytes / info.blockAlign),
  );
  const output = await open(request.targetPath, 'wx');
  try {
    let position = 0;
    const { stream: source } = await openPlainFile(request.sourcePath, { highWaterMark: 1024 * 1024 });
    for await (const chunk of source) {
      if (signal?.aborted) return refuse('cancelled', 'cancelled');
      const bytes = chunk as Buffer;
      const dataStart = Math.max(position, info.dataOffset);
      const dataEnd = Math.min(position + bytes.length, info.dataOffset + info.dataBytes);
      if (dataEnd > dataStart) {
        // Chunks end on arbitrary bytes: a frame split between two chunks is looked up from both, and each fills its part.
        const firstFrame = Math.floor((dataStart - info.dataOffset) / info.blockAlign);
        const lastFrame = Math.ceil((dataEnd - info.dataOffset) / info.blockAlign);
        for (const interval of frames.within(firstFrame, lastFrame)) {
          const from = Math.max(dataStart, info.dataOffset + (firstFrame + interval.start) * info.blockAlign);
          const to = Math.min(dataEnd, info.dataOffset + (firstFrame + interval.end) * info.blockAlign);
          bytes.fill(silence, from - position, to - position);
        }
      }
      await writeAll(output, bytes);
      position += bytes.length;
    }
    await output.sync();
  } finally {
    await output.close();
  }
  return { ok: true, value: { container: 'wav', sizeBytes: size } };
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let written = 0;
  while (written < bytes.length) written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
}

/** Writes interleaved 16-bit frames to a WAV file, silencing the redacted frames; the header is filled in at the end. */
class Pcm16WavWriter {
  private frame = 0;
  private dataBytes = 0;
  private silenced: SilencedFrames | undefined;

  constructor(
    private readonly handle: FileHandle,
    private readonly ranges: readonly TimeRange[],
    private channels = 0,
    private sampleRateHz = 0,
  ) {}

  async begin(channels: number, sampleRateHz: number): Promise<void> {
    this.channels = channels;
    this.sampleRateHz = sampleRateHz;
    // Sized later: the frame count of a compressed stream is known only once it is decoded.
    this.silenced = new SilencedFrames(framesToSilence(this.ranges, sampleRateHz, Number.MAX_SAFE_INTEGER));
    await writeAll(this.handle, pcm16WavHeader(channels, sampleRateHz, 0));
  }

  get started(): boolean {
    return this.silenced !== undefined;
  }

  /** Interleaved samples; `frames` of them. */
  async push(samples: Int16Array, frames: number): Promise<void> {
    for (const interval of this.silenced!.within(this.frame, this.frame + frames))
      samples.fill(0, interval.start * this.channels, interval.end * this.channels);
    const bytes = new Uint8Array(samples.buffer, samples.byteOffset, frames * this.channels * 2);
    await writeAll(this.handle, bytes);
    this.frame += frames;
    this.dataBytes += bytes.length;
  }

  async finish(): Promise<number> {
    await this.handle.write(pcm16WavHeader(this.channels, this.sampleRateHz, this.dataBytes), 0, 44, 0);
    await this.handle.sync();
    return 44 + this.dataBytes;
  }
}

const toInt16 = (value: number) => Math.max(-32768, Math.min(32767, Math.round(value * 32767)));

async function decodeToWav(
  request: RedactAudioRequest,
  codec: WasmCodec,
  signal?: AbortSignal,
  statedChannels?: number,
): Promise<RedactAudioResult> {
  const decoder = await openDecoder(codec);
  const handle = await open(request.targetPath, 'wx');
  const writer = new Pcm16WavWriter(handle, request.ranges);
  try {
    const take = async (decoded: Awaited<ReturnType<typeof decoder.flush>>) => {
      if (!decoded || decoded.samplesDecoded === 0) return;
      // A mono MP3 decodes to two identical channels: the stream header says how many the recording has.
      const channels = Math.min(statedChannels ?? decoded.channelData.length, decoded.channelData.length);
      if (!writer.started) await writer.begin(channels, decoded.sampleRate);
      const samples = new Int16Array(decoded.samplesDecoded * channels);
      for (let frame = 0; frame < decoded.samplesDecoded; frame += 1)
        for (let channel = 0; channel < channels; channel += 1)
          samples[frame * channels + channel] = toInt16(decoded.channelData[channel]![frame]!);
      await writer.push(samples, decoded.samplesDecoded);
    };
    const { stream: source } = await openPlainFile(request.sourcePath, { highWaterMark: 256 * 1024 });
    for await (const chunk of source) {
      if (signal?.aborted) return refuse('cancelled', 'cancelled');
      await take(await decoder.decode(new Uint8Array(chunk as Buffer)));
    }
    await take(await decoder.flush());
    if (!writer.started) return refuse('audio_undecodable', `damaged ${codec.toUpperCase()} data: no audio`);
    return { ok: true, value: { container: 'wav', sizeBytes: await writer.finish() } };
  } finally {
    decoder.free();
    await handle.close();
  }
}

async function ffmpegToWav(request: RedactAudioRequest, signal?: AbortSignal): Promise<RedactAudioResult> {
  const ffmpeg = await locateFfmpeg(request.ffmpegPath);
  if (!ffmpeg.path) return refuse('audio_decoder_missing', 'this format needs ffmpeg, which was not found');
  const probeInput = await ffmpegInput(request.sourcePath);
  const probe = await new Promise<string>((resolve) => {
    let text = '';
    const child = spawn(ffmpeg.path!, ['-hide_banner', '-nostdin', '-i', probeInput.arg], {
      stdio: [probeInput.stdin, 'ignore', 'pipe'],
    });
    probeInput.feed(child);
    child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', () => resolve(''));
    child.on('close', () => resolve(text));
  });
  const stream = describedAudioStream(probe);
  if (!stream) return refuse('audio_undecodable', 'ffmpeg found no audio stream');
  if (stream.channels > 2) return refuse('audio_too_many_channels', `${stream.channels} channels`);
  const sampleRateHz = stream.sampleRateHz || 8000;
  const handle = await open(request.targetPath, 'wx');
  const writer = new Pcm16WavWriter(handle, request.ranges);
  try {
    await writer.begin(stream.channels, sampleRateHz);
    const frameBytes = stream.channels * 2;
    const input = await ffmpegInput(request.sourcePath);
    const args = ['-v', 'error', '-nostdin', '-i', input.arg, '-map', 'a:0', '-f', 's16le'];
    args.push('-ac', String(stream.channels), '-ar', String(sampleRateHz), 'pipe:1');
    const child = spawn(ffmpeg.path, args, { stdio: [input.stdin, 'pipe', 'ignore'], signal });
    input.feed(child);
    const closed = new Promise<number | null>((resolve) => {
      child.on('error', () => resolve(null));
      child.on('close', resolve);
    });
    let carry = Buffer.alloc(0);
    for await (const chunk of child.stdout!) {
      const bytes = Buffer.concat([carry, chunk as Buffer]);
      const whole = bytes.length - (bytes.length % frameBytes);
      carry = bytes.subarray(whole);
      // Copied into an array of its own: ffmpeg's chunks need not start on an even byte offset.
      const samples = new Int16Array(whole / 2);
      new Uint8Array(samples.buffer).set(bytes.subarray(0, whole));
      await writer.push(samples, whole / frameBytes);
    }
    const code = await closed;
    if (signal?.aborted) return refuse('cancelled', 'cancelled');
    if (code !== 0) return refuse('audio_undecodable', 'ffmpeg could not decode the file');
    return { ok: true, value: { container: 'wav', sizeBytes: await writer.finish() } };
  } finally {
    await handle.close();
  }
}

import { spawn } from 'node:child_process';
import { openPlainFile, plainFileSize, readPlainBytes } from '../encryption/sealed-files';
import { readWavHeader } from '../../domain/audio/wav';
import { FrameEnergyAccumulator, type FrameEnergies } from '../../domain/signals/frame-energy';
import type { AudioProblem } from './analysis-result';
import { describedAudioStream, ffmpegInput, locateFfmpeg, pcm16DecodeArgs } from './ffmpeg';
import { sniffAudioContainer } from './sniff';
import { mp3Facts, oggCodec, type WasmCodec } from './stream-headers';
import { openDecoder } from './wasm-decode';
import { streamWavData } from './wav-data';

export type FrameEnergiesResult =
  | { readonly ok: true; readonly value: FrameEnergies }
  | { readonly ok: false; readonly problem: AudioProblem; readonly detail: string };

const refuse = (problem: AudioProblem, detail: string): FrameEnergiesResult => ({ ok: false, problem, detail });
const headBytes = 64 * 1024;
/** ffmpeg resamples to this rate for the signals: telephone band, the energies need no more. */
const ffmpegRateHz = 8000;

/** The start of the recording's plaintext (the data folder's files are sealed). */
const readHead = (path: string): Promise<Uint8Array> => readPlainBytes(path, 0, headBytes);

/**
 * Decodes a recording into 10 ms frame energies per channel, streaming, with the decoders the import uses: WAV
 * natively, MP3/FLAC/Vorbis/Opus by WebAssembly, anything else by ffmpeg when installed. Never throws for bad files.
 */
export async function decodeFrameEnergies(
  path: string,
  options: { readonly ffmpegPath?: string | null; readonly signal?: AbortSignal } = {},
): Promise<FrameEnergiesResult> {
  let head: Uint8Array;
  let size: number;
  try {
    [head, size] = await Promise.all([readHead(path), plainFileSize(path)]);
  } catch (error) {
    return refuse('audio_unrecognized', error instanceof Error ? error.message : String(error));
  }
  const container = sniffAudioContainer(head);
  if (!container) return refuse('audio_unrecognized', 'not a recognised audio container');
  if (container === 'wav') return wavEnergies(path, head, size, options.signal);
  // A mono MP3 decodes to two identical channels: the stream header says how many the recording has.
  if (container === 'mp3') return wasmEnergies(path, 'mp3', options.signal, mp3Facts(head, size)?.channels);
  if (container === 'flac') return wasmEnergies(path, 'flac', options.signal);
  const codec = container === 'ogg' ? oggCodec(head) : null;
  if (codec) return wasmEnergies(path, codec, options.signal);
  return ffmpegEnergies(path, options.ffmpegPath, options.signal);
}

async function wavEnergies(
  path: string,
  head: Uint8Array,
  size: number,
  signal?: AbortSignal,
): Promise<FrameEnergiesResult> {
  const header = readWavHeader(head, size);
  if (!header.ok) return refuse(header.error, header.detail);
  const { info } = header;
  if (info.channels > 2) return refuse('audio_too_many_channels', `${info.channels} channels`);
  const accumulator = new FrameEnergyAccumulator(info, info.dataBytes / info.blockAlign);
  if (!(await streamWavData(path, info, (chunk) => accumulator.push(chunk), signal)))
    return refuse('cancelled', 'cancelled');
  return { ok: true, value: accumulator.finish() };
}

async function wasmEnergies(
  path: string,
  codec: WasmCodec,
  signal?: AbortSignal,
  statedChannels?: number,
): Promise<FrameEnergiesResult> {
  const decoder = await openDecoder(codec);
  let accumulator: FrameEnergyAccumulator | undefined;
  let errors = 0;
  const take = (
    decoded: {
      channelData: readonly Float32Array[];
      samplesDecoded: number;
      sampleRate: number;
      errors: readonly unknown[];
    } | null,
  ) => {
    if (!decoded) return;
    errors += decoded.errors.length;
    if (decoded.samplesDecoded === 0) return;
    accumulator ??= new FrameEnergyAccumulator({
      encoding: 'float',
      bitsPerSample: 32,
      channels: Math.min(2, statedChannels ?? decoded.channelData.length),
      sampleRateHz: decoded.sampleRate,
    });
    accumulator.pushPlanar(decoded.channelData, decoded.samplesDecoded);
  };
  const { stream } = await openPlainFile(path, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream) {
      if (signal?.aborted) return refuse('cancelled', 'cancelled');
      take(await decoder.decode(new Uint8Array(chunk as Buffer)));
    }
    take(await decoder.flush());
  } finally {
    stream.destroy();
    decoder.free();
  }
  const energies = accumulator?.finish();
  if (!energies || energies.channels[0]!.length === 0)
    return refuse('audio_undecodable', `damaged ${codec.toUpperCase()} data: no audio (${errors} decoding errors)`);
  return { ok: true, value: energies };
}

async function ffmpegEnergies(
  path: string,
  ffmpegPath: string | null | undefined,
  signal?: AbortSignal,
): Promise<FrameEnergiesResult> {
  const ffmpeg = await locateFfmpeg(ffmpegPath);
  if (!ffmpeg.path) return refuse('audio_decoder_missing', 'this format needs ffmpeg, which was not found');
  const probe = await probeChannels(ffmpeg.path, path);
  const input = await ffmpegInput(path);
  if (probe === null) return refuse('audio_undecodable', 'ffmpeg found no audio stream');
  if (probe > 2) return refuse('audio_too_many_channels', `${probe} channels`);
  const accumulator = new FrameEnergyAccumulator({
    encoding: 'pcm',
    bitsPerSample: 16,
    channels: probe,
    sampleRateHz: ffmpegRateHz,
  });
  const args = pcm16DecodeArgs(input.arg, probe, ffmpegRateHz);
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(ffmpeg.path!, args, { stdio: [input.stdin, 'pipe', 'ignore'], signal });
    input.feed(child);
    child.stdout?.on('data', (chunk: Buffer) => accumulator.push(chunk));
    child.on('error', () => resolve(null));
    child.on('close', resolve);
  });
  if (signal?.aborted) return refuse('cancelled', 'cancelled');
  const energies = accumulator.finish();
  if (code !== 0 || energies.channels[0]!.length === 0)
    return refuse('audio_undecodable', 'ffmpeg could not decode the file');
  return { ok: true, value: energies };
}

/** The first audio stream's channel count as ffmpeg describes it, or null when it has none. */
async function probeChannels(ffmpegPath: string, path: string): Promise<number | null> {
  const input = await ffmpegInput(path);
  const stderr = await new Promise<string>((resolve) => {
    let text = '';
    const child = spawn(ffmpegPath, ['-hide_banner', '-nostdin', '-i', input.arg], {
      stdio: [input.stdin, 'ignore', 'pipe'],
    });
    input.feed(child);
    child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', () => resolve(''));
    child.on('close', () => resolve(text));
  });
  return describedAudioStream(stderr)?.channels ?? null;
}

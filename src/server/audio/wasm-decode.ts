import { openPlainFile } from '../encryption/sealed-files';
import { PeakAccumulator, peakPairsPerSecond } from '../../domain/audio/peaks';
import { cancelled, refusal, type AudioAnalysisResult } from './analysis-result';
import { mimeTypes, type AudioContainer } from './sniff';
import type { WasmCodec } from './stream-headers';

/** What every wasm-audio-decoders decoder hands back for a chunk. */
interface DecodedChunk {
  readonly channelData: readonly Float32Array[];
  readonly samplesDecoded: number;
  readonly sampleRate: number;
  readonly errors: readonly { readonly message: string }[];
}

/** One decoder behind one shape: feed chunks of the file, flush at the end, free its WebAssembly memory. */
interface StreamDecoder {
  decode(chunk: Uint8Array): Promise<DecodedChunk>;
  flush(): Promise<DecodedChunk | null>;
  free(): void;
}

/** Loads only the decoder the file needs (each is a WebAssembly module of its own). */
export async function openDecoder(codec: WasmCodec): Promise<StreamDecoder> {
  if (codec === 'mp3') {
    const { MPEGDecoder } = await import('mpg123-decoder');
    const decoder = new MPEGDecoder();
    await decoder.ready;
    return { decode: async (chunk) => decoder.decode(chunk), flush: async () => null, free: () => decoder.free() };
  }
  if (codec === 'opus') {
    const { OggOpusDecoder } = await import('ogg-opus-decoder');
    const decoder = new OggOpusDecoder();
    await decoder.ready;
    return { decode: async (chunk) => decoder.decode(chunk), flush: () => decoder.flush(), free: () => decoder.free() };
  }
  const decoder =
    codec === 'flac'
      ? new (await import('@wasm-audio-decoders/flac')).FLACDecoder()
      : new (await import('@wasm-audio-decoders/ogg-vorbis')).OggVorbisDecoder();
  await decoder.ready;
  return { decode: (chunk) => decoder.decode(chunk), flush: () => decoder.flush(), free: () => decoder.free() };
}

export interface WasmDecodeRequest {
  readonly path: string;
  readonly container: AudioContainer;
  readonly codec: WasmCodec;
  /** Channels the stream header states, when the decoder's output count is not the recording's (mono MP3). */
  readonly channels?: number;
  /** Frames the headers promise: sizes the peak arrays once. */
  readonly expectedFrames: number;
  readonly signal?: AbortSignal;
}

/** Chunks read from the file: the decoders keep only a frame or two of state, so memory stays flat. */
const chunkBytes = 256 * 1024;
/** Headers can lie (a forged frame count): peak arrays are never sized for more than a day; longer audio grows them. */
const maxPreallocatedSeconds = 24 * 3600;
/** Past this many errors a file that is mostly errors is refused at once (the decoders log every error). */
const errorsBeforeGivingUp = 100;
/** A damaged frame now and then is skipped, as players do (one error per this many frames: about one MPEG frame in nine); more is a broken file. */
const framesPerTolerableError = 1024 * 10;

/**
 * Decodes MP3, FLAC, Ogg Vorbis or Ogg Opus in this thread with the wasm-audio-decoders (no ffmpeg), streaming the
 * file chunk by chunk into the peaks. A file that decodes to nothing, or mostly to errors, is refused.
 */
export async function analyzeWithWasm(request: WasmDecodeRequest): Promise<AudioAnalysisResult> {
  const decoder = await openDecoder(request.codec);
  let accumulator: PeakAccumulator | undefined;
  let channels = 0;
  let sampleRateHz = 0;
  let errors = 0;
  let firstError = '';
  const take = (decoded: DecodedChunk | null): boolean => {
    if (!decoded) return true;
    errors += decoded.errors.length;
    firstError ||= decoded.errors[0]?.message ?? '';
    if (decoded.samplesDecoded === 0) return true;
    if (!accumulator) {
      channels = request.channels ?? decoded.channelData.length;
      if (channels > 2) return false;
      sampleRateHz = decoded.sampleRate;
      const expectedFrames = Math.min(request.expectedFrames, sampleRateHz * maxPreallocatedSeconds);
      accumulator = new PeakAccumulator(
        { encoding: 'float', bitsPerSample: 32, channels, sampleRateHz },
        expectedFrames,
      );
    }
    accumulator.pushPlanar(decoded.channelData, decoded.samplesDecoded);
    return true;
  };
  const mostlyErrors = () => errors > Math.max(1, (accumulator?.frames ?? 0) / framesPerTolerableError);
  const { stream } = await openPlainFile(request.path, { highWaterMark: chunkBytes });
  let gaveUp = false;
  try {
    for await (const chunk of stream) {
      if (request.signal?.aborted) return cancelled();
      if (!take(await decoder.decode(new Uint8Array(chunk as Buffer))))
        return refusal('audio_too_many_channels', `${channels} channels`);
      gaveUp = errors > errorsBeforeGivingUp && mostlyErrors();
      if (gaveUp) break;
    }
    if (!gaveUp && !take(await decoder.flush())) return refusal('audio_too_many_channels', `${channels} channels`);
  } finally {
    stream.destroy();
    decoder.free();
  }
  const peaks = accumulator?.finish();
  if (!peaks || peaks.frames === 0 || mostlyErrors()) {
    const found = peaks ? `${peaks.durationMs} ms of audio and ${errors} decoding errors` : 'no audio';
    return refusal(
      'audio_undecodable',
      `damaged ${request.codec.toUpperCase()} data: ${found}${firstError ? ` (${firstError})` : ''}`,
    );
  }
  return {
    ok: true,
    value: {
      container: request.container,
      codec: request.codec,
      mimeType: mimeTypes[request.container],
      sampleRateHz,
      channels,
      durationMs: peaks.durationMs,
      peaks: peaks.channels,
      pairsPerSecond: peakPairsPerSecond,
    },
  };
}

import { plainFileSize, readPlainBytes } from '../encryption/sealed-files';
import { PeakAccumulator, peakPairsPerSecond } from '../../domain/audio/peaks';
import { readWavHeader } from '../../domain/audio/wav';
import { cancelled, refusal, type AudioAnalysisResult } from './analysis-result';
import { analyzeWithFfmpeg } from './ffmpeg';
import { mimeTypes, sniffAudioContainer } from './sniff';
import { flacExpectedFrames, mp3Facts, oggCodec, oggExpectedFrames } from './stream-headers';
import { analyzeWithWasm } from './wasm-decode';
import { streamWavData } from './wav-data';

export type { AudioAnalysis, AudioAnalysisResult, AudioProblem } from './analysis-result';

const headBytes = 64 * 1024;

/** Plaintext bytes of the recording: a source being imported, or a sealed file in the data folder. */
const readBytes = readPlainBytes;

export interface AnalyzeOptions {
  readonly signal?: AbortSignal;
  /** ffmpeg as set in Settings; when absent, ffmpeg is looked for on PATH (only for formats no built-in decoder reads). */
  readonly ffmpegPath?: string | null;
}

/**
 * Reads an audio file once and returns its facts and peaks. WAV (PCM, float, mu-law, A-law) is decoded here;
 * MP3, FLAC, Ogg Vorbis and Ogg Opus by the WebAssembly decoders in this thread; anything else (AAC/M4A, WebM,
 * Speex...) by ffmpeg when it is installed. Every path streams the file, so memory does not grow with its length.
 * Never throws for bad files.
 */
export async function analyzeAudio(path: string, options: AnalyzeOptions = {}): Promise<AudioAnalysisResult> {
  const { signal, ffmpegPath } = options;
  const [head, size] = await Promise.all([readBytes(path, 0, headBytes), plainFileSize(path)]);
  const container = sniffAudioContainer(head);
  if (!container) return refusal('audio_unrecognized', 'not a recognised audio container');
  if (container === 'wav') return analyzeWav(path, head, size, signal);
  if (container === 'mp3') {
    const facts = mp3Facts(head, size);
    if (facts)
      return analyzeWithWasm({
        path,
        container,
        codec: 'mp3',
        channels: facts.channels,
        expectedFrames: facts.expectedFrames,
        signal,
      });
    return refusal('audio_undecodable', 'damaged MP3 data: no MPEG audio frame at the start');
  }
  if (container === 'flac')
    return analyzeWithWasm({ path, container, codec: 'flac', expectedFrames: flacExpectedFrames(head), signal });
  const codec = container === 'ogg' ? oggCodec(head) : null;
  if (codec) {
    const tail = await readBytes(path, Math.max(0, size - headBytes), headBytes);
    return analyzeWithWasm({ path, container, codec, expectedFrames: oggExpectedFrames(tail), signal });
  }
  return analyzeWithFfmpeg(path, container, ffmpegPath, signal);
}

async function analyzeWav(
  path: string,
  head: Uint8Array,
  size: number,
  signal?: AbortSignal,
): Promise<AudioAnalysisResult> {
  const header = readWavHeader(head, size);
  if (!header.ok) return refusal(header.error, header.detail);
  const { info } = header;
  if (info.channels > 2) return refusal('audio_too_many_channels', `${info.channels} channels`);
  const frameBytes = (info.bitsPerSample / 8) * info.channels;
  const accumulator = new PeakAccumulator(info, Math.floor(info.dataBytes / frameBytes));
  if (!(await streamWavData(path, info, (chunk) => accumulator.push(chunk), signal))) return cancelled();
  const peaks = accumulator.finish();
  const codec =
    info.encoding === 'pcm'
      ? `pcm_s${info.bitsPerSample}`
      : info.encoding === 'float'
        ? `pcm_f${info.bitsPerSample}`
        : info.encoding;
  return {
    ok: true,
    value: {
      container: 'wav',
      codec,
      mimeType: mimeTypes.wav,
      sampleRateHz: info.sampleRateHz,
      channels: info.channels,
      durationMs: info.durationMs,
      peaks: peaks.channels,
      pairsPerSecond: peakPairsPerSecond,
    },
  };
}

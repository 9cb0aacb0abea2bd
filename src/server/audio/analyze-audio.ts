import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { PeakAccumulator, packPeaks, peakPairsPerSecond } from '../../domain/audio/peaks';
import { readWavHeader } from '../../domain/audio/wav';
import { mimeTypes, sniffAudioContainer, type AudioContainer } from './sniff';

export interface AudioAnalysis {
  readonly container: AudioContainer;
  readonly codec: string;
  readonly mimeType: string;
  readonly sampleRateHz: number;
  readonly channels: number;
  readonly durationMs: number;
  /** Int16 interleaved min/max pairs, one array per channel. */
  readonly peaks: readonly Int16Array[];
  readonly pairsPerSecond: number;
}

export type AudioProblem =
  | 'audio_unrecognized'
  | 'audio_not_wav'
  | 'audio_truncated'
  | 'audio_unsupported_codec'
  | 'audio_invalid_header'
  | 'audio_undecodable'
  | 'audio_decoder_missing'
  | 'audio_too_many_channels'
  | 'cancelled';

export type AudioAnalysisResult = { readonly ok: true; readonly value: AudioAnalysis } | { readonly ok: false; readonly problem: AudioProblem; readonly detail: string };

const headBytes = 64 * 1024;
/** Non-WAV audio is decoded by ffmpeg at this rate: plenty for drawing peaks, and fast. */
const peakDecodeRateHz = 8000;

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(headBytes);
    const { bytesRead } = await handle.read(buffer, 0, headBytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Reads an audio file once and returns its facts and peaks. WAV (PCM, float, mu-law, A-law) is decoded here while
 * streaming; other containers are decoded by ffmpeg in a child process. Never throws for bad files.
 */
export async function analyzeAudio(path: string, signal?: AbortSignal): Promise<AudioAnalysisResult> {
  const [head, { size }] = await Promise.all([readHead(path), stat(path)]);
  const container = sniffAudioContainer(head);
  if (!container) return { ok: false, problem: 'audio_unrecognized', detail: 'not a recognised audio container' };
  return container === 'wav' ? analyzeWav(path, head, size, signal) : analyzeWithFfmpeg(path, container, signal);
}

async function analyzeWav(path: string, head: Uint8Array, size: number, signal?: AbortSignal): Promise<AudioAnalysisResult> {
  const header = readWavHeader(head, size);
  if (!header.ok) return { ok: false, problem: header.error, detail: header.detail };
  const { info } = header;
  if (info.channels > 2) return { ok: false, problem: 'audio_too_many_channels', detail: `${info.channels} channels` };
  const accumulator = new PeakAccumulator(info);
  const stream = createReadStream(path, { start: info.dataOffset, end: info.dataOffset + info.dataBytes - 1, highWaterMark: 1024 * 1024 });
  for await (const chunk of stream) {
    if (signal?.aborted) {
      stream.destroy();
      return { ok: false, problem: 'cancelled', detail: 'cancelled' };
    }
    accumulator.push(chunk as Buffer);
  }
  const peaks = accumulator.finish();
  const codec = info.encoding === 'pcm' ? `pcm_s${info.bitsPerSample}` : info.encoding === 'float' ? `pcm_f${info.bitsPerSample}` : info.encoding;
  return {
    ok: true,
    value: {
      container: 'wav',
      codec,
      mimeType: mimeTypes.wav,
      sampleRateHz: info.sampleRateHz,
      channels: info.channels,
      durationMs: info.durationMs,
      peaks: peaks.channels.map(packPeaks),
      pairsPerSecond: peakPairsPerSecond,
    },
  };
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  sample_rate?: string;
  channels?: number;
}

function run(command: string, args: readonly string[], onStdout: (chunk: Buffer) => void, signal?: AbortSignal): Promise<{ code: number | null; stderr: string; missing: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], signal });
    let stderr = '';
    child.stdout.on('data', onStdout);
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) => resolve({ code: null, stderr: error.message, missing: error.code === 'ENOENT' }));
    child.on('close', (code) => resolve({ code, stderr, missing: false }));
  });
}

async function analyzeWithFfmpeg(path: string, container: AudioContainer, signal?: AbortSignal): Promise<AudioAnalysisResult> {
  let probeJson = '';
  const probe = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', '-select_streams', 'a:0', path], (chunk) => (probeJson += chunk.toString()), signal);
  if (signal?.aborted) return { ok: false, problem: 'cancelled', detail: 'cancelled' };
  if (probe.missing) return { ok: false, problem: 'audio_decoder_missing', detail: 'ffprobe/ffmpeg is not installed' };
  let stream: ProbeStream | undefined;
  try {
    stream = (JSON.parse(probeJson || '{}') as { streams?: ProbeStream[] }).streams?.[0];
  } catch {
    stream = undefined;
  }
  if (probe.code !== 0 || !stream || stream.codec_type !== 'audio') {
    return { ok: false, problem: 'audio_undecodable', detail: probe.stderr.trim().split('\n')[0] || 'no audio stream' };
  }
  const channels = stream.channels ?? 0;
  if (channels < 1) return { ok: false, problem: 'audio_undecodable', detail: 'no channels' };
  if (channels > 2) return { ok: false, problem: 'audio_too_many_channels', detail: `${channels} channels` };
  const accumulator = new PeakAccumulator({ encoding: 'pcm', bitsPerSample: 16, channels, sampleRateHz: peakDecodeRateHz });
  const decode = await run(
    'ffmpeg',
    ['-v', 'error', '-nostdin', '-i', path, '-map', 'a:0', '-f', 's16le', '-acodec', 'pcm_s16le', '-ac', String(channels), '-ar', String(peakDecodeRateHz), 'pipe:1'],
    (chunk) => accumulator.push(chunk),
    signal,
  );
  if (signal?.aborted) return { ok: false, problem: 'cancelled', detail: 'cancelled' };
  const peaks = accumulator.finish();
  if (decode.code !== 0 || peaks.frames === 0) {
    return { ok: false, problem: 'audio_undecodable', detail: decode.stderr.trim().split('\n')[0] || 'decoding produced no audio' };
  }
  return {
    ok: true,
    value: {
      container,
      codec: stream.codec_name ?? 'unknown',
      mimeType: mimeTypes[container],
      sampleRateHz: Number(stream.sample_rate) || peakDecodeRateHz,
      channels,
      durationMs: peaks.durationMs,
      peaks: peaks.channels.map(packPeaks),
      pairsPerSecond: peakPairsPerSecond,
    },
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { isSealedFile, openPlainFile } from '../encryption/sealed-files';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { PeakAccumulator, peakPairsPerSecond } from '../../domain/audio/peaks';
import { cancelled, refusal, type AudioAnalysisResult } from './analysis-result';
import { mimeTypes, type AudioContainer } from './sniff';

/** Audio ffmpeg decodes is resampled to this rate: plenty for drawing peaks, and fast. */
const peakDecodeRateHz = 8000;

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Where ffmpeg is: the path set in Settings when there is one (and only that: a wrong setting is reported, not
 * silently replaced), else the first `ffmpeg` on PATH, else null.
 */
export async function locateFfmpeg(
  preferredPath: string | null | undefined,
  searchPath = process.env.PATH ?? '',
): Promise<{ readonly path: string | null; readonly looked: string }> {
  if (preferredPath)
    return { path: (await isExecutableFile(preferredPath)) ? preferredPath : null, looked: preferredPath };
  const names = process.platform === 'win32' ? ['ffmpeg.exe'] : ['ffmpeg'];
  for (const folder of searchPath.split(delimiter).filter(Boolean)) {
    for (const name of names) {
      if (await isExecutableFile(join(folder, name))) return { path: join(folder, name), looked: 'PATH' };
    }
  }
  return { path: null, looked: 'PATH' };
}

function run(
  command: string,
  args: readonly string[],
  onStdout: (chunk: Buffer) => void,
  signal?: AbortSignal,
  input?: Awaited<ReturnType<typeof ffmpegInput>>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: [input?.stdin ?? 'ignore', 'pipe', 'pipe'], signal });
    input?.feed(child);
    let stderr = '';
    child.stdout?.on('data', onStdout);
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 16_000) stderr += chunk.toString();
    });
    child.on('error', (error) => resolve({ code: null, stderr: error.message }));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** The first audio stream as ffmpeg describes it: `Stream #0:0: Audio: aac (LC) (...), 44100 Hz, mono, fltp`. */
export function describedAudioStream(stderr: string): { codec: string; sampleRateHz: number; channels: number } | null {
  const match = /Stream #\d+:\d+[^:]*: Audio: ([\w-]+)[^\n]*?, (\d+) Hz, ([^,\n]+)/.exec(stderr);
  if (!match) return null;
  const layout = match[3]!.trim();
  const counted = /^(\d+) channels/.exec(layout);
  // Any named layout other than mono and stereo (2.1, quad, 5.1...) has more than two channels.
  const channels = layout === 'mono' ? 1 : layout === 'stereo' ? 2 : counted ? Number(counted[1]) : 3;
  return { codec: match[1]!, sampleRateHz: Number(match[2]), channels };
}

/** The input's length as ffmpeg states it (`Duration: 00:01:02.50`), or 0: only sizes the peak arrays. */
function statedSeconds(stderr: string): number {
  const match = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(stderr);
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : 0;
}

/** Decodes what no built-in decoder reads (AAC/M4A, WebM, Speex, GSM...) with ffmpeg in a child process. */
export async function analyzeWithFfmpeg(
  path: string,
  container: AudioContainer,
  ffmpegPath: string | null | undefined,
  signal?: AbortSignal,
): Promise<AudioAnalysisResult> {
  const ffmpeg = await locateFfmpeg(ffmpegPath);
  if (!ffmpeg.path) {
    const where =
      ffmpeg.looked === 'PATH' ? 'not found on PATH and not set in Settings' : `not found at ${ffmpeg.looked}`;
    return refusal('audio_decoder_missing', `${container} audio needs ffmpeg, which was ${where}`);
  }
  // Probing: ffmpeg without an output describes the input on stderr and exits with an error, as intended.
  const probe = await run(
    ffmpeg.path,
    ['-hide_banner', '-nostdin', '-i', (await ffmpegInput(path)).arg],
    () => undefined,
    signal,
    await ffmpegInput(path),
  );
  if (signal?.aborted) return cancelled();
  const stream = describedAudioStream(probe.stderr);
  if (!stream) return refusal('audio_undecodable', probe.stderr.trim().split('\n').at(-1) || 'no audio stream');
  if (stream.channels > 2) return refusal('audio_too_many_channels', `${stream.channels} channels`);
  const accumulator = new PeakAccumulator(
    { encoding: 'pcm', bitsPerSample: 16, channels: stream.channels, sampleRateHz: peakDecodeRateHz },
    statedSeconds(probe.stderr) * peakDecodeRateHz,
  );
  const input = await ffmpegInput(path);
  const args = pcm16DecodeArgs(input.arg, stream.channels, peakDecodeRateHz);
  const decode = await run(ffmpeg.path, args, (chunk) => accumulator.push(chunk), signal, input);
  if (signal?.aborted) return cancelled();
  const peaks = accumulator.finish();
  if (decode.code !== 0 || peaks.frames === 0)
    return refusal('audio_undecodable', decode.stderr.trim().split('\n')[0] || 'decoding produced no audio');
  return {
    ok: true,
    value: {
      container,
      codec: stream.codec,
      mimeType: mimeTypes[container],
      sampleRateHz: stream.sampleRateHz || peakDecodeRateHz,
      channels: stream.channels,
      durationMs: peaks.durationMs,
      peaks: peaks.channels,
      pairsPerSecond: peakPairsPerSecond,
    },
  };
}

/** ffmpeg's arguments to decode the first audio stream to interleaved 16-bit PCM on stdout, at a given rate. */
export function pcm16DecodeArgs(inputArg: string, channels: number, rateHz: number): string[] {
  return [
    ...['-v', 'error', '-nostdin', '-i', inputArg, '-map', 'a:0'],
    ...['-f', 's16le', '-acodec', 'pcm_s16le', '-ac', String(channels), '-ar', String(rateHz), 'pipe:1'],
  ];
}

/**
 * ffmpeg's input for a stored recording: its path, or stdin fed with the plaintext when the file is sealed (the
 * plaintext never touches the disk).
 */
export async function ffmpegInput(path: string): Promise<{
  readonly arg: string;
  readonly stdin: 'ignore' | 'pipe';
  feed(child: ChildProcess): void;
}> {
  if (!(await isSealedFile(path).catch(() => false))) return { arg: path, stdin: 'ignore', feed: () => undefined };
  return {
    arg: 'pipe:0',
    stdin: 'pipe',
    feed: (child) => {
      const stdin = child.stdin;
      if (!stdin) return;
      // ffmpeg stops reading once it has what it needs (a probe): a closed pipe is expected then.
      stdin.on('error', () => undefined);
      openPlainFile(path)
        .then(({ stream }) => {
          stream.on('error', () => stdin.destroy());
          stream.pipe(stdin);
        })
        .catch(() => stdin.destroy());
    },
  };
}

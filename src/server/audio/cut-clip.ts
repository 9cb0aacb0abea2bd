import { open, rm, type FileHandle } from 'node:fs/promises';
import { openPlainFile, plainFileSize, readPlainBytes } from '../encryption/sealed-files';
import { readWavHeader } from '../../domain/audio/wav';
import type { AudioProblem } from './analysis-result';
import { writeRedactedAudio } from './redact-audio';
import { sniffAudioContainer } from './sniff';

export interface CutClipRequest {
  readonly sourcePath: string;
  /** A new file (in the data folder's staging folder). */
  readonly targetPath: string;
  readonly fromMs: number;
  readonly toMs: number;
  /** ffmpeg as set in Settings, or null: look on PATH (only for formats no built-in decoder reads). */
  readonly ffmpegPath: string | null;
}

export type CutClipResult =
  | {
      readonly ok: true;
      readonly value: { readonly sampleRateHz: number; readonly channels: number; readonly sizeBytes: number };
    }
  | { readonly ok: false; readonly problem: AudioProblem; readonly detail: string };

const headBytes = 64 * 1024;

/**
 * Writes the part of a recording from `fromMs` to `toMs` as a WAV file of its own (an evidence clip in a team
 * package). A WAV keeps its format: its header is copied with the sizes set for the clip and only the clip's frames
 * follow. Any other format is first decoded to 16-bit PCM WAV beside the target by the same writer a permanent
 * redaction uses, then cut the same way. Streams, so a long recording is never held in memory.
 */
export async function cutAudioClip(request: CutClipRequest): Promise<CutClipResult> {
  let head: Uint8Array;
  try {
    head = await readPlainBytes(request.sourcePath, 0, headBytes);
  } catch (error) {
    return { ok: false, problem: 'audio_unrecognized', detail: error instanceof Error ? error.message : String(error) };
  }
  if (sniffAudioContainer(head) === 'wav') return cutWav(request.sourcePath, head, request);
  const decoded = `${request.targetPath}.decoded.wav`;
  try {
    const written = await writeRedactedAudio({ ...request, targetPath: decoded, ranges: [] });
    if (!written.ok) return written;
    return await cutWav(decoded, await readPlainBytes(decoded, 0, headBytes), request);
  } finally {
    await rm(decoded, { force: true });
  }
}

async function cutWav(sourcePath: string, head: Uint8Array, request: CutClipRequest): Promise<CutClipResult> {
  const header = readWavHeader(head, await plainFileSize(sourcePath));
  if (!header.ok) return { ok: false, problem: header.error, detail: header.detail };
  const { info } = header;
  const frames = info.dataBytes / info.blockAlign;
  const firstFrame = Math.min(frames, Math.floor((request.fromMs / 1000) * info.sampleRateHz));
  const endFrame = Math.min(frames, Math.ceil((request.toMs / 1000) * info.sampleRateHz));
  const dataBytes = Math.max(0, endFrame - firstFrame) * info.blockAlign;
  // The header as it was (format, extra chunks), with the RIFF size and the data chunk's size set for the clip.
  const clipHeader = new Uint8Array(head.subarray(0, info.dataOffset));
  const view = new DataView(clipHeader.buffer);
  view.setUint32(4, info.dataOffset - 8 + dataBytes, true);
  view.setUint32(info.dataOffset - 4, dataBytes, true);
  const output = await open(request.targetPath, 'wx');
  try {
    await writeAll(output, clipHeader);
    if (dataBytes > 0) {
      const start = info.dataOffset + firstFrame * info.blockAlign;
      const { stream } = await openPlainFile(sourcePath, { start, end: start + dataBytes - 1 });
      for await (const chunk of stream) await writeAll(output, chunk as Buffer);
    }
    await output.sync();
  } finally {
    await output.close();
  }
  return {
    ok: true,
    value: { sampleRateHz: info.sampleRateHz, channels: info.channels, sizeBytes: info.dataOffset + dataBytes },
  };
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let written = 0;
  while (written < bytes.length) written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
}

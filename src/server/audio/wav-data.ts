import { open } from 'node:fs/promises';
import type { WavInfo } from '../../domain/audio/wav';
import { isSealedFile, openPlainFile } from '../encryption/sealed-files';

const chunkBytes = 1024 * 1024;

/**
 * Streams a WAV file's samples (its data chunk only, read through the plaintext when the file is sealed) into
 * `push`, up to 1 MiB at a time. A chunk is only valid during the call: a plain file is read into one reused buffer,
 * so a long recording leaves no trail of read buffers for the collector. False when `signal` cancelled the read part
 * way.
 */
export async function streamWavData(
  path: string,
  info: Pick<WavInfo, 'dataOffset' | 'dataBytes'>,
  push: (chunk: Uint8Array) => void,
  signal?: AbortSignal,
): Promise<boolean> {
  if (!(await isSealedFile(path))) return readPlainWavData(path, info, push, signal);
  const { stream } = await openPlainFile(path, {
    start: info.dataOffset,
    end: info.dataOffset + info.dataBytes - 1,
    highWaterMark: chunkBytes,
  });
  try {
    for await (const chunk of stream) {
      if (signal?.aborted) return false;
      push(chunk as Buffer);
    }
  } finally {
    stream.destroy();
  }
  return true;
}

async function readPlainWavData(
  path: string,
  info: Pick<WavInfo, 'dataOffset' | 'dataBytes'>,
  push: (chunk: Uint8Array) => void,
  signal?: AbortSignal,
): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    const end = info.dataOffset + info.dataBytes;
    for (let position = info.dataOffset; position < end;) {
      if (signal?.aborted) return false;
      const { bytesRead } = await handle.read(buffer, 0, Math.min(chunkBytes, end - position), position);
      // A file shorter than its header says ends the data where the file ends.
      if (bytesRead === 0) break;
      push(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return true;
}

import type { WavInfo } from '../../domain/audio/wav';
import { openPlainFile } from '../encryption/sealed-files';

/**
 * Streams a WAV file's samples (its data chunk only, read through the plaintext when the file is sealed) into
 * `push`, up to 1 MiB at a time. False when `signal` cancelled the read part way.
 */
export async function streamWavData(
  path: string,
  info: Pick<WavInfo, 'dataOffset' | 'dataBytes'>,
  push: (chunk: Uint8Array) => void,
  signal?: AbortSignal,
): Promise<boolean> {
  const { stream } = await openPlainFile(path, {
    start: info.dataOffset,
    end: info.dataOffset + info.dataBytes - 1,
    highWaterMark: 1024 * 1024,
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

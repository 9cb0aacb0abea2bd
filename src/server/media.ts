import type { Readable } from 'node:stream';
import { openPlainFile, plainFileSize } from './encryption/sealed-files';
import type { Backend } from './backend';

/**
 * The lookups media answers need: the backend itself (browser mode), or the Electron main process's relay to the
 * backend process, whose answers arrive later.
 */
export interface MediaFiles {
  audioFile(audioId: string): ReturnType<Backend['audioFile']> | Promise<ReturnType<Backend['audioFile']>>;
  peaks(audioId: string): Uint8Array | undefined | Promise<Uint8Array | undefined>;
  exportFile(exportId: string): ReturnType<Backend['exportFile']> | Promise<ReturnType<Backend['exportFile']>>;
}
import { parseByteRange } from './byte-range';

export interface MediaResponse {
  readonly status: 200 | 206 | 404 | 416 | 503;
  readonly headers: Record<string, string>;
  /** Opens the body stream (only for 200/206). */
  readonly body?: () => Readable | Buffer | Promise<Readable>;
}

/**
 * Answers `/media/audio/<id>`, `/media/peaks/<id>` and `/media/exports/<id>` (downloads) for both transports. Audio honours Range (without it,
 * Chromium's seeking silently snaps back to 0); ids are opaque, never paths.
 */
export async function mediaResponse(
  backend: MediaFiles,
  pathname: string,
  rangeHeader: string | null | undefined,
): Promise<MediaResponse> {
  const match = /^\/media\/(audio|peaks|exports)\/([0-9a-f-]{36})$/.exec(pathname);
  if (!match) return { status: 404, headers: {} };
  const [, kind, id = ''] = match;
  if (kind === 'exports') {
    const file = await backend.exportFile(id);
    if (!file) return { status: 404, headers: {} };
    const sizeBytes = await plainFileSize(file.path);
    return {
      status: 200,
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(sizeBytes),
        'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'Cache-Control': 'no-store',
      },
      body: async () => (await openPlainFile(file.path)).stream,
    };
  }
  if (kind === 'peaks') {
    const stored = await backend.peaks(id);
    if (!stored) return { status: 404, headers: {} };
    const peaks = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
    return {
      status: 200,
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(peaks.length),
        'Cache-Control': 'private, max-age=31536000, immutable',
      },
      body: () => peaks,
    };
  }
  const file = await backend.audioFile(id);
  if (!file) return { status: 404, headers: {} };
  let sizeBytes: number;
  try {
    // Sealed files report their plaintext size: ranges are of the recording, not of its ciphertext.
    sizeBytes = await plainFileSize(file.path);
  } catch {
    return { status: 404, headers: {} };
  }
  const common = {
    'Content-Type': file.mimeType,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'private, max-age=31536000, immutable',
  };
  const range = parseByteRange(rangeHeader, sizeBytes);
  if (range === 'unsatisfiable')
    return { status: 416, headers: { ...common, 'Content-Range': `bytes */${sizeBytes}` } };
  if (range === null)
    return {
      status: 200,
      headers: { ...common, 'Content-Length': String(sizeBytes) },
      body: async () => (await openPlainFile(file.path)).stream,
    };
  return {
    status: 206,
    headers: {
      ...common,
      'Content-Length': String(range.end - range.start + 1),
      'Content-Range': `bytes ${range.start}-${range.end}/${sizeBytes}`,
    },
    body: async () => (await openPlainFile(file.path, { start: range.start, end: range.end })).stream,
  };
}

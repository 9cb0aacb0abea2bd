import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, open, type FileHandle } from 'node:fs/promises';
import { addAbortSignal, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { keyForPath } from './folder-keys';
import {
  chunkOverheadBytes,
  isSealedHead,
  newSealHeader,
  openChunk,
  parseSealHeader,
  sealChunk,
  sealHeaderBytes,
  sealBytes,
  SealedFileError,
  sealLayout,
  type SealHeader,
} from './sealed-format';

/** Reads up to this many chunk records in one call while streaming a range. */
const recordsPerRead = 16;

async function readExactly(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}

/** True when the file at `path` starts with the sealed-file header. */
export async function isSealedFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    return isSealedHead(await readExactly(handle, sealHeaderBytes, 0));
  } finally {
    await handle.close();
  }
}

/** Writes `source` sealed with `key` as the new file `target` ('wx': never over an existing file). */
export async function sealToFile(source: AsyncIterable<Uint8Array>, target: string, key: Buffer): Promise<void> {
  const handle = await open(target, 'wx');
  try {
    const { header, bytes } = newSealHeader();
    let position = 0;
    const write = async (data: Buffer) => {
      let offset = 0;
      while (offset < data.length) offset += (await handle.write(data, offset, data.length - offset)).bytesWritten;
      position += data.length;
    };
    await write(bytes);
    let index = 0;
    // Pieces are gathered until they fill a chunk: a streamed export hands in many small pieces, and joining each
    // one onto the pending bytes would copy the chunk over and over.
    let pieces: Buffer[] = [];
    let pendingBytes = 0;
    for await (const piece of source) {
      // Copied: a source may reuse its buffer for the next piece once this one has been taken.
      pieces.push(Buffer.from(piece));
      pendingBytes += piece.byteLength;
      // A full chunk is written only once more data follows: until then it may be the last one.
      if (pendingBytes <= header.chunkBytes) continue;
      let pending = Buffer.concat(pieces, pendingBytes);
      while (pending.length > header.chunkBytes) {
        await write(sealChunk(key, header, index++, false, pending.subarray(0, header.chunkBytes)));
        pending = pending.subarray(header.chunkBytes);
      }
      pieces = [pending];
      pendingBytes = pending.length;
    }
    await write(sealChunk(key, header, index, true, Buffer.concat(pieces, pendingBytes)));
    if (position === 0) throw new Error('Nothing was written');
  } finally {
    await handle.close();
  }
}

/** Copies `source` to the new file `target`, sealing it with `key`; a file sealed already is copied as it is. */
export async function sealCopy(source: string, target: string, key: Buffer): Promise<void> {
  if (await isSealedFile(source).catch(() => false)) return copyFile(source, target);
  await sealToFile(createReadStream(source, { highWaterMark: 1024 * 1024 }), target, key);
}

interface OpenedSealed {
  readonly handle: FileHandle;
  readonly header: SealHeader;
  readonly chunks: number;
  readonly plainBytes: number;
  readonly fileBytes: number;
}

async function openSealed(path: string, key: Buffer | undefined): Promise<OpenedSealed> {
  const handle = await open(path, 'r');
  try {
    const fileBytes = (await handle.stat()).size;
    const header = parseSealHeader(await readExactly(handle, sealHeaderBytes, 0));
    if (!key) throw new SealedFileError(`No data key for the sealed file ${path}`, 'no_key');
    return { handle, header, fileBytes, ...sealLayout(fileBytes, header.chunkBytes) };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The plaintext bytes `start`..`end` (inclusive) of an opened sealed file, decrypting only the chunks they touch. */
async function* sealedRange(file: OpenedSealed, key: Buffer, start: number, end: number): AsyncGenerator<Buffer> {
  const { chunkBytes } = file.header;
  const recordBytes = chunkBytes + chunkOverheadBytes;
  try {
    if (end < start) return;
    const first = Math.floor(start / chunkBytes);
    const last = Math.floor(end / chunkBytes);
    for (let group = first; group <= last; group += recordsPerRead) {
      const groupLast = Math.min(last, group + recordsPerRead - 1);
      const position = sealHeaderBytes + group * recordBytes;
      const length = Math.min((groupLast - group + 1) * recordBytes, file.fileBytes - position);
      const records = await readExactly(file.handle, length, position);
      for (let index = group; index <= groupLast; index++) {
        const offset = (index - group) * recordBytes;
        const plain = openChunk(
          key,
          file.header,
          index,
          index === file.chunks - 1,
          records.subarray(offset, offset + recordBytes),
        );
        const from = index === first ? start - index * chunkBytes : 0;
        const to = index === last ? end - index * chunkBytes + 1 : plain.length;
        yield plain.subarray(from, to);
      }
    }
  } finally {
    await file.handle.close();
  }
}

export interface PlainReadOptions {
  /** First byte of the plaintext to read (default 0). */
  readonly start?: number;
  /** Last byte to read, inclusive (default: the end). */
  readonly end?: number;
  readonly highWaterMark?: number;
  readonly signal?: AbortSignal;
}

/**
 * The plaintext of a file in a data folder, as a stream, and its plaintext size: decrypted when the file is sealed
 * (with the key registered for its folder), read as it is otherwise (a folder not yet or never encrypted).
 */
export async function openPlainFile(
  path: string,
  options: PlainReadOptions = {},
): Promise<{ readonly stream: Readable; readonly sizeBytes: number; readonly sealed: boolean }> {
  const handle = await open(path, 'r');
  let head: Buffer;
  let sizeBytes: number;
  try {
    head = await readExactly(handle, sealHeaderBytes, 0);
    sizeBytes = (await handle.stat()).size;
  } finally {
    await handle.close();
  }
  if (!isSealedHead(head)) {
    const stream = createReadStream(path, {
      start: options.start,
      end: options.end,
      highWaterMark: options.highWaterMark,
      signal: options.signal,
    });
    return { stream, sizeBytes, sealed: false };
  }
  const key = keyForPath(path);
  const file = await openSealed(path, key);
  const end = Math.min(options.end ?? file.plainBytes - 1, file.plainBytes - 1);
  const stream = Readable.from(sealedRange(file, key as Buffer, options.start ?? 0, end), { objectMode: false });
  if (options.signal) addAbortSignal(options.signal, stream);
  return { stream, sizeBytes: file.plainBytes, sealed: true };
}

/** The plaintext size of a file (its size on disk when it is not sealed). */
export async function plainFileSize(path: string): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const head = await readExactly(handle, sealHeaderBytes, 0);
    const fileBytes = (await handle.stat()).size;
    if (!isSealedHead(head)) return fileBytes;
    return sealLayout(fileBytes, parseSealHeader(head).chunkBytes).plainBytes;
  } finally {
    await handle.close();
  }
}

/** A whole file's plaintext in memory (small files only: exports, package parts). */
export async function readPlainFile(path: string): Promise<Buffer> {
  const { stream } = await openPlainFile(path);
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** `bytes` as they are to be stored at `path`: sealed when its data folder has a key. */
export function sealForPath(path: string, bytes: Uint8Array): Uint8Array {
  const key = keyForPath(path);
  return key ? sealBytes(key, bytes) : bytes;
}

/** Writes the plaintext of `source` (sealed or not) to `target` outside the data folder (a saved export). */
export async function copyPlainFile(source: string, target: string): Promise<void> {
  const { stream } = await openPlainFile(source);
  await pipeline(stream, createWriteStream(target));
}

/** Up to `length` plaintext bytes from `position` (a header, a tail), sealed or not. */
export async function readPlainBytes(path: string, position: number, length: number): Promise<Uint8Array> {
  if (length <= 0) return new Uint8Array(0);
  const { stream } = await openPlainFile(path, { start: position, end: position + length - 1 });
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return new Uint8Array(Buffer.concat(parts));
}

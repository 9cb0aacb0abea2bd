import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/*
 * A sealed file: the data folder's way of keeping a file encrypted at rest (AES-256-GCM), in fixed-size chunks so a
 * 60-minute recording is never held in memory whole and a byte range (an HTTP Range request while seeking) decrypts
 * only the chunks it touches.
 *
 *   header (32 bytes): magic "KLKBSEAL", format version (1), 3 reserved bytes, chunk size (uint32 LE),
 *                      a random file id (16 bytes)
 *   chunk records:     nonce (12 bytes, random) + ciphertext (chunk size, the last one shorter) + GCM tag (16 bytes)
 *
 * Each chunk's additional authenticated data is the file id, its index and whether it is the last chunk, so chunks
 * cannot be swapped between files, reordered or cut off at a chunk boundary without the tag failing. A file always
 * has at least one chunk (an empty one for an empty file), so a cut-down header alone is refused too. The plaintext
 * size follows from the file size: every chunk but the last holds exactly the chunk size.
 */

export const sealMagic = Buffer.from('KLKBSEAL', 'latin1');
export const sealHeaderBytes = 32;
export const sealVersion = 1;
/** 64 KiB: a seek reads at most two records more than it needs; the overhead is 28 bytes a chunk (0.04 %). */
export const defaultChunkBytes = 64 * 1024;
const nonceBytes = 12;
const tagBytes = 16;
export const chunkOverheadBytes = nonceBytes + tagBytes;

export interface SealHeader {
  readonly chunkBytes: number;
  readonly fileId: Buffer;
}

/** Thrown when a sealed file cannot be opened: no key, a wrong key, or damaged content. */
export class SealedFileError extends Error {
  constructor(
    message: string,
    readonly reason: 'no_key' | 'wrong_key_or_damaged' | 'not_sealed' | 'truncated',
  ) {
    super(message);
    this.name = 'SealedFileError';
  }
}

export function isSealedHead(head: Uint8Array): boolean {
  return head.length >= sealMagic.length && Buffer.from(head.subarray(0, sealMagic.length)).equals(sealMagic);
}

export function newSealHeader(chunkBytes = defaultChunkBytes): { header: SealHeader; bytes: Buffer } {
  const fileId = randomBytes(16);
  const bytes = Buffer.alloc(sealHeaderBytes);
  sealMagic.copy(bytes, 0);
  bytes.writeUInt8(sealVersion, 8);
  bytes.writeUInt32LE(chunkBytes, 12);
  fileId.copy(bytes, 16);
  return { header: { chunkBytes, fileId }, bytes };
}

export function parseSealHeader(bytes: Uint8Array): SealHeader {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < sealHeaderBytes || !isSealedHead(buffer))
    throw new SealedFileError('Not a sealed file', 'not_sealed');
  if (buffer.readUInt8(8) !== sealVersion) throw new SealedFileError('Unknown sealed file version', 'not_sealed');
  const chunkBytes = buffer.readUInt32LE(12);
  if (chunkBytes < 1) throw new SealedFileError('Sealed file header is damaged', 'truncated');
  return { chunkBytes, fileId: Buffer.from(buffer.subarray(16, 32)) };
}

function additionalData(header: SealHeader, index: number, last: boolean): Buffer {
  const aad = Buffer.alloc(25);
  header.fileId.copy(aad, 0);
  aad.writeBigUInt64LE(BigInt(index), 16);
  aad.writeUInt8(last ? 1 : 0, 24);
  return aad;
}

/** One chunk record (nonce, ciphertext, tag) for `plain`. */
export function sealChunk(key: Buffer, header: SealHeader, index: number, last: boolean, plain: Uint8Array): Buffer {
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(additionalData(header, index, last));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** The plaintext of one chunk record; a wrong key or a changed byte throws SealedFileError. */
export function openChunk(key: Buffer, header: SealHeader, index: number, last: boolean, record: Uint8Array): Buffer {
  if (record.length < chunkOverheadBytes) throw new SealedFileError('Sealed file is cut short', 'truncated');
  const nonce = record.subarray(0, nonceBytes);
  const tag = record.subarray(record.length - tagBytes);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(additionalData(header, index, last));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(record.subarray(nonceBytes, record.length - tagBytes)), decipher.final()]);
  } catch {
    throw new SealedFileError('The key does not open this file, or the file is damaged', 'wrong_key_or_damaged');
  }
}

/** How a sealed file of `fileBytes` is laid out: its chunk count and plaintext size. */
export function sealLayout(fileBytes: number, chunkBytes: number): { chunks: number; plainBytes: number } {
  const body = fileBytes - sealHeaderBytes;
  const recordBytes = chunkBytes + chunkOverheadBytes;
  if (body < chunkOverheadBytes) throw new SealedFileError('Sealed file is cut short', 'truncated');
  const chunks = Math.ceil(body / recordBytes);
  const plainBytes = body - chunks * chunkOverheadBytes;
  if (plainBytes < (chunks - 1) * chunkBytes) throw new SealedFileError('Sealed file is cut short', 'truncated');
  return { chunks, plainBytes };
}

/** Seals bytes held in memory (small files: exports, the key check). */
export function sealBytes(key: Buffer, plain: Uint8Array, chunkBytes = defaultChunkBytes): Buffer {
  const { header, bytes } = newSealHeader(chunkBytes);
  const parts = [bytes];
  const chunks = Math.max(1, Math.ceil(plain.length / chunkBytes));
  for (let index = 0; index < chunks; index++)
    parts.push(
      sealChunk(key, header, index, index === chunks - 1, plain.subarray(index * chunkBytes, (index + 1) * chunkBytes)),
    );
  return Buffer.concat(parts);
}

/** The plaintext of sealed bytes held in memory. */
export function openSealedBytes(key: Buffer, sealed: Uint8Array): Buffer {
  const header = parseSealHeader(sealed);
  const { chunks } = sealLayout(sealed.length, header.chunkBytes);
  const recordBytes = header.chunkBytes + chunkOverheadBytes;
  const parts: Buffer[] = [];
  for (let index = 0; index < chunks; index++) {
    const start = sealHeaderBytes + index * recordBytes;
    parts.push(
      openChunk(
        key,
        header,
        index,
        index === chunks - 1,
        sealed.subarray(start, Math.min(start + recordBytes, sealed.length)),
      ),
    );
  }
  return Buffer.concat(parts);
}

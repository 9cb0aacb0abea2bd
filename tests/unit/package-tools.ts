// Tools for building hostile calibration packages in tests: a zip writer that writes whatever it is told (lying
// sizes, duplicate names, pre-compressed data), a real zip bomb, and re-packing a package after editing its files
// with a fresh manifest and, given a key, a signature.
import { createHash, createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';

export interface RawZipEntry {
  readonly name: string;
  /** The bytes as stored in the archive (already deflated for method 8). */
  readonly data: Buffer;
  readonly method: 0 | 8;
  /** What the headers claim the entry inflates to. */
  readonly uncompressedSize: number;
  readonly crc: number;
}

/** A zip file exactly as described: nothing is checked, so it may lie. */
export function craftZip(entries: readonly RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An honest stored entry. */
export function storedEntry(name: string, bytes: Uint8Array): RawZipEntry {
  const data = Buffer.from(bytes);
  return { name, data, method: 0, uncompressedSize: data.length, crc: crc32(data) };
}

const bombChunkBytes = 16 * 1024 * 1024;

/**
 * Deflated zeros: one 16 MiB chunk compressed once (a full flush leaves it byte-aligned and independent) and repeated
 * `chunks` times, then an empty final block. 64 chunks: 1 GiB from about 1 MB.
 */
export function zeroBomb(chunks: number): { readonly data: Buffer; readonly inflatedBytes: number } {
  const chunk = deflateRawSync(Buffer.alloc(bombChunkBytes), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return {
    data: Buffer.concat([...Array.from({ length: chunks }, () => chunk), Buffer.from([0x03, 0x00])]),
    inflatedBytes: chunks * bombChunkBytes,
  };
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const encoder = new TextEncoder();
export const jsonBytes = (value: unknown) => encoder.encode(JSON.stringify(value));
export const readJson = <T>(bytes: Uint8Array | undefined): T => JSON.parse(new TextDecoder().decode(bytes)) as T;

/** A package's files by name (manifest and signature included). */
export function unpackPackage(path: string): Record<string, Uint8Array> {
  return unzipSync(readFileSync(path));
}

/**
 * Writes `files` as a package: a new manifest (same header as `manifest.json` in `files`) listing every other file
 * with its real hash and size, and `signature.json` when a signer is given.
 */
export function repackPackage(
  target: string,
  files: Record<string, Uint8Array>,
  signer?: { readonly reviewerId: string; readonly key: string },
): void {
  const { 'manifest.json': oldManifest, 'signature.json': _oldSignature, ...parts } = files;
  const header = readJson<Record<string, unknown>>(oldManifest);
  const manifestBytes = jsonBytes({
    ...header,
    files: Object.entries(parts).map(([path, bytes]) => ({ path, sha256: sha256(bytes), bytes: bytes.length })),
  });
  const entries = [storedEntry('manifest.json', manifestBytes)];
  if (signer) {
    const mac = createHmac('sha256', Buffer.from(signer.key, 'hex')).update(manifestBytes).digest('hex');
    entries.push(
      storedEntry('signature.json', jsonBytes({ algorithm: 'HMAC-SHA256', reviewerId: signer.reviewerId, mac })),
    );
  }
  for (const [path, bytes] of Object.entries(parts)) entries.push(storedEntry(path, bytes));
  writeFileSync(target, craftZip(entries));
}

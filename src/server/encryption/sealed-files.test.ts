import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/unit/temp-dir';
import { forgetFolderKey, registerFolderKey } from './folder-keys';
import { openSealedBytes, sealBytes, SealedFileError } from './sealed-format';
import { openPlainFile, plainFileSize, readPlainBytes, sealToFile } from './sealed-files';

const tempDir = useTempDirs();

async function text(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe('sealed files (AES-256-GCM in chunks)', () => {
  it('round-trips in memory; a wrong key, a changed byte or a cut-off chunk fails', () => {
    const key = randomBytes(32);
    const plain = randomBytes(3 * 1024 + 5);
    const sealed = sealBytes(key, plain, 1024);
    expect(openSealedBytes(key, sealed).equals(plain)).toBe(true);
    expect(() => openSealedBytes(randomBytes(32), sealed)).toThrow(SealedFileError);
    const changed = Buffer.from(sealed);
    changed[100] = changed[100]! ^ 1;
    expect(() => openSealedBytes(key, changed)).toThrow(SealedFileError);
    // Whole trailing chunks cut off: the new last chunk was sealed as "not last".
    expect(() => openSealedBytes(key, sealed.subarray(0, 32 + 2 * (1024 + 28)))).toThrow(SealedFileError);
    expect(openSealedBytes(key, sealBytes(key, new Uint8Array(0))).length).toBe(0);
  });

  it('streams a file in, and any byte range out, decrypting only what the range touches', async () => {
    const folder = tempDir();
    const key = randomBytes(32);
    registerFolderKey(folder, key);
    try {
      const plain = randomBytes(300_000);
      const path = join(folder, 'recording');
      const pieces = [plain.subarray(0, 1000), plain.subarray(1000, 200_000), plain.subarray(200_000)];
      await sealToFile(Readable.from(pieces), path, key);
      const stored = readFileSync(path);
      expect(stored.subarray(0, 8).toString('latin1')).toBe('KLKBSEAL');
      expect(stored.includes(plain.subarray(5000, 5032))).toBe(false);
      expect(await plainFileSize(path)).toBe(plain.length);
      expect((await text((await openPlainFile(path)).stream)).equals(plain)).toBe(true);
      for (const [start, end] of [
        [0, 0],
        [65_535, 65_536],
        [100_000, 299_999],
        [131_072, 131_072 + 65_535],
      ] as const) {
        const { stream } = await openPlainFile(path, { start, end });
        expect((await text(stream)).equals(plain.subarray(start, end + 1))).toBe(true);
      }
      expect(Buffer.from(await readPlainBytes(path, 10, 20)).equals(plain.subarray(10, 30))).toBe(true);
      // A file that is not sealed is read as it is.
      writeFileSync(join(folder, 'plain'), plain);
      expect((await text((await openPlainFile(join(folder, 'plain'), { start: 7, end: 9 })).stream)).length).toBe(3);
    } finally {
      forgetFolderKey(folder);
    }
    // Without the key the sealed file cannot be opened at all.
    await expect(openPlainFile(join(folder, 'recording'))).rejects.toThrow(SealedFileError);
  });
});

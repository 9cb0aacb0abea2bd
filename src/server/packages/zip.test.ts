import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { craftZip, storedEntry, zeroBomb } from '../../../tests/unit/package-tools';
import { useTempDirs } from '../../../tests/unit/temp-dir';
import { extractArchive, listArchive, writeArchive } from './zip';

const tempDir = useTempDirs();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('package archives', () => {
  it('writes files from disk and memory as a stream, and reads them back entry by entry into files', async () => {
    const dir = tempDir();
    const audio = join(dir, 'audio.wav');
    writeFileSync(audio, Buffer.alloc(300_000, 7));
    const manifest = new TextEncoder().encode('{"format":"x"}');
    const archive = join(dir, 'package.zip');
    const written = await writeArchive(
      archive,
      [
        { name: 'manifest.json', bytes: manifest },
        { name: 'calls/a/audio.wav', path: audio, sizeBytes: 300_000 },
      ],
      { maxBytes: 1_000_000 },
    );
    expect(written).toMatchObject({ ok: true });
    const listed = await listArchive(archive, { maxEntries: 10 });
    // Media are stored as they are: compressed size equals the size.
    expect(listed).toEqual({
      ok: true,
      value: [
        { name: 'manifest.json', compressedBytes: expect.any(Number), uncompressedBytes: manifest.length },
        { name: 'calls/a/audio.wav', compressedBytes: 300_000, uncompressedBytes: 300_000 },
      ],
    });
    const extracted = await extractArchive(
      archive,
      [
        { name: 'calls/a/audio.wav', target: join(dir, 'out-1'), maxBytes: 300_000 },
        { name: 'manifest.json', target: join(dir, 'out-2'), maxBytes: 1000 },
      ],
      { maxEntries: 10 },
    );
    expect(extracted).toEqual({
      ok: true,
      value: [
        { name: 'calls/a/audio.wav', bytes: 300_000, sha256: sha256(readFileSync(audio)) },
        { name: 'manifest.json', bytes: manifest.length, sha256: sha256(manifest) },
      ],
    });
    expect(readFileSync(join(dir, 'out-1')).equals(readFileSync(audio))).toBe(true);
  });

  it('refuses to write more than the limit, before writing anything', async () => {
    const dir = tempDir();
    const result = await writeArchive(
      join(dir, 'big.zip'),
      [
        { name: 'a.json', bytes: new Uint8Array(600) },
        { name: 'b.bin', path: join(dir, 'absent'), sizeBytes: 500 },
      ],
      { maxBytes: 1000 },
    );
    expect(result).toMatchObject({ ok: false, problem: 'too_large' });
    expect(existsSync(join(dir, 'big.zip'))).toBe(false);
    // A part that cannot be read fails the write, and leaves no file.
    const missing = await writeArchive(
      join(dir, 'missing.zip'),
      [{ name: 'b.bin', path: join(dir, 'absent'), sizeBytes: 500 }],
      { maxBytes: 1000 },
    );
    expect(missing).toMatchObject({ ok: false });
    expect(existsSync(join(dir, 'missing.zip'))).toBe(false);
  });

  it('refuses too many entries and duplicate names from the central directory', async () => {
    const dir = tempDir();
    const entries = ['a', 'b', 'c', 'd', 'e'].map((name) => storedEntry(name, new TextEncoder().encode(name)));
    writeFileSync(join(dir, 'many.zip'), craftZip(entries));
    expect(await listArchive(join(dir, 'many.zip'), { maxEntries: 4 })).toMatchObject({
      ok: false,
      problem: 'too_many_entries',
    });
    writeFileSync(join(dir, 'dup.zip'), craftZip([...entries, storedEntry('c', new TextEncoder().encode('other'))]));
    expect(await listArchive(join(dir, 'dup.zip'), { maxEntries: 10 })).toMatchObject({
      ok: false,
      problem: 'duplicate_entry',
      detail: 'c',
    });
    expect(
      await extractArchive(join(dir, 'dup.zip'), [{ name: 'c', target: join(dir, 'c'), maxBytes: 10 }], {
        maxEntries: 10,
      }),
    ).toMatchObject({ ok: false, problem: 'duplicate_entry' });
    expect(existsSync(join(dir, 'c'))).toBe(false);
  });

  it('stops an entry at its limit when its declared size lies, and leaves no file behind', async () => {
    const dir = tempDir();
    const bomb = zeroBomb(4);
    writeFileSync(
      join(dir, 'lying.zip'),
      craftZip([{ name: 'audio.wav', data: bomb.data, method: 8, uncompressedSize: 1000, crc: 0 }]),
    );
    const lying = await extractArchive(
      join(dir, 'lying.zip'),
      [{ name: 'audio.wav', target: join(dir, 'audio'), maxBytes: 1000 }],
      { maxEntries: 10 },
    );
    expect(lying.ok).toBe(false);
    expect(existsSync(join(dir, 'audio'))).toBe(false);
    // Declared above the caller's limit: refused without inflating.
    writeFileSync(
      join(dir, 'honest.zip'),
      craftZip([{ name: 'audio.wav', data: bomb.data, method: 8, uncompressedSize: bomb.inflatedBytes, crc: 0 }]),
    );
    expect(
      await extractArchive(
        join(dir, 'honest.zip'),
        [{ name: 'audio.wav', target: join(dir, 'audio'), maxBytes: 1000 }],
        { maxEntries: 10 },
      ),
    ).toMatchObject({ ok: false, problem: 'entry_too_large' });
    // A small honest deflated entry inflates.
    const text = Buffer.from('hallo '.repeat(1000));
    writeFileSync(
      join(dir, 'ok.zip'),
      craftZip([{ name: 't.json', data: deflateRawSync(text), method: 8, uncompressedSize: text.length, crc: 0 }]),
    );
    expect(
      await extractArchive(join(dir, 'ok.zip'), [{ name: 't.json', target: join(dir, 't'), maxBytes: text.length }], {
        maxEntries: 10,
      }),
    ).toMatchObject({ ok: true, value: [{ bytes: text.length, sha256: sha256(text) }] });
  });

  it('calls anything that is not a readable zip corrupt', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'text.zip'), 'hello, not a zip');
    expect(await listArchive(join(dir, 'text.zip'), { maxEntries: 10 })).toMatchObject({
      ok: false,
      problem: 'corrupt',
    });
    expect(await listArchive(join(dir, 'absent.zip'), { maxEntries: 10 })).toMatchObject({
      ok: false,
      problem: 'corrupt',
    });
  });
});

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/unit/temp-dir';
import { writeFileAtomic, writeTextFileAtomic } from './atomic-write';

const tempDir = useTempDirs();

describe('writeFileAtomic', () => {
  it('writes the file, and replaces an existing one only once the new content is complete', async () => {
    const dir = tempDir();
    const target = join(dir, 'scores.csv');
    await writeTextFileAtomic(target, 'eerste\n');
    expect(readFileSync(target, 'utf8')).toBe('eerste\n');
    await writeFileAtomic(target, async (output) => {
      output.write('tweede ');
      // Mid-write, the target still has the old content.
      expect(readFileSync(target, 'utf8')).toBe('eerste\n');
      output.write('versie\n');
    });
    expect(readFileSync(target, 'utf8')).toBe('tweede versie\n');
    expect(readdirSync(dir)).toEqual(['scores.csv']);
  });

  it('leaves no file, and no temporary file, when the writer throws midway', async () => {
    const dir = tempDir();
    const target = join(dir, 'scores.xlsx');
    const failing = writeFileAtomic(target, async (output) => {
      output.write('x'.repeat(200_000));
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error('schijf vol');
    });
    await expect(failing).rejects.toThrow('schijf vol');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the old file intact when the replacement fails, also on a synchronous throw', async () => {
    const dir = tempDir();
    const target = join(dir, 'scores.json');
    writeFileSync(target, '{"oud":true}');
    await expect(
      writeFileAtomic(target, (output) => {
        output.write('{"nieuw":');
        throw new Error('kapot');
      }),
    ).rejects.toThrow('kapot');
    expect(readFileSync(target, 'utf8')).toBe('{"oud":true}');
    expect(readdirSync(dir)).toEqual(['scores.json']);
  });

  it('fails cleanly when the stream itself fails', async () => {
    const dir = tempDir();
    const target = join(dir, 'a.txt');
    await expect(
      writeFileAtomic(target, async (output) => {
        output.destroy(new Error('EIO'));
        // A producer that never notices the failure must not hang the write.
        await new Promise(() => undefined);
      }),
    ).rejects.toThrow('EIO');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails without a trace when the directory does not exist', async () => {
    await expect(writeTextFileAtomic(join(tempDir(), 'missing', 'a.txt'), 'x')).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});

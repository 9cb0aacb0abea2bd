import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/*
 * Export files are written atomically: the content goes to a temporary file next to the target (same directory, so
 * the same file system and rename is atomic), is flushed to disk with fsync, and only then renamed over the target.
 * Whoever opens the target sees the old file or the complete new one, never a half-written one, also when the
 * writer throws midway, the disk fills up or the power fails. On any failure the temporary file is removed and the
 * target is untouched.
 *
 * The temporary name starts with a dot and ends in .tmp, so a crash that leaves one behind (the only thing that can)
 * leaves something recognisable rather than a file that looks like a finished export.
 */

/** Writes content into `output`; resolves when everything is written (ending the stream is optional). */
export type ContentProducer = (output: Writable) => Promise<void> | void;

function temporaryPathFor(filePath: string): string {
  return join(dirname(filePath), `.${basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Makes the rename itself durable; directories cannot be opened for this on Windows, where NTFS journals it. */
async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems (network shares) refuse fsync on a directory; the rename has still happened.
  } finally {
    await handle.close();
  }
}

/**
 * Writes a file atomically: `produce` writes into a stream onto a temporary file in the target's directory, which is
 * fsynced and renamed to `filePath` (replacing any existing file) once `produce` has resolved. If `produce` or the
 * disk fails, the temporary file is removed, the target is left as it was, and the error is thrown.
 */
export async function writeFileAtomic(filePath: string, produce: ContentProducer): Promise<void> {
  const temporaryPath = temporaryPathFor(filePath);
  // 'wx': never follow or reuse an existing file under the temporary name.
  const output = createWriteStream(temporaryPath, { flags: 'wx', highWaterMark: 1 << 16 });
  const failedStream = new Promise<never>((_, reject) => output.once('error', reject));
  // Keeps a late stream error (after a producer failure) from surfacing as an unhandled rejection.
  failedStream.catch(() => undefined);
  try {
    await Promise.race([Promise.resolve().then(() => produce(output)), failedStream]);
    if (!output.writableEnded) output.end();
    // Waits for 'close' too: the descriptor is released before the rename (Windows cannot rename an open file).
    await Promise.race([finished(output), failedStream]);
    // The stream API cannot fsync its own descriptor (before Node 21's `flush`), so a second one does: fsync
    // flushes the file, not the descriptor. 'r+' because Windows only flushes through a handle that may write.
    const handle = await open(temporaryPath, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporaryPath, filePath);
  } catch (error) {
    output.destroy();
    // Waits until the descriptor is closed, so the removal does not race a write still in flight.
    await finished(output).catch(() => undefined);
    await rm(temporaryPath, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(filePath)).catch(() => undefined);
}

/** Writes a whole text (UTF-8) or byte content atomically; see writeFileAtomic. */
export async function writeTextFileAtomic(filePath: string, content: string | Uint8Array): Promise<void> {
  await writeFileAtomic(filePath, async (output) => {
    output.end(content);
    await finished(output);
  });
}

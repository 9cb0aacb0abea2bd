import { createWriteStream } from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { reserveExport } from '../../services/exports-folder';
import { keyForPath } from '../encryption/folder-keys';
import { sealToFile } from '../encryption/sealed-files';
import { createDurableFiles } from '../files/durable-files';

/*
 * An export written as it is produced: the bytes go straight to a partial file in the exports folder, sealed
 * chunk by chunk when the data folder is encrypted (never a plaintext copy on disk), and the complete file is moved
 * into place through the durable file port (fsynced, renamed, the folder fsynced). Nothing holds the whole file in
 * memory; a failure removes the partial file and leaves no export behind.
 */

/** Writes what `produce` writes into its output as the export `fileName`; returns its download id. */
export async function writeStreamedExport(
  exportsDir: string,
  fileName: string,
  produce: (output: Writable) => Promise<void>,
): Promise<string> {
  const target = reserveExport(exportsDir, fileName);
  const output = new PassThrough({ highWaterMark: 1 << 16 });
  const key = keyForPath(target.partialPath);
  const stored = key
    ? sealToFile(output, target.partialPath, key)
    : pipeline(output, createWriteStream(target.partialPath, { flags: 'wx' }));
  try {
    // A failed disk write ends the race too: the producer may be waiting for the output to drain.
    await Promise.race([produce(output), stored]);
    if (!output.writableEnded) output.end();
    await stored;
  } catch (error) {
    output.destroy();
    await stored.catch(() => undefined);
    target.discard();
    throw error;
  }
  await target.publish(createDurableFiles());
  return target.exportId;
}

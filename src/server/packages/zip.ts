import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { openPlainFile } from '../encryption/sealed-files';
import { rm } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { zipSync } from 'fflate';
import type {
  ArchiveEntry,
  ArchiveFailure,
  ArchiveResult,
  ArchiveSource,
  ExtractedEntry,
  ExtractRequest,
} from '../../services/ports';

/*
 * Calibration packages as zip files, read and written as streams: nothing is ever inflated in memory as a whole.
 * Reading starts from the central directory (entry count, names and declared sizes, before a single byte is
 * inflated); each entry is then inflated on its own, straight into a file, and stopped the moment it passes its
 * allowed size (declared sizes can lie). Inputs and outputs are paths and small plain objects, so these can run in
 * a worker thread.
 */

const failure = (problem: ArchiveFailure['problem'], detail: string): ArchiveFailure => ({
  ok: false,
  problem,
  detail,
});
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A stream stage that hashes and counts what passes and fails once more than `maxBytes` went through. */
class BoundedHasher extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  exceeded = false;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      this.exceeded = true;
      return callback(new Error(`more than ${this.maxBytes} bytes`));
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }
}

async function openArchive(path: string): Promise<yauzl.ZipFile> {
  return yauzl.openPromise(path, {
    lazyEntries: true,
    autoClose: false,
    decodeStrings: true,
    validateEntrySizes: true,
    strictFileNames: true,
  });
}

async function readDirectory(zip: yauzl.ZipFile, maxEntries: number): Promise<ArchiveResult<yauzl.Entry[]>> {
  if (zip.entryCount > maxEntries)
    return failure('too_many_entries', `${zip.entryCount} entries, at most ${maxEntries}`);
  const entries: yauzl.Entry[] = [];
  const names = new Set<string>();
  for await (const entry of zip.eachEntry()) {
    if (names.has(entry.fileName)) return failure('duplicate_entry', entry.fileName);
    if (entry.isEncrypted() || !entry.canDecodeFileData()) return failure('unsupported_entry', entry.fileName);
    names.add(entry.fileName);
    entries.push(entry);
  }
  return { ok: true, value: entries };
}

/** The central directory: every entry's name and declared sizes; refuses more than `maxEntries` and duplicate names. */
export async function listArchive(
  path: string,
  limits: { readonly maxEntries: number },
): Promise<ArchiveResult<ArchiveEntry[]>> {
  let zip: yauzl.ZipFile | undefined;
  try {
    zip = await openArchive(path);
    const entries = await readDirectory(zip, limits.maxEntries);
    if (!entries.ok) return entries;
    return {
      ok: true,
      value: entries.value.map((entry) => ({
        name: entry.fileName,
        compressedBytes: entry.compressedSize,
        uncompressedBytes: entry.uncompressedSize,
      })),
    };
  } catch (error) {
    return failure('corrupt', message(error));
  } finally {
    zip?.close();
  }
}

async function extractOne(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  request: ExtractRequest,
): Promise<ArchiveResult<ExtractedEntry>> {
  const counter = new BoundedHasher(request.maxBytes);
  try {
    // `flush`: on disk before anyone renames it into place.
    await pipeline(
      await zip.openReadStreamPromise(entry),
      counter,
      createWriteStream(request.target, { flags: 'wx', flush: true }),
    );
  } catch (error) {
    await rm(request.target, { force: true });
    return counter.exceeded
      ? failure('entry_too_large', `${request.name}: ${message(error)}`)
      : failure('corrupt', `${request.name}: ${message(error)}`);
  }
  return { ok: true, value: { name: request.name, bytes: counter.bytes, sha256: counter.hash.digest('hex') } };
}

/**
 * Inflates the requested entries one at a time, each into its own new file (`target`, never the entry's name), and
 * returns each one's real size and SHA-256. An entry that grows past its `maxBytes` stops the whole extraction.
 */
export async function extractArchive(
  path: string,
  requests: readonly ExtractRequest[],
  limits: { readonly maxEntries: number },
): Promise<ArchiveResult<ExtractedEntry[]>> {
  let zip: yauzl.ZipFile | undefined;
  try {
    zip = await openArchive(path);
    const entries = await readDirectory(zip, limits.maxEntries);
    if (!entries.ok) return entries;
    const byName = new Map(entries.value.map((entry) => [entry.fileName, entry]));
    const extracted: ExtractedEntry[] = [];
    for (const request of requests) {
      const entry = byName.get(request.name);
      if (!entry) return failure('missing_entry', request.name);
      if (entry.uncompressedSize > request.maxBytes)
        return failure('entry_too_large', `${request.name}: ${entry.uncompressedSize} bytes declared`);
      const result = await extractOne(zip, entry, request);
      if (!result.ok) return result;
      extracted.push(result.value);
    }
    return { ok: true, value: extracted };
  } catch (error) {
    return failure('corrupt', message(error));
  } finally {
    zip?.close();
  }
}

/**
 * Writes a zip file from files on disk and small in-memory parts, streaming: media stored as they are (already
 * compressed, or incompressible PCM), JSON deflated. Refuses before writing when the parts add up to more than
 * `maxBytes`. The file is flushed to disk before the promise resolves.
 */
export async function writeArchive(
  target: string,
  sources: readonly ArchiveSource[],
  limits: { readonly maxBytes: number },
): Promise<ArchiveResult<{ readonly bytes: number }>> {
  const total = sources.reduce((sum, source) => sum + ('bytes' in source ? source.bytes.length : source.sizeBytes), 0);
  if (total > limits.maxBytes) return failure('too_large', `${total} bytes, at most ${limits.maxBytes}`);
  const zip = new yazl.ZipFile();
  for (const source of sources) {
    const compress = source.name.endsWith('.json');
    if ('bytes' in source)
      zip.addBuffer(Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.length), source.name, {
        compress,
      });
    // Stored recordings may be sealed: the archive gets their plaintext, opened only when its turn comes.
    else {
      const path = source.path;
      zip.addReadStreamLazy(source.name, { compress }, (callback) => {
        openPlainFile(path).then(
          ({ stream }) => callback(null, stream),
          (error: unknown) => callback(error, new PassThrough()),
        );
      });
    }
  }
  // A source file that cannot be read fails the zip object, not its output: pass that on, or the write never ends.
  zip.on('error', (error: Error) =>
    (zip.outputStream as NodeJS.ReadableStream & { destroy(error: Error): void }).destroy(error),
  );
  zip.end();
  const counter = new BoundedHasher(Number.MAX_SAFE_INTEGER);
  try {
    await pipeline(zip.outputStream, counter, createWriteStream(target, { flags: 'wx', flush: true }));
    return { ok: true, value: { bytes: counter.bytes } };
  } catch (error) {
    await rm(target, { force: true });
    return failure('corrupt', message(error));
  }
}

/** Zips a few small in-memory files (the CSV tables of a score export): level 0, except 6 for JSON. */
export function zipFiles(files: Readonly<Record<string, Uint8Array>>): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, bytes]) => [name, [bytes, { level: name.endsWith('.json') ? 6 : 0 }]]),
    ),
  );
}

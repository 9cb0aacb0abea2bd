import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { ImportIssue, ImportIssueCode, ImportSource } from '../contract/imports';
import { transcriptLimits } from '../domain/transcript/model';

export const maxAudioBytes = 4 * 1024 ** 3;
export const maxTranscriptBytes = transcriptLimits.maxBytes;
const audioExtensions = new Set([
  '.wav',
  '.mp3',
  '.ogg',
  '.opus',
  '.oga',
  '.flac',
  '.m4a',
  '.mp4',
  '.aac',
  '.webm',
  '.weba',
]);
const transcriptExtensions = ['.vtt', '.srt', '.json', '.txt'];

export interface ImportFile {
  readonly path: string;
  readonly name: string;
  readonly sizeBytes: number;
  readonly modifiedAt: Date | null;
}

/** A file that the import classified: audio, transcript, or refused with a reason. */
export type ClassifiedFile =
  | { readonly kind: 'audio'; readonly file: ImportFile }
  | { readonly kind: 'transcript'; readonly file: ImportFile }
  | { readonly kind: 'refused'; readonly file: ImportFile; readonly code: ImportIssueCode; readonly detail: string };

/** Expands sources into files (folders recursively, hidden entries skipped). Unreadable sources become issues. */
export async function expandSources(
  sources: readonly ImportSource[],
  stagingDir: string,
): Promise<{ files: ImportFile[]; issues: ImportIssue[] }> {
  const files: ImportFile[] = [];
  const issues: ImportIssue[] = [];
  async function visit(path: string, name: string, modified: boolean): Promise<void> {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const entries = (await readdir(path)).filter((entry) => !entry.startsWith('.')).sort();
        for (const entry of entries) await visit(join(path, entry), entry, true);
      } else if (info.isFile()) {
        files.push({ path, name, sizeBytes: info.size, modifiedAt: modified ? info.mtime : null });
      }
    } catch (error) {
      issues.push({
        fileName: name,
        code: 'file_unreadable',
        severity: 'error',
        detail: error instanceof Error ? error.message : String(error),
      });
    }
  }
  for (const source of sources) {
    if (source.kind === 'path') await visit(resolve(source.path), basename(source.path), true);
    else await visit(join(stagingDir, source.stagedId), basename(source.name), false);
  }
  return { files, issues };
}

async function readHead(path: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Decides from content (the extension only words the error) whether a file is audio, a transcript, or neither. */
export async function classifyFile(
  file: ImportFile,
  sniffAudio: (head: Uint8Array) => string | null,
  looksLikeText: (head: Uint8Array) => boolean,
): Promise<ClassifiedFile> {
  if (file.sizeBytes === 0) return { kind: 'refused', file, code: 'file_empty', detail: '0 bytes' };
  let head: Uint8Array;
  try {
    head = await readHead(file.path, 64 * 1024);
  } catch (error) {
    return {
      kind: 'refused',
      file,
      code: 'file_unreadable',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  if (sniffAudio(head)) {
    return file.sizeBytes > maxAudioBytes
      ? { kind: 'refused', file, code: 'file_too_large', detail: `${file.sizeBytes} bytes` }
      : { kind: 'audio', file };
  }
  const extension = extname(file.name).toLowerCase();
  if (audioExtensions.has(extension))
    return {
      kind: 'refused',
      file,
      code: 'audio_unrecognized',
      detail: `named ${extension} but the content is not audio`,
    };
  if (looksLikeText(head)) {
    return file.sizeBytes > maxTranscriptBytes
      ? {
          kind: 'refused',
          file,
          code: 'transcript_too_large',
          detail: `${file.sizeBytes} bytes, more than ${maxTranscriptBytes}`,
        }
      : { kind: 'transcript', file };
  }
  return { kind: 'refused', file, code: 'unsupported_file', detail: 'neither audio nor a text transcript' };
}

/** The name two files share when they belong together: "call-12.wav" and "call-12.vtt" (or "call-12.wav.json"). */
export function pairingStem(fileName: string): string {
  let stem = fileName.toLowerCase();
  for (;;) {
    const extension = extname(stem);
    if (!extension || (!audioExtensions.has(extension) && !transcriptExtensions.includes(extension))) return stem;
    stem = stem.slice(0, -extension.length);
  }
}

/** SHA-256 of a file's content, streamed. */
export async function hashFile(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024, signal }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A readable title from a file name: "klacht_levering-0312.wav" -> "klacht levering 0312". */
export function titleFromFileName(fileName: string): string {
  const stem = fileName.replace(/\.[^.]+$/, '');
  return stem.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim() || fileName;
}

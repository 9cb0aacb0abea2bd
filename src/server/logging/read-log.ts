// Reads the newest error entries back from the log file (and the newest rotated one) for the diagnostics summary.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface LoggedError {
  readonly time: string;
  readonly process: string;
  readonly version: string;
  /** The first line of the entry (a stack trace follows it in the file). */
  readonly message: string;
}

/** Reads at most this much from the end of each file: enough for many entries, cheap for a big file. */
const tailBytes = 256 * 1024;
const entryHeader = /^\[(\S+)\] \[(\w+)\s*\] \[([^\]]+)\] \[v([^\]]+)\] (.*)$/;

function readTail(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return '';
  }
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, tailBytes);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The error entries of a log text, oldest first. */
export function parseErrorEntries(text: string): LoggedError[] {
  const errors: LoggedError[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = entryHeader.exec(line);
    const [, time = '', level, process = '', version = '', message = ''] = match ?? [];
    if (level === 'error') errors.push({ time, process, version, message: message.slice(0, 500) });
  }
  return errors;
}

/** The newest `limit` errors of the current file, topped up from the rotated one when the current has few. */
export function readRecentErrors(file: string, previousFile: string, limit: number): LoggedError[] {
  const current = parseErrorEntries(readTail(file));
  const older = current.length >= limit ? [] : parseErrorEntries(readTail(previousFile));
  return [...older, ...current].slice(-limit);
}

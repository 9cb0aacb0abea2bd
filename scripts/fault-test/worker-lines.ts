import { writeSync } from 'node:fs';

/** The write paths the harness covers. */
export const writePaths = ['imports', 'packages', 'exports', 'migrations'] as const;
export type WritePath = (typeof writePaths)[number];

/** Writes a whole line to stdout with a blocking write, so it is in the pipe before the next step starts. */
export function emit(line: string): void {
  const bytes = Buffer.from(`${line}\n`, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

// The services' view of the app log: the backend's own errors and those the renderer reports, in the shared file.
import { arch, platform, release } from 'node:os';
import type { ErrorLogPort } from '../../services/ports';
import { openAppLog } from './app-log';

/** One line, so text from a page can never pose as another log entry. */
const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ');
/** Indented lines, for the same reason: an entry starts with `[` at the start of a line. */
const indented = (text: string): string =>
  text
    .split(/\r?\n/)
    .map((line) => `    ${line}`)
    .join('\n');

export function makeErrorLogPort(dataDir: string): ErrorLogPort {
  const backend = openAppLog({ dataDir, processName: 'backend' });
  const renderer = openAppLog({ dataDir, processName: 'renderer' });
  return {
    file: backend.file,
    error: (source, message, detail) => {
      if (source === 'backend') {
        backend.error(message, detail);
        return;
      }
      const stack = typeof detail === 'string' && detail.trim() !== '' ? `\n${indented(detail)}` : '';
      renderer.error(`${oneLine(message)}${stack}`);
    },
    recentErrors: (limit) => backend.recentErrors(limit),
    runtime: () => ({
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
      platform: platform(),
      arch: arch(),
      osRelease: release(),
    }),
  };
}

// The app's log file in the data folder: one file shared by every process (Electron main, the backend, browser mode,
// the CLI, worker threads, errors the renderer reports), each line stamped with its process and the app version.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';
import log from 'electron-log/node';
import { appVersion } from '../app-version';
import { readRecentErrors, type LoggedError } from './read-log';

export const logFileName = 'klankbord.log';
/** Where the log lives inside the data folder. */
export const logFilePath = (dataDir: string): string => join(dataDir, 'logs', logFileName);

export interface AppLogOptions {
  readonly dataDir: string;
  /** Which process writes: main, backend, browser-server, cli, worker, renderer. */
  readonly processName: string;
  /** The file is rotated when it grows past this size (default 1 MiB). */
  readonly maxBytes?: number;
  /** How many rotated files are kept beside the current one (default 3). */
  readonly keepFiles?: number;
}

export interface AppLog {
  readonly file: string;
  error(message: string, error?: unknown): void;
  warn(message: string): void;
  info(message: string): void;
  /** The newest errors in the log (of every process), oldest first. */
  recentErrors(limit: number): LoggedError[];
}

/** `klankbord.log` -> `klankbord.1.log`: the name of the n-th rotated file. */
export const rotatedLogPath = (file: string, n: number): string => {
  const { dir, name, ext } = parse(file);
  return join(dir, `${name}.${n}${ext}`);
};

function rotate(file: string, keepFiles: number): void {
  rmSync(rotatedLogPath(file, keepFiles), { force: true });
  for (let n = keepFiles - 1; n >= 1; n -= 1) {
    const from = rotatedLogPath(file, n);
    if (existsSync(from)) renameSync(from, rotatedLogPath(file, n + 1));
  }
  if (keepFiles > 0) renameSync(file, rotatedLogPath(file, 1));
  else rmSync(file, { force: true });
}

/** Opens (creating on first write) the log file of a data folder for one process. */
export function openAppLog(options: AppLogOptions): AppLog {
  const file = logFilePath(options.dataDir);
  const keepFiles = options.keepFiles ?? 3;
  const logger = log.create({ logId: `klankbord:${options.processName}:${file}` });
  logger.variables.processType = options.processName;
  logger.variables.version = appVersion;
  logger.transports.console.level = false;
  const transport = logger.transports.file;
  transport.setAppName('Klankbord');
  transport.level = 'info';
  transport.maxSize = options.maxBytes ?? 1024 * 1024;
  transport.format = '[{iso}] [{level}] [{processType}] [v{version}] {text}';
  transport.resolvePathFn = () => file;
  transport.archiveLogFn = (current) => {
    try {
      rotate(current.path, keepFiles);
    } catch (error) {
      // Gone: another process rotated it first. Anything else (the disk refused): start afresh rather than grow forever.
      if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) current.clear();
    }
  };
  return {
    file,
    error: (message, error) => (error === undefined ? logger.error(message) : logger.error(message, error)),
    warn: (message) => logger.warn(message),
    info: (message) => logger.info(message),
    recentErrors: (limit) => readRecentErrors(file, rotatedLogPath(file, 1), limit),
  };
}

/**
 * Writes uncaught exceptions and unhandled rejections of this process (or worker thread) to the log. It uses the
 * monitor event, so what the runtime does next (exit, or Electron's error box) is unchanged. Returns a function that
 * stops it.
 */
export function logUncaughtErrors(appLog: AppLog): () => void {
  const onError = (error: Error, origin: string): void =>
    appLog.error(origin === 'unhandledRejection' ? 'Unhandled rejection' : 'Uncaught exception', error);
  process.on('uncaughtExceptionMonitor', onError);
  return () => process.off('uncaughtExceptionMonitor', onError);
}

/** What a parent needs from a worker thread to log its failures: its 'error' and 'exit' events. */
interface WorkerEvents {
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
}

/** Logs a worker thread's uncaught error and an exit with a failure code, named by the job it ran. */
export function logWorkerFailures(worker: WorkerEvents, appLog: AppLog, job: string): void {
  worker.on('error', (error) => appLog.error(`Worker ${job} failed`, error));
  worker.on('exit', (code) => {
    if (code !== 0) appLog.error(`Worker ${job} exited with code ${code}`);
  });
}

import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { getAudio, readPeaks } from '../storage/audio-repository';
import { isAudioRemoved } from '../storage/retention-repository';
import { startRetentionSchedule, type RetentionTimer } from '../services/retention-schedule';
import { ImportQueue } from '../services/import-queue';
import { looksLikeText, sniffAudioContainer } from './audio/sniff';
import { decodeText } from './text-decoding';
import { ffmpegPathPreference, inThreadHeavyPorts, workerHeavyPorts } from './workers/heavy-ports';
import type { HeavyJobs, HeavyWorkerData } from './workers/heavy-jobs';
import { startWorker } from './workers/start-worker';
import { WorkerPool } from './workers/worker-pool';
import { findExport } from '../services/exports-folder';
import { seedDemoOnce } from './demo-call';
import type { AppInfo } from '../contract/schemas';
import { openDatabase, type OpenedDatabase } from '../storage/connection';
import { recordCleanClose } from '../storage/clean-close';
import { checkedBeforeOpen, checkInBackground, type DatabaseCheckRun } from './database-check';
import { lockDataFolder } from '../storage/folder-lock';
import { ensureBuiltInRubrics } from '../services/built-in-rubrics';
import { createDispatch, type Dispatch } from '../services/dispatch';
import { EventHub } from '../services/event-hub';
import { handlers } from '../services/handlers';
import { appVersion } from './app-version';
import { makeErrorLogPort } from './logging/error-log-port';
import { cleanDataFolder } from './files/data-folder-cleanup';
import { createDurableFiles, realFileSystemCalls, type FileSystemCalls } from './files/durable-files';
import type { FilePort } from '../services/ports';
import { keyProviderFromEnvironment, type DataKeyProvider } from './encryption/data-key';
import { openDataFolderEncryption, type EncryptionState } from './encryption/backend-encryption';
import { isFolderEncrypted } from './encryption/folder-encryption';
import { dataProtection } from './encryption/data-protection';

export { DatabaseTooNewError } from '../storage/migrations';
export { DatabaseOpenError } from '../storage/connection';
export { DataFolderInUseError } from '../storage/folder-lock';

export const databaseFileName = 'klankbord.db';

export interface Backend {
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  readonly info: AppInfo;
  /** Where browser-mode uploads are written before import. */
  readonly stagingDir: string;
  /** The stored audio file behind an opaque audio id (for media streaming), or undefined. */
  audioFile(audioId: string): { readonly path: string; readonly mimeType: string } | undefined;
  /** The stored peaks of an audio file: Int16 little-endian, channel after channel. */
  peaks(audioId: string): Buffer | undefined;
  /** An exported file waiting to be downloaded, by its opaque id. */
  exportFile(exportId: string): { readonly path: string; readonly fileName: string } | undefined;
  /** Whether the data folder is encrypted, where its key is, and how far the upgrade of an older folder is. */
  encryption(): EncryptionState;
  /** The data folder's key (hex), for the desktop main process's own media reads; undefined when not encrypted. */
  folderKeyHex(): string | undefined;
  /** Resolves when background imports are done. */
  idle(): Promise<void>;
  close(): void;
}

export interface BackendOptions {
  readonly dataDir: string;
  readonly nativeBinding?: string;
  readonly checkOutputs?: boolean;
  /** Electron and the CLI pass file paths; browser mode must upload (default false). */
  readonly allowPathSources?: boolean;
  /** Folder with the demo call, imported once into an empty library on first start. */
  readonly demoDir?: string;
  /**
   * Where audio analysis, archives, exports and the PDF run: worker threads (default), or the dispatch thread
   * itself (the baseline bench:responsiveness measures against).
   */
  readonly heavyWork?: 'workers' | 'in-thread';
  /** Worker threads for heavy work; default one fewer than the cores, at least one. */
  readonly workerPoolSize?: number;
  /** Worker threads that hash and decode audio (and compute peaks) during imports; default one per core. */
  readonly importWorkers?: number;
  /** The file-system calls behind the durable file port (the fault harness hands in ones that fail). */
  readonly fileSystemCalls?: FileSystemCalls;
  /** The clock the services read (default Date.now); tests hand in their own. */
  readonly now?: () => number;
  /** The timer of the daily retention run (default: a real one); tests fire it themselves. */
  readonly retentionTimer?: RetentionTimer;
  /**
   * Where the data folder's key comes from (default: KLANKBORD_PASSPHRASE, or the key file in the user's config
   * folder, made when missing); 'off' keeps a folder that is not encrypted unencrypted (the benchmark's baseline).
   */
  readonly encryption?: DataKeyProvider | 'off';
}

/**
 * The Node composition root shared by Electron, browser mode and the CLI. It first takes the data folder's lock, so
 * a second process on the same folder stops here with DataFolderInUseError; a database that cannot be opened now
 * (disk full, locked, no access) throws DatabaseOpenError and is left as it was. See startup-failure.ts for the
 * user's words for each.
 */
export function createBackend(options: BackendOptions): Backend {
  mkdirSync(options.dataDir, { recursive: true });
  const lock = lockDataFolder(options.dataDir, { nativeBinding: options.nativeBinding });
  let opened: OpenedDatabase | undefined;
  let encryption: ReturnType<typeof openDataFolderEncryption> | undefined;
  try {
    // An encrypted folder's key is checked before the database is opened: a missing or wrong key stops here and
    // changes nothing. A folder not encrypted yet is marked only once its database has opened.
    const openEncryption = (hasData: boolean) =>
      openDataFolderEncryption(options.dataDir, options.encryption ?? keyProviderFromEnvironment(), hasData);
    const hasData = existsSync(join(options.dataDir, databaseFileName));
    if (isFolderEncrypted(options.dataDir)) encryption = openEncryption(hasData);
    // After a clean close the page-by-page check runs in the background (a worker), not before the library opens.
    opened = openDatabase(join(options.dataDir, databaseFileName), {
      nativeBinding: options.nativeBinding,
      trustCleanClose: options.heavyWork !== 'in-thread',
    });
    encryption ??= openEncryption(hasData);
    return assembleBackend(options, opened, encryption, lock.release);
  } catch (error) {
    opened?.db.close();
    encryption?.close();
    lock.release();
    throw error;
  }
}

function assembleBackend(
  options: BackendOptions,
  opened: OpenedDatabase,
  encryption: ReturnType<typeof openDataFolderEncryption>,
  releaseLock: () => void,
): Backend {
  const databaseFile = join(options.dataDir, databaseFileName);
  const events = new EventHub();
  const info: AppInfo = {
    version: appVersion,
    dataDir: options.dataDir,
    databaseFile,
    schemaVersion: opened.schemaVersion,
    recoveredDatabase: opened.recovered,
    databaseCheck: opened.checkDeferred ? { state: 'running', damage: null } : { state: 'before-open', damage: null },
  };
  const audioDir = join(options.dataDir, 'audio');
  const stagingDir = join(options.dataDir, 'staging');
  const exportsDir = join(options.dataDir, 'exports');
  mkdirSync(exportsDir, { recursive: true });
  mkdirSync(audioDir, { recursive: true });
  mkdirSync(stagingDir, { recursive: true });
  // Before any job runs: what a crash or a failed job left in the data folder goes.
  cleanDataFolder(opened.db, { audioDir, stagingDir, exportsDir });
  const importQueue = new ImportQueue();
  const { pool, audioPool, heavyPorts, checkPool } = startHeavyWork(options, opened, encryption, exportsDir);
  const errorLog = makeErrorLogPort(options.dataDir);
  const databaseCheck: DatabaseCheckRun = checkPool
    ? checkInBackground(checkPool, events, errorLog)
    : checkedBeforeOpen();
  const context = {
    db: opened.db,
    events,
    info,
    now: options.now ?? (() => Date.now()),
    paths: { audioDir, stagingDir, exportsDir },
    allowPathSources: options.allowPathSources ?? false,
    ports: {
      ...heavyPorts,
      sniffAudioContainer,
      looksLikeText,
      decodeText,
      errorLog,
      databaseCheck: () => databaseCheck.state(),
      files: durableFiles(options, audioPool),
      dataProtection: () => dataProtection(options.dataDir, encryption.state()),
    },
    importQueue,
  };
  ensureBuiltInRubrics(opened.db, context.now());
  const dispatch = createDispatch(handlers, context, { checkOutputs: options.checkOutputs });
  if (options.demoDir) seedDemoOnce(context, options.demoDir);
  // Retention rules apply at start and every 24 hours while the backend runs.
  const retention = startRetentionSchedule(context, options.retentionTimer);
  // A folder from before encryption is sealed file by file in the background; readers open both kinds meanwhile.
  encryption.startUpgrade(context.ports.errorLog);
  return {
    dispatch,
    events,
    info,
    stagingDir,
    audioFile: (audioId) => {
      const known = /^[0-9a-f-]{36}$/.test(audioId) && !isAudioRemoved(opened.db, audioId);
      const audio = known ? getAudio(opened.db, audioId) : undefined;
      return audio ? { path: join(audioDir, audio.storedName), mimeType: audio.mimeType } : undefined;
    },
    peaks: (audioId) => readPeaks(opened.db, audioId)?.bytes,
    exportFile: (exportId) => findExport(exportsDir, exportId),
    encryption: () => encryption.state(),
    folderKeyHex: () => encryption.workerKey?.keyHex,
    idle: () => importQueue.idle(),
    close: () => {
      encryption.close();
      retention.stop();
      void pool?.close();
      void audioPool?.close();
      void databaseCheck.stop();
      opened.db.close();
      if (databaseCheck.mayRecordCleanClose()) recordCleanClose(databaseFile);
      releaseLock();
    },
  };
}

/**
 * The durable file port. Copying a recording in (read, sealed when the folder is encrypted, written) runs on the
 * import's workers, so a batch keeps the thread that writes the database free; the fsyncs and renames stay here
 * (asynchronous, off the event loop), so a worker is not held while the disk writes. With file-system calls handed
 * in (the fault harness) everything goes through those.
 */
function durableFiles(options: BackendOptions, audioPool: WorkerPool<HeavyJobs> | undefined): FilePort {
  if (options.fileSystemCalls || !audioPool) return createDurableFiles(options.fileSystemCalls);
  return createDurableFiles({
    ...realFileSystemCalls,
    copyFile: async (source, target) => {
      const outcome = await audioPool.run('copyFile', { source, target });
      if (!outcome.ok) throw new Error(outcome.error.message);
    },
  });
}

/**
 * The export pool's workers keep a young generation of 8 MB (V8 grows it to 32 MB or more). Exports, archives and
 * PDFs stream, so they allocate short-lived rows and chunks: a smaller nursery, swept more often, holds less. A score
 * export of 300,000 reviews peaked at 319 MB of RSS instead of 368 MB, and was no slower (234 against 268 s). The
 * import's workers keep V8's default: with the same cap a batch import took a quarter longer.
 */
const exportWorkerLimits = { maxYoungGenerationSizeMb: 8 };

/** The worker pools for heavy jobs and batch imports, and the ports that use them (or run in this thread). */
function startHeavyWork(
  options: BackendOptions,
  opened: OpenedDatabase,
  encryption: ReturnType<typeof openDataFolderEncryption>,
  exportsDir: string,
) {
  const workerData: HeavyWorkerData = {
    databaseFile: join(options.dataDir, databaseFileName),
    exportsDir,
    nativeBinding: options.nativeBinding,
    dataKey: encryption.workerKey,
  };
  const pool =
    options.heavyWork === 'in-thread'
      ? undefined
      : new WorkerPool<HeavyJobs>({
          start: () => startWorker('heavy-worker', workerData, { resourceLimits: exportWorkerLimits }),
          size: options.workerPoolSize,
        });
  // A batch import decodes on every core; the write to the database after each file stays on this thread.
  const audioPool = pool
    ? new WorkerPool<HeavyJobs>({
        start: () => startWorker('heavy-worker', workerData),
        size: options.importWorkers ?? availableParallelism(),
      })
    : undefined;
  const heavyPorts =
    pool && audioPool
      ? workerHeavyPorts(pool, ffmpegPathPreference(opened.db), audioPool)
      : inThreadHeavyPorts(opened.db, exportsDir);
  // The check a start after a clean close skipped runs in a worker of its own, closed when it is done.
  const checkPool =
    pool && opened.checkDeferred
      ? new WorkerPool<HeavyJobs>({ start: () => startWorker('heavy-worker', workerData), size: 1 })
      : undefined;
  return { pool, audioPool, heavyPorts, checkPool };
}

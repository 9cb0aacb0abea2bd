import { realFileSystemCalls, type FileSystemCalls } from '../../src/server/files/durable-files';

export type FileCallName = keyof FileSystemCalls;

/** The error the operating system gives when the disk is full. */
export function noSpaceError(call: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, ${call} '${path}'`), {
    code: 'ENOSPC',
    errno: -28,
    syscall: call,
    path,
  });
}

/**
 * The real file-system calls, except that a write-like call (copy, write, fsync, rename) fails with ENOSPC when
 * `shouldFail` says so; `log` records every call in order. Removal never fails: freeing space works on a full disk.
 */
export function faultyFileCalls(
  shouldFail: (call: FileCallName, index: number) => boolean,
  log: string[] = [],
  base: FileSystemCalls = realFileSystemCalls,
): FileSystemCalls {
  let index = 0;
  const guard = async <T>(call: FileCallName, path: string, run: () => Promise<T>): Promise<T> => {
    log.push(`${call} ${path}`);
    if (call !== 'remove' && shouldFail(call, index++)) throw noSpaceError(call, path);
    return run();
  };
  return {
    copyFile: (source, target) => guard('copyFile', target, () => base.copyFile(source, target)),
    writeFile: (target, bytes) => guard('writeFile', target, () => base.writeFile(target, bytes)),
    syncFile: (path) => guard('syncFile', path, () => base.syncFile(path)),
    syncFolder: (path) => guard('syncFolder', path, () => base.syncFolder(path)),
    rename: (source, target) => guard('rename', target, () => base.rename(source, target)),
    remove: (path) => guard('remove', path, () => base.remove(path)),
  };
}

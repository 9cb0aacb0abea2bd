import { resolve, sep } from 'node:path';

/*
 * The data keys this thread knows, by data folder. Every writer and reader of files in a data folder (the durable
 * file port, the export writers, media serving, the audio decoders, the zip writer) asks here with the file's path,
 * so no caller has to carry a key through its arguments. The backend registers its folder's key when it opens it;
 * a worker thread registers the one it is given at start; the desktop main process registers the key it unwrapped
 * with the operating system's credential store. A folder without a registered key is written in plaintext.
 */
const keys = new Map<string, Buffer>();

export function registerFolderKey(folder: string, key: Buffer): void {
  if (key.length !== 32) throw new Error('A data key is 32 bytes (AES-256)');
  keys.set(resolve(folder), key);
}

export function forgetFolderKey(folder: string): void {
  keys.delete(resolve(folder));
}

/** The key of the data folder that holds `path`, if one is registered. */
export function keyForPath(path: string): Buffer | undefined {
  const full = resolve(path);
  let best: { folder: string; key: Buffer } | undefined;
  for (const [folder, key] of keys)
    if ((full === folder || full.startsWith(folder + sep)) && (!best || folder.length > best.folder.length))
      best = { folder, key };
  return best?.key;
}

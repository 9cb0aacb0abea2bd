import { unzipSync, zipSync } from 'fflate';

/** Zips files without recompressing audio (already compressed or incompressible PCM): level 0 for media, 6 for JSON. */
export function zipFiles(files: Readonly<Record<string, Uint8Array>>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, [bytes, { level: name.endsWith('.json') ? 6 : 0 }]])));
}

/** Unzips an archive; fflate throws on corrupt or truncated input. */
export function unzipFiles(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

import { resolve } from 'node:path';

/**
 * The files and folders each window may import: paths the main process got from an open dialog, or from a file the
 * user dropped (resolved by the preload from the File object). A path the renderer names itself is refused, so a
 * compromised page cannot make the backend read arbitrary files.
 */
export class GrantedPaths {
  private readonly byContents = new Map<number, Set<string>>();

  grant(contentsId: number, paths: readonly string[]): void {
    const set = this.byContents.get(contentsId) ?? new Set<string>();
    for (const path of paths) set.add(resolve(path));
    this.byContents.set(contentsId, set);
  }

  forget(contentsId: number): void {
    this.byContents.delete(contentsId);
  }

  /** The first `{ kind: 'path' }` source in a method input that this window was not granted, if any. */
  firstUngranted(contentsId: number, input: unknown): string | undefined {
    const set = this.byContents.get(contentsId);
    for (const path of pathSources(input, 0)) {
      if (!set?.has(resolve(path))) return path;
    }
    return undefined;
  }
}

/** Every path in `{ kind: 'path', path }` objects of an input (imports.start's sources, packages.import's source). */
function pathSources(value: unknown, depth: number): string[] {
  if (typeof value !== 'object' || value === null || depth > 4) return [];
  if (Array.isArray(value)) return value.flatMap((item) => pathSources(item, depth + 1));
  const record = value as Record<string, unknown>;
  if (record.kind === 'path') return [typeof record.path === 'string' ? record.path : ''];
  return Object.values(record).flatMap((item) => pathSources(item, depth + 1));
}

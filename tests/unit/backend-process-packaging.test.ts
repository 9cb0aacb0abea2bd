// The backend process's entry is where the packaged app looks for it: electron-vite builds it next to the main
// bundle (out/main/backend-process.js), electron-builder packs out/** into the asar, and the Electron entry forks it
// from its own folder. (utilityProcess.fork reads a script inside the asar, as require does.)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import viteConfig from '../../electron.vite.config';

const root = resolve(import.meta.dirname, '../..');

describe('the backend-process entry in the build and the package', () => {
  it('is a main-side entry of the build, named as the Electron entry forks it', () => {
    const config = viteConfig as { main?: { build?: { rollupOptions?: { input?: Record<string, string> } } } };
    const input = config.main?.build?.rollupOptions?.input ?? {};
    expect(input['backend-process']).toBe(join(root, 'src/main/backend-process.ts'));
    expect(input.index).toBe(join(root, 'src/main/index.ts'));
    const entry = readFileSync(join(root, 'src/main/index.ts'), 'utf8');
    expect(entry).toContain("backendEntry: join(__dirname, 'backend-process.js')");
  });

  it('is packed with the main bundle (out/** in the asar; only native modules unpacked)', () => {
    const builder = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
      files?: string[];
      asarUnpack?: string[];
      asar?: boolean;
    };
    expect(builder.files).toContain('out/**');
    expect(builder.files?.some((pattern) => pattern.startsWith('!out'))).toBe(false);
    expect(builder.asar).not.toBe(false);
    expect(builder.asarUnpack).toEqual(['**/*.node']);
  });
});

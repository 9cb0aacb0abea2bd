// npm run test:desktop: the real src/main and src/preload under Node against the Electron stand-in, the built
// renderer in Chromium. One desktop process per test file; files run one after another (each starts a Chromium).
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = resolve(import.meta.dirname, '../..');

export default defineConfig({
  root,
  resolve: { alias: [{ find: /^electron$/, replacement: resolve(root, 'tests/desktop/electron-stand-in/index.ts') }] },
  test: {
    name: 'desktop',
    environment: 'node',
    include: ['tests/desktop/**/*.test.ts'],
    setupFiles: ['tests/unit/key-config-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

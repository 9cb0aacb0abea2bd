import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// src/main's unit tests import 'electron': they get the desktop tests' stand-in (no Electron binary here).
const electronStandIn = [
  { find: /^electron$/, replacement: resolve(import.meta.dirname, 'tests/desktop/electron-stand-in/index.ts') },
];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: electronStandIn },
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/**/*.test.ts',
            'tests/unit/**/*.test.ts',
            'tests/lint/**/*.test.ts',
            'scripts/**/*.test.ts',
            'tests/crash/**/*.test.ts',
            'tests/faults/**/*.test.ts',
          ],
          exclude: ['src/renderer/**'],
          setupFiles: ['tests/unit/key-config-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['src/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/unit/renderer-setup.ts'],
        },
      },
    ],
  },
});

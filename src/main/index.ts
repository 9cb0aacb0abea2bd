// The Electron entry point: the built renderer, preload and backend-process entry sit next to this bundle (out/main,
// out/renderer, out/preload; out/main/backend-process.js).
import { join } from 'node:path';
import { startShell } from './shell';

startShell({
  rendererDir: join(__dirname, '../renderer'),
  preloadPath: join(__dirname, '../preload/index.cjs'),
  backendEntry: join(__dirname, 'backend-process.js'),
});

// The Electron entry point: the built renderer and preload sit next to this bundle (out/main, out/renderer, out/preload).
import { join } from 'node:path';
import { startShell } from './shell';

startShell({ rendererDir: join(__dirname, '../renderer'), preloadPath: join(__dirname, '../preload/index.cjs') });

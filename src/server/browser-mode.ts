// Browser mode: the real backend on 127.0.0.1 and the built renderer, for machines without an Electron binary.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend, type Backend } from './backend';
import { resolveDataDir } from './data-dir';
import { startHttpTransport } from './http-transport';
import { logUncaughtErrors, openAppLog } from './logging/app-log';
import { classifyStartupFailure, startupFailureLine, terminalLanguage } from './startup-failure';
import { serveStartupFailurePage } from './startup-failure-page';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: process.env.KLANKBORD_PORT ?? '0' },
      'renderer-dir': { type: 'string' },
      'no-demo': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port: ${values.port}`);
  const dataDir = resolveDataDir(values['data-dir'] ? ['--data-dir', values['data-dir']] : []);
  const rendererDir = resolve(values['renderer-dir'] ?? resolve(__dirname, '../../out/renderer'));
  const appLog = openAppLog({ dataDir, processName: 'browser-server' });
  logUncaughtErrors(appLog);

  let backend: Backend;
  try {
    backend = createBackend({
      dataDir,
      checkOutputs: process.env.NODE_ENV !== 'production',
      demoDir: values['no-demo'] ? undefined : resolve(__dirname, '../../resources/demo'),
    });
  } catch (error) {
    appLog.error(`Cannot open the data folder ${dataDir}`, error);
    await explainStartupFailure(error, dataDir, port);
    return;
  }
  const recovered = backend.info.recoveredDatabase;
  if (recovered)
    console.warn(
      `The database was damaged (${recovered.reason}); it was moved to ${recovered.movedTo} and a new one was started.`,
    );

  const server = await startHttpTransport({ backend, rendererDir, port });
  console.log(`Data folder: ${dataDir}`);
  console.log(`Klankbord is running in browser mode. Open: ${server.url}`);

  // Stopping exits even when closing the server fails, so a signal never leaves a half-stopped process.
  const stop = async () => {
    try {
      await server.close();
    } finally {
      backend.close();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** Touches nothing: prints why, serves a page that says why (in the browser's language) until stopped. */
async function explainStartupFailure(error: unknown, dataDir: string, port: number): Promise<void> {
  const failure = classifyStartupFailure(error, dataDir);
  console.error(startupFailureLine(failure, terminalLanguage()));
  const page = await serveStartupFailurePage(failure, port);
  console.log(`Klankbord could not start in browser mode. Open ${page.url} for the explanation; stop with Ctrl+C.`);
  const stop = async () => {
    try {
      await page.close();
    } finally {
      process.exit(failure.exitCode);
    }
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

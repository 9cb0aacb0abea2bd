// The Electron main process's share of the app log: its own uncaught errors and crashed renderer or child processes.
import { app } from 'electron';
import { logUncaughtErrors, openAppLog, type AppLog } from '../server/logging/app-log';

export function startMainLog(dataDir: string): AppLog {
  const appLog = openAppLog({ dataDir, processName: 'main' });
  logUncaughtErrors(appLog);
  app.on('render-process-gone', (_event, contents, details) => {
    appLog.error(
      `Renderer process gone (${details.reason}, exit code ${details.exitCode}) at ${contents.getURL().split('?')[0]}`,
    );
  });
  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit')
      appLog.error(`${details.type} process gone (${details.reason}, exit code ${details.exitCode})`);
  });
  return appLog;
}

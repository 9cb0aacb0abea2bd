import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../contract/schemas';
import { openDatabase } from '../storage/connection';
import { createDispatch, type Dispatch } from '../services/dispatch';
import { EventHub } from '../services/event-hub';
import { handlers } from '../services/handlers';
import { appVersion } from './app-version';

export { DatabaseTooNewError } from '../storage/migrations';

export const databaseFileName = 'klankbord.db';

export interface Backend {
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  readonly info: AppInfo;
  close(): void;
}

export interface BackendOptions {
  readonly dataDir: string;
  readonly nativeBinding?: string;
  readonly checkOutputs?: boolean;
}

/** The Node composition root shared by Electron, browser mode and the CLI. */
export function createBackend(options: BackendOptions): Backend {
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = join(options.dataDir, databaseFileName);
  const opened = openDatabase(databaseFile, { nativeBinding: options.nativeBinding });
  const events = new EventHub();
  const info: AppInfo = {
    version: appVersion,
    dataDir: options.dataDir,
    databaseFile,
    schemaVersion: opened.schemaVersion,
    recoveredDatabase: opened.recovered,
  };
  const context = { db: opened.db, events, info, now: () => Date.now() };
  const dispatch = createDispatch(handlers, context, { checkOutputs: options.checkOutputs });
  return {
    dispatch,
    events,
    info,
    close: () => opened.db.close(),
  };
}

import type Database from 'better-sqlite3';
import type { AppInfo } from '../contract/schemas';
import type { EventHub } from './event-hub';
import type { ServicePorts } from './ports';
import type { ImportQueue } from './import-queue';

/** What every use case may use: the database, the event hub, adapters, and facts about this run. */
export interface ServiceContext {
  readonly db: Database.Database;
  readonly events: EventHub;
  readonly info: AppInfo;
  readonly now: () => number;
  readonly paths: {
    /** Where imported audio is copied (content-addressed names). */
    readonly audioDir: string;
    /** Where browser-mode uploads wait until imported. */
    readonly stagingDir: string;
    /** Where exported packages and files wait to be downloaded (opaque ids). */
    readonly exportsDir: string;
  };
  /** Whether callers may name files by path (Electron dialog, CLI); browser mode uploads instead. */
  readonly allowPathSources: boolean;
  readonly ports: ServicePorts;
  readonly importQueue: ImportQueue;
}

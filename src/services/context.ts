import type Database from 'better-sqlite3';
import type { AppInfo } from '../contract/schemas';
import type { EventHub } from './event-hub';

/** What every use case may use: the database, the event hub, and facts about this run. */
export interface ServiceContext {
  readonly db: Database.Database;
  readonly events: EventHub;
  readonly info: AppInfo;
  readonly now: () => number;
}

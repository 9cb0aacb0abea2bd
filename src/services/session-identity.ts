import type Database from 'better-sqlite3';
import { readPreferences, writePreferences } from '../storage/preferences-repository';
import type { CalibrationSession } from '../storage/sessions-repository';
import { localReviewer } from './reviewer-service';

const key = (sessionId: string) => `sessionIdentity:${sessionId}`;

/**
 * Who this machine's user is in a session: their own profile when the lead listed it, else the reviewer they said
 * they are when they imported the session package (the lead names reviewers; each keeps their local profile).
 */
export function sessionIdentity(db: Database.Database, session: CalibrationSession): string | undefined {
  const own = localReviewer(db);
  if (own && session.reviewerIds.includes(own.id)) return own.id;
  const chosen = readPreferences(db)[key(session.id)];
  return chosen && session.reviewerIds.includes(chosen) ? chosen : undefined;
}

/** Records which of the session's reviewers this machine's user is. */
export function setSessionIdentity(db: Database.Database, sessionId: string, reviewerId: string): void {
  writePreferences(db, { [key(sessionId)]: reviewerId });
}

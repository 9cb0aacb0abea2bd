import type Database from 'better-sqlite3';
import type { TeamExchange } from '../contract/team-packages';
import { listMemberships, listTeamMembers } from '../storage/team-exchange-repository';

/** The invited reviewers (as a lead) and the leads reviews go to (as a reviewer); keys never leave the backend. */
export function listTeamExchange(db: Database.Database): TeamExchange {
  return {
    members: listTeamMembers(db),
    leads: listMemberships(db).map(({ teamId, leadName, reviewerName, lastExportAtMs }) => ({
      teamId,
      leadName,
      reviewerName,
      lastExportAtMs,
    })),
  };
}

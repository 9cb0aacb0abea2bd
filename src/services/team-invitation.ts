import { randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ok, type Result } from '../contract/errors';
import type { PackageImportResult } from '../contract/packages';
import {
  teamInvitationContentSchema,
  teamInvitationFormat,
  type TeamInvitationContent,
} from '../contract/team-packages';
import { readPreferences, writePreferences } from '../storage/preferences-repository';
import { upsertReviewer } from '../storage/reviewers-repository';
import {
  addKnownCalls,
  getMemberKey,
  getMembership,
  knownCallKeys,
  listTeamMembers,
  saveMembership,
  setMemberKey,
} from '../storage/team-exchange-repository';
import { writeTransaction } from '../storage/transactions';
import type { ServiceContext } from './context';
import { exportPackage, json, readPackageJson, refused, type OpenedPackage } from './package-archive';
import { requireLocalReviewer } from './reviewer-service';

const teamIdKey = 'teamId';

/** This computer's team id as a lead: made the first time an invitation is written, then kept. */
export function ownTeamId(db: Database.Database): string | undefined {
  return readPreferences(db)[teamIdKey];
}

function ensureTeamId(db: Database.Database): string {
  const existing = ownTeamId(db);
  if (existing) return existing;
  const id = randomUUID();
  writePreferences(db, { [teamIdKey]: id });
  return id;
}

/** The reviewer the lead invites under this name: the one invited before, or a new one with a key of their own. */
function inviteeFor(context: ServiceContext, name: string): { id: string; name: string; key: string } {
  const { db } = context;
  const known = listTeamMembers(db).find((member) => member.name === name);
  if (known) return { id: known.id, name: known.name, key: getMemberKey(db, known.id)! };
  const invitee = { id: randomUUID(), name, key: randomBytes(32).toString('hex') };
  writeTransaction(db, () => {
    upsertReviewer(db, { id: invitee.id, name }, context.now());
    setMemberKey(db, invitee.id, invitee.key, context.now());
  });
  return invitee;
}

/**
 * A lead's team invitation for one reviewer: their key (made once, the same in every later invitation to them) and
 * the hashes of every recording the lead holds, so the reviewer never sends those again.
 */
export async function exportTeamInvitation(
  context: ServiceContext,
  reviewerName: string,
): Promise<Result<{ exportId: string; fileName: string }>> {
  const lead = requireLocalReviewer(context.db);
  if (!lead.ok) return lead;
  const teamId = ensureTeamId(context.db);
  const invitee = inviteeFor(context, reviewerName);
  const content: TeamInvitationContent = {
    teamId,
    lead: { name: lead.value.name },
    recipient: invitee,
    knownCallKeys: knownCallKeys(context.db),
    createdAtMs: context.now(),
  };
  const fileName = `${lead.value.name} - ${invitee.name}.klankbord-team`;
  return exportPackage(context, fileName, { format: teamInvitationFormat, sessionId: teamId }, [
    { path: 'invitation.json', bytes: json(content) },
  ]);
}

/** The reviewer's side: keeps the lead's key for them and the recordings that lead holds. */
export function importTeamInvitation(context: ServiceContext, opened: OpenedPackage): Result<PackageImportResult> {
  const { db } = context;
  const parsed = readPackageJson(opened, 'invitation.json', teamInvitationContentSchema);
  if (!parsed.ok) return parsed;
  const { teamId, lead, recipient, knownCallKeys: known } = parsed.value;
  if (teamId !== opened.manifest.sessionId)
    return refused('package_tampered', 'invitation.json is not the manifest team');
  if (teamId === ownTeamId(db)) return refused('package_conflict', 'This is an invitation of this computer’s own team');
  const before = getMembership(db, teamId);
  const same = before?.key === recipient.key && before.reviewerId === recipient.id;
  writeTransaction(db, () => {
    saveMembership(db, {
      teamId,
      leadName: lead.name,
      reviewerId: recipient.id,
      reviewerName: recipient.name,
      key: recipient.key,
      acceptedAtMs: context.now(),
    });
    addKnownCalls(db, teamId, known);
  });
  return ok({
    kind: 'team-invitation',
    sessionId: teamId,
    sessionName: lead.name,
    alreadyPresent: same,
    callsAdded: 0,
    reviewsAdded: 0,
    reviewsRevised: 0,
    reviewers: [{ id: recipient.id, name: recipient.name }],
    recipient: { id: recipient.id, name: recipient.name },
  });
}

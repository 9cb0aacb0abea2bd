import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { fail, ok, type Result } from '../contract/errors';
import { readPreferences, writePreferences } from '../storage/preferences-repository';
import { getReviewer, upsertReviewer, type Reviewer } from '../storage/reviewers-repository';
import { writeTransaction } from '../storage/transactions';
import type { Handlers } from './handlers';

const localReviewerKey = 'localReviewerId';

/** The reviewer who uses this installation, or undefined before they gave their name. */
export function localReviewer(db: Database.Database): Reviewer | undefined {
  const id = readPreferences(db)[localReviewerKey];
  return id ? getReviewer(db, id) : undefined;
}

/** The local reviewer, or the error that asks for a profile first. */
export function requireLocalReviewer(db: Database.Database): Result<Reviewer> {
  const reviewer = localReviewer(db);
  return reviewer ? ok(reviewer) : fail('reviewer_missing', 'No reviewer profile yet');
}

export const reviewerHandlers = {
  'reviewer.get': (_input, context) => ok(localReviewer(context.db) ?? null),
  'reviewer.set': (input, context) => {
    const existing = localReviewer(context.db);
    // The id is made once and never changes: reviews from this machine are recognised by it elsewhere.
    const reviewer = { id: existing?.id ?? randomUUID(), name: input.name };
    writeTransaction(context.db, () => {
      upsertReviewer(context.db, reviewer, context.now());
      writePreferences(context.db, { [localReviewerKey]: reviewer.id });
    });
    return ok(reviewer);
  },
} satisfies Partial<Handlers>;

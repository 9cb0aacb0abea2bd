/*
 * Checks a database left behind by a killed crash-test worker against the acknowledged edits.
 *
 * - Integrity: `PRAGMA integrity_check` must say ok and `PRAGMA foreign_key_check` must be empty; a torn edit (part of
 *   the in-flight edit applied, part not) or a value no edit ever wrote also counts as an integrity failure.
 * - Loss: with edits 0..A acknowledged, every key must hold the value the model has after edits 0..A, or, when edit A+1
 *   had been started (it was in flight at the kill), the value after 0..A+1. A key that holds neither is a lost edit:
 *   the acknowledged edit that last set that key (superseded edits are not checked: a later edit owns the key).
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { getCall } from '../../src/storage/calls-repository';
import { listMoments } from '../../src/storage/moments-repository';
import { readPreferences } from '../../src/storage/preferences-repository';
import { getReviewer } from '../../src/storage/reviewers-repository';
import { getReview, listAnswers } from '../../src/storage/reviews-repository';
import { crashCall, crashReviewerName, ReviewModel, type Edit } from './edit-script';

/** The edit index that stands for the setup (call, reviewer, review) acknowledged by the worker's READY line. */
export const setupEdit = -1;

export interface Expectation {
  /** The review id the worker reported as ready; null while setup was never acknowledged. */
  readonly reviewId: string | null;
  /** The state after every acknowledged edit (0..A). */
  readonly acknowledged: ReviewModel;
  /** Edit A+1 and the state after it, when it had been started and may have committed without an acknowledgement. */
  readonly inflight?: { readonly edit: Edit; readonly model: ReviewModel };
}

export interface CheckResult {
  readonly integrityFailures: string[];
  /** Indices of acknowledged edits whose effect is missing (setupEdit for the setup). */
  readonly lostEdits: number[];
  /** The in-flight edit had committed (without an acknowledgement). */
  readonly inflightApplied: boolean;
  /** Human-readable details of every problem. */
  readonly details: string[];
}

/** The review's state as stored, in the model's terms. */
export function readReviewState(db: Database.Database, reviewId: string): ReviewModel {
  const model = new ReviewModel();
  const review = getReview(db, reviewId);
  if (!review) return model;
  model.comment = review.comment;
  model.context = review.context;
  for (const answer of listAnswers(db, reviewId)) {
    model.answers.set(answer.itemId, answer.answer);
    model.itemComments.set(answer.itemId, answer.comment);
    model.overrides.set(answer.itemId, answer.evidenceOverride);
  }
  for (const moment of listMoments(db, reviewId)) model.moments.set(moment.id, moment);
  return model;
}

const shorten = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}… (${text.length} chars)` : text);

/** Opens the database read-only and compares it with the expectation; a database that cannot be read fails integrity. */
export function checkDatabase(file: string, expectation: Expectation): CheckResult {
  try {
    return compareDatabase(file, expectation);
  } catch (error) {
    return {
      integrityFailures: [`the database cannot be read: ${error instanceof Error ? error.message : String(error)}`],
      lostEdits: [],
      inflightApplied: false,
      details: [],
    };
  }
}

function compareDatabase(file: string, expectation: Expectation): CheckResult {
  const integrityFailures: string[] = [];
  const lost = new Set<number>();
  const details: string[] = [];
  const allWriters = () => {
    lost.add(setupEdit);
    for (const writer of expectation.acknowledged.writers.values()) lost.add(writer);
  };
  if (!existsSync(file)) {
    if (expectation.reviewId !== null) {
      details.push('the database file is gone');
      allWriters();
    }
    return { integrityFailures, lostEdits: [...lost].sort((a, b) => a - b), inflightApplied: false, details };
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    if (integrity.join() !== 'ok') integrityFailures.push(`integrity_check: ${integrity.slice(0, 5).join('; ')}`);
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    if (foreignKeys.length > 0) integrityFailures.push(`foreign_key_check: ${JSON.stringify(foreignKeys.slice(0, 5))}`);
    if (expectation.reviewId === null) return { integrityFailures, lostEdits: [], inflightApplied: false, details };

    // Setup: the call, the local reviewer and exactly one draft review of the call.
    const reviewerId = readPreferences(db).localReviewerId;
    const reviewer = reviewerId ? getReviewer(db, reviewerId) : undefined;
    const reviewIds = db.prepare('SELECT id FROM reviews WHERE call_id = ?').pluck().all(crashCall.id) as string[];
    const review = getReview(db, expectation.reviewId);
    const setupProblems = [
      getCall(db, crashCall.id) ? null : 'the call is missing',
      reviewer?.name === crashReviewerName ? null : 'the local reviewer is missing',
      reviewIds.length === 1 && reviewIds[0] === expectation.reviewId
        ? null
        : `reviews of the call: ${JSON.stringify(reviewIds)}, expected [${expectation.reviewId}]`,
      review?.status === 'draft' ? null : `review status ${review?.status ?? 'missing'}`,
    ].filter((problem): problem is string => problem !== null);
    if (setupProblems.length > 0) {
      details.push(...setupProblems);
      lost.add(setupEdit);
    }
    if (!review) {
      allWriters();
      return { integrityFailures, lostEdits: [...lost].sort((a, b) => a - b), inflightApplied: false, details };
    }

    const actual = readReviewState(db, expectation.reviewId);
    const acknowledged = expectation.acknowledged;
    const inflight = expectation.inflight?.model;
    const onlyAcknowledged: string[] = [];
    const onlyInflight: string[] = [];
    for (const key of acknowledged.keys(actual)) {
      const value = actual.valueOf(key);
      const matchesAcknowledged = value === acknowledged.valueOf(key);
      const matchesInflight = inflight !== undefined && value === inflight.valueOf(key);
      if (matchesAcknowledged && (inflight === undefined || matchesInflight)) continue;
      if (matchesAcknowledged) onlyAcknowledged.push(key);
      else if (matchesInflight) onlyInflight.push(key);
      else {
        const writer = acknowledged.writers.get(key);
        const message = `${key}: stored ${shorten(value)}, expected ${shorten(acknowledged.valueOf(key))}${inflight ? ` or ${shorten(inflight.valueOf(key))}` : ''}`;
        if (writer === undefined) {
          // No edit ever set this key: a value nobody wrote.
          integrityFailures.push(`unexpected value: ${message}`);
        } else {
          lost.add(writer);
          details.push(`lost edit ${writer}: ${message}`);
        }
      }
    }
    if (onlyAcknowledged.length > 0 && onlyInflight.length > 0) {
      integrityFailures.push(
        `torn edit ${expectation.inflight?.edit.index}: ${onlyInflight.join(', ')} applied, ${onlyAcknowledged.join(', ')} not`,
      );
    }
    return {
      integrityFailures,
      lostEdits: [...lost].sort((a, b) => a - b),
      inflightApplied: onlyInflight.length > 0 && onlyAcknowledged.length === 0,
      details,
    };
  } finally {
    db.close();
  }
}

import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultRubric } from '../domain/rubric/default-rubric';
import type { Moment } from '../domain/moments/model';
import { insertCall } from './calls-repository';
import { migrate } from './migrations';
import { deleteMoment, listMoments, momentReviewId, saveMoment } from './moments-repository';
import { readPreferences, writePreferences } from './preferences-repository';
import { getReviewer, listReviewers, upsertReviewer } from './reviewers-repository';
import { createReview } from './reviews-repository';
import {
  deleteDraftRubric,
  getRubric,
  highestRubricVersion,
  insertRubric,
  latestPublishedRubric,
  listRubrics,
  publishRubric,
  updateDraftRubric,
} from './rubrics-repository';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
});

/** A published rubric, a call and two reviews to hang moments on. */
function reviewsToTag(): void {
  insertRubric(db, defaultRubric, 'published', 1);
  upsertReviewer(db, { id: 'sanne', name: 'Sanne' }, 1);
  insertCall(db, { id: 'c1', title: 'Retour', createdAtMs: 1 });
  for (const id of ['r1', 'r2'])
    createReview(
      db,
      { id, callId: 'c1', reviewerId: 'sanne', rubricId: defaultRubric.id, rubricVersion: defaultRubric.version },
      1,
    );
}

const cue: Moment = {
  id: 'cue',
  startMs: 1000,
  endMs: 4000,
  type: 'customer-emotion-cue',
  speaker: 'customer',
  polarity: 'neutral',
  intensity: 2,
  emotion: 'frustration',
  itemIds: ['1.1'],
  note: 'Boos over de bezorging',
};
const response: Moment = {
  id: 'resp',
  startMs: 4500,
  endMs: 6000,
  type: 'empathic-response',
  speaker: 'agent',
  polarity: 'strength',
  itemIds: ['1.2', '2.1'],
  note: '',
  respondsTo: 'cue',
};

describe('moments repository', () => {
  it('keeps moments in time order with their optional fields as given', () => {
    reviewsToTag();
    saveMoment(db, 'r1', response, 2);
    saveMoment(db, 'r1', cue, 2);
    expect(listMoments(db, 'r1')).toEqual([cue, response]);
    expect(momentReviewId(db, 'resp')).toBe('r1');
    expect(momentReviewId(db, 'nope')).toBeUndefined();
  });

  it('edits a moment by id, but never one of another review', () => {
    reviewsToTag();
    saveMoment(db, 'r1', cue, 2);
    saveMoment(db, 'r1', { ...cue, endMs: 3500, note: 'Korter' }, 3);
    saveMoment(db, 'r2', { ...cue, note: 'Overgenomen' }, 4);
    expect(listMoments(db, 'r1')).toEqual([{ ...cue, endMs: 3500, note: 'Korter' }]);
    expect(listMoments(db, 'r2')).toEqual([]);
  });

  it('unpairs the responses of a deleted cue, and deletes only within its own review', () => {
    reviewsToTag();
    saveMoment(db, 'r1', cue, 2);
    saveMoment(db, 'r1', response, 2);
    expect(deleteMoment(db, 'r2', 'cue')).toBe(false);
    expect(deleteMoment(db, 'r1', 'cue')).toBe(true);
    const { respondsTo, ...unpaired } = response;
    expect(respondsTo).toBe('cue');
    expect(listMoments(db, 'r1')).toEqual([unpaired]);
  });
});

describe('rubrics repository', () => {
  const draft = { ...defaultRubric, version: 2 };

  it('stores versions once, lists the newest first, and counts the reviews scored with each', () => {
    reviewsToTag();
    expect(insertRubric(db, defaultRubric, 'published', 5)).toBe(false);
    expect(insertRubric(db, draft, 'draft', 6)).toBe(true);
    expect(listRubrics(db).map((stored) => [stored.rubric.version, stored.status, stored.reviewCount])).toEqual([
      [2, 'draft', 0],
      [1, 'published', 2],
    ]);
    expect(highestRubricVersion(db, defaultRubric.id)).toBe(2);
    expect(highestRubricVersion(db, 'unknown')).toBe(0);
    expect(latestPublishedRubric(db, defaultRubric.id)?.rubric.version).toBe(1);
  });

  it('edits and removes drafts only; a published version never changes', () => {
    insertRubric(db, defaultRubric, 'published', 1);
    insertRubric(db, draft, 'draft', 2);
    expect(updateDraftRubric(db, { ...draft, name: { nl: 'Nieuw', en: 'New' } })).toBe(true);
    expect(getRubric(db, draft.id, 2)?.rubric.name).toEqual({ nl: 'Nieuw', en: 'New' });
    expect(updateDraftRubric(db, { ...defaultRubric, name: { nl: 'x', en: 'x' } })).toBe(false);
    expect(publishRubric(db, draft.id, 2, 9)).toBe(true);
    expect(getRubric(db, draft.id, 2)).toMatchObject({ status: 'published', publishedAtMs: 9 });
    expect(publishRubric(db, draft.id, 2, 10)).toBe(false);
    expect(deleteDraftRubric(db, draft.id, 2)).toBe(false);
    insertRubric(db, { ...defaultRubric, version: 3 }, 'draft', 11);
    expect(deleteDraftRubric(db, draft.id, 3)).toBe(true);
    expect(getRubric(db, draft.id, 3)).toBeUndefined();
  });
});

describe('reviewers and preferences repositories', () => {
  it('renames a reviewer under the same id and lists reviewers by name', () => {
    upsertReviewer(db, { id: 'b', name: 'bram' }, 1);
    upsertReviewer(db, { id: 'a', name: 'Sanne' }, 1);
    upsertReviewer(db, { id: 'a', name: 'Anne' }, 2);
    expect(getReviewer(db, 'a')).toEqual({ id: 'a', name: 'Anne' });
    expect(listReviewers(db)).toEqual([
      { id: 'a', name: 'Anne' },
      { id: 'b', name: 'bram' },
    ]);
  });

  it('writes preferences together, and null removes one', () => {
    writePreferences(db, { language: 'en', theme: 'dark' });
    writePreferences(db, { language: 'nl', theme: null });
    expect(readPreferences(db)).toEqual({ language: 'nl' });
  });
});

import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { insertCall } from './calls-repository';
import { migrate } from './migrations';
import {
  addAuditEntry,
  createReview,
  getReview,
  listAnswers,
  listAuditEntries,
  listReviews,
  updateReview,
  upsertAnswer,
} from './reviews-repository';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  db.exec(`
    INSERT INTO reviewers VALUES ('sanne', 'Sanne', 1), ('bram', 'Bram', 1);
    INSERT INTO rubrics VALUES ('rb', 1, 'published', '{}', 1, 1);
  `);
  insertCall(db, { id: 'c1', title: 'Retour', agentName: 'Els', createdAtMs: 1 });
  insertCall(db, { id: 'c2', title: 'Klacht', agentName: 'Piet', createdAtMs: 2 });
});

const review = (id: string, callId: string, reviewerId: string) => ({
  id,
  callId,
  reviewerId,
  rubricId: 'rb',
  rubricVersion: 1,
});

describe('reviews repository', () => {
  it('creates a draft with no context, comment or submission, at revision 1', () => {
    createReview(db, review('r1', 'c1', 'sanne'), 10);
    expect(getReview(db, 'r1')).toEqual({
      id: 'r1',
      callId: 'c1',
      reviewerId: 'sanne',
      rubricId: 'rb',
      rubricVersion: 1,
      status: 'draft',
      context: null,
      comment: '',
      createdAtMs: 10,
      updatedAtMs: 10,
      submittedAtMs: null,
      sessionId: null,
      revision: 1,
    });
  });

  it('changes only what is given, and always the time of the last change', () => {
    createReview(db, review('r1', 'c1', 'sanne'), 10);
    updateReview(db, 'r1', { comment: 'Goed gesprek' }, 11);
    updateReview(db, 'r1', { status: 'submitted', submittedAtMs: 12 }, 12);
    expect(getReview(db, 'r1')).toMatchObject({
      comment: 'Goed gesprek',
      status: 'submitted',
      submittedAtMs: 12,
      updatedAtMs: 12,
    });
  });

  it('filters by call, reviewer, agent, status, change time and session, newest change first', () => {
    createReview(db, review('a', 'c1', 'sanne'), 10);
    createReview(db, review('b', 'c2', 'sanne'), 20);
    createReview(db, review('c', 'c2', 'bram'), 30);
    updateReview(db, 'b', { status: 'submitted', submittedAtMs: 40 }, 40);
    const ids = (filter: Parameters<typeof listReviews>[1]) => listReviews(db, filter).map((record) => record.id);
    expect(ids({})).toEqual(['b', 'c', 'a']);
    expect(ids({ callId: 'c2' })).toEqual(['b', 'c']);
    expect(ids({ reviewerId: 'sanne' })).toEqual(['b', 'a']);
    expect(ids({ agentName: 'Els' })).toEqual(['a']);
    expect(ids({ status: 'submitted' })).toEqual(['b']);
    expect(ids({ fromMs: 20, toMs: 30 })).toEqual(['c']);
    expect(ids({ sessionId: null })).toEqual(['b', 'c', 'a']);
    expect(ids({ sessionId: 'no-such-session' })).toEqual([]);
    expect(ids({ reviewerId: 'sanne', callId: 'c2', status: 'draft' })).toEqual([]);
  });

  it('keeps an answer, its comment and its evidence override apart: setting one leaves the others', () => {
    createReview(db, review('r1', 'c1', 'sanne'), 10);
    upsertAnswer(db, 'r1', '2.1', { comment: 'Benoemt de frustratie' }, 11);
    upsertAnswer(db, 'r1', '2.1', { answer: { kind: 'level', value: 2 } }, 12);
    upsertAnswer(db, 'r1', '2.1', { evidenceOverride: 'Geen moment nodig' }, 13);
    upsertAnswer(db, 'r1', '1.3', { answer: { kind: 'no' } }, 14);
    expect(listAnswers(db, 'r1')).toEqual([
      { itemId: '1.3', answer: { kind: 'no' }, comment: '', evidenceOverride: null },
      {
        itemId: '2.1',
        answer: { kind: 'level', value: 2 },
        comment: 'Benoemt de frustratie',
        evidenceOverride: 'Geen moment nodig',
      },
    ]);
    upsertAnswer(db, 'r1', '2.1', { answer: null, evidenceOverride: null }, 15);
    expect(listAnswers(db, 'r1')[1]).toEqual({
      itemId: '2.1',
      answer: null,
      comment: 'Benoemt de frustratie',
      evidenceOverride: null,
    });
  });

  it('keeps the audit trail in order, with the reviewer name where the reviewer is known', () => {
    createReview(db, review('r1', 'c1', 'sanne'), 10);
    addAuditEntry(db, 'r1', { atMs: 10, reviewerId: 'sanne', action: 'created', reason: '', details: {} });
    addAuditEntry(db, 'r1', {
      atMs: 20,
      reviewerId: 'elsewhere',
      action: 'reopened',
      reason: 'Typfout',
      details: { totalBefore: 80 },
    });
    expect(listAuditEntries(db, 'r1')).toEqual([
      { atMs: 10, reviewerId: 'sanne', reviewerName: 'Sanne', action: 'created', reason: '', details: {} },
      {
        atMs: 20,
        reviewerId: 'elsewhere',
        reviewerName: null,
        action: 'reopened',
        reason: 'Typfout',
        details: { totalBefore: 80 },
      },
    ]);
  });
});

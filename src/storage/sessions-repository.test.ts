import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultRubric } from '../domain/rubric/default-rubric';
import { insertCall } from './calls-repository';
import { migrate } from './migrations';
import { upsertReviewer } from './reviewers-repository';
import { insertRubric } from './rubrics-repository';
import {
  addDiscussionNote,
  getSession,
  insertSession,
  listConsensus,
  listDiscussionNotes,
  listSessions,
  saveConsensus,
  type CalibrationSession,
} from './sessions-repository';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  insertRubric(db, defaultRubric, 'published', 1);
  for (const [id, name] of [
    ['lead', 'Lotte'],
    ['sanne', 'Sanne'],
    ['bram', 'Bram'],
  ] as const)
    upsertReviewer(db, { id, name }, 1);
  for (const id of ['c1', 'c2', 'c3']) insertCall(db, { id, title: id, createdAtMs: 1 });
});

const session: CalibrationSession = {
  id: 's1',
  name: 'Kalibratie maart',
  rubricId: defaultRubric.id,
  rubricVersion: defaultRubric.version,
  blind: true,
  benchmarkReviewerId: 'lead',
  toleranceTotal: 5,
  toleranceItem: 1,
  deadline: '2026-03-31',
  leadReviewerId: 'lead',
  createdAtMs: 10,
  callIds: ['c3', 'c1'],
  reviewerIds: ['sanne', 'lead', 'bram'],
};

describe('sessions repository', () => {
  it('stores a session once, keeping the order of its calls and reviewers', () => {
    expect(insertSession(db, session)).toBe(true);
    expect(insertSession(db, { ...session, name: 'Dubbel' })).toBe(false);
    expect(getSession(db, 's1')).toEqual(session);
    expect(getSession(db, 'unknown')).toBeUndefined();
  });

  it('lists sessions newest first', () => {
    insertSession(db, session);
    insertSession(db, {
      ...session,
      id: 's2',
      createdAtMs: 20,
      blind: false,
      benchmarkReviewerId: null,
      deadline: null,
    });
    expect(listSessions(db).map((entry) => [entry.id, entry.blind, entry.benchmarkReviewerId])).toEqual([
      ['s2', false, null],
      ['s1', true, 'lead'],
    ]);
  });

  it('replaces the consensus of an item, per call', () => {
    insertSession(db, session);
    saveConsensus(db, 's1', {
      callId: 'c1',
      itemId: '2.1',
      answer: { kind: 'level', value: 2 },
      reason: 'Eerste ronde',
      decidedBy: 'lead',
      decidedAtMs: 1,
    });
    saveConsensus(db, 's1', {
      callId: 'c1',
      itemId: '2.1',
      answer: { kind: 'level', value: 3 },
      reason: 'Na bespreking',
      decidedBy: 'lead',
      decidedAtMs: 2,
    });
    saveConsensus(db, 's1', {
      callId: 'c3',
      itemId: '1.2',
      answer: { kind: 'not-applicable' },
      reason: 'Geen emotie',
      decidedBy: 'lead',
      decidedAtMs: 3,
    });
    expect(listConsensus(db, 's1')).toEqual([
      {
        callId: 'c1',
        itemId: '2.1',
        answer: { kind: 'level', value: 3 },
        reason: 'Na bespreking',
        decidedBy: 'lead',
        decidedAtMs: 2,
      },
      {
        callId: 'c3',
        itemId: '1.2',
        answer: { kind: 'not-applicable' },
        reason: 'Geen emotie',
        decidedBy: 'lead',
        decidedAtMs: 3,
      },
    ]);
  });

  it('keeps discussion notes per call, oldest first', () => {
    insertSession(db, session);
    addDiscussionNote(db, 's1', 'c1', { itemId: null, authorId: 'lead', text: 'Eerst 3.1', atMs: 5 });
    addDiscussionNote(db, 's1', 'c1', { itemId: '3.1', authorId: 'sanne', text: 'Onderbreking op 0:42', atMs: 6 });
    addDiscussionNote(db, 's1', 'c3', { itemId: null, authorId: 'bram', text: 'Andere call', atMs: 7 });
    expect(listDiscussionNotes(db, 's1', 'c1').map((note) => note.text)).toEqual(['Eerst 3.1', 'Onderbreking op 0:42']);
    expect(listDiscussionNotes(db, 's1', 'c2')).toEqual([]);
  });

  it('refuses a session with a call or reviewer that does not exist', () => {
    expect(() => insertSession(db, { ...session, id: 's3', callIds: ['nope'] })).toThrow(/FOREIGN KEY/);
    expect(() => insertSession(db, { ...session, id: 's4', reviewerIds: ['ghost'] })).toThrow(/FOREIGN KEY/);
  });
});

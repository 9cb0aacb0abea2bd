import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { insertCall } from './calls-repository';
import { migrate, migrations } from './migrations';
import {
  acceptedRanges,
  appendRedactionAudit,
  callsToScan,
  getRedaction,
  insertRedaction,
  listRedactionAudit,
  listRedactions,
  markScanned,
  scannedWith,
  setRedactionStatus,
} from './redactions-repository';
import { upsertReviewer } from './reviewers-repository';
import { saveTranscript } from './transcripts-repository';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  upsertReviewer(db, { id: 'sanne', name: 'Sanne' }, 1);
  for (const id of ['c1', 'c2']) insertCall(db, { id, title: id, createdAtMs: 1 });
});

const suggestion = {
  id: 'r1',
  callId: 'c1',
  startMs: 1000,
  endMs: 4000,
  kind: 'card_number',
  reason: '',
  status: 'suggested',
  createdBy: null,
  createdAtMs: 5,
} as const;

describe('redactions repository', () => {
  it('stores suggestions and changes their status; only accepted ranges mute', () => {
    insertRedaction(db, suggestion);
    insertRedaction(db, {
      ...suggestion,
      id: 'r2',
      startMs: 100,
      endMs: 200,
      kind: 'manual',
      reason: 'naam',
      status: 'accepted',
      createdBy: 'sanne',
    });
    expect(listRedactions(db, 'c1').map((redaction) => redaction.id)).toEqual(['r2', 'r1']);
    expect(acceptedRanges(db, 'c1')).toEqual([{ startMs: 100, endMs: 200 }]);
    expect(setRedactionStatus(db, 'r1', 'accepted', 'kaartnummer', 9)).toBe(true);
    expect(getRedaction(db, 'r1')).toMatchObject({ status: 'accepted', reason: 'kaartnummer', appliedAtMs: null });
    expect(acceptedRanges(db, 'c1')).toHaveLength(2);
    expect(acceptedRanges(db, 'c2')).toEqual([]);
  });

  it('refuses empty ranges and unknown kinds', () => {
    expect(() => insertRedaction(db, { ...suggestion, endMs: 1000 })).toThrow(/CHECK/);
    expect(() => insertRedaction(db, { ...suggestion, kind: 'name' as 'manual' })).toThrow(/CHECK/);
  });

  it('keeps an append-only audit trail', () => {
    const entry = {
      redactionId: 'r1',
      callId: 'c1',
      action: 'accepted',
      kind: 'card_number',
      startMs: 1000,
      endMs: 4000,
      actorId: 'sanne',
      actorName: 'Sanne',
      reason: 'kaart',
      atMs: 9,
    } as const;
    appendRedactionAudit(db, entry);
    expect(listRedactionAudit(db, 'c1')).toEqual([entry]);
    expect(() => db.prepare("UPDATE redaction_audit SET reason = 'x'").run()).toThrow(/never changed/);
  });

  it('lists transcripts this scanner has not seen yet', () => {
    const transcript = {
      format: 'webvtt',
      language: 'nl',
      sourceName: 'a.vtt',
      segments: [],
      warnings: [],
      speakerRoles: {},
    };
    saveTranscript(db, 'c1', transcript, 1);
    saveTranscript(db, 'c2', transcript, 1);
    markScanned(db, 'c1', 1, 2);
    expect(callsToScan(db, 1)).toEqual(['c2']);
    expect(callsToScan(db, 2)).toEqual(['c1', 'c2']);
    expect(scannedWith(db, 'c1')).toBe(1);
  });
});

describe('migration 6: redactions', () => {
  it('adds the tables to a version-5 database with calls, and removing a call removes its redactions but not the audit', () => {
    const old = new Database(':memory:');
    old.pragma('foreign_keys = ON');
    migrate(old, migrations, 5);
    old.exec("INSERT INTO calls (id, title, created_at_ms) VALUES ('c1', 'Retour', 1)");
    expect(migrate(old, migrations, 6)).toBe(6);
    insertRedaction(old, suggestion);
    appendRedactionAudit(old, {
      redactionId: 'r1',
      callId: 'c1',
      action: 'suggested',
      kind: 'card_number',
      startMs: 1000,
      endMs: 4000,
      actorId: null,
      actorName: '',
      reason: '',
      atMs: 5,
    });
    old.exec("DELETE FROM calls WHERE id = 'c1'");
    expect(listRedactions(old, 'c1')).toEqual([]);
    expect(listRedactionAudit(old, 'c1')).toHaveLength(1);
  });
});

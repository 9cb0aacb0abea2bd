import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  anonymiseCallReviews,
  eraseCallMedia,
  forEachCallFields,
  forEachTranscriptText,
  insertCustomerRequest,
  listCustomerRequests,
  mediaRemovedOf,
  type SegmentText,
} from './customer-requests-repository';
import { migrate, migrations } from './migrations';

function databaseAtVersion7(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, 7);
  return db;
}

const segment = (startMs: number, text: string) => ({
  speaker: 'Klant',
  channel: null,
  startMs,
  endMs: startMs + 900,
  text,
  words: [],
});

function addCall(db: Database.Database, id: string, texts: readonly string[]): void {
  db.prepare(
    `INSERT INTO audio_files VALUES (@audio, @audio, @stored, 'a.wav', 'wav', 'pcm', 'audio/wav', 8000, 1, 1000, 10, 1)`,
  ).run({ audio: `audio-${id}`, stored: `${id}.wav` });
  db.prepare('INSERT INTO audio_peaks VALUES (?, 0, 50, ?)').run(`audio-${id}`, Buffer.alloc(4));
  db.prepare(
    "INSERT INTO calls (id, title, customer_ref, created_at_ms, audio_id, agent_name) VALUES (?, ?, 'KL-204518', 1, ?, 'Sanne')",
  ).run(id, `Gesprek ${id} met mevrouw Jansen`, `audio-${id}`);
  db.prepare("INSERT INTO transcripts VALUES (?, 'vtt', 'nl', 's.vtt', ?, '[]', '{}', 1)").run(
    id,
    JSON.stringify(texts.map((text, index) => segment(index * 1000, text))),
  );
}

function addReview(db: Database.Database, callId: string): void {
  db.prepare("INSERT INTO reviewers VALUES ('rev', 'Anouk', 1)").run();
  db.prepare("INSERT INTO rubrics VALUES ('rb', 1, 'published', '{}', 1, 1)").run();
  db.prepare(
    `INSERT INTO reviews (id, call_id, reviewer_id, rubric_id, rubric_version, status, comment, created_at_ms, updated_at_ms)
     VALUES ('r1', ?, 'rev', 'rb', 1, 'submitted', 'Mevrouw Jansen (06-12345678) was boos', 1, 1)`,
  ).run(callId);
  db.prepare(
    "INSERT INTO review_answers VALUES ('r1', '1.1', 'level', 2, 'noemde haar adres', 'Jansen hing op', 1), ('r1', '1.2', 'yes', NULL, '', NULL, 1)",
  ).run();
  db.prepare(
    "INSERT INTO moments (id, review_id, start_ms, end_ms, type, speaker, polarity, note, created_at_ms, updated_at_ms) VALUES ('m1', 'r1', 0, 500, 'cue', 'customer', 'neutral', 'zegt haar nummer', 1, 1)",
  ).run();
  db.prepare(
    "INSERT INTO review_audit (review_id, at_ms, reviewer_id, action, reason) VALUES ('r1', 1, 'rev', 'reopened', 'Jansen belde terug'), ('r1', 2, 'rev', 'submitted', '')",
  ).run();
}

describe('schema version 9', () => {
  it('keeps calls made before it, with no media removed, and adds an append-only request log', () => {
    const db = databaseAtVersion7();
    addCall(db, 'c1', ['Goedemiddag']);
    migrate(db);
    expect(db.prepare('SELECT id, media_removed_at_ms, media_removed_reason FROM calls').all()).toEqual([
      { id: 'c1', media_removed_at_ms: null, media_removed_reason: null },
    ]);
    expect(mediaRemovedOf(db, 'c1')).toBeUndefined();
    expect(() => db.prepare("UPDATE calls SET media_removed_reason = 'whim' WHERE id = 'c1'").run()).toThrow(/CHECK/);
    const record = {
      id: 'q1',
      kind: 'erasure',
      reference: 'TICKET-88',
      callCount: 2,
      operatorId: null,
      operatorName: 'Anouk',
      atMs: 5,
    } as const;
    insertCustomerRequest(db, record);
    expect(listCustomerRequests(db)).toEqual([record]);
    expect(() => db.prepare("UPDATE customer_requests SET reference = 'x'").run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM customer_requests').run()).toThrow(/never changed/);
    expect(() =>
      db.prepare("INSERT INTO customer_requests VALUES ('q2', 'lookup', 'r', 1, NULL, '', 1)").run(),
    ).toThrow(/CHECK/);
  });
});

describe('customer requests repository', () => {
  it('visits call fields and transcript texts window by window, each transcript whole and in order', () => {
    const db = databaseAtVersion7();
    migrate(db);
    const ids = Array.from({ length: 7 }, (_, index) => `call-${index}`);
    for (const id of ids) addCall(db, id, [`${id} eerste`, `${id} tweede`, `${id} derde`]);
    const seen: { callId: string; segments: readonly SegmentText[] }[] = [];
    forEachTranscriptText(db, (callId, segments) => seen.push({ callId, segments }), 3);
    expect(seen.map((entry) => entry.callId)).toEqual(ids);
    expect(seen[4]!.segments).toEqual([
      { index: 0, startMs: 0, text: 'call-4 eerste' },
      { index: 1, startMs: 1000, text: 'call-4 tweede' },
      { index: 2, startMs: 2000, text: 'call-4 derde' },
    ]);
    const fields: string[] = [];
    forEachCallFields(db, (call) => fields.push(`${call.callId}:${call.customerRef}`), 2);
    expect(fields).toEqual(ids.map((id) => `${id}:KL-204518`));
  });

  it('erases a call: recording, peaks and transcript gone, identifying fields neutral, the row and its reviews kept', () => {
    const db = databaseAtVersion7();
    addCall(db, 'c1', ['Mijn nummer is 06-12345678']);
    addCall(db, 'c2', ['Een ander gesprek']);
    addReview(db, 'c1');
    migrate(db);
    expect(eraseCallMedia(db, 'c1', '#c1', 99)).toEqual({ storedAudioName: 'c1.wav' });
    expect(db.prepare("SELECT title, customer_ref, audio_id, agent_name FROM calls WHERE id = 'c1'").get()).toEqual({
      title: '#c1',
      customer_ref: '',
      audio_id: null,
      agent_name: 'Sanne',
    });
    expect(mediaRemovedOf(db, 'c1')).toEqual({ atMs: 99, reason: 'request' });
    expect(db.prepare("SELECT count(*) FROM transcripts WHERE call_id = 'c1'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM audio_files WHERE id = 'audio-c1'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM audio_peaks WHERE audio_id = 'audio-c1'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM transcripts WHERE call_id = 'c2'").pluck().get()).toBe(1);
    expect(eraseCallMedia(db, 'c1', '#c1', 100)).toEqual({ storedAudioName: null });

    anonymiseCallReviews(db, 'c1', '[verwijderd]');
    expect(db.prepare("SELECT status, comment FROM reviews WHERE id = 'r1'").get()).toEqual({
      status: 'submitted',
      comment: '',
    });
    expect(
      db
        .prepare('SELECT item_id, answer, level, comment, evidence_override FROM review_answers ORDER BY item_id')
        .all(),
    ).toEqual([
      { item_id: '1.1', answer: 'level', level: 2, comment: '', evidence_override: '[verwijderd]' },
      { item_id: '1.2', answer: 'yes', level: null, comment: '', evidence_override: null },
    ]);
    expect(db.prepare('SELECT note, start_ms, type FROM moments').get()).toEqual({
      note: '',
      start_ms: 0,
      type: 'cue',
    });
    expect(db.prepare('SELECT reason FROM review_audit ORDER BY id').pluck().all()).toEqual(['[verwijderd]', '']);
  });
});

import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TranscriptSegment } from '../domain/transcript/model';
import { transcriptMatchQuery } from '../domain/transcript/search-text';
import { insertCall } from './calls-repository';
import { eraseCallMedia } from './customer-requests-repository';
import { migrate, migrations } from './migrations';
import { insertRedaction, setRedactionStatus } from './redactions-repository';
import { markMediaRemoved } from './retention-repository';
import { searchTranscriptTurns } from './transcript-search-repository';
import { saveSpeakerRoles, saveTranscript } from './transcripts-repository';

let db: Database.Database;

const word = (text: string, startMs: number) => ({ text, startMs, endMs: startMs + 400 });
const turn = (speaker: string, startMs: number, text: string): TranscriptSegment => {
  const words = text.split(' ').map((each, index) => word(each, startMs + index * 500));
  return { speaker, channel: null, startMs, endMs: startMs + words.length * 500, text, words };
};

function store(callId: string, segments: TranscriptSegment[]): void {
  saveTranscript(
    db,
    callId,
    {
      format: 'webvtt',
      language: 'nl',
      sourceName: `${callId}.vtt`,
      segments,
      warnings: [],
      speakerRoles: { 'speaker:Sanne': 'agent', 'speaker:Peter': 'customer' },
    },
    1,
  );
}

const search = (query: string, role: 'agent' | 'customer' | null = null) =>
  searchTranscriptTurns(db, transcriptMatchQuery(query)!, role, 50);

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  for (const id of ['c1', 'c2']) insertCall(db, { id, title: `Gesprek ${id}`, agentName: 'Sanne', createdAtMs: 1 });
  store('c1', [
    turn('Sanne', 0, 'Goedemiddag, u spreekt met Sanne.'),
    turn('Peter', 4000, 'Ik wil mijn abonnement opzeggen, ik ben niet geïnformeerd.'),
  ]);
  store('c2', [turn('Sanne', 0, 'Wilt u echt opzeggen?'), turn('Peter', 3000, 'Ja, Opzéggen graag.')]);
});

describe('transcript search repository', () => {
  it('finds a word in every call, newest first, with the turn, speaker, role and word times', () => {
    const hits = search('opzeggen');
    expect(hits.map((hit) => [hit.callId, hit.segment, hit.role])).toEqual([
      ['c2', 1, 'customer'],
      ['c2', 0, 'agent'],
      ['c1', 1, 'customer'],
    ]);
    expect(hits[2]).toMatchObject({ title: 'Gesprek c1', speaker: 'Peter', startMs: 4000 });
    expect(hits[2]!.wordStartsMs).toHaveLength(9);
    expect(hits[2]!.wordStartsMs[4]).toBe(6000);
  });

  it('matches across diacritics and case both ways, and finds phrases and prefixes', () => {
    expect(search('geinformeerd').map((hit) => hit.callId)).toEqual(['c1']);
    expect(search('GEÏNFORMEERD').map((hit) => hit.callId)).toEqual(['c1']);
    expect(search('opzéggen graag').map((hit) => hit.callId)).toEqual(['c2']);
    expect(search('abonn').map((hit) => hit.callId)).toEqual(['c1']);
    expect(search('graag opzeggen')).toEqual([]);
  });

  it('filters by the speaker role, and follows a change of speaker roles', () => {
    expect(search('opzeggen', 'agent').map((hit) => hit.callId)).toEqual(['c2']);
    saveSpeakerRoles(db, 'c2', { 'speaker:Sanne': 'customer', 'speaker:Peter': 'agent' });
    expect(search('opzeggen', 'agent').map((hit) => hit.callId)).toEqual(['c2']);
    expect(search('opzeggen', 'agent')[0]!.segment).toBe(1);
    expect(search('opzeggen', 'customer').map((hit) => [hit.callId, hit.segment])).toEqual([
      ['c2', 0],
      ['c1', 1],
    ]);
  });

  it('replaces a call’s turns when its transcript is stored again', () => {
    store('c1', [turn('Peter', 0, 'Alles is in orde.')]);
    expect(search('opzeggen').map((hit) => hit.callId)).toEqual(['c2', 'c2']);
    expect(search('orde').map((hit) => hit.callId)).toEqual(['c1']);
  });

  it('never finds a redacted word, and finds it again when the redaction is dismissed', () => {
    const redaction = {
      id: 'r1',
      callId: 'c1',
      startMs: 5900,
      endMs: 6300,
      kind: 'manual',
      reason: '',
      status: 'accepted',
      createdBy: null,
      createdAtMs: 2,
    } as const;
    insertRedaction(db, redaction);
    expect(search('opzeggen').map((hit) => hit.callId)).toEqual(['c2', 'c2']);
    expect(search('abonnement').map((hit) => hit.text)).toEqual([
      'Ik wil mijn abonnement ████ ik ben niet geïnformeerd.',
    ]);
    setRedactionStatus(db, 'r1', 'dismissed', 'geen persoonsgegeven', 3);
    expect(search('opzeggen').map((hit) => hit.callId)).toEqual(['c1', 'c2', 'c2']);
    insertRedaction(db, { ...redaction, id: 'r2', status: 'suggested' });
    expect(search('opzeggen')).toHaveLength(3);
    setRedactionStatus(db, 'r2', 'accepted', '', 4);
    expect(search('opzeggen')).toHaveLength(2);
  });

  it('forgets a transcript erased for a customer request or removed by retention, leaving no text behind', () => {
    eraseCallMedia(db, 'c1', 'Gewist gesprek', 5);
    expect(search('geinformeerd')).toEqual([]);
    markMediaRemoved(db, 'c2', 'a-none', 6);
    expect(search('opzeggen')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM transcript_search_turns').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM transcript_search').pluck().get()).toBe(0);
    expect(db.prepare("SELECT v FROM transcript_search_config WHERE k = 'secure-delete'").pluck().get()).toBe(1);
  });

  it('is built by migration 16 for the transcripts stored before it', () => {
    const old = new Database(':memory:');
    migrate(old, migrations, 15);
    old.exec(`INSERT INTO calls (id, title, created_at_ms) VALUES ('c9', 'Oud', 1);`);
    old
      .prepare(
        `INSERT INTO transcripts (call_id, format, language, source_name, segments_json, warnings_json, speaker_roles_json, created_at_ms)
         VALUES ('c9', 'webvtt', 'nl', 'oud.vtt', ?, '[]', '{"speaker:Peter":"customer"}', 1)`,
      )
      .run(JSON.stringify([turn('Peter', 1000, 'Ik wil opzeggen.')]));
    expect(migrate(old, migrations, 16)).toBe(16);
    const hits = searchTranscriptTurns(old, transcriptMatchQuery('opzeggen')!, 'customer', 10);
    expect(hits.map((hit) => [hit.callId, hit.startMs, hit.wordStartsMs[2]])).toEqual([['c9', 1000, 2000]]);
  });
});

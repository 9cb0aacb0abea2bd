import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from './migrations';
import {
  addEvidenceClip,
  addKnownCalls,
  findCallIdByKey,
  getMembership,
  isKnownCall,
  knownCallKeys,
  listEvidenceClips,
  saveMembership,
  setCallKey,
  setLastExport,
} from './team-exchange-repository';

const hash = (digit: string) => digit.repeat(64);

describe('migration 18: team packages', () => {
  it('keeps the calls of the version before and stores keys, clips, memberships and known calls after', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 17);
    db.exec(`INSERT INTO calls (id, title, agent_name, created_at_ms) VALUES ('c1', 'Retour', 'S. Jansen', 1);`);
    expect(migrate(db, migrations, 18)).toBe(18);
    expect(db.prepare('SELECT title FROM calls').pluck().all()).toEqual(['Retour']);
    setCallKey(db, 'c1', hash('a'));
    expect(findCallIdByKey(db, hash('a'))).toBe('c1');
    expect(knownCallKeys(db)).toEqual([hash('a')]);
    db.exec(`INSERT INTO audio_files (id, sha256, stored_name, original_name, container, codec, mime_type,
      sample_rate_hz, channels, duration_ms, size_bytes, created_at_ms)
      VALUES ('clip', '${hash('b')}', 'b.wav', 'clip.wav', 'wav', 'pcm', 'audio/wav', 8000, 1, 4000, 100, 1)`);
    expect(addEvidenceClip(db, 'c1', { fromMs: 0, toMs: 4000, audioId: 'clip' })).toBe(true);
    expect(addEvidenceClip(db, 'c1', { fromMs: 0, toMs: 4000, audioId: 'clip' })).toBe(false);
    expect(listEvidenceClips(db, 'c1')).toEqual([{ fromMs: 0, toMs: 4000, audioId: 'clip' }]);
    const membership = {
      teamId: 't1',
      leadName: 'Lea',
      reviewerId: 'r1',
      reviewerName: 'Rik',
      key: hash('c'),
      acceptedAtMs: 5,
    };
    saveMembership(db, membership);
    saveMembership(db, { ...membership, leadName: 'Lea de Wit', key: hash('d') });
    setLastExport(db, 't1', 9);
    expect(getMembership(db, 't1')).toEqual({
      ...membership,
      leadName: 'Lea de Wit',
      key: hash('d'),
      lastExportAtMs: 9,
    });
    addKnownCalls(db, 't1', [hash('a'), hash('a')]);
    expect(isKnownCall(db, 't1', hash('a'))).toBe(true);
    expect(isKnownCall(db, 't1', hash('b'))).toBe(false);
    db.exec(`DELETE FROM calls`);
    expect(listEvidenceClips(db, 'c1')).toEqual([]);
  });
});

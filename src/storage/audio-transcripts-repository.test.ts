import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { findAudioBySha, getAudio, insertAudio, readPeaks, type AudioFileRow } from './audio-repository';
import { insertCall } from './calls-repository';
import { migrate } from './migrations';
import { getTranscript, saveSpeakerRoles, saveTranscript, type StoredTranscript } from './transcripts-repository';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
});

const audio: AudioFileRow = {
  id: '00000000-0000-4000-8000-000000000001',
  sha256: 'ab'.repeat(32),
  storedName: `${'ab'.repeat(32)}.wav`,
  originalName: 'gesprek.wav',
  container: 'wav',
  codec: 'pcm_mulaw',
  mimeType: 'audio/wav',
  sampleRateHz: 8000,
  channels: 2,
  durationMs: 2000,
  sizeBytes: 32_044,
  createdAtMs: 7,
};

describe('audio repository', () => {
  it('finds a recording by id and by content hash', () => {
    insertAudio(db, audio, [new Int16Array([-5, 5]), new Int16Array([-7, 7])], 50);
    expect(getAudio(db, audio.id)).toEqual(audio);
    expect(findAudioBySha(db, audio.sha256)).toEqual(audio);
    expect(findAudioBySha(db, 'cd'.repeat(32))).toBeUndefined();
  });

  it('refuses the same recording twice', () => {
    insertAudio(db, audio, [], 50);
    expect(() => insertAudio(db, { ...audio, id: '00000000-0000-4000-8000-000000000002' }, [], 50)).toThrow(/UNIQUE/);
  });

  it('reads the peaks back channel after channel, as little-endian Int16, from a view into a larger buffer', () => {
    const backing = new Int16Array([99, -1, 2, -3, 4, 99]);
    insertAudio(db, audio, [backing.subarray(1, 3), backing.subarray(3, 5)], 50);
    const peaks = readPeaks(db, audio.id)!;
    expect(peaks.channels).toBe(2);
    expect(peaks.pairsPerSecond).toBe(50);
    expect(
      Array.from(
        new Int16Array(
          peaks.bytes.buffer.slice(peaks.bytes.byteOffset, peaks.bytes.byteOffset + peaks.bytes.byteLength),
        ),
      ),
    ).toEqual([-1, 2, -3, 4]);
    expect(readPeaks(db, 'unknown')).toBeUndefined();
  });
});

describe('transcripts repository', () => {
  const transcript: StoredTranscript = {
    format: 'webvtt',
    language: 'nl',
    sourceName: 'gesprek.vtt',
    segments: [{ speaker: 'Agent', channel: null, startMs: 0, endMs: 1200, text: 'Goedemorgen', words: [] }],
    warnings: [],
    speakerRoles: { 'speaker:Agent': 'agent' },
  };

  it('stores, replaces and reads a call transcript whole', () => {
    insertCall(db, { id: 'c1', title: 'Retour', createdAtMs: 1 });
    saveTranscript(db, 'c1', transcript, 1);
    expect(getTranscript(db, 'c1')).toEqual(transcript);
    const replaced = { ...transcript, format: 'srt', sourceName: 'gesprek.srt' };
    saveTranscript(db, 'c1', replaced, 2);
    expect(getTranscript(db, 'c1')).toEqual(replaced);
    expect(getTranscript(db, 'c2')).toBeUndefined();
  });

  it('changes the speaker roles only of a call that has a transcript', () => {
    insertCall(db, { id: 'c1', title: 'Retour', createdAtMs: 1 });
    expect(saveSpeakerRoles(db, 'c1', transcript.speakerRoles)).toBe(false);
    saveTranscript(db, 'c1', transcript, 1);
    const swapped = { 'speaker:Agent': 'customer' } as const;
    expect(saveSpeakerRoles(db, 'c1', swapped)).toBe(true);
    expect(getTranscript(db, 'c1')?.speakerRoles).toEqual(swapped);
  });

  it('goes with its call', () => {
    insertCall(db, { id: 'c1', title: 'Retour', createdAtMs: 1 });
    saveTranscript(db, 'c1', transcript, 1);
    db.prepare("DELETE FROM calls WHERE id = 'c1'").run();
    expect(getTranscript(db, 'c1')).toBeUndefined();
  });
});

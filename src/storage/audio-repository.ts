import type Database from 'better-sqlite3';
import type { AudioFacts } from '../domain/audio/audio-analysis';

/** A stored recording: its decoded facts, where it is kept and what it was called when imported. */
export interface AudioFileRow extends AudioFacts {
  readonly id: string;
  readonly sha256: string;
  readonly storedName: string;
  readonly originalName: string;
  readonly sizeBytes: number;
  readonly createdAtMs: number;
}

const columns = `id, sha256, stored_name AS storedName, original_name AS originalName, container, codec, mime_type AS mimeType,
  sample_rate_hz AS sampleRateHz, channels, duration_ms AS durationMs, size_bytes AS sizeBytes, created_at_ms AS createdAtMs`;

/** Stores an audio file's facts and its peaks (one Int16 array per channel). */
export function insertAudio(
  db: Database.Database,
  audio: AudioFileRow,
  peaks: readonly Int16Array[],
  pairsPerSecond: number,
): void {
  db.prepare(
    `INSERT INTO audio_files (id, sha256, stored_name, original_name, container, codec, mime_type, sample_rate_hz, channels, duration_ms, size_bytes, created_at_ms)
     VALUES (@id, @sha256, @storedName, @originalName, @container, @codec, @mimeType, @sampleRateHz, @channels, @durationMs, @sizeBytes, @createdAtMs)`,
  ).run(audio);
  const insertPeaks = db.prepare(
    'INSERT INTO audio_peaks (audio_id, channel, pairs_per_second, peaks) VALUES (?, ?, ?, ?)',
  );
  peaks.forEach((channelPeaks, channel) =>
    insertPeaks.run(
      audio.id,
      channel,
      pairsPerSecond,
      Buffer.from(channelPeaks.buffer, channelPeaks.byteOffset, channelPeaks.byteLength),
    ),
  );
}

/**
 * Finds audio by content hash (re-importing the same recording must not duplicate it), or by the hash it had before
 * a redaction was applied to it permanently (the original must not come back as a new call).
 */
export function findAudioBySha(db: Database.Database, sha256: string): AudioFileRow | undefined {
  return (db.prepare(`SELECT ${columns} FROM audio_files WHERE sha256 = ?`).get(sha256) ??
    db
      .prepare(
        `SELECT ${columns} FROM audio_files WHERE id = (SELECT audio_id FROM audio_former_hashes WHERE sha256 = ?)`,
      )
      .get(sha256)) as AudioFileRow | undefined;
}

/** Reads one audio file's facts. */
export function getAudio(db: Database.Database, id: string): AudioFileRow | undefined {
  return db.prepare(`SELECT ${columns} FROM audio_files WHERE id = ?`).get(id) as AudioFileRow | undefined;
}

/** How many peak pairs a second the stored peaks hold (0 when none are stored). */
export function peakPairsPerSecond(db: Database.Database, audioId: string): number {
  return (
    (db.prepare('SELECT pairs_per_second FROM audio_peaks WHERE audio_id = ? LIMIT 1').pluck().get(audioId) as
      number | undefined) ?? 0
  );
}

/** The stored peaks of every channel, concatenated channel after channel (Int16 little-endian bytes). */
export function readPeaks(
  db: Database.Database,
  audioId: string,
): { readonly bytes: Buffer; readonly channels: number; readonly pairsPerSecond: number } | undefined {
  const rows = db
    .prepare('SELECT peaks, pairs_per_second AS pairsPerSecond FROM audio_peaks WHERE audio_id = ? ORDER BY channel')
    .all(audioId) as { peaks: Buffer; pairsPerSecond: number }[];
  if (rows.length === 0) return undefined;
  return {
    bytes: Buffer.concat(rows.map((row) => row.peaks)),
    channels: rows.length,
    pairsPerSecond: rows[0]!.pairsPerSecond,
  };
}

/**
 * The file names in the audio folder that a row points at (start-up removes every other file there). A recording
 * whose media retention removed is not one of them: a crash between the commit and the file's removal leaves the
 * file, and start-up then removes it.
 */
export function listStoredAudioNames(db: Database.Database): Set<string> {
  return new Set(
    db
      .prepare(
        `SELECT stored_name FROM audio_files a
          WHERE NOT EXISTS (SELECT 1 FROM calls c WHERE c.audio_id = a.id AND c.media_removed_at_ms IS NOT NULL)`,
      )
      .pluck()
      .all() as string[],
  );
}

/**
 * Puts a rewritten recording (a redaction applied permanently) in place of a call's audio: a new row with a new id
 * (media URLs name the id and are cached as immutable, so new content needs a new id), the call pointed at it, the
 * old row and its peaks deleted. The hashes the recording had are kept as former hashes (see findAudioBySha).
 * Call inside a write transaction.
 */
export function replaceCallAudio(
  db: Database.Database,
  callId: string,
  former: AudioFileRow,
  rewritten: AudioFileRow,
  peaks: readonly Int16Array[],
  pairsPerSecond: number,
): void {
  insertAudio(db, rewritten, peaks, pairsPerSecond);
  db.prepare('UPDATE calls SET audio_id = ? WHERE id = ? AND audio_id = ?').run(rewritten.id, callId, former.id);
  db.prepare('UPDATE audio_former_hashes SET audio_id = ? WHERE audio_id = ?').run(rewritten.id, former.id);
  db.prepare('INSERT OR IGNORE INTO audio_former_hashes (sha256, audio_id, replaced_at_ms) VALUES (?, ?, ?)').run(
    former.sha256,
    rewritten.id,
    rewritten.createdAtMs,
  );
  db.prepare('DELETE FROM audio_files WHERE id = ?').run(former.id);
}

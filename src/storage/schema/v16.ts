import type { Migration } from './migration';
import { rebuildTranscriptSearch } from '../transcript-search-repository';

/**
 * Schema version 16: search inside transcripts across calls. `transcript_search` is an FTS5 index of every turn's
 * text with redacted words already masked (unicode61 with remove_diacritics 2, so "geinformeerd" finds
 * "geïnformeerd"); `transcript_search_turns` says which call, turn, speaker and time each indexed row is, keyed by
 * the same rowid, so a call's rows are found (and replaced or removed) without scanning the index. FTS5's
 * secure-delete makes removed text leave the index's pages instead of lingering until a merge. The index is filled
 * here for the transcripts already stored. Two indexes serve the review list's count and its "routine reviews only"
 * filter, the two that read every review before. Shipped: never edit, add a new version.
 */
export const schemaVersion16: Migration = {
  version: 16,
  name: 'transcript search',
  up: (db) => {
    db.exec(`
      CREATE TABLE transcript_search_turns (
        id INTEGER PRIMARY KEY,
        call_id TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        segment INTEGER NOT NULL,
        speaker TEXT,
        role TEXT NOT NULL CHECK (role IN ('agent', 'customer', 'unknown')),
        start_ms INTEGER NOT NULL,
        word_starts_json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX transcript_search_turns_call ON transcript_search_turns (call_id);
      CREATE VIRTUAL TABLE transcript_search USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO transcript_search (transcript_search, rank) VALUES ('secure-delete', 1);
      CREATE INDEX reviews_rubric ON reviews (rubric_id);
      CREATE INDEX reviews_routine_updated ON reviews (updated_at_ms DESC, id) WHERE session_id IS NULL;
    `);
    rebuildTranscriptSearch(db);
  },
};

import type { Migration } from './migration';

/**
 * Schema version 20: the words of the transcript search index as a table, so a prefix search can ask for the words
 * it starts and then for those words exactly (FTS5's own prefix query merges the whole list of turns of every word
 * the prefix starts before it returns a hit). `transcript_search_words` is an fts5vocab table over
 * `transcript_search` of type 'instance': one row per occurrence (`term` in the index's folded form, `doc` the turn's
 * rowid, `col`, `offset`), in term order. That type, not 'row' (one row per word with its turn count), because a
 * 'row' table counts every turn of a word before it returns the word: at 20,000 transcripts, 90 ms to list the nine
 * words starting "opzeg", where the first occurrence of each word costs well under a millisecond. It stores
 * nothing: it reads the index itself, so it is never behind. Shipped: never edit, add a new version.
 */
export const schemaVersion20: Migration = {
  version: 20,
  name: 'transcript search words',
  up: (db) => {
    db.exec('CREATE VIRTUAL TABLE transcript_search_words USING fts5vocab (transcript_search, instance);');
  },
};

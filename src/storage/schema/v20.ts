import type { Migration } from './migration';

/**
 * Schema version 20: the words of the transcript search index as a table. `transcript_search_vocab` is an
 * fts5vocab table of type 'row' over `transcript_search`: one row per indexed word (`term`, in the index's folded
 * form) with the number of turns holding it (`doc`) and how often it occurs (`cnt`). A prefix search reads the words
 * that start with what was typed from it and asks the index for those words exactly, which FTS5 answers by walking
 * each word's list of turns only as far as the newest hits; its own prefix query merges every matching word's whole
 * list first. It stores nothing: it reads the index itself, so it is never behind. Shipped: never edit, add a new
 * version.
 */
export const schemaVersion20: Migration = {
  version: 20,
  name: 'transcript search vocabulary',
  up: (db) => {
    db.exec('CREATE VIRTUAL TABLE transcript_search_vocab USING fts5vocab (transcript_search, row);');
  },
};

import type Database from 'better-sqlite3';
import { mergeRanges, type RedactedRange } from '../domain/privacy/redaction-ranges';
import type { TranscriptSegment } from '../domain/transcript/model';
import {
  exactPhrasesQuery,
  matchedAsWholeWord,
  phrasePrefixQuery,
  searchableTurns,
  type SearchableTurn,
} from '../domain/transcript/search-text';
import type { SpeakerRole, SpeakerRoles } from '../domain/transcript/speaker-roles';

// The index (schema version 16) holds each turn's masked text in `transcript_search` and what the turn is in
// `transcript_search_turns` under the same rowid. Every write to a transcript, its speaker roles or its accepted
// redactions goes through here, so the index never holds a word that is no longer on screen.

/** Removes a call's turns from the index (its transcript was replaced, removed or erased). */
export function removeFromTranscriptSearch(db: Database.Database, callId: string): void {
  db.prepare(
    'DELETE FROM transcript_search WHERE rowid IN (SELECT id FROM transcript_search_turns WHERE call_id = ?)',
  ).run(callId);
  db.prepare('DELETE FROM transcript_search_turns WHERE call_id = ?').run(callId);
}

/** Puts a call's transcript in the index, replacing what was there: masked by the given redacted ranges. */
export function indexTranscript(
  db: Database.Database,
  callId: string,
  segments: readonly TranscriptSegment[],
  roles: SpeakerRoles,
  redacted: readonly RedactedRange[] = acceptedRangesOf(db, callId),
): void {
  removeFromTranscriptSearch(db, callId);
  const turn = db.prepare(
    `INSERT INTO transcript_search_turns (call_id, segment, speaker, role, start_ms, word_starts_json)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const text = db.prepare('INSERT INTO transcript_search (rowid, text) VALUES (?, ?)');
  for (const searchable of searchableTurns(segments, redacted, roles)) {
    const { lastInsertRowid } = turn.run(
      callId,
      searchable.segment,
      searchable.speaker,
      searchable.role,
      searchable.startMs,
      JSON.stringify(searchable.wordStartsMs),
    );
    text.run(lastInsertRowid, searchable.text);
  }
}

function acceptedRangesOf(db: Database.Database, callId: string): RedactedRange[] {
  return mergeRanges(
    db
      .prepare("SELECT start_ms AS startMs, end_ms AS endMs FROM redactions WHERE call_id = ? AND status = 'accepted'")
      .all(callId) as RedactedRange[],
  );
}

/** Indexes a call's stored transcript again (its redactions or speaker roles changed); removes it when it has none. */
export function reindexCallTranscript(db: Database.Database, callId: string): void {
  const row = db
    .prepare('SELECT segments_json AS segments, speaker_roles_json AS roles FROM transcripts WHERE call_id = ?')
    .get(callId) as { segments: string; roles: string } | undefined;
  if (!row) {
    removeFromTranscriptSearch(db, callId);
    return;
  }
  indexTranscript(db, callId, JSON.parse(row.segments) as TranscriptSegment[], JSON.parse(row.roles) as SpeakerRoles);
}

/** Fills the index from every stored transcript, a window of calls at a time so memory stays flat. */
export function rebuildTranscriptSearch(db: Database.Database, windowSize = 200): void {
  db.exec('DELETE FROM transcript_search; DELETE FROM transcript_search_turns;');
  const window = db.prepare('SELECT call_id FROM transcripts WHERE call_id > ? ORDER BY call_id LIMIT ?').pluck();
  let after = '';
  for (;;) {
    const callIds = window.all(after, windowSize) as string[];
    callIds.forEach((callId) => reindexCallTranscript(db, callId));
    if (callIds.length < windowSize) return;
    after = callIds.at(-1)!;
  }
}

/** One turn that matched a search, newest indexed first. */
export interface TranscriptSearchRow extends SearchableTurn {
  readonly callId: string;
  readonly title: string;
  readonly agentName: string;
  readonly recordedAt: string | null;
}

/**
 * The turns matching an FTS5 query (built by `transcriptMatchQuery`), optionally only one role's, at most `limit`.
 * Ordered by the index's rowid, which FTS5 walks without sorting, so a word in every call costs no more than a rare one.
 */
export function searchTranscriptTurns(
  db: Database.Database,
  match: string,
  role: SpeakerRole | null,
  limit: number,
): TranscriptSearchRow[] {
  const rows = db
    .prepare(
      `SELECT t.call_id AS callId, c.title, c.agent_name AS agentName, c.recorded_at AS recordedAt, t.segment,
         t.speaker, t.role, t.start_ms AS startMs, f.text, t.word_starts_json AS wordStarts
       FROM transcript_search f
       JOIN transcript_search_turns t ON t.id = f.rowid
       JOIN calls c ON c.id = t.call_id
       WHERE transcript_search MATCH @match AND (@role IS NULL OR t.role = @role)
       ORDER BY f.rowid DESC
       LIMIT @limit`,
    )
    .all({ match, role, limit }) as (Omit<TranscriptSearchRow, 'wordStartsMs'> & { wordStarts: string })[];
  return rows.map(({ wordStarts, ...row }) => ({ ...row, wordStartsMs: JSON.parse(wordStarts) as number[] }));
}

/** A prefix is expanded to at most this many indexed words; one that starts more is left to FTS5's prefix query. */
export const maxPrefixWords = 64;

// Words hold only letters, digits and private-use characters (unicode61), and compare by their UTF-8 bytes, which
// sort as code points. So every word starting with a prefix sorts below the prefix followed by U+10FFFF, and the
// first word after a word W is the first at or after W followed by U+0001.
const aboveEveryCharacter = String.fromCodePoint(0x10ffff);
const belowEveryCharacter = String.fromCodePoint(1);

/**
 * The indexed words starting with `prefix` (in the index's folded form), in byte order, at most `limit`. One seek
 * per word: the first occurrence at or after the word before it (the words table lists occurrences in term order),
 * so a word said in every call costs what a rare one costs.
 */
export function indexedWordsStartingWith(db: Database.Database, prefix: string, limit: number): string[] {
  const firstWordFrom = db
    .prepare('SELECT term FROM transcript_search_words WHERE term >= ? AND term < ? LIMIT 1')
    .pluck();
  const words: string[] = [];
  for (let from = prefix; words.length < limit;) {
    const word = firstWordFrom.get(from, prefix + aboveEveryCharacter) as string | undefined;
    if (word === undefined) break;
    words.push(word);
    from = word + belowEveryCharacter;
  }
  return words;
}

// The terms come folded by `searchTokens` (case, diacritics), and FTS5 folds a query's words once more with the
// index's tokenizer. A term of ASCII letters and digits it leaves as it is, so the words looked up are exactly those
// its prefix query matches; a term with any other character (one unicode61 might fold further) goes to FTS5's own
// prefix query.
const lookedUpAsTyped = /^[a-z0-9]+$/;

/**
 * The turns holding the search terms as a phrase, the last term the start of a word (terms from `searchTerms`),
 * like `searchTranscriptTurns` with `phrasePrefixQuery(terms)`: the same turns in the same order. FTS5 answers a
 * prefix by merging the whole list of turns of every word it starts before returning the first; asked for the words
 * themselves it walks each list from the newest turn and stops after `limit` hits. So the prefix is expanded to the
 * indexed words it starts, when there are at most `maxPrefixWords`. A last word of one or two letters that starts
 * more is matched as a whole word (`matchedAsWholeWord`).
 */
export function searchTranscriptPhrase(
  db: Database.Database,
  terms: readonly string[],
  role: SpeakerRole | null,
  limit: number,
): TranscriptSearchRow[] {
  return searchTranscriptPhraseHow(db, terms, role, limit).rows;
}

/** `searchTranscriptPhrase`, also saying whether the last word was matched as a whole word (to place the hit). */
export function searchTranscriptPhraseHow(
  db: Database.Database,
  terms: readonly string[],
  role: SpeakerRole | null,
  limit: number,
): { rows: TranscriptSearchRow[]; lastWordWhole: boolean } {
  const prefix = terms.at(-1);
  if (prefix === undefined) return { rows: [], lastWordWhole: false };
  const words = indexedWordsStartingWith(db, prefix, maxPrefixWords + 1);
  const turns = (match: string) => searchTranscriptTurns(db, match, role, limit);
  if (matchedAsWholeWord(prefix, words.length, maxPrefixWords))
    return { rows: turns(exactPhrasesQuery(terms.slice(0, -1), [prefix])), lastWordWhole: true };
  if (!lookedUpAsTyped.test(prefix) || words.length > maxPrefixWords)
    return { rows: turns(phrasePrefixQuery(terms)), lastWordWhole: false };
  if (words.length === 0) return { rows: [], lastWordWhole: false };
  return { rows: turns(exactPhrasesQuery(terms.slice(0, -1), words)), lastWordWhole: false };
}

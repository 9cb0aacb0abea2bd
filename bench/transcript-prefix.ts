// bench:transcript-prefix: transcript search for the start of a word ("opzeg" finds "opzeggen"), FTS5's own prefix
// query (the baseline) against the prefix expanded to the indexed words it starts (searchTranscriptPhrase), in the
// same run on the same database; a one- or two-letter last word starting more than 64 words is matched whole. Builds
// the transcripts through the repositories (bench/transcript-prefix-corpus.ts), checks that both answer the same
// turns in the same order, and prints progress on stderr and one JSON line on stdout.
//
// Size: TRANSCRIPTS (default 20,000 calls of 60 turns), TURNS per call, SAMPLES per query (default 25).
// TRANSCRIPT_DIR reuses a database built before (it is kept when given).
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { exactPhrasesQuery, phrasePrefixQuery, searchTerms } from '../src/domain/transcript/search-text';
import { insertCall } from '../src/storage/calls-repository';
import { openDatabase } from '../src/storage/connection';
import {
  indexedWordsStartingWith,
  maxPrefixWords,
  searchTranscriptPhrase,
  searchTranscriptPhraseHow,
  searchTranscriptTurns,
  type TranscriptSearchRow,
} from '../src/storage/transcript-search-repository';
import { saveTranscript } from '../src/storage/transcripts-repository';
import { writeTransaction } from '../src/storage/transactions';
import { callTranscript } from './transcript-prefix-corpus';
import { percentiles } from './scale-measure';

const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};

/** What the library's search asks: the default 100 hits and one more to know whether there are more. */
const limit = 101;
const queries = [
  'opzeg',
  'opzegt',
  'factu',
  'intern',
  'betal',
  'geïnf',
  'REÜN',
  'cancel',
  'subscri',
  'ik wil opz',
  'bedank',
  'klant',
  'over',
  'o',
  'ab',
  '4',
] as const;
const startMs = Date.UTC(2025, 0, 1);
const callId = (index: number) => `60000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;

function buildTranscripts(db: Database.Database, calls: number, turns: number): void {
  const started = performance.now();
  for (let from = 0; from < calls; from += 500) {
    writeTransaction(db, () => {
      for (let index = from; index < Math.min(calls, from + 500); index += 1) {
        insertCall(db, { id: callId(index), title: `Gesprek ${index}`, agentName: 'Sanne', createdAtMs: startMs });
        const segments = callTranscript(index + 1, turns);
        const transcript = { format: 'whisper-json', language: 'nl', sourceName: `gesprek-${index}.json` } as const;
        const speakerRoles = { 'channel:0': 'agent', 'channel:1': 'customer' } as const;
        saveTranscript(db, callId(index), { ...transcript, segments, warnings: [], speakerRoles }, startMs + index);
      }
    });
    const done = Math.min(calls, from + 500);
    if (done % 5000 === 0 || done === calls)
      process.stderr.write(`  ${done} transcripts after ${Math.round((performance.now() - started) / 1000)} s\n`);
  }
}

const sameRows = (a: readonly TranscriptSearchRow[], b: readonly TranscriptSearchRow[]) =>
  JSON.stringify(a) === JSON.stringify(b);

function timeOnce(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function measureQuery(db: Database.Database, query: string, samples: number) {
  const terms = searchTerms(query);
  const plain = () => searchTranscriptTurns(db, phrasePrefixQuery(terms), null, limit);
  const expanded = () => searchTranscriptPhrase(db, terms, null, limit);
  const hits = plain();
  // A short last word starting many words is matched whole: the same turns as FTS5's query for the whole word.
  const { lastWordWhole } = searchTranscriptPhraseHow(db, terms, null, limit);
  const same = lastWordWhole
    ? searchTranscriptTurns(db, exactPhrasesQuery(terms.slice(0, -1), terms.slice(-1)), null, limit)
    : hits;
  if (!sameRows(same, expanded())) throw new Error(`"${query}": the expanded search answers other turns`);
  const words = indexedWordsStartingWith(db, terms.at(-1)!, maxPrefixWords + 1).length;
  const plainMs: number[] = [];
  const expandedMs: number[] = [];
  const lookupMs: number[] = [];
  // Interleaved, so a busy moment on the machine weighs on both alike.
  for (let n = 0; n < samples; n += 1) {
    plainMs.push(timeOnce(plain));
    expandedMs.push(timeOnce(expanded));
    lookupMs.push(timeOnce(() => indexedWordsStartingWith(db, terms.at(-1)!, maxPrefixWords + 1)));
  }
  return {
    words: lastWordWhole
      ? `>${maxPrefixWords} (matched as a whole word)`
      : words > maxPrefixWords
        ? `>${maxPrefixWords} (FTS5 prefix query)`
        : words,
    hits: hits.length,
    plainMs: percentiles(plainMs),
    expandedMs: percentiles(expandedMs),
    wordLookupMs: percentiles(lookupMs),
  };
}

function main(): void {
  const calls = numberFromEnv('TRANSCRIPTS', 20_000);
  const turns = numberFromEnv('TURNS', 60);
  const samples = numberFromEnv('SAMPLES', 25);
  const kept = process.env.TRANSCRIPT_DIR;
  const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'klankbord-transcript-prefix-'));
  mkdirSync(dataDir, { recursive: true });
  const databaseFile = join(dataDir, 'klankbord.db');
  const fresh = !existsSync(databaseFile);
  const { db } = openDatabase(databaseFile);
  try {
    const started = performance.now();
    if (fresh) {
      process.stderr.write(`building ${calls} transcripts of ${turns} turns in ${dataDir}\n`);
      buildTranscripts(db, calls, turns);
    }
    const buildMs = fresh ? Math.round(performance.now() - started) : null;
    const figures: Record<string, ReturnType<typeof measureQuery>> = {};
    for (const query of queries) {
      figures[query] = measureQuery(db, query, samples);
      const { plainMs, expandedMs, words } = figures[query];
      process.stderr.write(
        `  "${query}" (${words} words): FTS5 prefix p95 ${plainMs.p95} ms, expanded p95 ${expandedMs.p95} ms\n`,
      );
    }
    const databaseMB = Math.round(statSync(databaseFile).size / 1e5) / 10;
    const size = { transcripts: calls, turnsPerTranscript: turns, databaseMB, buildMs, samples, limit };
    process.stdout.write(`${JSON.stringify({ bench: 'transcript-prefix', ...size, queries: figures })}\n`);
  } finally {
    db.close();
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}

main();

// Builds a large, deterministic data folder for bench:scale through the storage repositories (no SQL here): calls
// with transcripts of a five-minute call (word timings included), stored peaks for every Nth call, reviews with an
// answer on every item of the default rubric and a few moments, calibration sessions with their own reviews.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { ItemAnswer } from '../src/domain/scoring/answers';
import type { Moment } from '../src/domain/moments/model';
import { defaultRubric } from '../src/domain/rubric/default-rubric';
import { rubricItems, scaleMaximum } from '../src/domain/rubric/model';
import type { TranscriptSegment } from '../src/domain/transcript/model';
import { peakPairsPerSecond } from '../src/domain/audio/peaks';
import { insertAudio } from '../src/storage/audio-repository';
import { insertCall } from '../src/storage/calls-repository';
import { openDatabase } from '../src/storage/connection';
import { saveMoment } from '../src/storage/moments-repository';
import { upsertReviewer } from '../src/storage/reviewers-repository';
import { createReview, updateReview, upsertAnswer } from '../src/storage/reviews-repository';
import { insertSession } from '../src/storage/sessions-repository';
import { saveTranscript } from '../src/storage/transcripts-repository';
import { writeTransaction } from '../src/storage/transactions';
import { ensureBuiltInRubrics } from '../src/services/built-in-rubrics';

export interface ScaleSize {
  readonly calls: number;
  readonly reviews: number;
  readonly sessions: number;
  /** Every Nth call gets stored audio facts and five minutes of stereo peaks. */
  readonly peaksEvery: number;
}

export const reviewerCount = 20;
export const agentCount = 50;
const callMs = 5 * 60_000;
const sessionCalls = 20;
const sessionReviewers = 5;
/** Session 0 is the large one whose report bench:scale times: every reviewer on 50 calls. */
export const reportSession = { index: 0, calls: 50, reviewers: reviewerCount } as const;
const startMs = Date.UTC(2025, 0, 1);
const dayMs = 86_400_000;

export const callId = (index: number) => `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
export const reviewId = (index: number) => `10000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
export const reviewerId = (index: number) => `20000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
export const sessionId = (index: number) => `30000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
const audioId = (index: number) => `40000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
export const agentName = (index: number) => `Agent ${String(index % agentCount).padStart(2, '0')}`;

const words =
  'goedemiddag ik bel over mijn abonnement want ik wil graag opzeggen omdat de factuur te hoog is begrijp ik dat goed vervelend voor je laat me even kijken'.split(
    ' ',
  );

function transcriptSegments(seed: number): TranscriptSegment[] {
  // About 750 spoken words in five minutes, in turns of 12 words.
  return Array.from({ length: 62 }, (_, turn) => {
    const segmentStart = turn * 4800;
    const segmentWords = Array.from({ length: 12 }, (_, n) => ({
      // One customer turn names a number shared by one call in a thousand: a rare word for transcript search.
      text: turn === 31 && n === 0 ? `klantnummer${seed % 1000}` : words[(seed + turn * 12 + n) % words.length]!,
      startMs: segmentStart + n * 380,
      endMs: segmentStart + n * 380 + 340,
      confidence: 0.9,
    }));
    return {
      speaker: turn % 2 === 0 ? 'spk_0' : 'spk_1',
      channel: turn % 2,
      startMs: segmentStart,
      endMs: segmentStart + 4600,
      text: segmentWords.map((word) => word.text).join(' '),
      words: segmentWords,
    };
  });
}

function stereoPeaks(seed: number): Int16Array[] {
  const pairs = (callMs / 1000) * peakPairsPerSecond;
  return [0, 1].map((channel) =>
    Int16Array.from({ length: pairs * 2 }, (_, n) => (n % 2 === 0 ? -1 : 1) * ((seed * 31 + n * 7 + channel) % 20_000)),
  );
}

function addCall(db: Database.Database, index: number, size: ScaleSize): void {
  const id = callId(index);
  const withAudio = index % size.peaksEvery === 0;
  if (withAudio) {
    insertAudio(
      db,
      {
        id: audioId(index),
        sha256: index.toString(16).padStart(64, '0'),
        storedName: `${audioId(index)}.wav`,
        originalName: `gesprek-${index}.wav`,
        container: 'wav',
        codec: 'pcm_s16le',
        mimeType: 'audio/wav',
        sampleRateHz: 8000,
        channels: 2,
        durationMs: callMs,
        sizeBytes: 9_600_000,
        createdAtMs: startMs,
      },
      stereoPeaks(index),
      peakPairsPerSecond,
    );
  }
  const day = new Date(startMs + (index % 365) * dayMs).toISOString().slice(0, 10);
  insertCall(db, {
    id,
    title: `Gesprek ${index} ${words[index % words.length]}`,
    agentName: agentName(index),
    customerRef: `K${(index * 7919) % 1_000_000}`,
    recordedAt: day,
    durationMs: callMs,
    createdAtMs: startMs + index,
    audioId: withAudio ? audioId(index) : null,
    agentChannel: 0,
  });
  saveTranscript(
    db,
    id,
    {
      format: 'whisper-json',
      language: 'nl',
      sourceName: `gesprek-${index}.json`,
      segments: transcriptSegments(index),
      warnings: [],
      speakerRoles: { 'channel:0': 'agent', 'channel:1': 'customer' },
    },
    startMs + index,
  );
}

const items = rubricItems(defaultRubric).map(({ item }) => item);

function answerFor(index: number, itemIndex: number): ItemAnswer {
  const item = items[itemIndex]!;
  if (item.scale.kind === 'ordinal')
    return { kind: 'level', value: (index + itemIndex) % (scaleMaximum(item.scale) + 1) };
  return (index + itemIndex) % 9 === 0 ? { kind: 'no' } : { kind: 'yes' };
}

function momentFor(index: number, n: number): Moment {
  const start = ((index * 13 + n * 70_000) % (callMs - 10_000)) + 1000;
  return {
    id: `50000000-0000-4000-${n.toString(16).padStart(4, '0')}-${index.toString(16).padStart(12, '0')}`,
    startMs: start,
    endMs: start + 6000,
    type: 'empathic-response',
    speaker: 'agent',
    polarity: n % 2 === 0 ? 'strength' : 'gap',
    itemIds: [items[n % items.length]!.id],
    note: 'Benoemt de frustratie van de klant.',
  };
}

interface ReviewPlan {
  readonly index: number;
  readonly callIndex: number;
  readonly reviewerIndex: number;
  readonly sessionIndex: number | null;
}

function addReview(db: Database.Database, plan: ReviewPlan): void {
  const id = reviewId(plan.index);
  const atMs = startMs + (plan.index % 365) * dayMs + plan.index;
  createReview(
    db,
    {
      id,
      callId: callId(plan.callIndex),
      reviewerId: reviewerId(plan.reviewerIndex),
      rubricId: defaultRubric.id,
      rubricVersion: defaultRubric.version,
      sessionId: plan.sessionIndex === null ? null : sessionId(plan.sessionIndex),
    },
    atMs,
  );
  items.forEach((item, itemIndex) => upsertAnswer(db, id, item.id, { answer: answerFor(plan.index, itemIndex) }, atMs));
  for (let n = 0; n < 3; n += 1) saveMoment(db, id, momentFor(plan.index, n), atMs);
  const submitted = plan.index % 3 !== 0;
  updateReview(
    db,
    id,
    submitted
      ? { status: 'submitted', submittedAtMs: atMs, comment: 'Goed gesprek, let op de afsluiting.' }
      : { comment: 'Nog bezig.' },
    atMs,
  );
}

function addSession(db: Database.Database, index: number, size: ScaleSize): ReviewPlan[] {
  const large = index === reportSession.index;
  const callCount = Math.min(size.calls, large ? reportSession.calls : sessionCalls);
  const firstCall = (index * sessionCalls * 7) % Math.max(1, size.calls - callCount);
  const calls = Array.from({ length: callCount }, (_, n) => firstCall + n);
  const reviewers = Array.from(
    { length: large ? reportSession.reviewers : sessionReviewers },
    (_, n) => (index + n) % reviewerCount,
  );
  insertSession(db, {
    id: sessionId(index),
    name: `Kalibratie ${index}`,
    rubricId: defaultRubric.id,
    rubricVersion: defaultRubric.version,
    blind: true,
    benchmarkReviewerId: reviewerId(reviewers[0]!),
    toleranceTotal: 10,
    toleranceItem: 1,
    deadline: null,
    leadReviewerId: reviewerId(reviewers[0]!),
    createdAtMs: startMs + index,
    callIds: calls.map(callId),
    reviewerIds: reviewers.map(reviewerId),
  });
  return calls.flatMap((callIndex) =>
    reviewers.map((reviewerIndex) => ({ index: 0, callIndex, reviewerIndex, sessionIndex: index })),
  );
}

/** Runs `work` for 0..count-1 in write transactions of `chunk` at a time. */
function inChunks(db: Database.Database, count: number, chunk: number, work: (index: number) => void): void {
  for (let from = 0; from < count; from += chunk) {
    writeTransaction(db, () => {
      for (let index = from; index < Math.min(count, from + chunk); index += 1) work(index);
    });
  }
}

/** Fills `dataDir` (which must be new) with `size`; returns the database file. */
export function buildScaleFolder(
  dataDir: string,
  size: ScaleSize,
  progress: (line: string) => void = () => {},
): string {
  mkdirSync(dataDir, { recursive: true });
  const databaseFile = join(dataDir, 'klankbord.db');
  const { db } = openDatabase(databaseFile);
  try {
    ensureBuiltInRubrics(db, startMs);
    writeTransaction(db, () => {
      for (let n = 0; n < reviewerCount; n += 1)
        upsertReviewer(db, { id: reviewerId(n), name: `Beoordelaar ${n}` }, startMs);
    });
    inChunks(db, size.calls, 1000, (index) => addCall(db, index, size));
    progress(`${size.calls} calls`);
    const sessionPlans: ReviewPlan[] = [];
    writeTransaction(db, () => {
      for (let index = 0; index < size.sessions; index += 1) sessionPlans.push(...addSession(db, index, size));
    });
    const routine = Math.max(0, size.reviews - sessionPlans.length);
    // Routine reviews: one per reviewer per call at most, spread over the calls.
    const plans = [
      ...sessionPlans,
      ...Array.from({ length: routine }, (_, n): ReviewPlan => ({
        index: 0,
        callIndex: n % size.calls,
        reviewerIndex: (n + Math.floor(n / size.calls)) % reviewerCount,
        sessionIndex: null,
      })),
    ];
    inChunks(db, plans.length, 2000, (index) => addReview(db, { ...plans[index]!, index }));
    progress(`${plans.length} reviews (${sessionPlans.length} in ${size.sessions} sessions)`);
  } finally {
    db.close();
  }
  return databaseFile;
}

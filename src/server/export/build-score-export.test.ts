import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { anoukReview, bramReview, carlaReview, otherRubric } from '../../../tests/fixtures/export/score-export-reviews';
import { makeServiceContext } from '../../../tests/unit/service-context';
import { useTempDirs } from '../../../tests/unit/temp-dir';
import { buildScoreExportTables, type ScoreExportReview } from '../../domain/export/export-tables';
import type { ExportTable } from '../../domain/export/table-model';
import { ensureBuiltInRubrics } from '../../services/built-in-rubrics';
import { insertAudio } from '../../storage/audio-repository';
import { insertCall } from '../../storage/calls-repository';
import { saveMoment } from '../../storage/moments-repository';
import { upsertReviewer } from '../../storage/reviewers-repository';
import { createReview, updateReview, upsertAnswer } from '../../storage/reviews-repository';
import { insertRubric } from '../../storage/rubrics-repository';
import { buildCallMoments } from './build-call-moments';
import { buildScoreExport } from './build-score-export';

const tempDir = useTempDirs();

/** Stores a fixture review as the app would have: review, answers, moments, context and status. */
function store(db: Database.Database, entry: ScoreExportReview, createdAtMs: number): void {
  const { review } = entry;
  if (review.reviewerName !== null)
    upsertReviewer(db, { id: review.reviewerId, name: review.reviewerName }, createdAtMs);
  createReview(db, review, createdAtMs);
  for (const answer of entry.answers) upsertAnswer(db, review.id, answer.itemId, answer, createdAtMs);
  for (const moment of entry.moments) saveMoment(db, review.id, moment, createdAtMs);
  updateReview(
    db,
    review.id,
    { context: review.context, status: review.status, submittedAtMs: review.submittedAtMs },
    review.updatedAtMs,
  );
}

function setup() {
  const { db } = makeServiceContext(tempDir());
  const nowMs = Date.UTC(2024, 3, 1);
  ensureBuiltInRubrics(db, nowMs);
  insertRubric(db, otherRubric, 'published', nowMs);
  insertAudio(
    db,
    {
      id: 'audio-1',
      sha256: 'abc',
      storedName: 'abc.wav',
      originalName: 'klacht mei.wav',
      container: 'wav',
      codec: 'pcm_s16le',
      mimeType: 'audio/wav',
      sampleRateHz: 8000,
      channels: 1,
      durationMs: 4_000_000,
      sizeBytes: 10,
      createdAtMs: nowMs,
    },
    [],
    10,
  );
  insertCall(db, {
    id: 'call-1',
    title: anoukReview.call.title,
    agentName: 'Sanne',
    durationMs: 4_000_000,
    createdAtMs: nowMs,
    audioId: 'audio-1',
  });
  insertCall(db, { id: 'call-2', title: 'Opzegging', agentName: 'Piet', durationMs: 4_000_000, createdAtMs: nowMs });
  store(db, anoukReview, nowMs);
  store(db, bramReview, nowMs + 1);
  store(db, carlaReview, nowMs + 2);
  return db;
}

const ids = (table: ExportTable) => table.rows.map((row) => row[0]);

describe('buildScoreExport', () => {
  it('builds the same tables from the database as from the reviews themselves', () => {
    const db = setup();
    const fromDatabase = buildScoreExport(
      db,
      { reviewIds: ['review-a', 'review-b', 'review-c'] },
      { calibrations: { 'review-b': bramReview.calibration! } },
    );
    const direct = buildScoreExportTables([anoukReview, bramReview, carlaReview]);
    expect(fromDatabase.reviews.columns).toEqual(direct.reviews.columns);
    expect(fromDatabase.reviews.rows).toEqual(direct.reviews.rows);
    // The repository lists answers by item id; the table follows the rubric either way.
    expect(fromDatabase.items.rows).toEqual(direct.items.rows);
    expect(fromDatabase.moments.rows).toEqual(direct.moments.rows);
  });

  it('selects by call, agent, reviewer, date range and status; an empty selection takes everything', () => {
    const db = setup();
    expect(ids(buildScoreExport(db).reviews)).toEqual(['review-c', 'review-b', 'review-a']);
    expect(ids(buildScoreExport(db, { callId: 'call-1' }).reviews)).toEqual(['review-b', 'review-a']);
    expect(ids(buildScoreExport(db, { agentName: 'Piet' }).reviews)).toEqual(['review-c']);
    expect(ids(buildScoreExport(db, { reviewerId: 'reviewer-anouk' }).reviews)).toEqual(['review-a']);
    expect(ids(buildScoreExport(db, { fromMs: Date.UTC(2024, 4, 2), toMs: Date.UTC(2024, 4, 2, 23) }).reviews)).toEqual(
      ['review-b'],
    );
    expect(ids(buildScoreExport(db, { status: 'submitted' }).reviews)).toEqual(['review-c', 'review-a']);
    expect(
      ids(
        buildScoreExport(db, { reviewIds: ['review-a', 'missing', 'review-c', 'review-a'], callId: 'call-1' }).reviews,
      ),
    ).toEqual(['review-a']);
    expect(buildScoreExport(db, { reviewIds: [] }).reviews.rows).toEqual([]);
  });

  it('fills the calibration columns only for calibrated reviews, and writes texts in the language asked', () => {
    const db = setup();
    const tables = buildScoreExport(
      db,
      { callId: 'call-1' },
      {
        language: 'en',
        calibrations: { 'review-a': { calibratedTotal: 90, method: 'severity-adjusted', source: 'Session May' } },
      },
    );
    const calibration = (reviewId: string) => {
      const row = tables.reviews.rows.find((entry) => entry[0] === reviewId)!;
      const at = (key: string) => row[tables.reviews.columns.findIndex((column) => column.key === key)];
      return [at('calibratedTotal'), at('calibrationMethod'), at('calibrationSource')];
    };
    expect(calibration('review-a')).toEqual([90, 'severity-adjusted', 'Session May']);
    expect(calibration('review-b')).toEqual([null, null, null]);
    expect(tables.items.rows.find((row) => row[0] === 'review-b' && row[7] === '4.2')![9]).toBe('No');
  });
});

describe('buildCallMoments', () => {
  it('gives a track per review of the call, oldest first, with the audio file for ELAN', () => {
    const db = setup();
    const moments = buildCallMoments(db, 'call-1')!;
    expect(moments.media).toEqual({ fileName: 'klacht mei.wav', mimeType: 'audio/wav' });
    expect(moments.tracks.map((track) => [track.reviewerId, track.reviewerName, track.moments.length])).toEqual([
      ['reviewer-anouk', 'Anouk de Vries', 3],
      ['reviewer-bram', '', 0],
    ]);
    expect(buildCallMoments(db, 'call-1', { status: 'submitted' })!.tracks).toHaveLength(1);
    expect(buildCallMoments(db, 'call-2')!.media).toEqual({ fileName: 'Opzegging.wav' });
    expect(buildCallMoments(db, 'nope')).toBeUndefined();
  });
});

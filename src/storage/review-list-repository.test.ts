import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { getCall, insertCall } from './calls-repository';
import { migrate } from './migrations';
import { getReviewer } from './reviewers-repository';
import { agentFirstCallLimit, listReviewRows } from './review-list-repository';
import { getSession } from './sessions-repository';
import {
  createReview,
  listAnswers,
  listReviews,
  updateReview,
  upsertAnswer,
  type ReviewFilter,
} from './reviews-repository';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  db.exec(`
    INSERT INTO reviewers VALUES ('sanne', 'Sanne', 1), ('bram', 'Bram', 1);
    INSERT INTO rubrics VALUES ('rb', 1, 'published', '{}', 1, 1);
    INSERT INTO calibration_sessions (id, name, rubric_id, rubric_version, blind, tolerance_total, tolerance_item, lead_reviewer_id, created_at_ms)
      VALUES ('s1', 'Kalibratie', 'rb', 1, 1, 10, 1, 'sanne', 1);
  `);
  insertCall(db, { id: 'c1', title: 'Retour', agentName: 'Els', createdAtMs: 1 });
  insertCall(db, { id: 'c2', title: 'Klacht', agentName: 'Piet', createdAtMs: 2 });
  const review = (id: string, callId: string, reviewerId: string, atMs: number, sessionId: string | null = null) =>
    createReview(db, { id, callId, reviewerId, rubricId: 'rb', rubricVersion: 1, sessionId }, atMs);
  review('a', 'c1', 'sanne', 10);
  review('b', 'c2', 'sanne', 20);
  review('c', 'c2', 'bram', 30);
  review('d', 'c1', 'ghost', 35);
  review('e', 'c1', 'bram', 36, 's1');
  upsertAnswer(db, 'a', '2.1', { answer: { kind: 'level', value: 2 } }, 11);
  upsertAnswer(db, 'a', '1.3', { answer: { kind: 'yes' }, comment: 'Goed, "netjes"' }, 12);
  upsertAnswer(db, 'a', '4.2', { evidenceOverride: 'Geen moment nodig' }, 13);
  upsertAnswer(db, 'c', '4.2', { answer: { kind: 'not-applicable' } }, 31);
  updateReview(db, 'b', { status: 'submitted', submittedAtMs: 40 }, 40);
});

/** What the review list built before: one review query, then answers, call and reviewer per review. */
function rowByRow(filter: ReviewFilter) {
  return listReviews(db, filter).map((review) => {
    const call = getCall(db, review.callId);
    return {
      review,
      callTitle: call?.title ?? '',
      agentName: call?.agentName ?? '',
      reviewerName: getReviewer(db, review.reviewerId)?.name ?? null,
      sessionName: review.sessionId ? (getSession(db, review.sessionId)?.name ?? null) : null,
      answers: listAnswers(db, review.id),
    };
  });
}

const filters: ReviewFilter[] = [
  {},
  { callId: 'c2' },
  { reviewerId: 'sanne' },
  { agentName: 'Els' },
  { status: 'submitted' },
  { status: 'draft' },
  { fromMs: 20, toMs: 30 },
  { sessionId: null },
  { sessionId: 's1' },
  { reviewerId: 'sanne', callId: 'c2', status: 'draft' },
  { agentName: 'Piet', status: 'submitted', fromMs: 0, toMs: 100 },
];

describe('listReviewRows', () => {
  it.each(filters)('gives what the row-by-row build gave for %j', (filter) => {
    expect(listReviewRows(db, filter)).toEqual(rowByRow(filter));
  });

  it('carries the answers, call and reviewer of each review, newest change first', () => {
    const rows = listReviewRows(db);
    expect(rows.map((row) => row.review.id)).toEqual(['b', 'e', 'd', 'c', 'a']);
    expect(rows.at(-1)).toMatchObject({
      callTitle: 'Retour',
      agentName: 'Els',
      reviewerName: 'Sanne',
      answers: [
        { itemId: '1.3', answer: { kind: 'yes' }, comment: 'Goed, "netjes"', evidenceOverride: null },
        { itemId: '2.1', answer: { kind: 'level', value: 2 }, comment: '', evidenceOverride: null },
        { itemId: '4.2', answer: null, comment: '', evidenceOverride: 'Geen moment nodig' },
      ],
    });
    expect(rows.find((row) => row.review.id === 'd')?.reviewerName).toBeNull();
    expect(rows.find((row) => row.review.id === 'b')?.answers).toEqual([]);
  });

  it('lists an agent with more calls than a window sorts by walking the reviews in list order, with the same rows', () => {
    // Every call of the agent but two has no review: the list must still find the reviews of the other two.
    const insertMany = db.transaction(() => {
      for (let n = 0; n < agentFirstCallLimit; n += 1)
        insertCall(db, { id: `els-${n}`, title: 'Retour', agentName: 'Els', createdAtMs: 100 + n });
    });
    insertMany();
    const sources: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      const source = /WITH chosen AS \(\s*SELECT r\.id FROM ([\w ]+?)\s+ON/.exec(sql)?.[1];
      if (source) sources.push(source);
      return prepare(sql);
    }) as typeof db.prepare;
    try {
      for (const filter of [{ agentName: 'Els' }, { agentName: 'Els', status: 'draft' as const }])
        expect(listReviewRows(db, filter, { limit: 2 })).toEqual(rowByRow(filter).slice(0, 2));
    } finally {
      db.prepare = prepare;
    }
    expect(sources).toEqual(['reviews r CROSS JOIN calls c', 'reviews r CROSS JOIN calls c']);
    expect(listReviewRows(db, { agentName: 'Piet' }).map((row) => row.review.id)).toEqual(['b', 'c']);
  });

  it("counts an agent's calls only when the agent decides the order, not for a call's or a session's list", () => {
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    const countsCalls = () => prepared.some((sql) => /SELECT count\(\*\) FROM \(SELECT 1 FROM calls/.test(sql));
    try {
      for (const filter of [
        { agentName: 'Els', callId: 'c1' },
        { agentName: 'Els', sessionId: 's1' },
      ])
        expect(listReviewRows(db, filter, { limit: 2 })).toEqual(rowByRow(filter).slice(0, 2));
      expect(countsCalls()).toBe(false);
      listReviewRows(db, { agentName: 'Els' }, { limit: 2 });
      expect(countsCalls()).toBe(true);
    } finally {
      db.prepare = prepare;
    }
  });

  it.each([1, 2, 3])('gives the same list in keyset windows of %i rows, with and without a filter', (limit) => {
    for (const filter of [{}, { reviewerId: 'bram' }, { agentName: 'Els' }]) {
      const windows: string[] = [];
      let after: { updatedAtMs: number; id: string } | undefined;
      for (;;) {
        const page = listReviewRows(db, filter, { limit, after });
        for (const row of page) windows.push(row.review.id);
        if (page.length < limit) break;
        const last = page.at(-1)!.review;
        after = { updatedAtMs: last.updatedAtMs, id: last.id };
      }
      expect(windows).toEqual(listReviewRows(db, filter).map((row) => row.review.id));
    }
  });

  it('breaks ties on the change time by id across windows', () => {
    updateReview(db, 'a', {}, 50);
    updateReview(db, 'c', {}, 50);
    const first = listReviewRows(db, {}, { limit: 1 });
    expect(first.map((row) => row.review.id)).toEqual(['a']);
    expect(
      listReviewRows(db, {}, { limit: 1, after: { updatedAtMs: 50, id: 'a' } }).map((row) => row.review.id),
    ).toEqual(['c']);
  });
});

describe('query plans of the hot list paths', () => {
  const plan = (sql: string, params: Record<string, unknown> = {}) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail).join('\n');
  const reviewList = (where: string) =>
    `SELECT r.id FROM reviews r JOIN calls c ON c.id = r.call_id WHERE r.rubric_id IS NOT NULL AND ${where} ORDER BY r.updated_at_ms DESC, r.id`;

  it.each([
    ['status', 'r.status = @v', /reviews_listed_status/],
    ['reviewer', 'r.reviewer_id = @v', /reviews_listed_reviewer/],
    ['call', 'r.call_id = @v', /reviews_call/],
    ['agent', 'c.agent_name = @v', /calls_agent/],
    [
      'period',
      'r.updated_at_ms >= @v AND r.updated_at_ms <= @v',
      /reviews_listed|reviews_listed_status|reviews_listed_reviewer/,
    ],
  ])('filters reviews by %s through an index', (_name, where, index) => {
    const detail = plan(reviewList(where), { v: 1 });
    expect(detail).toMatch(index);
    expect(detail).not.toMatch(/SCAN r\b(?! USING)/);
  });

  it('lists reviews newest change first straight from an index, so a window stops early', () => {
    const detail = plan(`${reviewList('1 = 1')} LIMIT 50`);
    expect(detail).toMatch(/reviews_listed/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
    expect(plan(`${reviewList('r.status = @v')} LIMIT 50`, { v: 'draft' })).not.toMatch(/TEMP B-TREE/);
  });

  it('lists the library in its order without sorting every call', () => {
    const detail = plan(
      "SELECT c.id FROM calls c ORDER BY coalesce(c.recorded_at, '') DESC, c.created_at_ms DESC, c.id",
    );
    expect(detail).toMatch(/calls_library_order/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
});

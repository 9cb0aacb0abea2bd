import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { transcriptMatchQuery } from '../domain/transcript/search-text';
import { countCallRows, listCallWindow } from './call-window-repository';
import { listCalls } from './calls-repository';
import { migrate } from './migrations';
import { listReviewRows } from './review-list-repository';
import { countReviewRows, reviewFilterOptions } from './review-window-repository';
import {
  listAnswersOfReviews,
  listMomentsOfReviews,
  listReviewPage,
  listReviewsWithIds,
} from './score-export-repository';
import {
  calibrationReviewerEffects,
  calibrationSectionScores,
  callsOfReviews,
  momentsOfReviews,
  skillScoresOfAgent,
  sumSectionScores,
} from './team-report-repository';
import { listReviews, type ReviewFilter } from './reviews-repository';
import { reindexCallTranscript, searchTranscriptTurns } from './transcript-search-repository';

// The hot queries of the library, the review list (every filter the screen offers, alone and combined, windowed) and
// transcript search must each find their rows through an index: a plain `SCAN <table>` reads the whole table, which
// at 100,000 calls and 300,000 reviews is what makes a list slow. This records the statements a repository call
// runs, with their parameters, and asks SQLite for each one's plan.

let db: Database.Database;

beforeAll(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
});

interface Ran {
  readonly sql: string;
  readonly args: unknown[];
}

function statementsOf(run: () => void): Ran[] {
  const prepare = db.prepare.bind(db);
  const ran: Ran[] = [];
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    const methods = ['all', 'get', 'iterate', 'run'] as const;
    for (const method of methods) {
      const real = (statement[method] as (...args: unknown[]) => unknown).bind(statement);
      Object.assign(statement, {
        [method]: (...args: unknown[]) => {
          ran.push({ sql, args });
          return real(...args);
        },
      });
    }
    return statement;
  }) as typeof db.prepare;
  try {
    run();
  } finally {
    db.prepare = prepare;
  }
  return ran;
}

/** The lines of a statement's plan that read a whole table (a virtual table's own index is fine). */
function fullScans({ sql, args }: Ran): string[] {
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((row) => row.detail);
  // Reading a subquery's own rows (a co-routine or a materialised view, found through an index inside) is no table scan.
  const subqueries = new Set(plan.flatMap((detail) => /^(?:CO-ROUTINE|MATERIALIZE) (\w+)/.exec(detail)?.[1] ?? []));
  return plan.filter((detail) => {
    const scanned = /^SCAN (\w+)(.*)$/.exec(detail);
    if (!scanned || subqueries.has(scanned[1]!)) return false;
    return !/^ (USING|VIRTUAL TABLE)/.test(scanned[2]!);
  });
}

const expectNoFullScan = (run: () => void) => {
  const ran = statementsOf(run);
  expect(ran.length).toBeGreaterThan(0);
  for (const statement of ran) expect({ sql: statement.sql, scans: fullScans(statement) }).toMatchObject({ scans: [] });
};

const reviewFilters: readonly ReviewFilter[] = [
  {},
  { callId: 'c1' },
  { reviewerId: 'r1' },
  { agentName: 'Sanne' },
  { status: 'draft' },
  { status: 'submitted' },
  { fromMs: 1, toMs: 2 },
  { sessionId: 's1' },
  { sessionId: null },
  { reviewerId: 'r1', status: 'draft' },
  { agentName: 'Sanne', status: 'submitted', fromMs: 1, toMs: 2 },
  { reviewerId: 'r1', agentName: 'Sanne', fromMs: 1, toMs: 2 },
  { sessionId: 's1', status: 'submitted' },
];

describe('query plans of the hot paths', () => {
  it('the library lists calls through its order index, whole or a window, with or without a search', () => {
    expectNoFullScan(() => listCalls(db));
    expectNoFullScan(() => listCalls(db, 'opzeggen', { limit: 100, offset: 200 }));
  });

  it('the library’s windows walk its order index from their place, and its count reads an index', () => {
    const after = { recordedAt: '2026-03-04', createdAtMs: 5, id: 'c9' };
    for (const search of [undefined, 'opzeggen']) {
      expectNoFullScan(() => listCallWindow(db, search, { limit: 200 }));
      expectNoFullScan(() => listCallWindow(db, search, { limit: 200, after }));
    }
    expectNoFullScan(() => countCallRows(db, undefined));
  });

  it.each(reviewFilters)('the review list uses an index for %j, first window and the next', (filter) => {
    expectNoFullScan(() => listReviewRows(db, filter, { limit: 200 }));
    expectNoFullScan(() => listReviewRows(db, filter, { limit: 200, after: { updatedAtMs: 5, id: 'x' } }));
  });

  it('transcript search reads the FTS index and the turns by rowid, and a call’s turns by its id', () => {
    expectNoFullScan(() => searchTranscriptTurns(db, transcriptMatchQuery('opzeggen')!, null, 100));
    expectNoFullScan(() => searchTranscriptTurns(db, transcriptMatchQuery('wil opzeg')!, 'customer', 100));
    expectNoFullScan(() => reindexCallTranscript(db, 'c1'));
  });
});

describe('query plans of the review list’s count and filter options', () => {
  it.each(reviewFilters)('counts %j through an index', (filter) => {
    expectNoFullScan(() => countReviewRows(db, filter));
  });

  it.each([{}, { status: 'submitted' }, { sessionId: null }, { sessionId: null, fromMs: 1, toMs: 2 }] as const)(
    'counts %j from an index of listed reviews alone, never fetching a review',
    (filter) => {
      const [count] = statementsOf(() => countReviewRows(db, filter));
      const plan = planOf(count!);
      // A covering index, or a partial one holding only listed reviews, answers count(*) without the table.
      expect(plan.join('\n')).toMatch(/USING COVERING INDEX|USING INDEX reviews_listed/);
    },
  );

  it.each([
    { agentName: 'Sanne' },
    { agentName: 'Sanne', status: 'submitted', fromMs: 1, toMs: 2 },
    { reviewerId: 'r1', agentName: 'Sanne', fromMs: 1, toMs: 2 },
    { reviewerId: 'r1', status: 'draft' },
    { reviewerId: 'r1', sessionId: null },
  ] as const)(
    'counts (and chooses an agent’s window of) %j from covering indexes, fetching no review or call',
    (filter) => {
      const ran = [
        ...statementsOf(() => countReviewRows(db, filter)),
        // An agent's window is chosen first (the CTE), from all of the agent's reviews; only the chosen are fetched.
        // (A reviewer's window walks an index in list order and stops at the window's end.)
        ...statementsOf(() => ('agentName' in filter ? listReviewRows(db, filter, { limit: 200 }) : [])).map(
          ({ sql, args }) => ({
            sql: /WITH chosen AS \(([\s\S]*?LIMIT @limit)\)/.exec(sql)?.[1] ?? sql,
            args,
          }),
        ),
      ].filter(({ sql }) => /\breviews r\b/.test(sql));
      expect(ran).toHaveLength('agentName' in filter ? 2 : 1);
      for (const statement of ran) {
        const reads = planOf(statement).filter((detail) => /^(SEARCH|SCAN) [rc] /.test(detail));
        expect(reads.length).toBeGreaterThan(0);
        expect({ sql: statement.sql, reads }).toMatchObject({
          reads: reads.map(() => expect.stringMatching(/USING COVERING INDEX|USING INDEX reviews_listed_reviewer \(/)),
        });
      }
      // An agent's reviews are found from its calls, not by looking up the call of every review of a status or period.
      if ('agentName' in filter)
        for (const statement of ran)
          expect(planOf(statement).find((detail) => detail.startsWith('SEARCH'))).toMatch(
            /SEARCH c USING COVERING INDEX calls_agent/,
          );
    },
  );

  it.each([
    { sessionId: 's1', status: 'submitted' },
    { sessionId: 's1', agentName: 'Sanne' },
  ] as const)(
    'finds the reviews of %j through the session’s index, not by walking every review in list order',
    (filter) => {
      const ran = [
        ...statementsOf(() => listReviews(db, filter)),
        ...statementsOf(() => listReviewRows(db, filter, { limit: 200 })),
        ...statementsOf(() => countReviewRows(db, filter)),
      ].filter(({ sql }) => /\breviews r\b/.test(sql));
      expect(ran).toHaveLength(3);
      for (const statement of ran)
        expect(planOf(statement).find((detail) => detail.startsWith('SEARCH'))).toMatch(
          /SEARCH r USING INDEX reviews_session \(session_id=\?\)/,
        );
    },
  );

  it('gathers the filter options by seeks, reading no reviews or calls whole (sessions are few)', () => {
    const ran = statementsOf(() => reviewFilterOptions(db));
    expect(ran.length).toBeGreaterThan(0);
    for (const statement of ran) {
      const plan = planOf(statement);
      expect({
        sql: statement.sql,
        scans: plan.filter((detail) => /^SCAN (?!agents|ids|CONSTANT|json_each|s$)/.test(detail)),
      }).toMatchObject({
        scans: statement.sql.includes('ORDER BY updated_at_ms') ? [expect.stringMatching(/reviews_listed/)] : [],
      });
      // Each step of a loose index scan seeks past the value before; an index walked from its start without a
      // constraint (shown as SEARCH too) reads every entry at every step.
      const steps = plan.slice(plan.indexOf('RECURSIVE STEP'));
      if (statement.sql.includes('WITH RECURSIVE'))
        expect(steps.find((detail) => /^SEARCH (calls|reviews) /.test(detail))).toMatch(
          /\((agent_name|reviewer_id)>\?\)/,
        );
    }
  });
});

describe('query plans of the streamed score export', () => {
  it.each(reviewFilters)(
    'reads a page of %j through an index, and a page’s answers and moments by review',
    (filter) => {
      expectNoFullScan(() => listReviewPage(db, filter, null, 500));
      expectNoFullScan(() => listReviewPage(db, filter, { updatedAtMs: 5, id: 'x' }, 500));
      expectNoFullScan(() => listReviewsWithIds(db, filter, ['a', 'b']));
      expectNoFullScan(() => listAnswersOfReviews(db, ['a', 'b']));
      expectNoFullScan(() => listMomentsOfReviews(db, ['a', 'b']));
    },
  );
});

const planOf = ({ sql, args }: Ran) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((row) => row.detail);

describe('query plans of the team report', () => {
  it.each([null, [{ reviewerId: 'r1', skillId: '2', effect: 0.1 }]])(
    'sums the stored section scores from the covering index in its order, without sorting (effects: %j)',
    (effects) => {
      const ran = statementsOf(() => [...sumSectionScores(db, { fromMs: 1, toMs: 2 }, effects)]);
      const sums = ran.filter(({ sql }) => /FROM review_section_scores/.test(sql));
      expect(sums).toHaveLength(1);
      const plan = planOf(sums[0]!);
      expect(plan.join('\n')).toMatch(/USING COVERING INDEX review_section_scores_routine/);
      expect(plan.filter((detail) => /TEMP B-TREE/.test(detail))).toEqual([]);
      if (effects) expect(plan.join('\n')).toMatch(/SEARCH e USING PRIMARY KEY \(reviewer_id=\? AND section_id=\?\)/);
      expectNoFullScan(() => [...sumSectionScores(db, { fromMs: 1, toMs: 2 }, effects)]);
    },
  );

  it.each([null, [{ reviewerId: 'r1', skillId: '2', effect: 0.1 }]])(
    'finds an agent’s lowest scores on a skill in the covering index alone, then their calls and moments (effects: %j)',
    (effects) => {
      const query = { fromMs: 1, toMs: 2, spellings: ['Sanne', 'S. Jansen'], sectionId: '2', effects };
      expectNoFullScan(() => skillScoresOfAgent(db, { ...query, limit: 20 }));
      expectNoFullScan(() => skillScoresOfAgent(db, query));
      expectNoFullScan(() => callsOfReviews(db, ['r1', 'r2']));
      expectNoFullScan(() => momentsOfReviews(db, ['r1', 'r2']));
      const ran = statementsOf(() => skillScoresOfAgent(db, { ...query, limit: 20 }));
      const plan = planOf(ran.find(({ sql }) => /FROM review_section_scores/.test(sql))!).join('\n');
      expect(plan).toMatch(
        /SEARCH s USING COVERING INDEX review_section_scores_routine \(agent_name=\? AND section_id=\?/,
      );
      if (effects) expect(plan).toMatch(/SEARCH e USING PRIMARY KEY \(reviewer_id=\? AND section_id=\?\)/);
      expect(plan).not.toMatch(/reviews|calls/);
    },
  );

  it('reads the calibration sessions’ stored scores per session through indexes', () => {
    const plan = planOf(statementsOf(() => calibrationSectionScores(db))[0]!).join('\n');
    expect(plan).toMatch(/SEARCH r USING INDEX reviews_session/);
    expect(plan).toMatch(/SEARCH s USING PRIMARY KEY \(review_id=\?\)/);
    // The reviewer effects summed in SQL read the same scores the same way.
    for (const statement of statementsOf(() => calibrationReviewerEffects(db))) {
      const effectsPlan = planOf(statement).join('\n');
      expect(effectsPlan).toMatch(/SEARCH r USING INDEX reviews_session/);
      expect(effectsPlan).toMatch(/SEARCH s USING PRIMARY KEY \(review_id=\?\)/);
    }
  });
});

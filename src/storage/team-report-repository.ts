import type Database from 'better-sqlite3';
import type { ReviewerSkillEffect } from '../domain/team/reviewer-effects';

/** The routine reviews' stored section scores that a period of the team report reads. */
export interface ScorePeriod {
  readonly fromMs: number;
  readonly toMs: number;
}

/** Section scores summed per agent spelling, skill, rubric version and day. */
export interface SectionScoreSums {
  readonly agentName: string;
  readonly sectionId: string;
  readonly rubricId: string;
  readonly rubricVersion: number;
  readonly day: string;
  /** Reviews whose first section is in this group: summed over a review's sections, its count once. */
  readonly reviews: number;
  /** Scored sections (a section without scored items is left out). */
  readonly count: number;
  readonly sum: number;
  readonly sumSquares: number;
}

const groupKeys = 's.agent_name, s.section_id, s.rubric_id, s.rubric_version, s.day';

/**
 * The effects, bound for one query in a temporary table keyed as they are looked up (by reviewer and skill), so each
 * score finds its effect by one search. Inserted as numbers, they reach SQL exactly as computed.
 */
function bindEffects(db: Database.Database, effects: readonly ReviewerSkillEffect[]): void {
  db.exec(
    `CREATE TEMP TABLE IF NOT EXISTS team_reviewer_effects (
       reviewer_id TEXT NOT NULL, section_id TEXT NOT NULL, effect REAL NOT NULL, PRIMARY KEY (reviewer_id, section_id)
     ) STRICT, WITHOUT ROWID`,
  );
  const clear = db.prepare('DELETE FROM temp.team_reviewer_effects');
  const insert = db.prepare(
    'INSERT OR REPLACE INTO temp.team_reviewer_effects (reviewer_id, section_id, effect) VALUES (?, ?, ?)',
  );
  db.transaction(() => {
    clear.run();
    for (const { reviewerId, skillId, effect } of effects) insert.run(reviewerId, skillId, effect);
  })();
}

/**
 * The SQL of a score with the reviewer's effect on the skill taken off and kept in [0, 1] (a score without an effect
 * as it is: the domain's severityAdjusted), and the join that finds the effect; the plain score without `effects`.
 */
function adjustedScores(db: Database.Database, effects: readonly ReviewerSkillEffect[] | null | undefined) {
  if (!effects) return { score: 's.score', joinEffects: '' };
  bindEffects(db, effects);
  return {
    // A missing effect makes min() NULL, and coalesce() leaves the score as it is.
    score: 'coalesce(max(0.0, min(1.0, s.score - e.effect)), s.score)',
    joinEffects:
      'LEFT JOIN temp.team_reviewer_effects e ON e.reviewer_id = s.reviewer_id AND e.section_id = s.section_id',
  };
}

/**
 * The report's one heavy query: sums of the stored scores of submitted routine reviews changed in the period, in the
 * order of the covering index (so grouping reads it once without sorting), one group at a time; no other statement
 * may run on the connection until they are all read. With `effects`, each score has its reviewer's effect on the
 * skill taken off and is kept in [0, 1] before it is summed (a score without an effect is summed as it is): done
 * per score in SQL, as clipping is no shift of a sum, so only the groups' sums come back.
 */
export function* sumSectionScores(
  db: Database.Database,
  period: ScorePeriod,
  effects: readonly ReviewerSkillEffect[] | null = null,
): Generator<SectionScoreSums> {
  const { score, joinEffects } = adjustedScores(db, effects);
  const rows = db
    .prepare(
      `SELECT ${groupKeys}, sum(s.ordinal = 0) AS reviews, count(s.score) AS count, total(${score}) AS sum,
              total(${score} * ${score}) AS sum_squares
         FROM review_section_scores s INDEXED BY review_section_scores_routine ${joinEffects}
        WHERE s.session_id IS NULL AND s.updated_at_ms BETWEEN @fromMs AND @toMs
        GROUP BY ${groupKeys}`,
    )
    .raw()
    .iterate(period);
  for (const row of rows) {
    const [agentName, sectionId, rubricId, rubricVersion, day, reviews, count, sum, sumSquares] = row as [
      ...[string, string, string, number, string],
      ...[number, number, number, number],
    ];
    yield { agentName, sectionId, rubricId, rubricVersion, day, reviews, count, sum, sumSquares };
  }
}

/** One review's score on a skill. */
export interface SkillScoreOfReview {
  readonly reviewId: string;
  readonly reviewerId: string;
  readonly score: number;
}

/**
 * An agent's scores on one skill in the period (every spelling merged into it), lowest first; at most `limit` when
 * given; with `effects`, each reviewer's effect taken off first (as in sumSectionScores), so the lowest are the
 * lowest after adjustment. Read from the covering index alone: the calls of the few kept are looked up after
 * (callsOfReviews), rather than joining every score of the agent to its review and call before sorting.
 */
export function skillScoresOfAgent(
  db: Database.Database,
  query: ScorePeriod & {
    readonly spellings: readonly string[];
    readonly sectionId: string;
    readonly limit?: number;
    readonly effects?: readonly ReviewerSkillEffect[] | null;
  },
): SkillScoreOfReview[] {
  const { score, joinEffects } = adjustedScores(db, query.effects);
  return db
    .prepare(
      `SELECT s.review_id AS reviewId, s.reviewer_id AS reviewerId, ${score} AS score
         FROM review_section_scores s INDEXED BY review_section_scores_routine ${joinEffects}
        WHERE s.agent_name IN (SELECT value FROM json_each(@spellings)) AND s.section_id = @sectionId
          AND s.score IS NOT NULL AND s.session_id IS NULL AND s.updated_at_ms BETWEEN @fromMs AND @toMs
        ORDER BY 3, 1${query.limit === undefined ? '' : ' LIMIT @limit'}`,
    )
    .all({
      spellings: JSON.stringify(query.spellings),
      sectionId: query.sectionId,
      fromMs: query.fromMs,
      toMs: query.toMs,
      ...(query.limit === undefined ? {} : { limit: query.limit }),
    }) as SkillScoreOfReview[];
}

/** The call a review is of, to listen to. */
export interface CallOfReview {
  readonly reviewId: string;
  readonly callId: string;
  readonly callTitle: string;
  readonly audioId: string | null;
}

/** The calls of some reviews (a review that is gone is left out). */
export function callsOfReviews(db: Database.Database, reviewIds: readonly string[]): CallOfReview[] {
  if (reviewIds.length === 0) return [];
  return db
    .prepare(
      `SELECT r.id AS reviewId, r.call_id AS callId, c.title AS callTitle, c.audio_id AS audioId
         FROM reviews r JOIN calls c ON c.id = r.call_id WHERE r.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(reviewIds)) as CallOfReview[];
}

/** A stored section score of a submitted calibration review. */
export interface CalibrationSectionScore {
  readonly sessionId: string;
  readonly callId: string;
  readonly reviewerId: string;
  readonly sectionId: string;
  readonly score: number;
}

/**
 * The stored (scored) section scores of every calibration session's submitted reviews: sessions newest first, their
 * reviews most recently changed first, each review's sections in rubric order, the order the sessions and their
 * reviews are listed in. Found per session (by the session index, not among every submitted review).
 */
export function calibrationSectionScores(db: Database.Database): CalibrationSectionScore[] {
  return db
    .prepare(
      `SELECT r.session_id AS sessionId, r.call_id AS callId, r.reviewer_id AS reviewerId, s.section_id AS sectionId,
              s.score
         FROM calibration_sessions cs
         JOIN reviews r INDEXED BY reviews_session
           ON r.session_id = cs.id AND r.session_id IS NOT NULL AND r.status = 'submitted' AND r.rubric_id IS NOT NULL
         JOIN calls c ON c.id = r.call_id
         JOIN review_section_scores s ON s.review_id = r.id
        WHERE s.score IS NOT NULL
        ORDER BY cs.created_at_ms DESC, cs.id, r.updated_at_ms DESC, r.id, s.ordinal`,
    )
    .all() as CalibrationSectionScore[];
}

const calibrationScoresSql = `
  SELECT r.session_id AS sessionId, r.call_id AS callId, r.reviewer_id AS reviewerId, s.section_id AS sectionId, s.score
    FROM calibration_sessions cs
    JOIN reviews r INDEXED BY reviews_session
      ON r.session_id = cs.id AND r.session_id IS NOT NULL AND r.status = 'submitted' AND r.rubric_id IS NOT NULL
    JOIN calls c ON c.id = r.call_id
    JOIN review_section_scores s ON s.review_id = r.id
   WHERE s.score IS NOT NULL`;

/**
 * The domain's reviewerEffects (src/domain/team/reviewer-effects.ts) over calibrationSectionScores, computed where
 * the scores are: per call and skill scored by two or more reviewers, each score minus the mean of the others',
 * averaged per reviewer and skill. Only the effects come back, not every score (70,000 rows and 60 MB of objects
 * per report at 200 sessions); `team-report-reference.test.ts` holds it to the domain's function. Also how many
 * sessions gave any score.
 */
export function calibrationReviewerEffects(db: Database.Database): {
  effects: ReviewerSkillEffect[];
  sessionCount: number;
} {
  const effects = db
    .prepare(
      `WITH scored AS (${calibrationScoresSql}),
       compared AS (
         SELECT reviewerId, sectionId, score,
                total(score) OVER call_skill AS callTotal, count(*) OVER call_skill AS scorers
           FROM scored
         WINDOW call_skill AS (PARTITION BY sessionId, callId, sectionId))
       SELECT reviewerId, sectionId AS skillId, avg(score - (callTotal - score) / (scorers - 1)) AS effect
         FROM compared WHERE scorers >= 2
        GROUP BY reviewerId, sectionId`,
    )
    .all() as ReviewerSkillEffect[];
  const sessionCount = db
    .prepare(`SELECT count(DISTINCT sessionId) FROM (${calibrationScoresSql})`)
    .pluck()
    .get() as number;
  return { effects, sessionCount };
}

/** A moment of a review with the rubric items it was marked for. */
export interface EvidenceMoment {
  readonly reviewId: string;
  readonly momentId: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly type: string;
  readonly itemIds: readonly string[];
}

/** The moments of some reviews, in time order per review. */
export function momentsOfReviews(db: Database.Database, reviewIds: readonly string[]): EvidenceMoment[] {
  if (reviewIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT review_id AS reviewId, id AS momentId, start_ms AS startMs, end_ms AS endMs, type, item_ids_json AS itemIdsJson
         FROM moments WHERE review_id IN (SELECT value FROM json_each(?)) ORDER BY review_id, start_ms, id`,
    )
    .all(JSON.stringify(reviewIds)) as (Omit<EvidenceMoment, 'itemIds'> & { itemIdsJson: string })[];
  return rows.map(({ itemIdsJson, ...moment }) => ({ ...moment, itemIds: JSON.parse(itemIdsJson) as string[] }));
}

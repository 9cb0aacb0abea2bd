import type Database from 'better-sqlite3';
import { callMetrics, type CallMetrics } from '../../domain/assist/call-metrics';
import {
  scoreExportRows,
  scoreExportTableHeads,
  sectionColumns,
  type ReviewCalibration,
  type ScoreExportReview,
} from '../../domain/export/export-tables';
import type { ScoreExportSelection } from '../../domain/export/score-export-selection';
import type { ExportRow, ExportTableSource, ScoreExportTables } from '../../domain/export/table-model';
import type { Locale } from '../../domain/rubric/localized-text';
import type { Rubric } from '../../domain/rubric/model';
import { agentOf, mergeLookup } from '../../domain/team/agent-merges';
import { listAgentMerges } from '../../storage/agent-merges-repository';
import { getCallSummary } from '../../storage/calls-repository';
import { getReviewer } from '../../storage/reviewers-repository';
import type { ReviewRecord } from '../../storage/reviews-repository';
import { getRubric } from '../../storage/rubrics-repository';
import {
  listAnswersOfReviews,
  listMomentsOfReviews,
  listReviewPage,
  listReviewsWithIds,
  type ReviewPlace,
} from '../../storage/score-export-repository';
import { getCallSignals } from '../../storage/signals-repository';

/*
 * The score export's tables as sources that read the database while a writer walks them: reviews a page at a time,
 * with each page's answers and moments in one query each, so memory holds one page whatever the selection's size.
 * Each table is a walk of its own over the selection (a spreadsheet or JSON document holds its tables one after the
 * other). The caller holds one read transaction around every walk, so the tables describe one moment in time.
 */

/** Which reviews to export: declared once in the domain, for the port and this exporter alike. */
export type { ScoreExportSelection };

export interface ScoreExportOptions {
  /** Language of item titles, moment type labels and answer words; default 'nl'. */
  readonly language?: Locale;
  /** Calibrated totals by review id; reviews without one keep the calibration columns empty. */
  readonly calibrations?: Readonly<Record<string, ReviewCalibration>>;
}

/** Reviews read per query. */
const pageSize = 500;

/**
 * The selection's reviews page by page: in the order of `reviewIds` when given (ids that do not match the other
 * filters, are unknown or repeat are left out), else most recently changed first.
 */
function* reviewPages(db: Database.Database, selection: ScoreExportSelection): Generator<ReviewRecord[]> {
  const { reviewIds, ...filter } = selection;
  if (reviewIds !== undefined) {
    const ids = [...new Set(reviewIds)];
    for (let start = 0; start < ids.length; start += pageSize)
      yield listReviewsWithIds(db, filter, ids.slice(start, start + pageSize));
    return;
  }
  let after: ReviewPlace | null = null;
  for (;;) {
    const page = listReviewPage(db, filter, after, pageSize);
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    const last = page.at(-1)!;
    after = { updatedAtMs: last.updatedAtMs, id: last.id };
  }
}

/**
 * The score export of a selection as three tables whose rows are read as they are walked. Throws (while walking)
 * when a review's rubric version is missing: the database guarantees it exists, so that is corruption.
 */
export function scoreExportSource(
  db: Database.Database,
  selection: ScoreExportSelection = {},
  options: ScoreExportOptions = {},
): ScoreExportTables<ExportTableSource> {
  const language = options.language ?? 'nl';
  const rubrics = new Map<string, Rubric>();
  const reviewerNames = new Map<string, string | null>();
  // The agent as the lead named it: merged spellings export under one name.
  const merges = mergeLookup(listAgentMerges(db));
  const rubricOf = (review: ReviewRecord): Rubric => {
    const key = `${review.rubricId}@${review.rubricVersion}`;
    let rubric = rubrics.get(key);
    if (!rubric) {
      rubric = getRubric(db, review.rubricId, review.rubricVersion)?.rubric;
      if (!rubric)
        throw new Error(`Review ${review.id}: rubric ${review.rubricId} v${review.rubricVersion} is missing`);
      rubrics.set(key, rubric);
    }
    return rubric;
  };
  const reviewerName = (reviewerId: string): string | null => {
    if (!reviewerNames.has(reviewerId)) reviewerNames.set(reviewerId, getReviewer(db, reviewerId)?.name ?? null);
    return reviewerNames.get(reviewerId) ?? null;
  };

  /** The reviews with what their rows need; the call and its metrics only for the reviews table (`withCall`). */
  function* entries(withCall: boolean): Generator<ScoreExportReview> {
    for (const page of reviewPages(db, selection)) {
      const ids = page.map((review) => review.id);
      const answers = listAnswersOfReviews(db, ids);
      const moments = listMomentsOfReviews(db, ids);
      // Calls are remembered for one page only: a whole library's calls would not fit the promise of flat memory.
      const calls = new Map<string, { call: ScoreExportReview['call']; metrics: CallMetrics | null }>();
      for (const review of page) {
        let call = withCall ? calls.get(review.callId) : { call: { title: '', agentName: '' }, metrics: null };
        if (!call) {
          const summary = getCallSummary(db, review.callId);
          const stored = getCallSignals(db, review.callId);
          call = {
            call: { title: summary?.title ?? '', agentName: agentOf(summary?.agentName ?? '', merges) },
            // The metrics of the call's stored signals (as last computed): facts about the call, not the score.
            metrics: stored ? callMetrics(stored.signals) : null,
          };
          calls.set(review.callId, call);
        }
        const calibration =
          options.calibrations && Object.hasOwn(options.calibrations, review.id)
            ? options.calibrations[review.id]
            : undefined;
        yield {
          review: { ...review, reviewerName: reviewerName(review.reviewerId) },
          call: call.call,
          rubric: rubricOf(review),
          answers: answers.get(review.id) ?? [],
          moments: moments.get(review.id) ?? [],
          callMetrics: call.metrics,
          ...(calibration ? { calibration } : {}),
        };
      }
    }
  }

  // The section columns are the union over the selection's rubrics: a first walk reads the reviews alone.
  const sections = sectionColumns(
    (function* () {
      for (const page of reviewPages(db, selection)) yield* page.map(rubricOf);
    })(),
  );
  const heads = scoreExportTableHeads(sections);
  const rowsOf = (table: 'reviews' | 'items' | 'moments'): Iterable<ExportRow> => ({
    *[Symbol.iterator]() {
      for (const entry of entries(table === 'reviews')) {
        const rows = scoreExportRows(entry, sections, language);
        if (table === 'reviews') yield rows.review;
        else yield* rows[table];
      }
    },
  });
  return {
    reviews: { ...heads.reviews, rows: rowsOf('reviews') },
    items: { ...heads.items, rows: rowsOf('items') },
    moments: { ...heads.moments, rows: rowsOf('moments') },
  };
}

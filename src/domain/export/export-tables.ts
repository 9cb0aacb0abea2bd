import type { CallMetrics } from '../assist/call-metrics';
import { answerText, writtenAnswerWords } from '../scoring/answer-text';
import { callMetricCells, callMetricColumns } from './call-metric-columns';
import { empathyResponseTimeMs } from '../moments/empathy-response-time';
import { customerEmotions } from '../moments/emotions';
import type { Moment } from '../moments/model';
import { momentTypeInfo } from '../moments/moment-types';
import type { CallContext } from '../rubric/call-context';
import type { Locale, LocalizedText } from '../rubric/localized-text';
import type { Rubric } from '../rubric/model';
import type { ItemAnswer, ReviewAnswers } from '../scoring/answers';
import { scoreReview, type ScoreResult } from '../scoring/score-review';
import { appendAll } from '../extremes';
import type { TranslationTexts } from '../../i18n/en';
import { inBothLanguages, translate, type PlainTranslationKey } from '../../i18n/translate';
import {
  roundTo,
  type ExportCell,
  type ExportColumn,
  type ExportColumnType,
  type ExportRow,
  type ScoreExportTables,
} from './table-model';

/*
 * Builds the three tables of a score export (docs/domain.md, "Exports"): one row per review,
 * one per rubric item of each review, one per moment. Columns and their headers are documented in
 * docs/score-export-format.md; a change there is a new formatVersion of the JSON export.
 *
 * Enumerations (status, speaker, polarity, emotion, calibration method) are stored in the rows as their stable codes,
 * with the words for them on the column (src/i18n, section exportValues): CSV and XLSX show the words in the export's language, the
 * JSON export keeps the codes so scripts work whatever the language. The moment type has a code column and a label
 * column. Texts written for people (item title, the answer "Ja"/"Nee"/"N.v.t.") follow the export's language.
 */

export const calibrationMethods = ['consensus', 'severity-adjusted'] as const;
export type CalibrationMethod = (typeof calibrationMethods)[number];

/** How a review's total was calibrated, given by the caller (calibration sessions produce it). */
export interface ReviewCalibration {
  /** 0..100. */
  readonly calibratedTotal: number;
  readonly method: CalibrationMethod;
  /** Where it comes from, for people: a session name, "consensus 12 March", a model run. */
  readonly source: string;
}

/** One item's stored answer, comment and evidence override (the shape the reviews repository returns). */
export interface ScoreExportAnswer {
  readonly itemId: string;
  readonly answer: ItemAnswer | null;
  readonly comment: string;
  readonly evidenceOverride: string | null;
}

/** Everything the tables need of one review. */
export interface ScoreExportReview {
  readonly review: {
    readonly id: string;
    readonly callId: string;
    readonly reviewerId: string;
    readonly reviewerName: string | null;
    readonly rubricId: string;
    readonly rubricVersion: number;
    readonly status: 'draft' | 'submitted';
    readonly context: CallContext | null;
    readonly updatedAtMs: number;
    readonly submittedAtMs: number | null;
  };
  readonly call: { readonly title: string; readonly agentName: string };
  /** The exact rubric version the review was scored with. */
  readonly rubric: Rubric;
  readonly answers: readonly ScoreExportAnswer[];
  readonly moments: readonly Moment[];
  /** Absent until the review is calibrated: the calibration columns stay empty. */
  readonly calibration?: ReviewCalibration;
  /** The call's metrics from its signals; absent or null leaves the metric columns empty. */
  readonly callMetrics?: CallMetrics | null;
}

export interface ScoreExportTableOptions {
  /** Language of the texts written for people (item titles, type labels, answers); default 'nl'. */
  readonly language?: Locale;
}

const scoreDecimals = 2;
const valueDecimals = 4;
const secondsDecimals = 3;

type ColumnKey = keyof TranslationTexts['exports']['columns'];

/** A column whose header is its key's text under exports.columns, in both languages. */
function column(
  key: ColumnKey,
  type: ExportColumnType,
  extra: Pick<ExportColumn, 'decimals' | 'valueLabels'> = {},
): ExportColumn {
  return { key, header: inBothLanguages(`exports.columns.${key}`), type, ...extra };
}

/** The words for a column's codes (status, speaker...), from the texts under exportValues. */
function codeWords<Code extends string>(
  group: 'status' | 'speaker' | 'polarity' | 'calibrationMethod',
  codes: readonly Code[],
): Readonly<Record<Code, LocalizedText>> {
  const words = codes.map((code) => [code, inBothLanguages(`exportValues.${group}.${code}` as PlainTranslationKey)]);
  return Object.fromEntries(words) as Record<Code, LocalizedText>;
}

const reviewStatusLabels = codeWords('status', ['draft', 'submitted']);
const calibrationMethodLabels = codeWords('calibrationMethod', ['consensus', 'severity-adjusted']);
const momentSpeakerLabels = codeWords('speaker', ['agent', 'customer', 'both', 'unknown']);
const momentPolarityLabels = codeWords('polarity', ['strength', 'gap', 'neutral']);
const emotionValueLabels = Object.fromEntries(
  customerEmotions.map((emotion) => [emotion, inBothLanguages(`emotions.${emotion}`)]),
);

const reviewColumnsBefore: readonly ExportColumn[] = [
  column('reviewId', 'text'),
  column('callId', 'text'),
  column('callTitle', 'text'),
  column('agentName', 'text'),
  column('reviewerId', 'text'),
  column('reviewerName', 'text'),
  column('status', 'text', { valueLabels: reviewStatusLabels }),
  column('submittedAt', 'date'),
  column('updatedAt', 'date'),
  column('rubricId', 'text'),
  column('rubricVersion', 'number', { decimals: 0 }),
  column('total', 'number', { decimals: scoreDecimals }),
  column('totalBeforeCritical', 'number', { decimals: scoreDecimals }),
  column('criticalFailed', 'boolean'),
  column('calibratedTotal', 'number', { decimals: scoreDecimals }),
  column('calibrationMethod', 'text', { valueLabels: calibrationMethodLabels }),
  column('calibrationSource', 'text'),
];

const reviewColumnsAfter: readonly ExportColumn[] = [
  column('momentCount', 'number', { decimals: 0 }),
  ...callMetricColumns,
];

/** The columns an item or moment row starts with: which review, call and reviewer it belongs to. */
const reviewRefColumns: readonly ExportColumn[] = [
  column('reviewId', 'text'),
  column('callId', 'text'),
  column('reviewerId', 'text'),
  column('reviewerName', 'text'),
];

/** The item table's columns (fixed). */
export const itemColumns: readonly ExportColumn[] = [
  ...reviewRefColumns,
  column('rubricId', 'text'),
  column('rubricVersion', 'number', { decimals: 0 }),
  column('sectionId', 'text'),
  column('itemId', 'text'),
  column('itemTitle', 'text'),
  column('answer', 'text'),
  column('value', 'number', { decimals: valueDecimals }),
  column('notApplicableByDefault', 'boolean'),
  column('comment', 'text'),
  column('evidenceOverrideReason', 'text'),
  column('linkedMomentCount', 'number', { decimals: 0 }),
];

/** The moment table's columns (fixed). */
export const momentColumns: readonly ExportColumn[] = [
  ...reviewRefColumns,
  column('momentId', 'text'),
  column('startSec', 'number', { decimals: secondsDecimals }),
  column('endSec', 'number', { decimals: secondsDecimals }),
  column('typeId', 'text'),
  column('typeLabel', 'text'),
  column('speaker', 'text', { valueLabels: momentSpeakerLabels }),
  column('polarity', 'text', { valueLabels: momentPolarityLabels }),
  column('emotion', 'text', { valueLabels: emotionValueLabels }),
  column('intensity', 'number', { decimals: 0 }),
  column('itemIds', 'text'),
  column('respondsTo', 'text'),
  column('empathyResponseTimeSec', 'number', { decimals: secondsDecimals }),
  column('note', 'text'),
];

/** The JSON group section score columns are nested under. */
export const sectionScoresGroup = 'sectionScores';

/**
 * One column per section id over every rubric in the selection, in first-seen order: a selection that mixes
 * rubrics gets the union, and a review whose rubric lacks a section leaves that cell empty. The header uses the
 * title of the first rubric that has the section.
 */
export function sectionColumns(rubrics: Iterable<Rubric>): ExportColumn[] {
  const columns = new Map<string, ExportColumn>();
  const rubricsSeen = new Set<Rubric>();
  for (const rubric of rubrics) {
    if (rubricsSeen.has(rubric)) continue;
    rubricsSeen.add(rubric);
    for (const section of rubric.sections) {
      if (columns.has(section.id)) continue;
      columns.set(section.id, {
        key: `section:${section.id}`,
        header: {
          nl: translate('nl', 'exports.sectionScore', { id: section.id, title: section.title.nl }),
          en: translate('en', 'exports.sectionScore', { id: section.id, title: section.title.en }),
        },
        type: 'number',
        decimals: scoreDecimals,
        group: { key: sectionScoresGroup, member: section.id },
      });
    }
  }
  return [...columns.values()];
}

/** The answer as people read it: the level ("2"), Ja, Nee, N.v.t., or "" when unanswered or not fitting. */
function answerCell(answer: ItemAnswer | null, language: Locale): string {
  if (answer === null) return '';
  return answerText(answer, writtenAnswerWords(language));
}

const score100 = (value: number | null): number | null => (value === null ? null : roundTo(value, scoreDecimals));
const seconds = (ms: number, decimals = secondsDecimals): number | null => roundTo(ms / 1000, decimals);

/** The rows one review adds to each table. */
export interface ScoreExportReviewRows {
  readonly review: ExportRow;
  readonly items: readonly ExportRow[];
  readonly moments: readonly ExportRow[];
}

/**
 * The rows of one review: its row in the reviews table (with a cell for each of `sections`), a row per rubric item
 * and a row per moment. The review is scored with scoreReview (raw total, total before the critical rule, section
 * scores); the calibration columns are filled only when it carries a calibration.
 */
export function scoreExportRows(
  entry: ScoreExportReview,
  sections: readonly ExportColumn[],
  language: Locale,
): ScoreExportReviewRows {
  const { review, rubric, call, calibration } = entry;
  const reviewerName = review.reviewerName ?? '';
  const explicit: Record<string, ItemAnswer> = {};
  const records = new Map<string, ScoreExportAnswer>();
  for (const record of entry.answers) {
    records.set(record.itemId, record);
    if (record.answer !== null) explicit[record.itemId] = record.answer;
  }
  const score = scoreReview(rubric, explicit satisfies ReviewAnswers, review.context);

  const sectionScores = new Map(
    score.sections.map((section) => [section.sectionId, section.score === null ? null : score100(section.score * 100)]),
  );
  const reviewRow: ExportCell[] = [
    review.id,
    review.callId,
    call.title,
    call.agentName,
    review.reviewerId,
    reviewerName,
    review.status,
    review.submittedAtMs,
    review.updatedAtMs,
    review.rubricId,
    review.rubricVersion,
    score100(score.total),
    score100(score.totalBeforeCritical),
    score.criticalFailed,
    calibration ? score100(calibration.calibratedTotal) : null,
    calibration?.method ?? null,
    calibration?.source ?? null,
    ...sections.map((column) => sectionScores.get(column.group!.member) ?? null),
    entry.moments.length,
    ...callMetricCells(entry.callMetrics),
  ];

  const itemRows = itemRowsOf(entry, score, records, language);
  const momentRows = momentRowsOf(entry, language);
  return { review: reviewRow, items: itemRows, moments: momentRows };
}

/** A row per rubric item of the review: its answer, value, comment and the moments linked to it. */
function itemRowsOf(
  entry: ScoreExportReview,
  score: ScoreResult,
  records: ReadonlyMap<string, ScoreExportAnswer>,
  language: Locale,
): ExportRow[] {
  const { review, rubric } = entry;
  const reviewerName = review.reviewerName ?? '';
  const linkedMoments = new Map<string, number>();
  for (const moment of entry.moments) {
    // A moment linking an item twice is still one piece of evidence for it.
    for (const itemId of new Set(moment.itemIds)) linkedMoments.set(itemId, (linkedMoments.get(itemId) ?? 0) + 1);
  }
  const titles = new Map(
    rubric.sections.flatMap((section) => section.items.map((item) => [item.id, item.title[language]] as const)),
  );
  return score.items.map((item): ExportRow => {
    const record = records.get(item.itemId);
    return [
      review.id,
      review.callId,
      review.reviewerId,
      reviewerName,
      review.rubricId,
      review.rubricVersion,
      item.sectionId,
      item.itemId,
      titles.get(item.itemId) ?? '',
      answerCell(item.answer, language),
      item.value === null ? null : roundTo(item.value, valueDecimals),
      item.source === 'context-default',
      record?.comment ?? '',
      record?.evidenceOverride ?? null,
      linkedMoments.get(item.itemId) ?? 0,
    ];
  });
}

/** A row per moment of the review, with the empathy response time where it responds to a cue. */
function momentRowsOf(entry: ScoreExportReview, language: Locale): ExportRow[] {
  const { review } = entry;
  const reviewerName = review.reviewerName ?? '';
  const momentsById = new Map(entry.moments.map((moment) => [moment.id, moment]));
  return entry.moments.map((moment): ExportRow => {
    const cue = moment.respondsTo === undefined ? undefined : momentsById.get(moment.respondsTo);
    return [
      review.id,
      review.callId,
      review.reviewerId,
      reviewerName,
      moment.id,
      seconds(moment.startMs),
      seconds(moment.endMs),
      moment.type,
      momentTypeInfo[moment.type]?.label[language] ?? moment.type,
      moment.speaker,
      moment.polarity,
      moment.emotion ?? null,
      moment.intensity ?? null,
      moment.itemIds.join(', '),
      moment.respondsTo ?? null,
      cue ? seconds(empathyResponseTimeMs(moment, cue)) : null,
      moment.note,
    ];
  });
}

/** The three tables' ids, names and columns (the reviews table with a column per section), without rows. */
export function scoreExportTableHeads(sections: readonly ExportColumn[]) {
  return {
    reviews: {
      id: 'reviews',
      name: inBothLanguages('exports.tables.reviews'),
      columns: [...reviewColumnsBefore, ...sections, ...reviewColumnsAfter],
    },
    items: { id: 'items', name: inBothLanguages('exports.tables.items'), columns: itemColumns },
    moments: { id: 'moments', name: inBothLanguages('exports.tables.moments'), columns: momentColumns },
  } as const;
}

/**
 * Builds the reviews, items and moments tables of a score export from reviews with their rubric, answers, moments,
 * call and reviewer (see scoreExportRows). Reviews keep the given order; items follow the rubric order, moments
 * their given order. Pure: the same input gives the same tables.
 */
export function buildScoreExportTables(
  reviews: readonly ScoreExportReview[],
  options: ScoreExportTableOptions = {},
): ScoreExportTables {
  const language = options.language ?? 'nl';
  const sections = sectionColumns(reviews.map((entry) => entry.rubric));
  const heads = scoreExportTableHeads(sections);
  const reviewRows: ExportRow[] = [];
  const itemRows: ExportRow[] = [];
  const momentRows: ExportRow[] = [];
  for (const entry of reviews) {
    const rows = scoreExportRows(entry, sections, language);
    reviewRows.push(rows.review);
    appendAll(itemRows, rows.items);
    appendAll(momentRows, rows.moments);
  }
  return {
    reviews: { ...heads.reviews, rows: reviewRows },
    items: { ...heads.items, rows: itemRows },
    moments: { ...heads.moments, rows: momentRows },
  };
}

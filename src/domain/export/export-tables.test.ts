import { describe, expect, it } from 'vitest';
import {
  anoukReview,
  bramReview,
  carlaReview,
  hyperlinkComment,
  multilineComment,
  sampleReviews,
} from '../../../tests/fixtures/export/score-export-reviews';
import { defaultRubric } from '../rubric/default-rubric';
import { buildScoreExportTables, itemColumns, momentColumns } from './export-tables';
import type { ExportTable } from './table-model';

/** The rows of a table as objects by column key, to read assertions by name. */
function records(table: ExportTable): Record<string, unknown>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((column, index) => [column.key, row[index]])));
}

describe('the reviews table', () => {
  const tables = buildScoreExportTables(sampleReviews);
  const reviews = records(tables.reviews);

  it('has one row per review, in the given order, each row as wide as the columns', () => {
    expect(reviews.map((row) => row.reviewId)).toEqual(['review-a', 'review-b', 'review-c']);
    for (const table of [tables.reviews, tables.items, tables.moments]) {
      for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
      expect(new Set(table.columns.map((column) => column.key)).size).toBe(table.columns.length);
    }
  });

  it('carries call, agent, reviewer, dates, rubric version and the scores rounded to 2 decimals', () => {
    expect(reviews[0]).toMatchObject({
      callId: 'call-1',
      callTitle: 'Klacht; "factuur"\nmei',
      agentName: 'Sanne',
      reviewerId: 'reviewer-anouk',
      reviewerName: 'Anouk de Vries',
      status: 'submitted',
      submittedAt: Date.UTC(2024, 4, 1, 10, 15, 30),
      rubricId: defaultRubric.id,
      rubricVersion: 1,
      // 2.1 at level 1: section 2 = (1/3 + 1 + 1) / 3; total = 100 - 25 × (1 - 7/9).
      total: 94.44,
      totalBeforeCritical: 94.44,
      criticalFailed: false,
      'section:2': 77.78,
      'section:1': 100,
      momentCount: 3,
    });
  });

  it('shows a critical failure as total 0 next to the total before the critical rule', () => {
    // Section 4: 4.1 = 1, 4.2 Nee = 0, 4.3 N.v.t., 4.4 = 1; 5.3 unanswered leaves section 5 at 1.
    expect(reviews[1]).toMatchObject({
      total: 0,
      totalBeforeCritical: 95,
      criticalFailed: true,
      'section:4': 66.67,
      reviewerName: '',
      submittedAt: null,
      status: 'draft',
    });
  });

  it('leaves the calibration columns empty unless the review carries a calibration', () => {
    expect(reviews[0]).toMatchObject({ calibratedTotal: null, calibrationMethod: null, calibrationSource: null });
    expect(reviews[1]).toMatchObject({
      calibratedTotal: 71.46,
      calibrationMethod: 'consensus',
      calibrationSource: 'Kalibratie mei',
    });
  });

  it('gives mixed rubrics the union of section columns, empty where a rubric lacks the section', () => {
    const sectionKeys = tables.reviews.columns
      .filter((column) => column.key.startsWith('section:'))
      .map((column) => column.key);
    expect(sectionKeys).toEqual(['section:1', 'section:2', 'section:3', 'section:4', 'section:5', 'section:extra']);
    expect(reviews[2]).toMatchObject({
      'section:1': 0,
      'section:2': null,
      'section:extra': null,
      total: 0,
      criticalFailed: false,
    });
    expect(reviews[0]).toMatchObject({ 'section:extra': null });
    const extra = tables.reviews.columns.find((column) => column.key === 'section:extra');
    expect(extra).toMatchObject({ type: 'number', decimals: 2, group: { key: 'sectionScores', member: 'extra' } });
    expect(extra?.header.nl).toContain('Extra');
  });

  it('always has both Dutch and English headers', () => {
    for (const table of [tables.reviews, tables.items, tables.moments]) {
      for (const column of table.columns) {
        expect(column.header.nl.trim()).not.toBe('');
        expect(column.header.en.trim()).not.toBe('');
      }
    }
  });
});

describe('the items table', () => {
  it('has a row for every rubric item of every review, in rubric order, answered or not', () => {
    const items = records(buildScoreExportTables(sampleReviews).items);
    expect(items).toHaveLength(18 + 18 + 2);
    expect(items.slice(0, 18).map((row) => row.itemId)).toEqual(
      defaultRubric.sections.flatMap((section) => section.items.map((item) => item.id)),
    );
    expect(items.find((row) => row.reviewId === 'review-a' && row.itemId === '2.1')).toMatchObject({
      sectionId: '2',
      itemTitle: defaultRubric.sections[1]!.items[0]!.title.nl,
      answer: '1',
      value: 0.3333,
      notApplicableByDefault: false,
      comment: multilineComment,
      evidenceOverrideReason: null,
      linkedMomentCount: 1,
    });
    expect(items.find((row) => row.reviewId === 'review-a' && row.itemId === '3.2')).toMatchObject({
      answer: '3',
      value: 1,
      comment: hyperlinkComment,
    });
    expect(items.find((row) => row.reviewId === 'review-a' && row.itemId === '3.3')).toMatchObject({
      answer: 'Ja',
      evidenceOverrideReason: '+31 belde terug',
    });
    expect(items.find((row) => row.reviewId === 'review-a' && row.itemId === '1.1')).toMatchObject({
      linkedMomentCount: 2,
    });
  });

  it('marks N.v.t. by default, Nee and unanswered items', () => {
    const items = records(buildScoreExportTables([bramReview]).items);
    expect(items.find((row) => row.itemId === '1.1')).toMatchObject({
      answer: 'N.v.t.',
      value: null,
      notApplicableByDefault: true,
      comment: '',
    });
    expect(items.find((row) => row.itemId === '4.2')).toMatchObject({
      answer: 'Nee',
      value: 0,
      notApplicableByDefault: false,
    });
    expect(items.find((row) => row.itemId === '5.3')).toMatchObject({
      answer: '',
      value: null,
      notApplicableByDefault: false,
    });
  });

  it('writes item titles and answer words in the chosen language', () => {
    const english = records(buildScoreExportTables([anoukReview, bramReview], { language: 'en' }).items);
    const item11 = defaultRubric.sections[0]!.items[0]!;
    expect(english[0]).toMatchObject({ itemId: '1.1', itemTitle: item11.title.en });
    expect(english.find((row) => row.reviewId === 'review-a' && row.itemId === '1.2')).toMatchObject({ answer: 'Yes' });
    expect(english.find((row) => row.reviewId === 'review-b' && row.itemId === '4.2')).toMatchObject({ answer: 'No' });
    expect(english.find((row) => row.reviewId === 'review-b' && row.itemId === '1.1')).toMatchObject({ answer: 'N/A' });
    expect(records(buildScoreExportTables([anoukReview]).items)[0]).toMatchObject({ itemTitle: item11.title.nl });
  });

  it('has the documented columns', () => {
    expect(itemColumns.map((column) => column.key)).toEqual([
      'reviewId',
      'callId',
      'reviewerId',
      'reviewerName',
      'rubricId',
      'rubricVersion',
      'sectionId',
      'itemId',
      'itemTitle',
      'answer',
      'value',
      'notApplicableByDefault',
      'comment',
      'evidenceOverrideReason',
      'linkedMomentCount',
    ]);
  });
});

describe('the moments table', () => {
  it('has a row per moment with times in seconds, labels, links and the empathy response time', () => {
    const moments = records(buildScoreExportTables(sampleReviews).moments);
    expect(moments).toHaveLength(4);
    expect(moments[0]).toMatchObject({
      reviewId: 'review-a',
      momentId: 'cue-1',
      startSec: 1.5,
      endSec: 9,
      typeId: 'customer-emotion-cue',
      typeLabel: 'Emotie van de klant',
      speaker: 'customer',
      polarity: 'neutral',
      emotion: 'frustration',
      intensity: 2,
      itemIds: '1.1',
      respondsTo: null,
      empathyResponseTimeSec: null,
    });
    // The response starts 0.75 s before the cue ends: a negative response time, kept as is.
    expect(moments[1]).toMatchObject({
      momentId: 'response-1',
      itemIds: '1.1, 1.2',
      respondsTo: 'cue-1',
      empathyResponseTimeSec: -0.75,
      emotion: null,
      intensity: null,
    });
    expect(moments[3]).toMatchObject({
      reviewId: 'review-c',
      startSec: 0,
      endSec: 3661.001,
      note: '@team lang gesprek',
    });
    expect(records(buildScoreExportTables(sampleReviews, { language: 'en' }).moments)[0]).toMatchObject({
      typeLabel: 'Customer emotion cue',
    });
  });

  it('has the documented columns', () => {
    expect(momentColumns.map((column) => column.key)).toEqual([
      'reviewId',
      'callId',
      'reviewerId',
      'reviewerName',
      'momentId',
      'startSec',
      'endSec',
      'typeId',
      'typeLabel',
      'speaker',
      'polarity',
      'emotion',
      'intensity',
      'itemIds',
      'respondsTo',
      'empathyResponseTimeSec',
      'note',
    ]);
  });

  it('ignores a pairing whose cue is not among the moments', () => {
    const orphan = { ...anoukReview, moments: [anoukReview.moments[1]!] };
    expect(records(buildScoreExportTables([orphan]).moments)[0]).toMatchObject({
      respondsTo: 'cue-1',
      empathyResponseTimeSec: null,
    });
  });
});

describe('an empty selection', () => {
  it('gives three tables with their fixed columns and no rows', () => {
    const tables = buildScoreExportTables([]);
    expect(tables.reviews.rows).toEqual([]);
    expect(tables.reviews.columns.some((column) => column.key.startsWith('section:'))).toBe(false);
    expect(tables.items.columns).toBe(itemColumns);
    expect(carlaReview.rubric.id).toBe('kort');
  });
});

describe('the call metrics', () => {
  it('come after the moment count, rounded, and stay empty for a call without signals', () => {
    const withMetrics = {
      ...anoukReview,
      callMetrics: {
        agentTalkRatio: 0.56789,
        overtalkCount: 2,
        overtalkMs: 1234,
        longestSilenceMs: 11_000,
        agentWordsPerMinute: 152.345,
        medianAcknowledgementLatencyMs: 1500,
      },
    };
    const table = buildScoreExportTables([withMetrics, carlaReview]).reviews;
    const keys = table.columns.map((column) => column.key);
    expect(keys.slice(keys.indexOf('momentCount'))).toEqual([
      'momentCount',
      'agentTalkRatio',
      'overtalkCount',
      'overtalkSec',
      'longestSilenceSec',
      'agentWordsPerMinute',
      'medianAcknowledgementLatencySec',
    ]);
    const [anouk, carla] = records(table);
    expect(anouk).toMatchObject({
      agentTalkRatio: 0.5679,
      overtalkCount: 2,
      overtalkSec: 1.234,
      longestSilenceSec: 11,
      agentWordsPerMinute: 152.3,
      medianAcknowledgementLatencySec: 1.5,
    });
    expect(carla).toMatchObject({ agentTalkRatio: null, overtalkCount: null, medianAcknowledgementLatencySec: null });
    expect(table.columns.find((column) => column.key === 'overtalkSec')?.header).toEqual({
      nl: 'Door elkaar (s)',
      en: 'Overtalk (s)',
    });
  });
});

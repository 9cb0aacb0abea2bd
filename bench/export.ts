// export: the score export at calibration-programme size, timed per format. Deterministic synthetic data: 5,556
// reviews of the default rubric (18 items each, so 100,008 item rows), 3 moments per review, realistic texts
// (comments on a fifth of the items, some with quotes, line breaks and formula-like starts). Builds the tables
// once (timed separately), then writes XLSX (three sheets), CSV in both dialects (three files each) and JSON to a
// temporary folder through the atomic writer, as the app does. Prints figures; the last line is one JSON object.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildScoreExportTables, type ScoreExportReview } from '../src/domain/export/export-tables';
import type { Moment } from '../src/domain/moments/model';
import { momentTypes } from '../src/domain/moments/moment-types';
import { defaultRubric } from '../src/domain/rubric/default-rubric';
import { rubricItems } from '../src/domain/rubric/model';
import type { ItemAnswer } from '../src/domain/scoring/answers';
import { writeScoreExport, type ScoreExportFormat } from '../src/server/export/write-score-export';
import { seededRandom } from '../tests/support/seeded-random';

const reviewCount = 5556;
const momentsPerReview = 3;

const comments = [
  'Benoemt de frustratie van de klant direct.',
  'Zei "ik begrijp het", maar klonk gehaast;\nvroeg niet door.',
  '=HYPERLINK("http://voorbeeld.nl";"klik")',
  '-- onderbreekt de klant twee keer',
  'Goede samenvatting aan het eind, 1,5 minuut.',
];

function generateReviews(): ScoreExportReview[] {
  const random = seededRandom(20240506);
  const items = rubricItems(defaultRubric).map(({ item }) => item);
  const agents = Array.from({ length: 120 }, (_, index) => `Medewerker ${index + 1}`);
  const reviewers = Array.from({ length: 25 }, (_, index) => ({
    id: `reviewer-${index + 1}`,
    name: `Beoordelaar ${index + 1}`,
  }));
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: reviewCount }, (_, index): ScoreExportReview => {
    const reviewer = reviewers[index % reviewers.length]!;
    const emotion = random() < 0.7;
    const answers = items.map((item) => {
      let answer: ItemAnswer;
      if (item.naWhenNoEmotion && !emotion) answer = { kind: 'not-applicable' };
      else if (item.scale.kind === 'ordinal')
        answer = { kind: 'level', value: Math.min(3, Math.floor(random() * 4.5)) };
      else answer = random() < (item.critical ? 0.97 : 0.85) ? { kind: 'yes' } : { kind: 'no' };
      return {
        itemId: item.id,
        answer,
        comment: random() < 0.2 ? comments[Math.floor(random() * comments.length)]! : '',
        evidenceOverride: random() < 0.03 ? 'Geen apart moment; geldt voor het hele gesprek.' : null,
      };
    });
    const moments: Moment[] = Array.from({ length: momentsPerReview }, (_, momentIndex) => {
      const startMs = Math.floor(random() * 600_000);
      const type = momentTypes[Math.floor(random() * momentTypes.length)]!;
      const cue = type === 'customer-emotion-cue';
      return {
        id: `moment-${index}-${momentIndex}`,
        startMs,
        endMs: startMs + 500 + Math.floor(random() * 8000),
        type,
        speaker: cue ? 'customer' : 'agent',
        polarity: cue ? 'neutral' : random() < 0.6 ? 'strength' : 'gap',
        ...(cue ? { emotion: 'frustration' as const, intensity: 2 as const } : {}),
        itemIds: [items[Math.floor(random() * items.length)]!.id],
        note: random() < 0.5 ? comments[Math.floor(random() * comments.length)]! : '',
      };
    });
    const submittedAtMs = start + index * 3_600_000;
    return {
      review: {
        id: `review-${index}`,
        callId: `call-${Math.floor(index / 3)}`,
        reviewerId: reviewer.id,
        reviewerName: reviewer.name,
        rubricId: defaultRubric.id,
        rubricVersion: defaultRubric.version,
        status: 'submitted',
        context: emotion
          ? { customerState: 'negative', emotion: 'frustration' }
          : { customerState: 'neutral', emotion: null },
        updatedAtMs: submittedAtMs,
        submittedAtMs,
      },
      call: { title: `Gesprek ${Math.floor(index / 3)}`, agentName: agents[Math.floor(index / 3) % agents.length]! },
      rubric: defaultRubric,
      answers,
      moments,
      ...(index % 10 === 0
        ? {
            calibration: { calibratedTotal: 50 + random() * 50, method: 'consensus' as const, source: 'Kalibratie Q1' },
          }
        : {}),
    };
  });
}

async function main(): Promise<void> {
  const generationStart = performance.now();
  const reviews = generateReviews();
  const generationMs = performance.now() - generationStart;

  const buildStart = performance.now();
  const tables = buildScoreExportTables(reviews);
  const buildMs = performance.now() - buildStart;
  const itemRows = tables.items.rows.length;
  const totalRows = tables.reviews.rows.length + itemRows + tables.moments.rows.length;

  const dir = mkdtempSync(join(tmpdir(), 'klankbord-bench-export-'));
  const formats: readonly { readonly format: ScoreExportFormat; readonly file: string }[] = [
    { format: 'xlsx', file: 'scores.xlsx' },
    { format: 'csv-excel-nl', file: 'excel-nl.csv' },
    { format: 'csv-rfc4180', file: 'rfc4180.csv' },
    { format: 'json', file: 'scores.json' },
  ];
  const timings = new Map<ScoreExportFormat, number>();
  console.log(
    `export: ${reviews.length} reviews, ${itemRows} item rows, ${tables.moments.rows.length} moment rows (${totalRows} rows in all)`,
  );
  console.log(
    `synthetic data generated in ${generationMs.toFixed(0)} ms; tables built (scoring included) in ${buildMs.toFixed(0)} ms`,
  );
  try {
    for (const { format, file } of formats) {
      const start = performance.now();
      const written = await writeScoreExport(tables, {
        format,
        filePath: join(dir, file),
        language: 'nl',
        exportedAtMs: Date.now(),
        selection: { bench: true },
      });
      const ms = performance.now() - start;
      timings.set(format, ms);
      const bytes = written.reduce((sum, path) => sum + statSync(path).size, 0);
      console.log(
        `${format.padEnd(13)} ${ms.toFixed(0).padStart(6)} ms  ${Math.round(totalRows / (ms / 1000))
          .toLocaleString('en-US')
          .padStart(9)} rows/s  ${(bytes / 1_048_576).toFixed(1).padStart(6)} MB in ${written.length} file(s)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const rounded = (format: ScoreExportFormat) => Math.round(timings.get(format)!);
  console.log(
    JSON.stringify({
      benchmark: 'export',
      item_rows: itemRows,
      total_rows: totalRows,
      build_ms: Math.round(buildMs),
      xlsx_ms: rounded('xlsx'),
      csv_excel_nl_ms: rounded('csv-excel-nl'),
      csv_rfc4180_ms: rounded('csv-rfc4180'),
      json_ms: rounded('json'),
      xlsx_rows_per_s: Math.round(totalRows / (timings.get('xlsx')! / 1000)),
      csv_excel_nl_rows_per_s: Math.round(totalRows / (timings.get('csv-excel-nl')! / 1000)),
    }),
  );
}

void main();

import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../tests/unit/pdf-text';
import { sessionReport, type SessionReviewInput } from '../../domain/calibration/session-report';
import { defaultRubric } from '../../domain/rubric/default-rubric';
import { rubricItems } from '../../domain/rubric/model';
import type { ReviewAnswers } from '../../domain/scoring/answers';
import type { CallSignals } from '../../domain/signals/model';
import { sessionReportPdf, type SessionReportPdfInput } from './session-report-pdf';

const review: SessionReviewInput = {
  answers: Object.fromEntries(
    rubricItems(defaultRubric).map(({ item }) => [
      item.id,
      item.scale.kind === 'ordinal' ? { kind: 'level', value: 2 } : { kind: 'yes' },
    ]),
  ) as ReviewAnswers,
  context: { customerState: 'negative', emotion: 'frustration' },
};

const signals: CallSignals = {
  durationMs: 60_000,
  speech: [],
  overtalk: [{ startMs: 6600, endMs: 7600, startedBy: 'agent' }],
  silences: [{ startMs: 9000, endMs: 13_500, flagged: false, turn: 'customer' }],
  talkRatio: { agent: 0.57, customer: 0.43 },
  wordsPerMinute: { agent: 142, customer: 150 },
  responseLatencies: [{ kind: 'acknowledgement', fromMs: 6100, toMs: 6600, latencyMs: 500 }],
  hints: [],
};

function input(language: 'nl' | 'en', callSignals: readonly (CallSignals | null)[]): SessionReportPdfInput {
  return {
    session: {
      name: 'Kalibratie',
      rubricName: defaultRubric.name.nl,
      rubricVersion: defaultRubric.version,
      blind: false,
      toleranceTotal: 5,
      toleranceItem: 1,
      deadline: null,
      createdAtMs: Date.UTC(2026, 11, 1),
    },
    reviewers: [
      { id: 'r1', name: 'Anouk' },
      { id: 'r2', name: 'Daan' },
    ],
    calls: [
      { id: 'c1', title: 'Storing internet' },
      { id: 'c2', title: 'Factuur' },
    ],
    rubric: defaultRubric,
    report: sessionReport({
      rubric: defaultRubric,
      reviews: [
        [review, review],
        [review, review],
      ],
      benchmarkIndex: null,
      toleranceTotal: 5,
      toleranceItem: 1,
      callSignals,
    }),
    consensus: [],
    language,
    generatedAtMs: Date.UTC(2026, 11, 5),
  };
}

describe('the session report PDF with call signals', () => {
  it('lists the metrics of each call that has signals, in the report’s language', async () => {
    const dutch = pdfText(await sessionReportPdf(input('nl', [signals, null])));
    expect(dutch).toContain('Gesprekssignalen');
    expect(dutch).toContain('G1 Storing internet');
    expect(dutch).toMatch(/Spreektijd medewerker 57% · door elkaar 1× · 1,0 s · langste stilte 4,5 s/);
    expect(dutch).toMatch(/tempo 142 w\/min · erkenning 0,5 s/);
    const english = pdfText(await sessionReportPdf(input('en', [signals, null])));
    expect(english).toMatch(/Agent talk 57% · overtalk 1× · 1.0 s · longest silence 4.5 s/);
  });

  it('has no call signals section when no call has signals', async () => {
    const text = pdfText(await sessionReportPdf(input('nl', [null, null])));
    expect(text).not.toContain('Gesprekssignalen');
  });
});

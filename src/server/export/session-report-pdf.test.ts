import fc from 'fast-check';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionReport, type SessionReviewInput } from '../../domain/calibration/session-report';
import { defaultRubric } from '../../domain/rubric/default-rubric';
import { rubricItems } from '../../domain/rubric/model';
import type { ItemAnswer, ReviewAnswers } from '../../domain/scoring/answers';
import { en as englishTexts } from '../../i18n/en';
import { nl as dutchTexts } from '../../i18n/nl';
import { translate } from '../../i18n/translate';
import {
  isWinAnsi,
  sessionReportPdf,
  winAnsiSafe,
  writeSessionReportPdf,
  type SessionReportPdfInput,
} from './session-report-pdf';
import { seededRandom } from '../../../tests/support/seeded-random';

// ---------------------------------------------------------------------------------------------------------------
// Synthetic sessions: per call a "true" quality, per reviewer a leniency, plus noise; item 3.2 is read at random
// (so it comes out ambiguous).

function syntheticReviews(reviewerCount: number, callCount: number, seed: number): (SessionReviewInput | null)[][] {
  const random = seededRandom(seed);
  // Reviewer 1 is clearly strict, reviewer 2 a little lenient; the others scatter around the benchmark.
  const leniency = Array.from({ length: reviewerCount }, (_, reviewer) =>
    reviewer === 0 ? 0 : reviewer === 1 ? -0.45 : reviewer === 2 ? 0.15 : (random() - 0.5) * 0.6,
  );
  const quality = Array.from({ length: callCount }, (_, call) => 0.4 + ((call * 0.37 + random() * 0.3) % 1) * 2.6);
  return leniency.map((lenient, reviewer) =>
    quality.map((base, call) => {
      // A few reviews were never submitted.
      if (reviewerCount > 3 && (reviewer * 7 + call * 3) % 23 === 0) return null;
      const answers: Record<string, ItemAnswer> = {};
      for (const { item } of rubricItems(defaultRubric)) {
        // Items in section 4 are harder to agree on than the rest.
        const noise = (random() - 0.5) * (item.id.startsWith('4.') ? 1.6 : 0.7);
        if (item.scale.kind === 'ordinal') {
          const value = item.id === '3.2' ? Math.floor(random() * 4) : Math.round(base + lenient + noise);
          answers[item.id] = { kind: 'level', value: Math.max(0, Math.min(item.scale.levels.length - 1, value)) };
        } else if (item.id === '2.2' && random() < 0.15) {
          answers[item.id] = { kind: 'not-applicable' };
        } else if (item.critical) {
          answers[item.id] = { kind: 'yes' };
        } else {
          answers[item.id] = { kind: base + lenient + noise > 1.3 ? 'yes' : 'no' };
        }
      }
      return { answers: answers as ReviewAnswers, context: { customerState: 'negative', emotion: 'frustration' } };
    }),
  );
}

const sessionName = 'Kalibratie Q3 – Zoë’s “één” ronde';

function reportInput(
  reviewerCount: number,
  callCount: number,
  overrides: Partial<SessionReportPdfInput> = {},
): SessionReportPdfInput {
  const report = sessionReport({
    rubric: defaultRubric,
    reviews: syntheticReviews(reviewerCount, callCount, 42 + reviewerCount * 1000 + callCount),
    benchmarkIndex: 0,
    toleranceTotal: 5,
    toleranceItem: 1,
  });
  const baseNames = ['Anouk de Vries (benchmark)', 'Daniël Bakker', 'Chloë Jansen', 'Noël Visser', 'Loïs Smit'];
  return {
    session: {
      name: sessionName,
      rubricName: defaultRubric.name.nl,
      rubricVersion: defaultRubric.version,
      blind: true,
      toleranceTotal: 5,
      toleranceItem: 1,
      deadline: '2025-10-31',
      createdAtMs: Date.UTC(2025, 9, 1, 9, 30),
    },
    reviewers: Array.from({ length: reviewerCount }, (_, index) => ({
      id: `r${index}`,
      name: index < baseNames.length ? baseNames[index]! : `Beoordelaar ${index + 1}`,
    })),
    calls: Array.from({ length: callCount }, (_, index) => ({
      id: `c${index}`,
      title: `Klacht over factuur ${index + 1}: klant belt voor de derde keer`,
    })),
    rubric: defaultRubric,
    report,
    consensus: [
      { callId: 'c0', itemId: '3.2', answer: { kind: 'level', value: 2 }, reason: 'Scores liepen −2 tot +1 uiteen.' },
      { callId: 'c1', itemId: '2.2', answer: { kind: 'not-applicable' }, reason: 'Naam niet bekend.' },
      {
        callId: 'c0',
        itemId: '1.2',
        answer: { kind: 'no' },
        reason:
          'De “vervelend voor u” is een standaardzin; het gevoel wordt niet benoemd, dus Nee. Afgesproken: bij twijfel ≥ 2 alleen als de emotie letterlijk genoemd wordt.',
      },
    ],
    language: 'nl',
    generatedAtMs: Date.UTC(2025, 10, 3, 14, 5),
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the text back: pdf-lib flate-compresses content streams and writes Helvetica text as hex strings.

function decodeLiteral(literal: string): number[] {
  const bytes: number[] = [];
  for (let index = 0; index < literal.length; index += 1) {
    const character = literal[index]!;
    if (character !== '\\') {
      bytes.push(character.charCodeAt(0));
      continue;
    }
    const next = literal[index + 1] ?? '';
    const octal = /^[0-7]{1,3}/.exec(literal.slice(index + 1))?.[0];
    if (octal) {
      bytes.push(parseInt(octal, 8));
      index += octal.length;
    } else {
      bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return bytes;
}

// Windows-1252 at 0x80-0x9F (Node's TextDecoder('windows-1252') decodes these as Latin-1 control characters).
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const decodeWinAnsi = (codes: readonly number[]): string =>
  codes
    .map((code) => (code >= 0x80 && code <= 0x9f ? windows1252High[code - 0x80]! : String.fromCharCode(code)))
    .join('');

/** The strings shown by every content stream (hex and literal), decoded from WinAnsi, one per line. */
function pdfText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  const raw = buffer.toString('latin1');
  const shown: string[] = [];
  for (const match of raw.matchAll(/<<((?:[^<>]|<<[^<>]*>>)*)>>\s*stream\r?\n/g)) {
    const dictionary = match[1]!;
    const start = match.index + match[0].length;
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dictionary);
    const end = length ? start + Number(length[1]) : raw.indexOf('endstream', start);
    let data = buffer.subarray(start, end);
    if (dictionary.includes('/FlateDecode')) data = inflateSync(data);
    const content = data.toString('latin1');
    for (const operand of content.matchAll(/<([0-9A-Fa-f\s]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
      const codes =
        operand[1] !== undefined
          ? (operand[1].replace(/\s/g, '').match(/../g) ?? []).map((pair) => parseInt(pair, 16))
          : decodeLiteral(operand[2]!);
      shown.push(decodeWinAnsi(codes));
    }
  }
  return shown.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------

describe('winAnsiSafe', () => {
  it('keeps Dutch text as it is', () => {
    const dutch = 'Zoë’s “één” idee: café, coördinatie, ruïne, ‘naïef’ – € 5 ± 1 — „oké”';
    expect(winAnsiSafe(dutch)).toBe(dutch);
  });

  it('replaces what WinAnsi cannot encode', () => {
    expect(winAnsiSafe('−5 tot +3')).toBe('-5 tot +3');
    expect(winAnsiSafe('α ≥ 0,800 ≤ 1')).toBe('alpha >= 0,800 <= 1');
    expect(winAnsiSafe('ĳs en Ĳssel')).toBe('ijs en IJssel');
    expect(winAnsiSafe('Łódź')).toBe('Lódz');
    expect(winAnsiSafe('ﬁne')).toBe('fine');
    expect(winAnsiSafe('12\u202F345')).toBe('12 345');
    expect(winAnsiSafe('e\u0301')).toBe('é');
    expect(winAnsiSafe('zero\u200Bwidth\u00ADhyphen')).toBe('zerowidthhyphen');
    expect(winAnsiSafe('regel 1\nregel 2\tkolom')).toBe('regel 1 regel 2 kolom');
    expect(winAnsiSafe('bel\u0007')).toBe('bel');
    expect(winAnsiSafe('top 👍 日本')).toBe('top ? ??');
    expect(winAnsiSafe('\uD800x')).toBe('?x');
  });

  it('always gives text Helvetica can encode', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const characterSet = new Set(font.getCharacterSet());
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const safe = winAnsiSafe(text);
        for (const character of safe) {
          expect(isWinAnsi(character.codePointAt(0)!)).toBe(true);
          expect(characterSet.has(character.codePointAt(0)!)).toBe(true);
        }
        expect(() => font.encodeText(safe)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe('sessionReportPdf', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'klankbord-report-pdf-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('writes a loadable A4 PDF with the session and the Dutch labels', async () => {
    const input = reportInput(3, 4);
    const bytes = await sessionReportPdf(input);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(595.28, 1);
    expect(height).toBeCloseTo(841.89, 1);
    expect(doc.getTitle()).toContain(sessionName);

    const text = pdfText(bytes);
    const nl = dutchTexts.report;
    expect(text).toContain(sessionName);
    for (const label of [
      nl.documentTitle,
      nl.summaryTitle,
      nl.biasChartTitle,
      nl.itemChartTitle,
      nl.reviewerTableTitle,
      nl.itemTableTitle,
      nl.totalsTitle,
      nl.consensusTitle,
      nl.reviewer,
      nl.item,
      nl.fairTotal,
      nl.stricter,
      nl.milder,
      nl.thresholdTentative,
      nl.thresholdReliable,
      nl.bands.unreliable,
      translate('nl', 'report.page', { page: 1, pages: doc.getPageCount() }),
    ]) {
      expect(text).toContain(winAnsiSafe(label));
    }
    expect(text).toContain('Daniël Bakker');
    expect(text).toContain('G4');
    // The consensus: answers in words, the minus made WinAnsi.
    expect(text).toContain('2 · Oprecht maar algemeen');
    expect(text).toContain('N.v.t.');
    expect(text).toContain('Scores liepen -2 tot +1 uiteen.');
    expect(text).not.toContain('−');
    // The ambiguous item (read at random) is flagged.
    expect(input.report.items.find((item) => item.itemId === '3.2')!.ambiguous).toBe(true);
    expect(text).toContain(nl.ambiguousYes);
    // Dutch decimals.
    expect(text).toMatch(/\b0,\d{3}\b/);
    expect(text).not.toContain('Reviewer');
  });

  it('says there are not enough reviews instead of "0 of 18 ambiguous" with one submitted reviewer', async () => {
    const reviews = syntheticReviews(3, 2, 7).map((row, reviewer) => (reviewer === 0 ? row : row.map(() => null)));
    const report = sessionReport({
      rubric: defaultRubric,
      reviews,
      benchmarkIndex: null,
      toleranceTotal: 5,
      toleranceItem: 1,
    });
    const text = pdfText(await sessionReportPdf(reportInput(3, 2, { report, consensus: [] })));
    expect(text).toContain('Nog niet genoeg beoordelingen');
    expect(text).not.toContain(translate('nl', 'report.ambiguousCount', { count: 0, total: report.items.length }));
  });

  it('uses the English labels for language en', async () => {
    const bytes = await sessionReportPdf(reportInput(3, 4, { language: 'en' }));
    const text = pdfText(bytes);
    const en = englishTexts.report;
    for (const label of [
      en.documentTitle,
      en.biasChartTitle,
      en.itemChartTitle,
      en.reviewer,
      en.fairTotal,
      en.consensus,
    ])
      expect(text).toContain(winAnsiSafe(label));
    expect(text).toContain('2 · Sincere but generic');
    expect(text).not.toContain('Beoordelaar');
    expect(text).toMatch(/\b0\.\d{3}\b/);
  });

  it('breaks pages for 50 reviewers × 30 calls, repeating the table headers', async () => {
    const bytes = await sessionReportPdf(reportInput(50, 30, { consensus: [] }));
    const doc = await PDFDocument.load(bytes);
    const pages = doc.getPageCount();
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = pdfText(bytes);
    expect(text).toContain('Beoordelaar 50');
    expect(text).toContain('G30');
    expect(text).toContain(translate('nl', 'report.page', { page: pages, pages }));
    expect(text).toContain(dutchTexts.report.noConsensus);
    // 30 calls do not fit one row: the matrix is split into groups of calls.
    expect(text).toContain('Gesprekken G1–G10');
    expect(text).toContain('Gesprekken G21–G30');
    // The matrix header is repeated on the pages it spans.
    const headerCount = text.split('\n').filter((line) => line === dutchTexts.report.reviewer).length;
    expect(headerCount).toBeGreaterThan(4);
  }, 30_000);

  it('shows nulls as — and splits a reason longer than a page', async () => {
    const review = (changes: Record<string, ItemAnswer> = {}): SessionReviewInput => ({
      answers: {
        ...Object.fromEntries(
          rubricItems(defaultRubric).map(({ item }) => [
            item.id,
            item.scale.kind === 'ordinal' ? { kind: 'level', value: 3 } : { kind: 'yes' },
          ]),
        ),
        ...changes,
      },
      context: { customerState: 'negative', emotion: 'frustration' },
    });
    const report = sessionReport({
      rubric: defaultRubric,
      reviews: [
        [review(), null],
        [review(), review()],
      ],
      benchmarkIndex: null,
      toleranceTotal: 5,
      toleranceItem: 1,
    });
    const longReason = Array.from({ length: 1500 }, (_, index) => `woord${index}`).join(' ');
    const base = reportInput(2, 2);
    const bytes = await sessionReportPdf({
      ...base,
      session: { ...base.session, deadline: null, blind: false },
      reviewers: base.reviewers.slice(0, 2),
      calls: base.calls.slice(0, 2),
      report,
      consensus: [{ callId: 'c1', itemId: '5.3', answer: { kind: 'yes' }, reason: longReason }],
    });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(3);
    const text = pdfText(bytes);
    expect(text).toContain('—');
    expect(text).toContain(dutchTexts.report.open.slice(0, 20));
    expect(text).toContain('woord0');
    expect(text).toContain('woord1499');
  });

  it('gives the same bytes for the same input', async () => {
    const input = reportInput(3, 4);
    expect(Buffer.from(await sessionReportPdf(input)).equals(Buffer.from(await sessionReportPdf(input)))).toBe(true);
  });

  it('writes the file atomically', async () => {
    const target = join(directory, 'rapport.pdf');
    await writeSessionReportPdf(target, reportInput(3, 4));
    const written = await readFile(target);
    expect(written.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await readdir(directory)).toEqual(['rapport.pdf']);
  });
});

import { findRubricItem } from '../../domain/rubric/model';
import { writeTextFileAtomic } from './atomic-write';
import { drawCharts } from './pdf/report-charts-section';
import { drawConsensus, drawTotalsMatrix } from './pdf/report-calls-sections';
import { drawCallSignals } from './pdf/report-signals-section';
import { drawItemTable, drawReviewerTable } from './pdf/report-tables-sections';
import { formats } from './pdf/pdf-formats';
import { Layout } from './pdf/pdf-layout';
import { drawRunningHeaders, drawSummary, drawTitleBlock } from './pdf/report-front-sections';
import { createPdfDocument } from './pdf/pdf-document';
import type { ReportContext } from './pdf/report-context';
import type { SessionReportPdfRequest } from '../../services/ports';
import { translatorFor } from '../../i18n/translate';
import { maxOf } from '../../domain/extremes';

export { isWinAnsi, winAnsiSafe } from './pdf/win-ansi';

/*
 * The calibration report of a session as an A4 PDF (pdf-lib, no UI): a title block with the session's setup, a
 * summary of agreement on the total and per section, a chart of each reviewer's bias on the total (around zero,
 * lenient right, strict left, with the tolerance band), a chart of alpha per item (with the 0.667 and 0.800
 * thresholds, ambiguous items highlighted), the reviewer and item tables, the totals matrix (reviewers × calls,
 * with the severity-adjusted totals), the calls' metrics from their signals, and the consensus scores with their
 * reasons. Each part is drawn by a
 * function of its own in `pdf/report-*-section(s).ts`; the drawing primitives are in `pdf/`.
 *
 * Layout is a simple top-down flow: a cursor moves down the page and every block asks for the room it needs first,
 * starting a new page when it does not fit. Tables repeat their header on every page and split a row that is taller
 * than a page line by line; charts continue on the next page with their axis repeated; the totals matrix is cut
 * into groups of calls that fit the page width.
 *
 * Text uses the standard Helvetica fonts, which pdf-lib writes in WinAnsi (Windows-1252): every text passes
 * winAnsiSafe, which keeps what WinAnsi has (é, ë, ï, “ ”, –, ±, €) and replaces the rest (− → -, ≥ → >=, ...)
 * instead of letting pdf-lib throw on the first character it cannot encode.
 */

/** What the report shows: the services' request, as the port declares it. */
export type SessionReportPdfInput = SessionReportPdfRequest;

/** The calibration report of a session as an A4 PDF; see the top of this file for what it contains. */
export async function sessionReportPdf(input: SessionReportPdfInput): Promise<Uint8Array> {
  const { session, report, rubric, language } = input;
  const t = translatorFor(language);
  const { doc, fonts, generated } = await createPdfDocument({
    title: `${t('report.documentTitle')} – ${session.name}`,
    subject: t('report.rubricVersion', { name: session.rubricName, version: session.rubricVersion }),
    product: t('report.product'),
    language,
    generatedAtMs: input.generatedAtMs,
  });

  const context: ReportContext = {
    input,
    layout: new Layout(doc, fonts),
    fonts,
    t,
    format: formats(language),
    generatedMs: generated.getTime(),
    reviewerName: (index) => input.reviewers[index]?.name ?? t('report.unknownReviewer', { number: index + 1 }),
    callCount: Math.max(input.calls.length, maxOf(report.totals.map((row) => row.length)), report.fairTotals.length),
    callTitle: (index) => input.calls[index]?.title ?? t('report.unknownCall'),
    itemLabel: (itemId) => {
      const item = findRubricItem(rubric, itemId);
      return item ? `${itemId} ${item.title[language]}` : itemId;
    },
    referenceText: t(`report.references.${report.reference}`),
  };
  drawTitleBlock(context);
  drawSummary(context);
  drawCharts(context);
  drawReviewerTable(context);
  drawItemTable(context);
  drawTotalsMatrix(context);
  drawCallSignals(context);
  drawConsensus(context);
  drawRunningHeaders(context);
  return doc.save({ useObjectStreams: false });
}

/** Writes the report PDF to `filePath` atomically (the old file or the complete new one, never half of one). */
export async function writeSessionReportPdf(filePath: string, input: SessionReportPdfInput): Promise<void> {
  const bytes = await sessionReportPdf(input);
  await writeTextFileAtomic(filePath, bytes);
}

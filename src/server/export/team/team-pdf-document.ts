import type { PDFDocument } from 'pdf-lib';
import { translatorFor, type Translate } from '../../../i18n/translate';
import { Layout } from '../pdf/pdf-layout';
import { createPdfDocument } from '../pdf/pdf-document';
import { baselineFactor, margin, palette } from '../pdf/pdf-style';
import { drawKeyValues } from '../pdf/pdf-tables';
import type { TeamReportFileRequest } from '../../../services/ports';
import { dayOf, scoresKind } from './team-figures';

/** An A4 document with the report's fonts and metadata, its title block drawn: what both team PDFs start from. */
export async function startTeamPdf(
  request: TeamReportFileRequest,
  title: string,
): Promise<{ doc: PDFDocument; layout: Layout; t: Translate }> {
  const { report, language } = request;
  const t = translatorFor(language);
  const { doc, fonts, generated } = await createPdfDocument({
    title,
    subject: `${dayOf(report.fromMs)} - ${dayOf(report.toMs)}`,
    product: t('report.product'),
    language,
    generatedAtMs: request.generatedAtMs,
  });
  const layout = new Layout(doc, fonts);
  layout.text(title, margin.left, layout.y - 18 * baselineFactor, { style: 'bold', size: 18, color: palette.accent });
  layout.y -= 28;
  drawKeyValues(layout, [
    [t('teamTools.period'), `${dayOf(report.fromMs)} - ${dayOf(report.toMs)}`],
    [t('teamTools.scores'), scoresKind(report, t)],
    [
      t('teamTools.needRule'),
      t('teamTools.needRuleValue', { gap: Math.round(report.rule.gap * 100), count: report.rule.minReviews }),
    ],
    [t('teamTools.generated'), generated.toISOString().slice(0, 16).replace('T', ' ')],
  ]);
  return { doc, layout, t };
}

/** Page numbers at the foot of every page. */
export function drawPageNumbers(layout: Layout, t: Translate): void {
  const pages = layout.pages.length;
  layout.pages.forEach((page, index) => {
    const text = t('report.page', { page: index + 1, pages });
    const font = layout.font('regular');
    page.drawText(text, { x: margin.left, y: margin.bottom / 2, size: 7.5, font, color: palette.muted });
  });
}

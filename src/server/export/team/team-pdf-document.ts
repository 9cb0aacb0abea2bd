import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { translatorFor, type Translate } from '../../../i18n/translate';
import { Layout } from '../pdf/pdf-layout';
import { baselineFactor, margin, palette, type FontStyle } from '../pdf/pdf-style';
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
  // Object streams off and standard fonts: the text stays findable in the file (the tests read it back).
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Record<FontStyle, PDFFont> = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
  const generated = new Date(Number.isFinite(request.generatedAtMs) ? request.generatedAtMs : 0);
  doc.setTitle(title);
  doc.setSubject(`${dayOf(report.fromMs)} - ${dayOf(report.toMs)}`);
  doc.setCreator(t('report.product'));
  doc.setProducer(`${t('report.product')} (pdf-lib)`);
  doc.setLanguage(language === 'nl' ? 'nl-NL' : 'en-GB');
  doc.setCreationDate(generated);
  doc.setModificationDate(generated);
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

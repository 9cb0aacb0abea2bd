import {
  baselineFactor,
  bandColors,
  contentRight,
  contentWidth,
  margin,
  pageHeight,
  palette,
  type TextStyle,
} from './pdf-style';
import { missing } from './pdf-formats';
import { drawKeyValues, drawTable, type TableRow } from './pdf-tables';
import type { ReportContext } from './report-context';
import { winAnsiSafe } from './win-ansi';

/** The title block: product, title, session name and its setup. */
export function drawTitleBlock({
  input,
  layout,
  t,
  format,
  generatedMs,
  callCount,
  referenceText,
}: ReportContext): void {
  const { session, report } = input;
  layout.text(t('report.product').toUpperCase(), margin.left, layout.y - 9, {
    style: 'bold',
    size: 9,
    color: palette.accent,
  });
  layout.y -= 16;
  layout.text(t('report.documentTitle'), margin.left, layout.y - 22 * baselineFactor, { style: 'bold', size: 22 });
  layout.y -= 30;
  layout.paragraph(session.name, { size: 15, style: 'bold', color: palette.accent }, { after: 6 });
  layout.line(margin.left, layout.y, contentRight, layout.y, palette.rule, 0.8);
  layout.y -= 10;
  drawKeyValues(layout, [
    [t('report.rubric'), t('report.rubricVersion', { name: session.rubricName, version: session.rubricVersion })],
    [t('report.mode'), session.blind ? t('report.blind') : t('report.open')],
    [t('report.toleranceTotal'), t('report.toleranceTotalValue', { points: format.plain(session.toleranceTotal) })],
    [t('report.toleranceItem'), t('report.toleranceItemValue', { points: format.plain(session.toleranceItem) })],
    [t('report.reference'), referenceText.charAt(0).toUpperCase() + referenceText.slice(1)],
    [t('report.reviewers'), String(report.reviewers.length)],
    [t('report.calls'), String(callCount)],
    [t('report.deadline'), format.date(session.deadline)],
    [t('report.created'), format.dateTime(session.createdAtMs)],
    [t('report.generated'), format.dateTime(generatedMs)],
  ]);
}

/** Agreement on the total (alpha, ICC) and per section, and how many items are ambiguous. */
export function drawSummary({ input, layout, t, format }: ReportContext): void {
  const { report, rubric, language } = input;
  layout.heading(t('report.summaryTitle'));
  const totalBand = report.total.band;
  drawKeyValues(
    layout,
    [
      [
        t('report.totalAlpha'),
        {
          text: `${format.number(report.total.alpha, 3)}${totalBand ? ` (${t(`report.bands.${totalBand}`)})` : ''}`,
          style: 'bold',
          color: totalBand ? bandColors[totalBand] : palette.text,
        },
      ],
      [t('report.icc'), { text: format.number(report.total.iccAgreement, 3), style: 'bold' }],
    ],
    210,
  );
  const ambiguousItems = report.ambiguousItems;
  if (ambiguousItems === null) {
    layout.paragraph(t('report.notEnoughReviews'), { size: 9, style: 'bold', color: palette.text });
  } else {
    const ambiguousStyle: TextStyle = {
      size: 9,
      style: ambiguousItems > 0 ? 'bold' : 'regular',
      color: ambiguousItems > 0 ? palette.unreliable : palette.text,
    };
    layout.paragraph(t('report.ambiguousCount', { count: ambiguousItems, total: report.items.length }), ambiguousStyle);
  }
  if (report.sections.length > 0) {
    drawTable(
      layout,
      [
        { header: t('report.section'), width: 5 },
        { header: t('report.alpha'), width: 1.6, align: 'right' },
        { header: t('report.band'), width: 1.6 },
      ],
      [
        ...report.sections.map((section): TableRow => {
          const title = rubric.sections.find((candidate) => candidate.id === section.sectionId)?.title[language];
          return {
            cells: [
              title ? `${section.sectionId} ${title}` : section.sectionId,
              format.number(section.alpha, 3),
              section.band
                ? { text: t(`report.bands.${section.band}`), color: bandColors[section.band], style: 'bold' }
                : missing,
            ],
          };
        }),
        {
          cells: [
            t('report.total'),
            format.number(report.total.alpha, 3),
            totalBand ? { text: t(`report.bands.${totalBand}`), color: bandColors[totalBand] } : missing,
          ],
          style: 'bold',
          fill: palette.headerFill,
        },
      ],
    );
  }
  layout.paragraph(t('report.thresholds'), { size: 7.5, color: palette.muted }, { after: 1 });
  layout.paragraph(t('report.iccNote'), { size: 7.5, color: palette.muted });
}

/** The running header (from page 2) and the footer with the page number, drawn once the page count is known. */
export function drawRunningHeaders({ input, layout, fonts, t, format, generatedMs }: ReportContext): void {
  const footer = `${t('report.product')} · ${t('report.generated')} ${format.dateTime(generatedMs)}`;
  layout.pages.forEach((page, index) => {
    const draw = (text: string, x: number, y: number, style: TextStyle, align: 'left' | 'right' = 'left'): void => {
      const safe = winAnsiSafe(text);
      const font = fonts[style.style ?? 'regular'];
      const size = style.size ?? 7;
      page.drawText(safe, {
        x: align === 'right' ? x - font.widthOfTextAtSize(safe, size) : x,
        y,
        size,
        font,
        color: style.color ?? palette.muted,
      });
    };
    if (index > 0) {
      const title = `${t('report.documentTitle')} · ${input.session.name}`;
      const size = 7;
      let shown = winAnsiSafe(title);
      if (fonts.regular.widthOfTextAtSize(shown, size) > contentWidth) {
        while (shown.length > 1 && fonts.regular.widthOfTextAtSize(`${shown}…`, size) > contentWidth)
          shown = shown.slice(0, -1);
        shown = `${shown.trimEnd()}…`;
      }
      draw(shown, margin.left, pageHeight - 34, { size });
      page.drawLine({
        start: { x: margin.left, y: pageHeight - 39 },
        end: { x: contentRight, y: pageHeight - 39 },
        thickness: 0.4,
        color: palette.rule,
      });
    }
    page.drawLine({
      start: { x: margin.left, y: 40 },
      end: { x: contentRight, y: 40 },
      thickness: 0.4,
      color: palette.rule,
    });
    draw(footer, margin.left, 30, { size: 7 });
    draw(t('report.page', { page: index + 1, pages: layout.pages.length }), contentRight, 30, { size: 7 }, 'right');
  });
}

import type { Locale } from '../../../domain/rubric/localized-text';
import { findRubricItem, type Rubric } from '../../../domain/rubric/model';
import { answerText, writtenAnswerWords } from '../../../domain/scoring/answer-text';
import type { ItemAnswer } from '../../../domain/scoring/answers';
import { missing } from './pdf-formats';
import { contentWidth, palette } from './pdf-style';
import { drawTable, type TableRow } from './pdf-tables';
import type { ReportContext } from './report-context';

/** The call legend, then reviewers × calls totals with the fair totals, in groups of calls that fit the page. */
export function drawTotalsMatrix({
  input,
  layout,
  t,
  format,
  reviewerName,
  callCount,
  callTitle,
}: ReportContext): void {
  const { report } = input;
  layout.heading(t('report.totalsTitle'));
  layout.paragraph(t('report.totalsIntro'), { size: 8, color: palette.muted }, { after: 1 });
  layout.paragraph(t('report.notReviewed'), { size: 8, color: palette.muted }, { after: 6 });
  if (callCount === 0) {
    layout.paragraph(missing);
    return;
  }
  const legend = Array.from({ length: callCount }, (_, index) => ({
    cells: [t('report.callCode', { number: index + 1 }), callTitle(index)],
  }));
  drawTable(
    layout,
    [
      { header: t('report.code'), width: 0.8 },
      { header: t('report.call'), width: 8 },
    ],
    legend,
    { size: 7.5 },
  );
  const nameWidth = 120;
  const minimumCallWidth = 34;
  const perGroup = Math.max(1, Math.floor((contentWidth - nameWidth) / minimumCallWidth));
  const groups = Math.ceil(callCount / perGroup);
  const groupSize = Math.ceil(callCount / groups);
  for (let first = 0; first < callCount; first += groupSize) {
    const last = Math.min(callCount, first + groupSize) - 1;
    const callWidth = Math.min(60, (contentWidth - nameWidth) / groupSize);
    if (groups > 1)
      layout.subheading(
        t('report.callsRange', {
          from: t('report.callCode', { number: first + 1 }),
          to: t('report.callCode', { number: last + 1 }),
        }),
      );
    const indices = Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
    drawTable(
      layout,
      [
        { header: t('report.reviewer'), width: nameWidth },
        ...indices.map((call) => ({
          header: t('report.callCode', { number: call + 1 }),
          width: callWidth,
          align: 'right' as const,
        })),
      ],
      [
        ...report.totals.map((row, reviewer): TableRow => ({
          cells: [reviewerName(reviewer), ...indices.map((call) => format.number(row[call] ?? null, 1))],
        })),
        {
          cells: [t('report.fairTotal'), ...indices.map((call) => format.number(report.fairTotals[call] ?? null, 1))],
          style: 'bold',
          fill: palette.headerFill,
        },
      ],
      { size: 7.5, width: nameWidth + callWidth * indices.length },
    );
  }
}

/** A consensus answer as the report shows it: "2 · Sincere but generic", or Ja / Nee / N.v.t. */
function consensusAnswerText(answer: ItemAnswer, rubric: Rubric, itemId: string, language: Locale): string {
  const item = findRubricItem(rubric, itemId);
  const levelLabel = (value: number) =>
    item?.scale.kind === 'ordinal'
      ? item.scale.levels.find((entry) => entry.value === value)?.label[language]
      : undefined;
  return answerText(answer, writtenAnswerWords(language), levelLabel);
}

/** The consensus scores with their reasons, in call order and then rubric order. */
export function drawConsensus({ input, layout, t, callTitle, itemLabel }: ReportContext): void {
  const { rubric, language } = input;
  layout.heading(t('report.consensusTitle'));
  layout.paragraph(t('report.consensusIntro'), { size: 8, color: palette.muted }, { after: 6 });
  if (input.consensus.length === 0) {
    layout.paragraph(t('report.noConsensus'), { style: 'italic', color: palette.muted });
    return;
  }
  const callOrder = new Map(input.calls.map((call, index) => [call.id, index]));
  const itemOrder = new Map(rubric.sections.flatMap((section) => section.items).map((item, index) => [item.id, index]));
  const position = (order: ReadonlyMap<string, number>, id: string): number => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const entries = [...input.consensus].sort(
    (a, b) =>
      position(callOrder, a.callId) - position(callOrder, b.callId) ||
      position(itemOrder, a.itemId) - position(itemOrder, b.itemId) ||
      a.itemId.localeCompare(b.itemId),
  );
  drawTable(
    layout,
    [
      { header: t('report.call'), width: 2.2 },
      { header: t('report.item'), width: 2.8 },
      { header: t('report.consensus'), width: 2.3, noWrap: true },
      { header: t('report.reason'), width: 4 },
    ],
    entries.map((entry): TableRow => {
      const callIndex = callOrder.get(entry.callId);
      return {
        cells: [
          callIndex !== undefined
            ? `${t('report.callCode', { number: callIndex + 1 })} ${callTitle(callIndex)}`
            : `${t('report.unknownCall')} (${entry.callId})`,
          itemLabel(entry.itemId),
          { text: consensusAnswerText(entry.answer, rubric, entry.itemId, language), style: 'bold' },
          entry.reason.trim() === '' ? missing : entry.reason,
        ],
      };
    }),
  );
}

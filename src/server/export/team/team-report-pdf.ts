import { translatorFor } from '../../../i18n/translate';
import type { TeamReportFileRequest } from '../../../services/ports';
import { drawTable } from '../pdf/pdf-tables';
import { drawPageNumbers, startTeamPdf } from './team-pdf-document';
import { pointsText, skillName } from './team-figures';

const interval = (lower: number | null, upper: number | null) =>
  lower === null || upper === null ? '—' : `${pointsText(lower)}-${pointsText(upper)}`;

/** The team report as an A4 PDF: the team per skill (weakest first), the training needs, every agent by skill. */
export async function teamReportPdf(request: TeamReportFileRequest): Promise<Uint8Array> {
  const { report, language } = request;
  const title = translatorFor(language)('teamTools.documentTitle');
  const { doc, layout, t } = await startTeamPdf(request, title);
  const skill = (skillId: string) => skillName(report, skillId, language);
  const figureColumns = [
    { header: t('teamTools.colMean'), width: 1, align: 'right' as const },
    {
      header: `${t('teamTools.colLower')} - ${t('teamTools.colUpper').split(' ').at(-1)}`,
      width: 1.2,
      align: 'right' as const,
    },
    { header: t('teamTools.colCount'), width: 0.9, align: 'right' as const },
  ];
  layout.heading(t('teamTools.weakestTeam'));
  drawTable(
    layout,
    [{ header: t('teamTools.colSkill'), width: 3 }, ...figureColumns],
    report.team.map(({ skillId, summary }) => ({
      cells: [skill(skillId), pointsText(summary.mean), interval(summary.lower, summary.upper), String(summary.count)],
    })),
  );
  layout.heading(t('teamTools.sheetNeeds'));
  if (report.needs.length === 0) layout.paragraph(t('teamTools.noNeeds'));
  else
    drawTable(
      layout,
      [
        { header: t('teamTools.colAgent'), width: 1.6 },
        { header: t('teamTools.colSkill'), width: 2.4 },
        ...figureColumns,
        { header: t('teamTools.colTeam'), width: 1, align: 'right' },
        { header: t('teamTools.colGap'), width: 1, align: 'right' },
      ],
      report.needs.map((need) => ({
        cells: [
          need.agentName,
          skill(need.skillId),
          pointsText(need.agent.mean),
          interval(need.agent.lower, need.agent.upper),
          String(need.agent.count),
          pointsText(need.team.mean),
          pointsText(need.gap),
        ],
      })),
    );
  layout.heading(t('teamTools.sheetAgents'));
  drawTable(
    layout,
    [
      { header: t('teamTools.colAgent'), width: 1.6 },
      { header: t('teamTools.colSkill'), width: 2.4 },
      ...figureColumns,
    ],
    report.agents.flatMap((agent) =>
      agent.skills.map(({ skillId, summary }) => ({
        cells: [
          agent.agentName,
          skill(skillId),
          pointsText(summary.mean),
          interval(summary.lower, summary.upper),
          String(summary.count),
        ],
      })),
    ),
  );
  drawPageNumbers(layout, t);
  return doc.save({ useObjectStreams: false });
}

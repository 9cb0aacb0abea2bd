import ExcelJS from 'exceljs';
import { translatorFor } from '../../../i18n/translate';
import type { TeamReportFileRequest } from '../../../services/ports';
import { dayOf, points, scoresKind, skillName } from './team-figures';

type Cell = string | number | null;

function addSheet(workbook: ExcelJS.Workbook, name: string, headers: readonly string[], rows: readonly Cell[][]): void {
  const sheet = workbook.addWorksheet(name.slice(0, 31));
  sheet.addRow([...headers]).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column, index) => {
    column.width = Math.min(48, Math.max(10, headers[index]!.length + 2));
  });
}

/** The team report as XLSX: a summary sheet, then agents, team, needs, trend and evidence, one row per figure. */
export async function teamReportXlsx(request: TeamReportFileRequest): Promise<Uint8Array> {
  const { report, language } = request;
  const t = translatorFor(language);
  const skill = (skillId: string) => skillName(report, skillId, language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = t('report.product');
  workbook.title = t('teamTools.documentTitle');
  workbook.created = new Date(request.generatedAtMs);
  addSheet(
    workbook,
    t('teamTools.sheetSummary'),
    [t('teamTools.sheetSummary'), ''],
    [
      [t('teamTools.period'), `${dayOf(report.fromMs)} - ${dayOf(report.toMs)}`],
      [t('teamTools.scores'), scoresKind(report, t)],
      [
        t('teamTools.needRule'),
        t('teamTools.needRuleValue', { gap: Math.round(report.rule.gap * 100), count: report.rule.minReviews }),
      ],
      [t('teamTools.reviews'), report.reviewCount],
      [t('teamTools.generated'), new Date(request.generatedAtMs).toISOString()],
    ],
  );
  const figureHeaders = [
    t('teamTools.colMean'),
    t('teamTools.colLower'),
    t('teamTools.colUpper'),
    t('teamTools.colCount'),
  ];
  addSheet(
    workbook,
    t('teamTools.sheetAgents'),
    [t('teamTools.colAgent'), t('teamTools.colSkill'), ...figureHeaders],
    report.agents.flatMap((agent) =>
      agent.skills.map(({ skillId, summary }) => [
        agent.agentName,
        skill(skillId),
        points(summary.mean),
        points(summary.lower),
        points(summary.upper),
        summary.count,
      ]),
    ),
  );
  addSheet(
    workbook,
    t('teamTools.sheetTeam'),
    [t('teamTools.colSkill'), ...figureHeaders],
    report.team.map(({ skillId, summary }) => [
      skill(skillId),
      points(summary.mean),
      points(summary.lower),
      points(summary.upper),
      summary.count,
    ]),
  );
  addSheet(
    workbook,
    t('teamTools.sheetNeeds'),
    [t('teamTools.colAgent'), t('teamTools.colSkill'), ...figureHeaders, t('teamTools.colTeam'), t('teamTools.colGap')],
    report.needs.map((need) => [
      need.agentName,
      skill(need.skillId),
      points(need.agent.mean),
      points(need.agent.lower),
      points(need.agent.upper),
      need.agent.count,
      points(need.team.mean),
      points(need.gap),
    ]),
  );
  addSheet(
    workbook,
    t('teamTools.sheetTrend'),
    [
      t('teamTools.colAgent'),
      t('teamTools.colSkill'),
      t('teamTools.colPeriod'),
      t('teamTools.colMean'),
      t('teamTools.colCount'),
    ],
    report.agents.flatMap((agent) =>
      agent.skills.flatMap(({ skillId, trend }) =>
        trend.map((point) => [
          agent.agentName,
          skill(skillId),
          point.period,
          points(point.summary.mean),
          point.summary.count,
        ]),
      ),
    ),
  );
  addSheet(
    workbook,
    t('teamTools.sheetEvidence'),
    [
      t('teamTools.colAgent'),
      t('teamTools.colSkill'),
      t('teamTools.colCall'),
      t('teamTools.colScore'),
      t('teamTools.colReviewId'),
    ],
    report.needs.flatMap((need) =>
      need.evidence.map((entry) => [
        need.agentName,
        skill(need.skillId),
        entry.callTitle,
        points(entry.score),
        entry.reviewId,
      ]),
    ),
  );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

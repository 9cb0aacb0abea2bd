import ExcelJS from 'exceljs';
import type { TeamReport } from '../../../contract/team';
import type { ScoreSummary } from '../../../domain/team/score-interval';
import { translatorFor, type Translate } from '../../../i18n/translate';
import type { TeamReportFileRequest } from '../../../services/ports';
import { dayOf, points, scoresKind, skillName } from './team-figures';

type Cell = string | number | null;

/** One worksheet: its tab name, the header row and the rows under it. */
interface Sheet {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly Cell[][];
}

function addSheet(workbook: ExcelJS.Workbook, { name, headers, rows }: Sheet): void {
  const sheet = workbook.addWorksheet(name.slice(0, 31));
  sheet.addRow([...headers]).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column, index) => {
    column.width = Math.min(48, Math.max(10, headers[index]!.length + 2));
  });
}

/** The mean, interval and count of a figure, in the order of `figureHeaders`. */
function figureCells(summary: ScoreSummary): Cell[] {
  return [points(summary.mean), points(summary.lower), points(summary.upper), summary.count];
}

function figureHeaders(t: Translate): string[] {
  return [t('teamTools.colMean'), t('teamTools.colLower'), t('teamTools.colUpper'), t('teamTools.colCount')];
}

function summarySheet(request: TeamReportFileRequest, t: Translate): Sheet {
  const { report } = request;
  return {
    name: t('teamTools.sheetSummary'),
    headers: [t('teamTools.sheetSummary'), ''],
    rows: [
      [t('teamTools.period'), `${dayOf(report.fromMs)} - ${dayOf(report.toMs)}`],
      [t('teamTools.scores'), scoresKind(report, t)],
      [
        t('teamTools.needRule'),
        t('teamTools.needRuleValue', { gap: Math.round(report.rule.gap * 100), count: report.rule.minReviews }),
      ],
      [t('teamTools.reviews'), report.reviewCount],
      [t('teamTools.generated'), new Date(request.generatedAtMs).toISOString()],
    ],
  };
}

/** The sheets of figures: each agent's skills, the team's, and the training needs. */
function figureSheets(report: TeamReport, skill: (skillId: string) => string, t: Translate): Sheet[] {
  const agentSkill = [t('teamTools.colAgent'), t('teamTools.colSkill')];
  return [
    {
      name: t('teamTools.sheetAgents'),
      headers: [...agentSkill, ...figureHeaders(t)],
      rows: report.agents.flatMap((agent) =>
        agent.skills.map(({ skillId, summary }) => [agent.agentName, skill(skillId), ...figureCells(summary)]),
      ),
    },
    {
      name: t('teamTools.sheetTeam'),
      headers: [t('teamTools.colSkill'), ...figureHeaders(t)],
      rows: report.team.map(({ skillId, summary }) => [skill(skillId), ...figureCells(summary)]),
    },
    {
      name: t('teamTools.sheetNeeds'),
      headers: [...agentSkill, ...figureHeaders(t), t('teamTools.colTeam'), t('teamTools.colGap')],
      rows: report.needs.map((need) => [
        need.agentName,
        skill(need.skillId),
        ...figureCells(need.agent),
        points(need.team.mean),
        points(need.gap),
      ]),
    },
  ];
}

/** Each agent's trend per skill and period, and the reviews behind each training need. */
function detailSheets(report: TeamReport, skill: (skillId: string) => string, t: Translate): Sheet[] {
  const agentSkill = [t('teamTools.colAgent'), t('teamTools.colSkill')];
  return [
    {
      name: t('teamTools.sheetTrend'),
      headers: [...agentSkill, t('teamTools.colPeriod'), t('teamTools.colMean'), t('teamTools.colCount')],
      rows: report.agents.flatMap((agent) =>
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
    },
    {
      name: t('teamTools.sheetEvidence'),
      headers: [...agentSkill, t('teamTools.colCall'), t('teamTools.colScore'), t('teamTools.colReviewId')],
      rows: report.needs.flatMap((need) =>
        need.evidence.map((entry) => [
          need.agentName,
          skill(need.skillId),
          entry.callTitle,
          points(entry.score),
          entry.reviewId,
        ]),
      ),
    },
  ];
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
  for (const sheet of [summarySheet(request, t), ...figureSheets(report, skill, t), ...detailSheets(report, skill, t)])
    addSheet(workbook, sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

import { agentStrengths } from '../../../domain/team/coaching';
import { translatorFor } from '../../../i18n/translate';
import type { TeamReportFileRequest } from '../../../services/ports';
import { palette } from '../pdf/pdf-style';
import { clock, pointsText, skillName } from './team-figures';
import { drawPageNumbers, startTeamPdf } from './team-pdf-document';
import { drawTrendChart } from './trend-chart';

/**
 * One agent's coaching sheet (A4 PDF) in the report's language: strengths, needs with their figures, up to three
 * example moments with what was said around them, and the trend of every skill.
 */
export async function coachingSheetPdf(request: TeamReportFileRequest): Promise<Uint8Array> {
  const { report, language } = request;
  const agentName = request.agentName ?? '';
  const title = `${translatorFor(language)('teamTools.coachingTitle')}: ${agentName}`;
  const { doc, layout, t } = await startTeamPdf(request, title);
  const skill = (skillId: string) => skillName(report, skillId, language);
  const agent = report.agents.find((entry) => entry.agentName === agentName);

  layout.heading(t('teamTools.strengths'), 30);
  const strengths = agentStrengths(agent?.skills ?? [], report.team, report.rule.minReviews);
  if (strengths.length === 0) layout.paragraph(t('teamTools.noStrengths'), { color: palette.muted });
  for (const strength of strengths)
    layout.paragraph(
      `• ${t('teamTools.strengthLine', {
        skill: skill(strength.skillId),
        mean: pointsText(strength.agent.mean),
        team: pointsText(strength.team.mean),
        count: strength.agent.count,
      })}`,
    );

  layout.heading(t('teamTools.needs'), 30);
  const needs = report.needs.filter((need) => need.agentName === agentName);
  if (needs.length === 0) layout.paragraph(t('teamTools.noNeeds'), { color: palette.muted });
  for (const need of needs)
    layout.paragraph(
      `• ${t('teamTools.needLine', {
        skill: skill(need.skillId),
        mean: pointsText(need.agent.mean),
        lower: pointsText(need.agent.lower),
        upper: pointsText(need.agent.upper),
        team: pointsText(need.team.mean),
        gap: pointsText(need.gap),
        count: need.agent.count,
      })}`,
    );

  layout.heading(t('teamTools.examples'), 60);
  if (request.examples.length === 0) layout.paragraph(t('teamTools.noExamples'), { color: palette.muted });
  for (const example of request.examples) {
    layout.subheading(
      t('teamTools.exampleHeading', {
        call: example.callTitle,
        time: clock(example.startMs),
        skill: skill(example.skillId),
        score: pointsText(example.score),
      }),
      24,
    );
    if (example.note.trim() !== '') layout.paragraph(example.note, { style: 'italic' });
    if (example.excerpt !== '') layout.paragraph(example.excerpt, { size: 8.5, color: palette.muted });
  }

  layout.heading(t('teamTools.trendChart'), 180);
  drawTrendChart(
    layout,
    (agent?.skills ?? []).map((entry) => ({
      label: skill(entry.skillId),
      points: entry.trend.flatMap((point) =>
        point.summary.mean === null ? [] : [{ period: point.period, mean: point.summary.mean }],
      ),
    })),
    t,
  );
  drawPageNumbers(layout, t);
  return doc.save({ useObjectStreams: false });
}

import { fail, ok } from '../contract/errors';
import type { TeamReport } from '../contract/team';
import { transcriptExcerpt } from '../domain/team/coaching';
import { listMoments } from '../storage/moments-repository';
import { getTranscript } from '../storage/transcripts-repository';
import type { ServiceContext } from './context';
import { writeExportDurably } from './exports-folder';
import type { Handlers } from './handlers';
import type { TeamReportFileRequest } from './ports';
import { buildTeamReport } from './team-report';

/** Example moments on a coaching sheet. */
const examplesPerSheet = 3;

/**
 * Up to three moments behind an agent's needs, lowest score first, one per review while there are enough reviews:
 * moments linked to an item of the weak skill first, else any moment the reviewer marked in that call.
 */
function coachingExamples(
  context: ServiceContext,
  report: TeamReport,
  agentName: string,
): TeamReportFileRequest['examples'] {
  const examples: TeamReportFileRequest['examples'][number][] = [];
  const skillPrefix = (skillId: string) => `${skillId}.`;
  for (const need of report.needs.filter((entry) => entry.agentName === agentName)) {
    for (const evidence of need.evidence) {
      if (examples.length >= examplesPerSheet) return examples;
      const moments = listMoments(context.db, evidence.reviewId);
      const moment =
        moments.find((entry) => entry.itemIds.some((itemId) => itemId.startsWith(skillPrefix(need.skillId)))) ??
        moments[0];
      if (!moment) continue;
      const segments = getTranscript(context.db, evidence.callId)?.segments ?? [];
      examples.push({
        skillId: need.skillId,
        callTitle: evidence.callTitle,
        startMs: moment.startMs,
        endMs: moment.endMs,
        score: evidence.score,
        note: moment.note,
        excerpt: transcriptExcerpt(segments, moment.startMs, moment.endMs),
      });
    }
  }
  return examples;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const teamExportHandlers = {
  'exports.teamReport': async (input, context) => {
    const report = buildTeamReport(context, input);
    const bytes = await context.ports.teamReportFile({
      kind: input.format,
      report,
      examples: [],
      language: input.language,
      generatedAtMs: context.now(),
    });
    const name = input.language === 'nl' ? 'teamrapport' : 'team report';
    const fileName = `Klankbord ${name} ${day(input.fromMs)} - ${day(input.toMs)}.${input.format}`;
    return ok({
      exportId: await writeExportDurably(context.ports.files, context.paths.exportsDir, fileName, bytes),
      fileName,
    });
  },
  'exports.coachingSheet': async (input, context) => {
    const report = buildTeamReport(context, input);
    if (!report.agents.some((agent) => agent.agentName === input.agentName))
      return fail('not_found', `No reviews of agent ${input.agentName} in the period`);
    const bytes = await context.ports.teamReportFile({
      kind: 'coaching',
      report,
      agentName: input.agentName,
      examples: coachingExamples(context, report, input.agentName),
      language: input.language,
      generatedAtMs: context.now(),
    });
    const fileName = `${input.agentName} - ${input.language === 'nl' ? 'coachingsblad' : 'coaching sheet'}.pdf`;
    return ok({
      exportId: await writeExportDurably(context.ports.files, context.paths.exportsDir, fileName, bytes),
      fileName,
    });
  },
} satisfies Partial<Handlers>;

import type { ScoreSummary } from './score-interval';

export interface SkillFigure {
  readonly skillId: string;
  readonly summary: ScoreSummary;
}

export interface Strength {
  readonly skillId: string;
  readonly agent: ScoreSummary;
  readonly team: ScoreSummary;
  /** Agent mean minus team mean (> 0). */
  readonly lead: number;
}

/**
 * An agent's strengths for the coaching sheet: skills with at least `minReviews` reviews where the agent's mean is
 * above the team's, the largest lead first, at most `limit`.
 */
export function agentStrengths(
  agentSkills: readonly SkillFigure[],
  teamSkills: readonly SkillFigure[],
  minReviews: number,
  limit = 3,
): Strength[] {
  const team = new Map(teamSkills.map((skill) => [skill.skillId, skill.summary]));
  const strengths: Strength[] = [];
  for (const { skillId, summary } of agentSkills) {
    const teamSummary = team.get(skillId);
    if (!teamSummary || summary.mean === null || teamSummary.mean === null || summary.count < minReviews) continue;
    const lead = summary.mean - teamSummary.mean;
    if (lead > 0) strengths.push({ skillId, agent: summary, team: teamSummary, lead });
  }
  return strengths.sort((a, b) => b.lead - a.lead).slice(0, limit);
}

export interface ExcerptSegment {
  readonly speaker: string | null;
  readonly startMs: number;
  readonly endMs: number;
  readonly text: string;
}

/**
 * What was said around a moment: the transcript turns overlapping the moment widened by `marginMs` on each side,
 * as "speaker: text" lines, cut to `maxChars` with an ellipsis.
 */
export function transcriptExcerpt(
  segments: readonly ExcerptSegment[],
  startMs: number,
  endMs: number,
  marginMs = 2000,
  maxChars = 500,
): string {
  const from = startMs - marginMs;
  const to = endMs + marginMs;
  const text = segments
    .filter((segment) => segment.endMs > from && segment.startMs < to && segment.text.trim() !== '')
    .map((segment) => (segment.speaker ? `${segment.speaker}: ${segment.text.trim()}` : segment.text.trim()))
    .join('\n');
  return text.length > maxChars ? `${text.slice(0, maxChars - 1).trimEnd()}…` : text;
}

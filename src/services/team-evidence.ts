import type Database from 'better-sqlite3';
import type { TeamReport } from '../contract/team';
import type { ReviewerSkillEffect } from '../domain/team/reviewer-effects';
import type { SummedNeed } from '../domain/team/training-needs-of-sums';
import { acceptedRanges } from '../storage/redactions-repository';
import { listEvidenceClips, type StoredClip } from '../storage/team-exchange-repository';
import {
  callsOfReviews,
  momentsOfReviews,
  skillScoresOfAgent,
  type CallOfReview,
  type EvidenceMoment,
  type ScorePeriod,
} from '../storage/team-report-repository';
import type { TeamSums } from './team-sums';

/** Reviews listed per need: enough to listen to, few enough to keep the report small. */
const evidencePerNeed = 20;

type Evidence = TeamReport['needs'][number]['evidence'][number];

/** The agent's lowest scores on the skill (after the reviewer's effect is removed, when the report is adjusted). */
function lowestScores(
  db: Database.Database,
  period: ScorePeriod,
  need: SummedNeed,
  sums: TeamSums,
  effects: readonly ReviewerSkillEffect[] | null,
) {
  const spellings = [...(sums.spellings.get(need.agentId) ?? [])];
  return skillScoresOfAgent(db, { ...period, spellings, sectionId: need.skillId, limit: evidencePerNeed, effects });
}

/**
 * Each need with the reviews behind it, lowest score first: the call to open, and the moments the reviewer marked for
 * the skill's items (every moment of the review when none was marked for them), with the call's redacted ranges so
 * a moment played in place stays silent where the call is redacted.
 */
export function needsWithEvidence(
  db: Database.Database,
  period: ScorePeriod,
  sums: TeamSums,
  needs: readonly SummedNeed[],
  effects: readonly ReviewerSkillEffect[] | null,
): TeamReport['needs'] {
  const lowest = needs.map((need) => lowestScores(db, period, need, sums, effects));
  const reviewIds = [...new Set(lowest.flat().map((entry) => entry.reviewId))];
  const callOfReview = new Map<string, CallOfReview>(
    callsOfReviews(db, reviewIds).map((call) => [call.reviewId, call]),
  );
  const momentsByReview = new Map<string, EvidenceMoment[]>();
  for (const moment of momentsOfReviews(db, reviewIds))
    momentsByReview.set(moment.reviewId, [...(momentsByReview.get(moment.reviewId) ?? []), moment]);
  const redactions = new Map<string, { startMs: number; endMs: number }[]>();
  const redactedRangesOf = (callId: string) => {
    let ranges = redactions.get(callId);
    if (!ranges) redactions.set(callId, (ranges = acceptedRanges(db, callId)));
    return ranges;
  };
  const clips = new Map<string, StoredClip[]>();
  const clipsOf = (callId: string) => {
    let stored = clips.get(callId);
    if (!stored) clips.set(callId, (stored = listEvidenceClips(db, callId)));
    return stored;
  };
  // A call without its recording plays a moment from the clip that holds it, when one came in a team package.
  const clipOf = (callId: string, moment: { startMs: number; endMs: number }) => {
    const clip = clipsOf(callId).find((entry) => entry.fromMs <= moment.startMs && entry.toMs >= moment.endMs);
    return clip ? { clip: { audioId: clip.audioId, fromMs: clip.fromMs } } : {};
  };
  return needs.map(({ agentId, ...need }, index) => {
    const items = sums.itemsOfSkill.get(need.skillId) ?? new Set<string>();
    const evidence = lowest[index]!.map((scored): Evidence => {
      const entry = { ...scored, ...callOfReview.get(scored.reviewId)! };
      const ofReview = momentsByReview.get(entry.reviewId) ?? [];
      const marked = ofReview.filter((moment) => moment.itemIds.some((itemId) => items.has(itemId)));
      return {
        reviewId: entry.reviewId,
        callId: entry.callId,
        callTitle: entry.callTitle,
        score: entry.score,
        audioId: entry.audioId,
        moments: (marked.length > 0 ? marked : ofReview).map(({ momentId, startMs, endMs, type }) => ({
          momentId,
          startMs,
          endMs,
          type,
          ...(entry.audioId ? {} : clipOf(entry.callId, { startMs, endMs })),
        })),
        redactedRanges: entry.audioId || clipsOf(entry.callId).length > 0 ? redactedRangesOf(entry.callId) : [],
      };
    });
    return { ...need, agentName: agentId, evidence };
  });
}

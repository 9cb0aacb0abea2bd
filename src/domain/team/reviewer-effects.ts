/** One section score of a submitted calibration review: a reviewer scoring a call that others in the session scored too. */
export interface CalibrationScore {
  readonly reviewerId: string;
  /** The session and call: the scores compared with each other. */
  readonly groupId: string;
  readonly skillId: string;
  /** In [0, 1]. */
  readonly score: number;
}

/** Each reviewer's effect per skill: + scores higher than the other reviewers of the same calls (lenient). */
export type ReviewerEffects = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * Reviewer effects per skill from calibration sessions. For every call and skill scored by two or more reviewers,
 * each reviewer's deviation is their score minus the mean of the other reviewers' scores on it; a reviewer's effect
 * on a skill is the mean of those deviations. Comparing with the others (not a mean that includes the reviewer)
 * keeps one reviewer from pulling the bar towards themselves.
 */
export function reviewerEffects(scores: readonly CalibrationScore[]): ReviewerEffects {
  const groups = new Map<string, CalibrationScore[]>();
  for (const score of scores) {
    const key = `${score.groupId}\u0000${score.skillId}`;
    const group = groups.get(key);
    if (group) group.push(score);
    else groups.set(key, [score]);
  }
  const sums = new Map<string, Map<string, { sum: number; count: number }>>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const total = group.reduce((sum, entry) => sum + entry.score, 0);
    for (const entry of group) {
      const othersMean = (total - entry.score) / (group.length - 1);
      const bySkill = sums.get(entry.reviewerId) ?? new Map<string, { sum: number; count: number }>();
      const cell = bySkill.get(entry.skillId) ?? { sum: 0, count: 0 };
      cell.sum += entry.score - othersMean;
      cell.count += 1;
      bySkill.set(entry.skillId, cell);
      sums.set(entry.reviewerId, bySkill);
    }
  }
  return new Map(
    [...sums].map(([reviewerId, bySkill]) => [
      reviewerId,
      new Map([...bySkill].map(([skillId, cell]) => [skillId, cell.sum / cell.count])),
    ]),
  );
}

/** A routine score with the reviewer's effect on that skill removed, kept in [0, 1]; unchanged without an effect. */
export function severityAdjusted(score: number, effects: ReviewerEffects, reviewerId: string, skillId: string): number {
  const effect = effects.get(reviewerId)?.get(skillId);
  if (effect === undefined) return score;
  return Math.min(1, Math.max(0, score - effect));
}

/** A reviewer's effect on one skill: the map's entries one by one, as a query takes them. */
export interface ReviewerSkillEffect {
  readonly reviewerId: string;
  readonly skillId: string;
  readonly effect: number;
}

export function effectsPerReviewerAndSkill(effects: ReviewerEffects): ReviewerSkillEffect[] {
  return [...effects].flatMap(([reviewerId, bySkill]) =>
    [...bySkill].map(([skillId, effect]) => ({ reviewerId, skillId, effect })),
  );
}

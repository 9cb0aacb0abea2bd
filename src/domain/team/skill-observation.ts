/** One section (skill) score of one submitted review of an agent's call: what the team report is built from. */
export interface SkillObservation {
  readonly reviewId: string;
  readonly agentId: string;
  /** A rubric section id (the skill: recognising emotion, empathy, active listening, ...). */
  readonly skillId: string;
  /** The section score in [0, 1]. */
  readonly score: number;
  /** The calendar day the review was submitted, YYYY-MM-DD, in the user's time zone. */
  readonly day: string;
}

/** Groups observations by a key, keeping their order. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

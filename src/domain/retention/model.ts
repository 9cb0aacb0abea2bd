/**
 * Retention rules (docs/domain.md, "Retention"): when a call's recording, transcript and peaks are removed. Scores,
 * rubric answers and moments (their times and notes) are never removed by a rule, so reports stay true.
 */

/** What starts a rule's clock: nothing (off), the import of the call, or the last submitted review of the call. */
export const retentionBases = ['off', 'after_import', 'after_last_submitted_review'] as const;
export type RetentionBasis = (typeof retentionBases)[number];

/** One rule: media goes `days` × 24 hours after its basis. 0 days is allowed (removed at the next run). */
export interface RetentionRule {
  readonly basis: RetentionBasis;
  readonly days: number;
}

/** Routine calls follow `routine`; a call that belongs to any calibration session follows `calibration`. */
export interface RetentionRules {
  readonly routine: RetentionRule;
  readonly calibration: RetentionRule;
}

export const retentionRuleKinds = ['routine', 'calibration'] as const;
export type RetentionRuleKind = (typeof retentionRuleKinds)[number];

/** At most ten years: a longer number is almost certainly a typing error. */
export const maxRetentionDays = 3650;

export const dayMs = 24 * 60 * 60 * 1000;

/** Retention is off until someone sets a rule: removing recordings is never a surprise. */
export const defaultRetentionRules: RetentionRules = {
  routine: { basis: 'off', days: 90 },
  calibration: { basis: 'off', days: 180 },
};

const offRules: RetentionRules = {
  routine: { basis: 'off', days: defaultRetentionRules.routine.days },
  calibration: { basis: 'off', days: defaultRetentionRules.calibration.days },
};

function validRule(value: unknown, fallback: RetentionRule): RetentionRule {
  if (typeof value !== 'object' || value === null) return fallback;
  const { basis, days } = value as { basis?: unknown; days?: unknown };
  const knownBasis = retentionBases.find((candidate) => candidate === basis);
  const validDays = typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= maxRetentionDays;
  return knownBasis && validDays ? { basis: knownBasis, days } : fallback;
}

/**
 * Reads stored rules; a rule that does not parse (damaged, or written by a newer version) is "off", so an unknown
 * value can never remove anything.
 */
export function parseRetentionRules(stored: string | undefined): RetentionRules {
  if (stored === undefined) return defaultRetentionRules;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return offRules;
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    routine: validRule(record.routine, offRules.routine),
    calibration: validRule(record.calibration, offRules.calibration),
  };
}

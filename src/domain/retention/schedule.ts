import { dayMs, type RetentionRule, type RetentionRuleKind, type RetentionRules } from './model';

/** What the rules need to know about one call whose media is still stored. */
export interface RetentionCallFacts {
  readonly callId: string;
  /** When the call was imported (calls.created_at_ms). */
  readonly importedAtMs: number;
  /** The latest submission among the call's submitted reviews (routine or session), or null when none is submitted. */
  readonly lastSubmittedAtMs: number | null;
  /** Whether any review of the call is an open draft (not submitted). */
  readonly hasOpenDraft: boolean;
  /** Whether the call belongs to at least one calibration session. */
  readonly inCalibrationSession: boolean;
}

/** When one call loses its media, and why. */
export interface RetentionDue {
  readonly callId: string;
  readonly rule: RetentionRuleKind;
  readonly rulePolicy: RetentionRule;
  /** The moment the rule makes the media due: basis + days × 24 h. */
  readonly dueAtMs: number;
  /** Due (dueAtMs ≤ now) and removed at the next run. */
  readonly dueNow: boolean;
  /**
   * Due, but an open draft review holds it: a reviewer is working with the evidence. Removed at the first run after
   * the draft is submitted (or deleted).
   */
  readonly heldByDraft: boolean;
}

/** Which rule governs a call: the calibration rule for a call in any calibration session, else the routine rule. */
export function ruleKindFor(call: Pick<RetentionCallFacts, 'inCalibrationSession'>): RetentionRuleKind {
  return call.inCalibrationSession ? 'calibration' : 'routine';
}

/** The time the rule's clock starts for this call, or null when it has not started (or the rule is off). */
function basisTime(rule: RetentionRule, call: RetentionCallFacts): number | null {
  switch (rule.basis) {
    case 'off':
      return null;
    case 'after_import':
      return call.importedAtMs;
    case 'after_last_submitted_review':
      return call.lastSubmittedAtMs;
  }
}

/**
 * The removal schedule: every call whose rule has started its clock, with the time its media is due, sorted by
 * that time (then by call id, so the order is stable). Calls whose rule is off, or that have no submitted review
 * under "after the last submitted review", are not listed: nothing will remove them.
 */
export function retentionSchedule(
  calls: readonly RetentionCallFacts[],
  rules: RetentionRules,
  nowMs: number,
): RetentionDue[] {
  const schedule: RetentionDue[] = [];
  for (const call of calls) {
    const rule = ruleKindFor(call);
    const policy = rules[rule];
    const start = basisTime(policy, call);
    if (start === null) continue;
    const dueAtMs = start + policy.days * dayMs;
    const reached = dueAtMs <= nowMs;
    schedule.push({
      callId: call.callId,
      rule,
      rulePolicy: policy,
      dueAtMs,
      dueNow: reached && !call.hasOpenDraft,
      heldByDraft: reached && call.hasOpenDraft,
    });
  }
  return schedule.sort((a, b) => a.dueAtMs - b.dueAtMs || (a.callId < b.callId ? -1 : a.callId > b.callId ? 1 : 0));
}

/** The calls a run removes now. */
/** Whether any rule can ever make media due; with every rule off a run has nothing to look at. */
export function anyRuleActive(rules: RetentionRules): boolean {
  return rules.routine.basis !== 'off' || rules.calibration.basis !== 'off';
}

export function dueNow(calls: readonly RetentionCallFacts[], rules: RetentionRules, nowMs: number): RetentionDue[] {
  return retentionSchedule(calls, rules, nowMs).filter((entry) => entry.dueNow);
}

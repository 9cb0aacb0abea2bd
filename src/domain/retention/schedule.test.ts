import { describe, expect, it } from 'vitest';
import { defaultRetentionRules, parseRetentionRules, type RetentionRules } from './model';
import { anyRuleActive, dueNow, retentionSchedule, type RetentionCallFacts } from './schedule';

const at = (iso: string) => Date.parse(iso);

const call = (callId: string, facts: Partial<RetentionCallFacts> = {}): RetentionCallFacts => ({
  callId,
  importedAtMs: at('2026-03-01T09:30:00Z'),
  lastSubmittedAtMs: null,
  hasOpenDraft: false,
  inCalibrationSession: false,
  ...facts,
});

const rules = (routine: RetentionRules['routine'], calibration: RetentionRules['calibration']): RetentionRules => ({
  routine,
  calibration,
});

describe('retention schedule', () => {
  it('puts a call 30 days after its import: imported 1 March 09:30 UTC, due 31 March 09:30 UTC', () => {
    const schedule = retentionSchedule(
      [call('a')],
      rules({ basis: 'after_import', days: 30 }, { basis: 'off', days: 0 }),
      at('2026-03-20T00:00:00Z'),
    );
    expect(schedule).toEqual([
      {
        callId: 'a',
        rule: 'routine',
        rulePolicy: { basis: 'after_import', days: 30 },
        dueAtMs: at('2026-03-31T09:30:00Z'),
        dueNow: false,
        heldByDraft: false,
      },
    ]);
  });

  it('is due at exactly the due time, not a millisecond before', () => {
    const policy = rules({ basis: 'after_import', days: 30 }, { basis: 'off', days: 0 });
    expect(dueNow([call('a')], policy, at('2026-03-31T09:29:59.999Z'))).toEqual([]);
    expect(dueNow([call('a')], policy, at('2026-03-31T09:30:00Z')).map((entry) => entry.callId)).toEqual(['a']);
  });

  it('counts from the last submitted review; a call without one is not scheduled', () => {
    const reviewed = call('reviewed', { lastSubmittedAtMs: at('2026-04-10T15:00:00Z') });
    const unreviewed = call('unreviewed');
    const schedule = retentionSchedule(
      [reviewed, unreviewed],
      rules({ basis: 'after_last_submitted_review', days: 7 }, { basis: 'off', days: 0 }),
      at('2026-04-17T15:00:00Z'),
    );
    expect(schedule.map((entry) => [entry.callId, new Date(entry.dueAtMs).toISOString(), entry.dueNow])).toEqual([
      ['reviewed', '2026-04-17T15:00:00.000Z', true],
    ]);
  });

  it('0 days: due at the basis itself, so the next run removes it', () => {
    const submitted = call('a', { lastSubmittedAtMs: at('2026-05-02T08:00:00Z') });
    const due = dueNow(
      [submitted],
      rules({ basis: 'after_last_submitted_review', days: 0 }, { basis: 'off', days: 0 }),
      at('2026-05-02T08:00:01Z'),
    );
    expect(due.map((entry) => entry.dueAtMs)).toEqual([at('2026-05-02T08:00:00Z')]);
  });

  it('a calibration call follows the calibration rule, whatever the routine rule says', () => {
    const calibration = call('cal', { inCalibrationSession: true, lastSubmittedAtMs: at('2026-01-15T12:00:00Z') });
    const routine = call('routine');
    const schedule = retentionSchedule(
      [calibration, routine],
      rules({ basis: 'after_import', days: 10 }, { basis: 'after_last_submitted_review', days: 60 }),
      at('2026-03-01T00:00:00Z'),
    );
    expect(schedule.map((entry) => [entry.callId, entry.rule, new Date(entry.dueAtMs).toISOString()])).toEqual([
      ['routine', 'routine', '2026-03-11T09:30:00.000Z'],
      // 15 January + 60 days = 16 March (January has 31 days, February 28 in 2026).
      ['cal', 'calibration', '2026-03-16T12:00:00.000Z'],
    ]);
  });

  it('keeps calibration calls when only the routine rule is on', () => {
    const schedule = retentionSchedule(
      [call('cal', { inCalibrationSession: true })],
      rules({ basis: 'after_import', days: 0 }, { basis: 'off', days: 0 }),
      at('2027-01-01T00:00:00Z'),
    );
    expect(schedule).toEqual([]);
  });

  it('an open draft holds a due call; it is listed as held, not removed', () => {
    const drafting = call('draft', { hasOpenDraft: true });
    const [entry] = retentionSchedule(
      [drafting],
      rules({ basis: 'after_import', days: 1 }, { basis: 'off', days: 0 }),
      at('2026-03-05T00:00:00Z'),
    );
    expect(entry).toMatchObject({ dueNow: false, heldByDraft: true, dueAtMs: at('2026-03-02T09:30:00Z') });
    expect(
      dueNow([drafting], rules({ basis: 'after_import', days: 1 }, { basis: 'off', days: 0 }), at('2026-03-05Z')),
    ).toEqual([]);
  });

  it('sorts by due time, then call id', () => {
    const schedule = retentionSchedule(
      [
        call('b', { importedAtMs: at('2026-02-01T00:00:00Z') }),
        call('a', { importedAtMs: at('2026-02-01T00:00:00Z') }),
        call('c', { importedAtMs: at('2026-01-01T00:00:00Z') }),
      ],
      rules({ basis: 'after_import', days: 1 }, { basis: 'off', days: 0 }),
      at('2026-01-01T00:00:00Z'),
    );
    expect(schedule.map((entry) => entry.callId)).toEqual(['c', 'a', 'b']);
  });
});

describe('stored retention rules', () => {
  it('reads what was stored', () => {
    const stored = JSON.stringify({
      routine: { basis: 'after_import', days: 0 },
      calibration: { basis: 'after_last_submitted_review', days: 365 },
    });
    expect(parseRetentionRules(stored)).toEqual({
      routine: { basis: 'after_import', days: 0 },
      calibration: { basis: 'after_last_submitted_review', days: 365 },
    });
  });

  it('is off when nothing is stored', () => {
    const parsed = parseRetentionRules(undefined);
    expect([parsed.routine.basis, parsed.calibration.basis]).toEqual(['off', 'off']);
  });

  it('turns a damaged or unknown rule off, so it can never remove anything', () => {
    expect(parseRetentionRules('{not json').routine.basis).toBe('off');
    const parsed = parseRetentionRules(
      JSON.stringify({
        routine: { basis: 'after_listening', days: 1 },
        calibration: { basis: 'after_import', days: -3 },
      }),
    );
    expect([parsed.routine.basis, parsed.calibration.basis]).toEqual(['off', 'off']);
    expect(parseRetentionRules(JSON.stringify({ routine: { basis: 'after_import', days: 1.5 } })).routine.basis).toBe(
      'off',
    );
  });
});

describe('anyRuleActive', () => {
  it('is false only when every rule is off, whatever their days', () => {
    expect(anyRuleActive(defaultRetentionRules)).toBe(false);
    expect(anyRuleActive({ ...defaultRetentionRules, routine: { basis: 'off', days: 0 } })).toBe(false);
    expect(anyRuleActive({ ...defaultRetentionRules, routine: { basis: 'after_import', days: 90 } })).toBe(true);
    expect(
      anyRuleActive({ ...defaultRetentionRules, calibration: { basis: 'after_last_submitted_review', days: 0 } }),
    ).toBe(true);
  });
});

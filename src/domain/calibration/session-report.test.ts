import { describe, expect, it } from 'vitest';
import { defaultRubric } from '../rubric/default-rubric';
import { rubricItems } from '../rubric/model';
import type { ItemAnswer, ReviewAnswers } from '../scoring/answers';
import type { CallSignals } from '../signals/model';
import { sessionReport, type SessionReviewInput } from './session-report';

const maximum: ReviewAnswers = Object.fromEntries(
  rubricItems(defaultRubric).map(
    ({ item }) =>
      [
        item.id,
        item.scale.kind === 'ordinal' ? { kind: 'level', value: item.scale.levels.length - 1 } : { kind: 'yes' },
      ] as const,
  ),
);
const review = (changes: Record<string, ItemAnswer> = {}): SessionReviewInput => ({
  answers: { ...maximum, ...changes },
  context: { customerState: 'negative', emotion: 'frustration' },
});

describe('sessionReport', () => {
  it('measures each reviewer against the benchmark on the total, hand-computed', () => {
    // Reviewer 2 scores 2.1 at 0 instead of 3 on call A: section 2 = (0 + 1 + 1) / 3 = 2/3, total = (25 + 25·2/3 + 25 + 15 + 10) = 91.667.
    const report = sessionReport({
      rubric: defaultRubric,
      reviews: [
        [review(), review()],
        [review(), review()],
        [review({ '2.1': { kind: 'level', value: 0 } }), review()],
      ],
      benchmarkIndex: 0,
      toleranceTotal: 5,
      toleranceItem: 1,
    });
    expect(report.reference).toBe('benchmark');
    expect(report.totals[2]![0]).toBeCloseTo(91.667, 3);
    expect(report.reviewers[0]).toMatchObject({ bias: null, calls: 0 });
    expect(report.reviewers[1]).toMatchObject({
      bias: 0,
      meanAbsoluteDeviation: 0,
      percentWithinTolerance: 100,
      calls: 2,
    });
    // Reviewer 2: deviations −8.333 and 0 → bias −4.167, MAD 4.167, one of two calls within ±5.
    expect(report.reviewers[2]!.bias).toBeCloseTo(-4.1667, 3);
    expect(report.reviewers[2]!.meanAbsoluteDeviation).toBeCloseTo(4.1667, 3);
    expect(report.reviewers[2]!.percentWithinTolerance).toBe(50);
    // The item where reviewers differ: 3 away from the benchmark is outside ±1 scale point.
    const item21 = report.items.find((item) => item.itemId === '2.1')!;
    expect(item21.level).toBe('ordinal');
    expect(item21.percentWithinTolerance).toBe(75);
    // Severity: reviewer 2 is the strict one.
    expect(report.reviewers[2]!.severity!).toBeLessThan(0);
    expect(
      report.reviewers[0]!.severity! + report.reviewers[1]!.severity! + report.reviewers[2]!.severity!,
    ).toBeCloseTo(0, 9);
    // ICC(A,1) on the totals (raters are rows): 3 raters × 2 calls, scores 100/100, 100/100, 91.667/100.
    // Two-way ANOVA by hand: grand mean 98.611; MSR (calls) = 3·2·1.389²/1 = 11.574; MSC (raters) = 2·(2·1.389²+2.778²)/2
    // = 11.574; MSE = 11.574 (residual SS 23.148 over 2 df → 11.574). ICC(A,1) = (MSR − MSE)/(MSR + 2·MSE + 3·(MSC − MSE)/2) = 0.
    expect(report.total.iccAgreement).toBeCloseTo(0, 9);
  });

  it('flags an item reviewers read differently, treats N.v.t. as missing and reports applicability apart', () => {
    const reviews = [0, 1, 2, 3].map((reviewer) =>
      [0, 1, 2, 3].map((call) =>
        review({
          // 3.2: the two pairs of reviewers disagree systematically.
          '3.2': { kind: 'level', value: (reviewer + call) % 2 === 0 ? 0 : 3 },
          // 4.3: reviewer 3 says N.v.t. on every call.
          '4.3': reviewer === 3 ? { kind: 'not-applicable' } : { kind: 'level', value: 3 },
          '5.1': { kind: 'level', value: call % 4 },
        }),
      ),
    );
    const report = sessionReport({
      rubric: defaultRubric,
      reviews,
      benchmarkIndex: null,
      toleranceTotal: 5,
      toleranceItem: 1,
    });
    const byId = new Map(report.items.map((item) => [item.itemId, item]));
    expect(byId.get('3.2')!.ambiguous).toBe(true);
    expect(byId.get('3.2')!.band).toBe('unreliable');
    // 5.1 varies by call only: everyone agrees on every call.
    expect(byId.get('5.1')!.alpha).toBe(1);
    expect(byId.get('5.1')!.ambiguous).toBe(false);
    expect(byId.get('4.3')!.applicabilityAlpha).not.toBeNull();
    expect(report.reference).toBe('group-mean');
  });

  it('leaves unsubmitted reviews out as missing cells', () => {
    const report = sessionReport({
      rubric: defaultRubric,
      reviews: [
        [review(), null],
        [review(), review()],
      ],
      benchmarkIndex: 0,
      toleranceTotal: 5,
      toleranceItem: 1,
    });
    expect(report.totals[0]).toEqual([100, null]);
    expect(report.reviewers[1]!.calls).toBe(1);
    expect(report.total.iccAgreement).toBeNull();
  });

  it('computes nothing comparative with only one submitted reviewer, instead of zeros', () => {
    const report = sessionReport({
      rubric: defaultRubric,
      reviews: [
        [review({ '3.2': { kind: 'level', value: 0 } }), review()],
        [null, null],
        [null, null],
      ],
      benchmarkIndex: null,
      toleranceTotal: 5,
      toleranceItem: 1,
    });
    expect(report.enoughReviews).toBe(false);
    expect(report.ambiguousItems).toBeNull();
    expect(report.total.alpha).toBeNull();
    expect(report.reviewers.map((reviewer) => [reviewer.calls, reviewer.severity, reviewer.bias])).toEqual([
      [null, null, null],
      [null, null, null],
      [null, null, null],
    ]);
    expect(report.fairTotals).toEqual([null, null]);
    // What one reviewer gave is still shown as it is.
    expect(report.totals[0]![1]).toBe(100);
  });

  it('counts ambiguous items once two reviewers have submitted', () => {
    const report = sessionReport({
      rubric: defaultRubric,
      reviews: [
        [review(), review()],
        [review(), review()],
      ],
      benchmarkIndex: null,
      toleranceTotal: 5,
      toleranceItem: 1,
    });
    expect(report.enoughReviews).toBe(true);
    expect(report.ambiguousItems).toBe(0);
    expect(report.reviewers[1]!.calls).toBe(2);
    expect(report.reviewers[1]!.severity).toBe(0);
  });

  it('carries each call’s metrics from its signals, in call order, without touching the totals', () => {
    const signals: CallSignals = {
      durationMs: 60_000,
      speech: [],
      overtalk: [{ startMs: 1000, endMs: 1800, startedBy: 'agent' }],
      silences: [{ startMs: 20_000, endMs: 24_500, flagged: false, turn: 'customer' }],
      talkRatio: { agent: 0.55, customer: 0.45 },
      wordsPerMinute: { agent: 140, customer: 150 },
      responseLatencies: [{ kind: 'acknowledgement', fromMs: 0, toMs: 700, latencyMs: 700 }],
      hints: [],
    };
    const input = {
      rubric: defaultRubric,
      reviews: [
        [review(), review()],
        [review(), review()],
      ],
      benchmarkIndex: null,
      toleranceTotal: 5,
      toleranceItem: 1,
    };
    const report = sessionReport({ ...input, callSignals: [null, signals] });
    expect(report.callMetrics).toEqual([
      null,
      {
        agentTalkRatio: 0.55,
        overtalkCount: 1,
        overtalkMs: 800,
        longestSilenceMs: 4500,
        agentWordsPerMinute: 140,
        medianAcknowledgementLatencyMs: 700,
      },
    ]);
    // Facts next to the agreement, never part of it.
    expect(report.totals).toEqual(sessionReport(input).totals);
    expect(sessionReport(input).callMetrics).toEqual([null, null]);
  });
});

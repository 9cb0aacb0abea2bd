import { describe, expect, it } from 'vitest';
import type { CallSignals } from '../signals/model';
import { callMetrics, median } from './call-metrics';

const signals: CallSignals = {
  durationMs: 60_000,
  speech: [],
  overtalk: [
    { startMs: 1000, endMs: 1600, startedBy: 'agent' },
    { startMs: 5000, endMs: 5400, startedBy: 'customer' },
  ],
  silences: [
    { startMs: 10_000, endMs: 13_500, flagged: false, turn: 'agent' },
    { startMs: 20_000, endMs: 31_000, flagged: true, turn: 'customer' },
  ],
  talkRatio: { agent: 0.6, customer: 0.4 },
  wordsPerMinute: { agent: 150, customer: null },
  responseLatencies: [
    { kind: 'turn', fromMs: 0, toMs: 100, latencyMs: 100 },
    { kind: 'acknowledgement', fromMs: 0, toMs: 900, latencyMs: 900 },
    { kind: 'acknowledgement', fromMs: 0, toMs: 2100, latencyMs: 2100 },
  ],
  hints: [],
};

describe('callMetrics', () => {
  it('sums overtalk, finds the longest silence and the median acknowledgement latency', () => {
    expect(callMetrics(signals)).toEqual({
      agentTalkRatio: 0.6,
      overtalkCount: 2,
      overtalkMs: 1000,
      longestSilenceMs: 11_000,
      agentWordsPerMinute: 150,
      medianAcknowledgementLatencyMs: 1500,
    });
  });

  it('has no talk ratio or latency when nobody spoke', () => {
    const quiet = callMetrics({
      ...signals,
      overtalk: [],
      silences: [],
      talkRatio: { agent: 0, customer: 0 },
      wordsPerMinute: { agent: null, customer: null },
      responseLatencies: [],
    });
    expect(quiet).toMatchObject({ agentTalkRatio: null, overtalkCount: 0, longestSilenceMs: 0 });
    expect(quiet.medianAcknowledgementLatencyMs).toBeNull();
  });

  it('takes the middle value of an odd count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNull();
  });
});

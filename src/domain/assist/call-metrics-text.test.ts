import { describe, expect, it } from 'vitest';
import type { CallMetrics } from './call-metrics';
import { callMetricFigures, callMetricsLine } from './call-metrics-text';

const metrics: CallMetrics = {
  agentTalkRatio: 0.567,
  overtalkCount: 2,
  overtalkMs: 1450,
  longestSilenceMs: 4480,
  agentWordsPerMinute: 142.4,
  medianAcknowledgementLatencyMs: 492,
};

describe('callMetricFigures', () => {
  it('writes each figure in the language’s notation, seconds to one decimal', () => {
    expect(callMetricFigures(metrics, 'nl')).toEqual({
      talk: '57%',
      overtalk: '2× · 1,5 s',
      silence: '4,5 s',
      rate: '142 w/min',
      ack: '0,5 s',
    });
    expect(callMetricFigures(metrics, 'en')).toMatchObject({ overtalk: '2× · 1.5 s', rate: '142 wpm' });
  });

  it('has a dash where a figure could not be measured', () => {
    const quiet = { ...metrics, agentTalkRatio: null, agentWordsPerMinute: null, medianAcknowledgementLatencyMs: null };
    expect(callMetricFigures(quiet, 'en')).toMatchObject({ talk: '–', rate: '–', ack: '–' });
  });
});

describe('callMetricsLine', () => {
  it('puts the five figures on one line, as the session report lists them', () => {
    expect(callMetricsLine(metrics, 'en')).toBe(
      'Agent talk 57% · overtalk 2× · 1.5 s · longest silence 4.5 s · agent rate 142 wpm · acknowledgement 0.5 s',
    );
    expect(callMetricsLine(metrics, 'nl')).toContain('Spreektijd medewerker 57% · door elkaar 2× · 1,5 s');
  });
});

import type { CallSignals } from '../signals/model';

/**
 * The few figures of a call's signals a reviewer (and an export) reads at a glance. Facts about the call, never a
 * score: no rule of the rubric reads them.
 */
export interface CallMetrics {
  /** The agent's share of all speech, 0..1; null when nobody spoke. */
  readonly agentTalkRatio: number | null;
  readonly overtalkCount: number;
  /** Total overtalk time, milliseconds. */
  readonly overtalkMs: number;
  /** The longest stretch of nobody speaking (≥ 3 s counts as a silence), milliseconds; 0 when there was none. */
  readonly longestSilenceMs: number;
  /** Null when the agent has no timed words. */
  readonly agentWordsPerMinute: number | null;
  /** Median time from a customer emotion cue to the agent's first acknowledgement; null when there was none. */
  readonly medianAcknowledgementLatencyMs: number | null;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function callMetrics(signals: CallSignals): CallMetrics {
  const spoke = signals.talkRatio.agent + signals.talkRatio.customer > 0;
  return {
    agentTalkRatio: spoke ? signals.talkRatio.agent : null,
    overtalkCount: signals.overtalk.length,
    overtalkMs: signals.overtalk.reduce((sum, interval) => sum + (interval.endMs - interval.startMs), 0),
    longestSilenceMs: signals.silences.reduce(
      (longest, silence) => Math.max(longest, silence.endMs - silence.startMs),
      0,
    ),
    agentWordsPerMinute: signals.wordsPerMinute.agent,
    medianAcknowledgementLatencyMs: median(
      signals.responseLatencies
        .filter((latency) => latency.kind === 'acknowledgement')
        .map((latency) => latency.latencyMs),
    ),
  };
}

import { intersectSpans, mergeSpans, type TimeSpan } from './frame-mask';
import type {
  OvertalkInterval,
  PerSpeaker,
  ResponseLatency,
  SignalSpeaker,
  SilenceInterval,
  SpeechInterval,
} from './model';

/** Both speaking at least this long is overtalk. */
export const minOvertalkMs = 300;
/** Nobody speaking at least this long is a silence; from `flaggedSilenceMs` on it is dead air. */
export const minSilenceMs = 3000;
export const flaggedSilenceMs = 10_000;

const other = (speaker: SignalSpeaker): SignalSpeaker => (speaker === 'agent' ? 'customer' : 'agent');

/** Each speaker's speech as sorted, merged spans. */
export function spansBySpeaker(speech: readonly SpeechInterval[]): PerSpeaker<TimeSpan[]> {
  return {
    agent: mergeSpans(speech.filter((interval) => interval.speaker === 'agent')),
    customer: mergeSpans(speech.filter((interval) => interval.speaker === 'customer')),
  };
}

const containing = (spans: readonly TimeSpan[], timeMs: number) =>
  spans.find((span) => span.startMs <= timeMs && timeMs < span.endMs);

/** Both speakers at once for at least 300 ms; whoever began while the other was already talking started it. */
export function findOvertalk(bySpeaker: PerSpeaker<readonly TimeSpan[]>): OvertalkInterval[] {
  return intersectSpans(bySpeaker.agent, bySpeaker.customer)
    .filter((span) => span.endMs - span.startMs >= minOvertalkMs)
    .map((span) => {
      const agentStart = containing(bySpeaker.agent, span.startMs)?.startMs ?? span.startMs;
      const customerStart = containing(bySpeaker.customer, span.startMs)?.startMs ?? span.startMs;
      // A tie (both start in the same frame) is not counted against the agent.
      return { ...span, startedBy: agentStart > customerStart ? 'agent' : 'customer' };
    });
}

/** Nobody speaking for at least 3 s between speech (not before the first word or after the last). */
export function findSilences(bySpeaker: PerSpeaker<readonly TimeSpan[]>): SilenceInterval[] {
  const tagged = (['agent', 'customer'] as const).flatMap((speaker) =>
    bySpeaker[speaker].map((span) => ({ speaker, ...span })),
  );
  tagged.sort((a, b) => a.startMs - b.startMs);
  const silences: SilenceInterval[] = [];
  let coveredUntil = -1;
  let lastSpeaker: SignalSpeaker | null = null;
  for (const span of tagged) {
    if (coveredUntil >= 0 && span.startMs - coveredUntil >= minSilenceMs) {
      const durationMs = span.startMs - coveredUntil;
      silences.push({
        startMs: coveredUntil,
        endMs: span.startMs,
        flagged: durationMs >= flaggedSilenceMs,
        turn: lastSpeaker ? other(lastSpeaker) : null,
      });
    }
    if (span.endMs >= coveredUntil) {
      coveredUntil = span.endMs;
      lastSpeaker = span.speaker;
    }
  }
  return silences;
}

/** Each speaker's share of all speaking time. */
export function talkRatio(bySpeaker: PerSpeaker<readonly TimeSpan[]>): PerSpeaker<number> {
  const total = (spans: readonly TimeSpan[]) => spans.reduce((sum, span) => sum + span.endMs - span.startMs, 0);
  const agent = total(bySpeaker.agent);
  const customer = total(bySpeaker.customer);
  const all = agent + customer;
  const share = (part: number) => (all === 0 ? 0 : Math.round((part / all) * 1000) / 1000);
  return { agent: share(agent), customer: share(customer) };
}

/** After each customer turn that the agent answers (the agent speaks next, not the customer again), the time from
 *  the customer's last word to the agent's first. An agent who starts before the customer ends is overtalk. */
export function turnLatencies(bySpeaker: PerSpeaker<readonly TimeSpan[]>): ResponseLatency[] {
  const latencies: ResponseLatency[] = [];
  const { agent, customer } = bySpeaker;
  let agentIndex = 0;
  customer.forEach((turn, index) => {
    while (agentIndex < agent.length && agent[agentIndex]!.startMs < turn.endMs) agentIndex += 1;
    const reply = agent[agentIndex];
    if (!reply) return;
    const next = customer[index + 1];
    if (next && next.startMs <= reply.startMs) return;
    const overlapped = agent.some((span) => span.startMs < turn.endMs && span.endMs > turn.endMs);
    if (overlapped) return;
    latencies.push({ kind: 'turn', fromMs: turn.endMs, toMs: reply.startMs, latencyMs: reply.startMs - turn.endMs });
  });
  return latencies;
}

import { describe, expect, it } from 'vitest';
import { findOvertalk, findSilences, spansBySpeaker, talkRatio, turnLatencies } from './conversation';
import type { SpeechInterval } from './model';

const agent = (startMs: number, endMs: number): SpeechInterval => ({ speaker: 'agent', channel: 0, startMs, endMs });
const customer = (startMs: number, endMs: number): SpeechInterval => ({
  speaker: 'customer',
  channel: 1,
  startMs,
  endMs,
});

describe('conversation signals', () => {
  const speech = [
    agent(0, 4000),
    customer(3500, 8000),
    agent(7900, 9000),
    agent(12_500, 14_000),
    customer(25_000, 26_000),
  ];
  const bySpeaker = spansBySpeaker(speech);

  it('overtalk: both speaking at least 300 ms, started by whoever came in second', () => {
    expect(findOvertalk(bySpeaker)).toEqual([{ startMs: 3500, endMs: 4000, startedBy: 'customer' }]);
    const interruption = spansBySpeaker([customer(0, 5000), agent(2000, 2400), agent(3000, 3200)]);
    expect(findOvertalk(interruption)).toEqual([{ startMs: 2000, endMs: 2400, startedBy: 'agent' }]);
  });

  it('silences: nobody for at least 3 s between speech, flagged from 10 s, with whose turn it was', () => {
    expect(findSilences(bySpeaker)).toEqual([
      { startMs: 9000, endMs: 12_500, flagged: false, turn: 'customer' },
      { startMs: 14_000, endMs: 25_000, flagged: true, turn: 'customer' },
    ]);
    expect(findSilences(spansBySpeaker([agent(0, 1000), customer(3900, 5000)]))).toEqual([]);
  });

  it('talk ratio: shares of all speaking time', () => {
    expect(talkRatio(bySpeaker)).toEqual({ agent: 0.545, customer: 0.455 });
    expect(talkRatio(spansBySpeaker([]))).toEqual({ agent: 0, customer: 0 });
  });

  it('response latency: from the end of a customer turn to the agent starting, only when the agent answers', () => {
    const turns = spansBySpeaker([
      customer(0, 2000),
      agent(2600, 4000),
      customer(5000, 6000),
      customer(7000, 8000),
      agent(9200, 9500),
    ]);
    expect(turnLatencies(turns)).toEqual([
      { kind: 'turn', fromMs: 2000, toMs: 2600, latencyMs: 600 },
      { kind: 'turn', fromMs: 8000, toMs: 9200, latencyMs: 1200 },
    ]);
    expect(turnLatencies(bySpeaker)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { maskToSpans } from './frame-mask';
import { detectVoiceActivity } from './voice-activity';

/** Frame energies (dB) for a channel: noise around `noiseDb` with a little spread, speech where listed. */
function channel(frames: number, noiseDb: number, speech: readonly [number, number, number][]): Float32Array {
  const energies = new Float32Array(frames);
  for (let frame = 0; frame < frames; frame += 1) energies[frame] = noiseDb + ((frame * 7919) % 10) / 10 - 0.5;
  for (const [from, to, levelDb] of speech) for (let frame = from; frame < to; frame += 1) energies[frame] = levelDb;
  return energies;
}

/** Edges are decided on five-frame means, so a step edge may move by up to two frames (20 ms). */
function expectSpansNear(mask: Uint8Array, expected: readonly { startMs: number; endMs: number }[]) {
  const spans = maskToSpans(mask, 10);
  expect(spans).toHaveLength(expected.length);
  spans.forEach((span, index) => {
    expect(Math.abs(span.startMs - expected[index]!.startMs)).toBeLessThanOrEqual(20);
    expect(Math.abs(span.endMs - expected[index]!.endMs)).toBeLessThanOrEqual(20);
  });
}

describe('voice activity', () => {
  it('finds speech above an adaptive noise floor with edges on the frame', () => {
    const energies = channel(3000, -60, [
      [500, 800, -25],
      [1500, 1700, -30],
    ]);
    const [mask] = detectVoiceActivity([energies]);
    expectSpansNear(mask!, [
      { startMs: 5000, endMs: 8000 },
      { startMs: 15000, endMs: 17000 },
    ]);
  });

  it('sets its floor from the line: the same speech on a noisy line', () => {
    const [mask] = detectVoiceActivity([channel(3000, -35, [[500, 800, -10]])]);
    expectSpansNear(mask!, [{ startMs: 5000, endMs: 8000 }]);
  });

  it('bridges pauses up to 500 ms between words but not longer ones, and drops clicks', () => {
    const energies = channel(3000, -60, [
      [100, 200, -25],
      [240, 300, -25],
      [330, 500, -25],
      [1000, 1003, -20],
    ]);
    const [mask] = detectVoiceActivity([energies]);
    expectSpansNear(mask!, [{ startMs: 1000, endMs: 5000 }]);
    const [split] = detectVoiceActivity([
      channel(3000, -60, [
        [100, 200, -25],
        [260, 400, -25],
      ]),
    ]);
    expect(maskToSpans(split!, 10)).toHaveLength(2);
  });

  it('does not count the other side leaking 20 dB down as speech, but keeps real overtalk', () => {
    const agent = channel(4000, -62, [
      [500, 1500, -20],
      [2500, 3000, -20],
    ]);
    const customer = channel(4000, -62, [[2700, 3200, -24]]);
    // Leak: while the agent talks, the customer channel carries a copy 20 dB down (well above its noise).
    for (let frame = 500; frame < 1500; frame += 1) customer[frame] = -40;
    for (let frame = 2500; frame < 2700; frame += 1) customer[frame] = -40;
    for (let frame = 3000; frame < 3200; frame += 1) agent[frame] = -44;
    const [agentMask, customerMask] = detectVoiceActivity([agent, customer]);
    expectSpansNear(agentMask!, [
      { startMs: 5000, endMs: 15000 },
      { startMs: 25000, endMs: 30000 },
    ]);
    expectSpansNear(customerMask!, [{ startMs: 27000, endMs: 32000 }]);
  });

  it('finds nothing in digital silence with a faint hum', () => {
    const [mask] = detectVoiceActivity([channel(2000, -110, [[500, 600, -95]])]);
    expect(maskToSpans(mask!, 10)).toEqual([]);
  });
});

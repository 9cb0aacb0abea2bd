import { describe, expect, it } from 'vitest';
import { empathyResponseTimeMs } from './empathy-response-time';

describe('empathyResponseTimeMs', () => {
  it('is the time from the end of the cue to the start of the response', () => {
    expect(empathyResponseTimeMs({ startMs: 12_400 }, { endMs: 11_000 })).toBe(1400);
    expect(empathyResponseTimeMs({ startMs: 11_000 }, { endMs: 11_000 })).toBe(0);
  });

  it('is negative, not clamped, when the response overlaps the cue', () => {
    expect(empathyResponseTimeMs({ startMs: 10_500 }, { endMs: 11_000 })).toBe(-500);
  });
});

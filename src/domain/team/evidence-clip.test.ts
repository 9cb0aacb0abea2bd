import { describe, expect, it } from 'vitest';
import { evidenceClip } from './evidence-clip';

describe('evidenceClip', () => {
  it('plays a moment from 2 s before its start to 2 s after its end', () => {
    expect(evidenceClip({ startMs: 10_000, endMs: 14_500 })).toEqual({ fromMs: 8000, toMs: 16_500 });
  });

  it('stays within the call', () => {
    expect(evidenceClip({ startMs: 800, endMs: 59_000 }, 60_000)).toEqual({ fromMs: 0, toMs: 60_000 });
  });
});

import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import type { CallDetail } from '../contract/schemas';
import type { CallSummary } from '../domain/call';
import type { RetentionTimer } from '../services/retention-schedule';
import { createBackend } from './backend';

const tempDir = useTempDirs();
const fixtures = join(__dirname, '../../tests/fixtures/e2e');

/** A timer that only records what the schedule asked for; the test never waits a real day. */
function recordingTimer() {
  const delays: number[] = [];
  const timer: RetentionTimer = {
    after: (delayMs) => {
      delays.push(delayMs);
      return () => undefined;
    },
  };
  return { timer, delays };
}

describe('retention in the backend', () => {
  it('applies the saved rules at start; the media routes then know no audio or peaks for the call', async () => {
    const dataDir = tempDir();
    const source = tempDir();
    copyFileSync(join(fixtures, 'klacht-internet.wav'), join(source, 'klacht-internet.wav'));
    const first = createBackend({ dataDir, allowPathSources: true, heavyWork: 'in-thread' });
    await first.dispatch('imports.start', { sources: [{ kind: 'path', path: source }] });
    await first.idle();
    const listed = await first.dispatch('calls.list', {});
    const callId = listed.ok ? (listed.value as CallSummary[])[0]!.id : '';
    const detail = await first.dispatch('calls.get', { callId });
    const audioId = detail.ok ? (detail.value as CallDetail).audio!.id : '';
    expect(first.audioFile(audioId)).toBeDefined();
    await first.dispatch('retention.set', {
      routine: { basis: 'after_import', days: 1 },
      calibration: { basis: 'off', days: 0 },
    });
    first.close();

    // Two days later, the next start removes it.
    const twoDaysLater = Date.now() + 2 * 24 * 3600 * 1000;
    const { timer, delays } = recordingTimer();
    const second = createBackend({
      dataDir,
      heavyWork: 'in-thread',
      now: () => twoDaysLater,
      retentionTimer: timer,
    });
    await expect
      .poll(async () => {
        const result = await second.dispatch('calls.get', { callId });
        return result.ok ? (result.value as CallDetail).mediaRemovedAtMs : undefined;
      })
      .toBe(twoDaysLater);
    expect(second.audioFile(audioId)).toBeUndefined();
    expect(second.peaks(audioId)).toBeUndefined();
    expect(readdirSync(join(dataDir, 'audio'))).toEqual([]);
    const log = await second.dispatch('retention.log', {});
    expect(log).toMatchObject({ ok: true, value: { total: 1, entries: [{ callId, trigger: 'start' }] } });
    await expect.poll(() => delays).toEqual([24 * 3600 * 1000]);
    second.close();
  });
});

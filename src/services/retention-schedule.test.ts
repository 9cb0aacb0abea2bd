import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeServiceContext } from '../../tests/unit/service-context';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { dayMs } from '../domain/retention/model';
import { insertAudio } from '../storage/audio-repository';
import { insertCall } from '../storage/calls-repository';
import { listRetentionLog } from '../storage/retention-repository';
import { writePreferences } from '../storage/preferences-repository';
import type { ServiceContext } from './context';
import { startRetentionSchedule, type RetentionTimer } from './retention-schedule';
import { retentionRulesKey } from './retention-service';

const tempDir = useTempDirs();

/** A timer the test fires by hand: it records what was asked and never waits. */
function manualTimer() {
  const pending: { delayMs: number; run: () => void; cancelled: boolean }[] = [];
  const timer: RetentionTimer = {
    after: (delayMs, run) => {
      const entry = { delayMs, run, cancelled: false };
      pending.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
  };
  return { timer, pending };
}

function addCall(context: ServiceContext, id: string, createdAtMs: number): void {
  const storedName = `${id}.wav`;
  writeFileSync(join(context.paths.audioDir, storedName), new Uint8Array(1000));
  insertAudio(
    context.db,
    {
      id: `audio-${id}`,
      sha256: id,
      storedName,
      originalName: storedName,
      container: 'wav',
      codec: 'pcm_s16le',
      mimeType: 'audio/wav',
      sampleRateHz: 8000,
      channels: 1,
      durationMs: 1000,
      sizeBytes: 1000,
      createdAtMs,
    },
    [new Int16Array(100)],
    50,
  );
  insertCall(context.db, { id, title: id, createdAtMs, audioId: `audio-${id}`, durationMs: 1000 });
}

describe('the retention schedule', () => {
  it('runs at start, then every 24 hours, each run logged with its trigger', async () => {
    const clock = { now: Date.parse('2026-06-01T08:00:00Z') };
    const context = makeServiceContext(tempDir(), { now: () => clock.now });
    writePreferences(context.db, {
      [retentionRulesKey]: JSON.stringify({
        routine: { basis: 'after_import', days: 1 },
        calibration: { basis: 'off', days: 0 },
      }),
    });
    addCall(context, 'old', clock.now - 2 * dayMs);
    addCall(context, 'new', clock.now - 1000);
    const { timer, pending } = manualTimer();

    const schedule = startRetentionSchedule(context, timer);
    await schedule.started;
    expect(listRetentionLog(context.db, 10).map((entry) => [entry.callId, entry.trigger])).toEqual([['old', 'start']]);
    expect(pending.map((entry) => entry.delayMs)).toEqual([dayMs]);

    clock.now += dayMs;
    pending[0]!.run();
    await waitForLogEntries(context, 2);
    expect(listRetentionLog(context.db, 10).map((entry) => [entry.callId, entry.trigger])).toEqual([
      ['new', 'daily'],
      ['old', 'start'],
    ]);
    schedule.stop();
    expect(pending.at(-1)?.cancelled).toBe(true);
  });
});

/** The daily run is started by the timer callback; wait for its log entry (a ready signal, not a guessed delay). */
async function waitForLogEntries(context: ServiceContext, entries: number): Promise<void> {
  await expect.poll(() => listRetentionLog(context.db, 10).length, { timeout: 10_000, interval: 5 }).toBe(entries);
}

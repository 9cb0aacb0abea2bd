import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../contract/errors';
import { SaveQueue } from './save-queue';

const saved = (savedAtMs: number): Result<{ savedAtMs: number }> => ({ ok: true, value: { savedAtMs } });

describe('SaveQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('coalesces typing into one save after the pause and runs choices at once, in order', async () => {
    const log: string[] = [];
    const queue = new SaveQueue(300);
    queue.schedule('comment', async () => (log.push('comment: a'), saved(1)));
    queue.schedule('comment', async () => (log.push('comment: ab'), saved(2)));
    expect(queue.getStatus().state).toBe('pending');
    await vi.advanceTimersByTimeAsync(299);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(['comment: ab']);
    queue.schedule('answer:1.1', async () => (log.push('answer'), saved(3)), { immediate: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['comment: ab', 'answer']);
    expect(queue.getStatus()).toEqual({ state: 'saved', savedAtMs: 3 });
  });

  it('flush saves at once (blur, navigation, closing)', async () => {
    const log: string[] = [];
    const queue = new SaveQueue(300);
    queue.schedule('comment', async () => (log.push('comment'), saved(1)));
    await queue.flush();
    expect(log).toEqual(['comment']);
    expect(queue.hasUnsaved()).toBe(false);
  });

  it('a failed save stops the queue, keeps every edit in memory, and retry sends them in order', async () => {
    const log: string[] = [];
    let backendUp = false;
    const queue = new SaveQueue(0);
    queue.schedule('a', async () => (backendUp ? (log.push('a'), saved(1)) : { ok: false, error: { code: 'storage_failed', message: 'disk full' } }));
    queue.schedule('b', async () => (log.push('b'), saved(2)));
    await queue.flush();
    expect(queue.getStatus()).toMatchObject({ state: 'failed', error: { code: 'storage_failed' } });
    expect(log).toEqual([]);
    expect(queue.hasUnsaved()).toBe(true);
    // A new edit while failed waits too.
    queue.schedule('c', async () => (log.push('c'), saved(3)));
    await vi.advanceTimersByTimeAsync(10);
    expect(log).toEqual([]);
    backendUp = true;
    await queue.retry();
    expect(log).toEqual(['a', 'b', 'c']);
    expect(queue.getStatus()).toEqual({ state: 'saved', savedAtMs: 3 });
  });

  it('a thrown transport error counts as a failure, not a lost edit', async () => {
    const queue = new SaveQueue(0);
    let calls = 0;
    queue.schedule('a', async () => {
      calls += 1;
      if (calls === 1) throw new Error('offline');
      return saved(5);
    });
    await queue.flush();
    expect(queue.getStatus()).toMatchObject({ state: 'failed', error: { code: 'backend_unreachable' } });
    await queue.retry();
    expect(queue.getStatus()).toEqual({ state: 'saved', savedAtMs: 5 });
  });
});

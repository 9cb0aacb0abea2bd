import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../contract/errors';
import { localStorageJournal, SaveQueue, type SaveRequest } from './save-queue';

const saved = (savedAtMs: number): Result<{ savedAtMs: number }> => ({ ok: true, value: { savedAtMs } });

/** A backend that logs each request's input and answers with `answer`. */
function backend(answer: (request: SaveRequest) => Result<unknown> | Promise<Result<unknown>> = () => saved(1)) {
  const log: unknown[] = [];
  const invoke = async (request: SaveRequest) => {
    const result = await answer(request);
    if (result.ok) log.push(request.input);
    return result;
  };
  return { log, invoke };
}

describe('SaveQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    localStorage.clear();
  });

  it('coalesces typing into one save after the pause and runs choices at once, in order', async () => {
    const { log, invoke } = backend((request) => saved((request.input as { at: number }).at));
    const queue = new SaveQueue(invoke, null, 300);
    queue.schedule('comment', { method: 'reviews.setComment', input: { text: 'a', at: 1 } });
    queue.schedule('comment', { method: 'reviews.setComment', input: { text: 'ab', at: 2 } });
    expect(queue.getStatus().state).toBe('pending');
    await vi.advanceTimersByTimeAsync(299);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual([{ text: 'ab', at: 2 }]);
    queue.schedule('answer:1.1', { method: 'reviews.setAnswer', input: { at: 3 } }, { immediate: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual([{ text: 'ab', at: 2 }, { at: 3 }]);
    expect(queue.getStatus()).toEqual({ state: 'saved', savedAtMs: 3 });
  });

  it('flush saves at once (blur, navigation, closing)', async () => {
    const { log, invoke } = backend();
    const queue = new SaveQueue(invoke, null, 300);
    queue.schedule('comment', { method: 'reviews.setComment', input: 'x' });
    await queue.flush();
    expect(log).toEqual(['x']);
    expect(queue.hasUnsaved()).toBe(false);
  });

  it('a failed save stops the queue, keeps every edit in memory, and retry sends them in order', async () => {
    let backendUp = false;
    const { log, invoke } = backend(() =>
      backendUp ? saved(7) : { ok: false, error: { code: 'storage_failed', message: 'disk full' } },
    );
    const queue = new SaveQueue(invoke, null, 0);
    queue.schedule('a', { method: 'm', input: 'a' });
    queue.schedule('b', { method: 'm', input: 'b' });
    await queue.flush();
    expect(queue.getStatus()).toMatchObject({ state: 'failed', error: { code: 'storage_failed' } });
    expect(queue.hasUnsaved()).toBe(true);
    queue.schedule('c', { method: 'm', input: 'c' });
    await vi.advanceTimersByTimeAsync(10);
    expect(log).toEqual([]);
    backendUp = true;
    await queue.retry();
    expect(log).toEqual(['a', 'b', 'c']);
    expect(queue.getStatus()).toEqual({ state: 'saved', savedAtMs: 7 });
  });

  it('a thrown transport error counts as a failure, not a lost edit', async () => {
    let calls = 0;
    const queue = new SaveQueue(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('offline');
        return saved(5);
      },
      null,
      0,
    );
    queue.schedule('a', { method: 'm', input: 'a' });
    await queue.flush();
    expect(queue.getStatus()).toMatchObject({ state: 'failed', error: { code: 'backend_unreachable' } });
    await queue.retry();
    expect(queue.getStatus()).toEqual({ state: 'saved', savedAtMs: 5 });
  });

  it('journals waiting edits until acknowledged, so a closed window can replay them', async () => {
    const journal = localStorageJournal('review-1');
    let backendUp = false;
    const { invoke } = backend(() =>
      backendUp ? saved(1) : { ok: false, error: { code: 'backend_unreachable', message: 'gone' } },
    );
    const queue = new SaveQueue(invoke, journal, 300);
    queue.schedule('comment', { method: 'reviews.setComment', input: { comment: 'half typed' } });
    queue.schedule('answer:2.1', { method: 'reviews.setAnswer', input: { itemId: '2.1' } }, { immediate: true });
    // The window could close now: both edits are in storage, in order.
    expect(localStorageJournal('review-1').read()).toEqual([
      ['comment', { method: 'reviews.setComment', input: { comment: 'half typed' } }],
      ['answer:2.1', { method: 'reviews.setAnswer', input: { itemId: '2.1' } }],
    ]);
    await queue.flush();
    expect(localStorageJournal('review-1').read()).toHaveLength(2);
    backendUp = true;
    await queue.retry();
    expect(localStorageJournal('review-1').read()).toEqual([]);
    localStorage.setItem('klankbord.unsaved.review-2', '{not json');
    expect(localStorageJournal('review-2').read()).toEqual([]);
  });
});

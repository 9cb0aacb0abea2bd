import { describe, expect, it } from 'vitest';
import { firstFileNumbers, forEachInParallel, SameRecordingTurns } from './import-batch';

/** A promise with its resolve and reject at hand, to finish work in an order the test chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((resolveWith, rejectWith) => {
    resolve = resolveWith;
    reject = rejectWith;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('forEachInParallel', () => {
  it('starts items in order, never more than the limit at once, and a new one as each finishes', async () => {
    const gates = Array.from({ length: 5 }, () => deferred<void>());
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const all = forEachInParallel(
      gates,
      2,
      async (gate, index) => {
        started.push(index);
        running += 1;
        most = Math.max(most, running);
        await gate.promise;
        running -= 1;
      },
      () => false,
    );
    await settle();
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    await all;
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  it('starts nothing more once stop says so; the running items finish', async () => {
    const finished: number[] = [];
    let stop = false;
    await forEachInParallel(
      [0, 1, 2, 3, 4, 5],
      2,
      async (item) => {
        await settle();
        if (item === 1) stop = true;
        finished.push(item);
      },
      () => stop,
    );
    expect(finished.sort()).toEqual([0, 1, 2]);
  });
});

describe('SameRecordingTurns', () => {
  it('lets the earlier file of the batch go first even when the later one hashed first', async () => {
    const turns = new SameRecordingTurns(3);
    const hashes = [deferred<string>(), deferred<string>(), deferred<string>()];
    const order: string[] = [];
    const taking = hashes.map((hash, index) =>
      turns.take(index, hash.promise).then(async ({ done }) => {
        order.push(`start ${index}`);
        await settle();
        order.push(`done ${index}`);
        done();
      }),
    );
    hashes[2]!.resolve('same');
    hashes[1]!.reject(new Error('unreadable'));
    await settle();
    expect(order).toEqual([]);
    hashes[0]!.resolve('same');
    await expect(taking[1]).rejects.toThrow('unreadable');
    await Promise.all([taking[0], taking[2]]);
    expect(order).toEqual(['start 0', 'done 0', 'start 2', 'done 2']);
  });

  it('lets files with different recordings run at once', async () => {
    const turns = new SameRecordingTurns(2);
    const first = await turns.take(0, Promise.resolve('a'));
    const second = await turns.take(1, Promise.resolve('b'));
    expect([first.sha256, second.sha256]).toEqual(['a', 'b']);
    first.done();
    second.done();
  });
});

describe('firstFileNumbers', () => {
  it('numbers each pair by its first file, a transcript counting as a file', () => {
    expect(firstFileNumbers([{ transcript: 'x' }, { transcript: undefined }, { transcript: 'y' }])).toEqual([1, 3, 4]);
  });
});

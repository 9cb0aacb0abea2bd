/*
 * The scheduling of one import batch: several files are worked on at once (their hashing and decoding run in
 * worker threads), while everything that touches the database runs on the calling thread, one synchronous
 * transaction at a time.
 */

/**
 * Runs `work` on each item with at most `limit` running at once, starting them in the items' order; once `stop()`
 * says so no further item starts (the running ones finish). `work` must not reject.
 */
export async function forEachInParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
  stop: () => boolean,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length && !stop()) {
      const index = next;
      next += 1;
      await work(items[index]!, index);
    }
  };
  const lanes = Math.max(1, Math.min(Math.floor(limit), items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
}

/**
 * Files of one batch that hold the same recording take turns: the later one waits until the earlier one is stored
 * (or refused) and then finds it as a duplicate, instead of both copying to the same content-addressed name.
 */
export class SameRecordingTurns {
  private readonly latest = new Map<string, Promise<void>>();

  /** Resolves when every earlier file with this hash is done; call the function it returns when this one is done. */
  async take(sha256: string): Promise<() => void> {
    const earlier = this.latest.get(sha256);
    let finish!: () => void;
    const mine = new Promise<void>((resolve) => {
      finish = resolve;
    });
    this.latest.set(sha256, mine);
    if (earlier) await earlier;
    return () => {
      finish();
      if (this.latest.get(sha256) === mine) this.latest.delete(sha256);
    };
  }
}

/** The 1-based number of each pair's first file in the batch, counting a paired transcript as a file too. */
export function firstFileNumbers(pairs: readonly { readonly transcript: unknown }[]): number[] {
  let counted = 0;
  return pairs.map((pair) => {
    const number = counted + 1;
    counted += pair.transcript ? 2 : 1;
    return number;
  });
}

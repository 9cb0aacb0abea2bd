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
 * Files of one batch that hold the same recording take turns in the batch's order: the later one waits until the
 * earlier one is stored (or refused) and then finds it as a duplicate, instead of both copying to the same
 * content-addressed name. Files register their hash in the batch's order (each waits for the ones before it to have
 * hashed), so which file is the original does not depend on which hash finished first.
 */
export class SameRecordingTurns {
  private readonly latest = new Map<string, Promise<void>>();
  private readonly registered: Promise<void>[] = [];
  private readonly markRegistered: (() => void)[] = [];

  constructor(files: number) {
    for (let index = 0; index < files; index += 1)
      this.registered.push(new Promise<void>((resolve) => this.markRegistered.push(resolve)));
  }

  /**
   * Waits for file `index`'s hash and for every earlier file of the batch with the same hash to be done. Call
   * `done` when this file is stored or refused. Rejects as `hashing` does (the file's turn passes on).
   */
  async take(index: number, hashing: Promise<string>): Promise<{ readonly sha256: string; readonly done: () => void }> {
    const hashed = await hashing.then(
      (sha256) => ({ ok: true as const, sha256 }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    if (index > 0) await this.registered[index - 1];
    if (!hashed.ok) {
      this.markRegistered[index]!();
      throw hashed.error;
    }
    const { sha256 } = hashed;
    const earlier = this.latest.get(sha256);
    let finish!: () => void;
    const mine = new Promise<void>((resolve) => {
      finish = resolve;
    });
    this.latest.set(sha256, mine);
    this.markRegistered[index]!();
    if (earlier) await earlier;
    const done = () => {
      finish();
      if (this.latest.get(sha256) === mine) this.latest.delete(sha256);
    };
    return { sha256, done };
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

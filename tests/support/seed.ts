import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { databaseFileName } from '../../src/server/backend';
import { openDatabase } from '../../src/storage/connection';
import { defaultRubric } from '../../src/domain/rubric/default-rubric';
import { ensureBuiltInRubrics } from '../../src/services/built-in-rubrics';
import { insertCall, type NewCall } from '../../src/storage/calls-repository';
import type { ItemAnswer } from '../../src/domain/scoring/answers';
import { createReview, updateReview, upsertAnswer } from '../../src/storage/reviews-repository';

export interface Seed {
  readonly calls?: readonly NewCall[];
  readonly reviews?: readonly {
    readonly callId: string;
    readonly status: 'draft' | 'submitted';
    /** Answers by item id (default: none). */
    readonly answers?: Readonly<Record<string, ItemAnswer>>;
    /** When it was created and submitted (default: 1 and 2 ms after the epoch). */
    readonly atMs?: number;
  }[];
  /** Raw bytes to put where the database file goes (to test damaged files). */
  readonly rawDatabaseFile?: string;
}

/** Prepares a data folder: a real database file with these rows, the way the app stores them. */
export function applySeed(dataDir: string, seed: Seed): void {
  const file = join(dataDir, databaseFileName);
  if (seed.rawDatabaseFile !== undefined) {
    writeFileSync(file, seed.rawDatabaseFile);
    return;
  }
  const { db } = openDatabase(file);
  for (const call of seed.calls ?? []) insertCall(db, call);
  ensureBuiltInRubrics(db, 1);
  (seed.reviews ?? []).forEach((review, index) => {
    createReview(
      db,
      {
        id: `r${index}`,
        callId: review.callId,
        reviewerId: 'seed-reviewer',
        rubricId: defaultRubric.id,
        rubricVersion: defaultRubric.version,
      },
      review.atMs ?? 1,
    );
    for (const [itemId, answer] of Object.entries(review.answers ?? {}))
      upsertAnswer(db, `r${index}`, itemId, { answer }, review.atMs ?? 1);
    const submittedAtMs = review.atMs ?? 2;
    if (review.status === 'submitted')
      updateReview(db, `r${index}`, { status: 'submitted', submittedAtMs }, submittedAtMs);
  });
  db.close();
}

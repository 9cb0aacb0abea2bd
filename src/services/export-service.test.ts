import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { makeServiceContext } from '../../tests/unit/service-context';
import { serviceDispatch } from '../../tests/unit/service-dispatch';
import { defaultRubric } from '../domain/rubric/default-rubric';
import { rubricItems } from '../domain/rubric/model';
import { insertCall } from '../storage/calls-repository';
import { createReview, updateReview, upsertAnswer } from '../storage/reviews-repository';
import { ensureBuiltInRubrics } from './built-in-rubrics';
import { reviewerEffects } from './export-service';
import { findExport } from './exports-folder';

const tempDir = useTempDirs();

describe('severity-adjusted scores', () => {
  it('removes the effect a reviewer showed in calibration sessions from their routine reviews, and names it', async () => {
    const context = makeServiceContext(tempDir());
    ensureBuiltInRubrics(context.db, 1);
    for (const id of ['c1', 'c2', 'routine'])
      insertCall(context.db, { id, title: id, createdAtMs: 1, durationMs: 60_000 });
    const { call } = serviceDispatch(context);
    await call('reviewer.set', { name: 'Lead' });
    const session = await call('sessions.create', {
      name: 'Week 47',
      callIds: ['c1', 'c2'],
      reviewers: [{ name: 'Anouk' }, { name: 'Bram' }],
      benchmarkIndex: 0,
    });
    const [anouk, bram] = session.reviewers.map((reviewer) => reviewer.id) as [string, string];
    // Bram scores 2.1 at 0 (section 2 drops by 1/3, the total by 25/3 = 8.333) on both calls; Anouk at 3.
    const review = (id: string, reviewerId: string, callId: string, sessionId: string | null, level21: number) => {
      createReview(context.db, { id, callId, reviewerId, rubricId: defaultRubric.id, rubricVersion: 1, sessionId }, 1);
      for (const { item } of rubricItems(defaultRubric)) {
        upsertAnswer(
          context.db,
          id,
          item.id,
          {
            answer:
              item.scale.kind === 'ordinal'
                ? { kind: 'level', value: item.id === '2.1' ? level21 : 3 }
                : { kind: 'yes' },
          },
          1,
        );
      }
      updateReview(context.db, id, { status: 'submitted', submittedAtMs: 2 }, 2);
    };
    review('a1', anouk, 'c1', session.id, 3);
    review('a2', anouk, 'c2', session.id, 3);
    review('b1', bram, 'c1', session.id, 0);
    review('b2', bram, 'c2', session.id, 0);
    review('routine', bram, 'routine', null, 0);
    // Additive model: mean 95.833, Bram −4.167, Anouk +4.167 (effects sum to zero).
    const effects = reviewerEffects(context.db);
    expect(effects.get(bram)!.effect).toBeCloseTo(-25 / 6, 9);
    expect(effects.get(bram)!.sessions).toEqual(['Week 47']);

    const exported = await call('exports.scores', {
      format: 'json',
      language: 'nl',
      applySeverity: true,
      sessionId: undefined,
    });
    const document = JSON.parse(
      readFileSync(findExport(context.paths.exportsDir, exported.exportId)!.path, 'utf8'),
    ) as {
      reviews: {
        reviewId: string;
        total: number;
        calibratedTotal: number | null;
        calibrationMethod: string | null;
        calibrationSource: string | null;
      }[];
    };
    const routine = document.reviews.find((row) => row.reviewId === 'routine')!;
    // 91.667 raw; Bram is 4.167 too strict → 95.83.
    expect(routine.total).toBeCloseTo(91.67, 2);
    expect(routine.calibratedTotal).toBeCloseTo(95.83, 2);
    expect(routine.calibrationMethod).toBe('severity-adjusted');
    expect(routine.calibrationSource).toContain('Week 47');
    // Session reviews are not adjusted this way.
    expect(document.reviews.find((row) => row.reviewId === 'b1')!.calibratedTotal).toBeNull();

    // Without the option the same export leaves the calibration columns empty: the option is what fills them.
    const plain = await call('exports.scores', {
      format: 'json',
      language: 'nl',
      applySeverity: false,
      sessionId: undefined,
    });
    const plainDocument = JSON.parse(
      readFileSync(findExport(context.paths.exportsDir, plain.exportId)!.path, 'utf8'),
    ) as typeof document;
    const plainRoutine = plainDocument.reviews.find((row) => row.reviewId === 'routine')!;
    expect(plainRoutine.total).toBeCloseTo(91.67, 2);
    expect([plainRoutine.calibratedTotal, plainRoutine.calibrationMethod]).toEqual([null, null]);
  });
});

import { describe, expect, it } from 'vitest';
import { expectSectionScoresInStep } from '../../tests/unit/section-scores-in-step';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { makeServiceContext } from '../../tests/unit/service-context';
import { serviceDispatch } from '../../tests/unit/service-dispatch';
import { defaultRubric } from '../domain/rubric/default-rubric';
import { rubricItems } from '../domain/rubric/model';
import { insertCall } from '../storage/calls-repository';
import { anonymiseCallReviews, eraseCallMedia } from '../storage/customer-requests-repository';
import { migrate, migrations } from '../storage/migrations';
import { listSectionScores } from '../storage/section-scores-repository';
import { ensureBuiltInRubrics } from './built-in-rubrics';

const tempDir = useTempDirs();

function setup() {
  let clock = Date.UTC(2026, 10, 2, 9);
  const context = makeServiceContext(tempDir(), { now: () => (clock += 1000) });
  ensureBuiltInRubrics(context.db, clock);
  insertCall(context.db, {
    id: 'call-1',
    title: 'Klacht',
    agentName: 'Sanne',
    durationMs: 120_000,
    createdAtMs: clock,
  });
  return { context, ...serviceDispatch(context) };
}

/** Every item at its maximum, or at its lowest in section 2. */
function answers(weakOnSection2: boolean) {
  return rubricItems(defaultRubric).map(({ section, item }) => {
    const low = weakOnSection2 && section.id === '2';
    return {
      itemId: item.id,
      answer:
        item.scale.kind === 'ordinal'
          ? { kind: 'level' as const, value: low ? 1 : item.scale.levels.length - 1 }
          : { kind: low ? ('no' as const) : ('yes' as const) },
    };
  });
}

describe('stored section scores', () => {
  it('follow submit, reopen, a changed answer, a resubmit and a changed agent, as the domain scores them', async () => {
    const { context, call } = setup();
    await call('reviewer.set', { name: 'Anouk' });
    const { review } = await call('reviews.open', { callId: 'call-1' });
    for (const answer of answers(false)) await call('reviews.setAnswer', { reviewId: review.id, ...answer });
    // A draft has none.
    expect(listSectionScores(context.db, review.id)).toEqual([]);
    expectSectionScoresInStep(context.db);

    await call('reviews.submit', { reviewId: review.id });
    expect(expectSectionScoresInStep(context.db)).toBe(1);
    expect(listSectionScores(context.db, review.id).map((row) => row.score)).toEqual(
      defaultRubric.sections.map(() => 1),
    );

    await call('reviews.reopen', { reviewId: review.id, reason: 'Te mild' });
    expect(listSectionScores(context.db, review.id)).toEqual([]);
    expectSectionScoresInStep(context.db);

    for (const answer of answers(true).filter((entry) => entry.itemId.startsWith('2.')))
      await call('reviews.setAnswer', { reviewId: review.id, ...answer });
    for (const { itemId } of answers(true).filter((entry) => entry.itemId.startsWith('2.')))
      await call('reviews.setEvidenceOverride', { reviewId: review.id, itemId, reason: 'Gehoord.' });
    await call('reviews.submit', { reviewId: review.id });
    expect(expectSectionScoresInStep(context.db)).toBe(1);
    expect(listSectionScores(context.db, review.id).find((row) => row.sectionId === '2')!.score).toBeLessThan(0.5);

    await call('calls.update', { callId: 'call-1', changes: { agentName: 'Sanne Jansen' } });
    expect(expectSectionScoresInStep(context.db)).toBe(1);
    expect(listSectionScores(context.db, review.id)[0]!.agentName).toBe('Sanne Jansen');
  });

  it('are filled by the schema step for reviews submitted before it', async () => {
    const { context, call } = setup();
    await call('reviewer.set', { name: 'Anouk' });
    const { review } = await call('reviews.open', { callId: 'call-1' });
    for (const answer of answers(true)) await call('reviews.setAnswer', { reviewId: review.id, ...answer });
    for (const { itemId } of answers(true).filter((entry) => entry.itemId.startsWith('2.')))
      await call('reviews.setEvidenceOverride', { reviewId: review.id, itemId, reason: 'Gehoord.' });
    await call('reviews.submit', { reviewId: review.id });
    const stored = listSectionScores(context.db, review.id);
    // As a database from before schema 17 (without the table) brought up to date.
    context.db.exec(`DROP TRIGGER review_section_scores_agent; DROP TRIGGER review_section_scores_changed;
      DROP TRIGGER review_section_scores_status; DROP TABLE review_section_scores;`);
    context.db.pragma('user_version = 16');
    migrate(context.db, migrations, 17);
    expect(listSectionScores(context.db, review.id)).toEqual(stored);
    expect(expectSectionScoresInStep(context.db)).toBe(1);
  });

  it('stay the scores when a customer request erases the call and anonymises its reviews', async () => {
    const { context, call } = setup();
    await call('reviewer.set', { name: 'Anouk' });
    const { review } = await call('reviews.open', { callId: 'call-1' });
    for (const answer of answers(false)) await call('reviews.setAnswer', { reviewId: review.id, ...answer });
    await call('reviews.setItemComment', { reviewId: review.id, itemId: '1.1', comment: 'Mevrouw Jansen' });
    await call('reviews.submit', { reviewId: review.id });
    const before = listSectionScores(context.db, review.id);
    eraseCallMedia(context.db, 'call-1', '#call-1', Date.UTC(2026, 10, 3));
    anonymiseCallReviews(context.db, 'call-1', '[verwijderd]');
    expect(expectSectionScoresInStep(context.db)).toBe(1);
    expect(listSectionScores(context.db, review.id)).toEqual(before);
  });
});

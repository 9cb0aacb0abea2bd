import { useCallback, type RefObject } from 'react';
import type { ReviewDetail } from '../../../contract/reviews';
import type { Moment } from '../../../domain/moments/model';
import type { CallContext } from '../../../domain/rubric/call-context';
import type { ItemAnswer } from '../../../domain/scoring/answers';
import type { SaveQueue } from './save-queue';
import type { UndoHistory } from './undo-history';

/*
 * The edits of a review: each changes the review on screen at once (`update`) and queues its save (SaveQueue);
 * moment edits are also undoable steps.
 */

type AnswerRecord = ReviewDetail['answers'][number];
type Update = (change: (detail: ReviewDetail) => ReviewDetail) => void;

function patchAnswer(answers: readonly AnswerRecord[], itemId: string, patch: Partial<AnswerRecord>): AnswerRecord[] {
  const existing = answers.find((record) => record.itemId === itemId) ?? {
    itemId,
    answer: null,
    comment: '',
    evidenceOverride: null,
  };
  return [...answers.filter((record) => record.itemId !== itemId), { ...existing, ...patch }];
}

const byStart = (a: Moment, b: Moment) => a.startMs - b.startMs || a.id.localeCompare(b.id);

/** Answers, item comments, evidence overrides, the call context and the review comment. */
export function useAnswerEdits(queue: SaveQueue, reviewId: string, update: Update) {
  const setAnswer = useCallback(
    (itemId: string, answer: ItemAnswer | null) => {
      update((detail) => ({ ...detail, answers: patchAnswer(detail.answers, itemId, { answer }) }));
      queue.schedule(
        `answer:${itemId}`,
        { method: 'reviews.setAnswer', input: { reviewId, itemId, answer } },
        { immediate: true },
      );
    },
    [queue, reviewId, update],
  );
  const setItemComment = useCallback(
    (itemId: string, comment: string) => {
      update((detail) => ({ ...detail, answers: patchAnswer(detail.answers, itemId, { comment }) }));
      queue.schedule(`item-comment:${itemId}`, {
        method: 'reviews.setItemComment',
        input: { reviewId, itemId, comment },
      });
    },
    [queue, reviewId, update],
  );
  const setEvidenceOverride = useCallback(
    (itemId: string, reason: string | null) => {
      update((detail) => ({ ...detail, answers: patchAnswer(detail.answers, itemId, { evidenceOverride: reason }) }));
      // A blank reason is no override (the backend refuses blank reasons).
      const sent = reason !== null && reason.trim() !== '' ? reason : null;
      queue.schedule(`override:${itemId}`, {
        method: 'reviews.setEvidenceOverride',
        input: { reviewId, itemId, reason: sent },
      });
    },
    [queue, reviewId, update],
  );
  const setContext = useCallback(
    (context: CallContext | null) => {
      update((detail) => ({ ...detail, review: { ...detail.review, context } }));
      queue.schedule('context', { method: 'reviews.setContext', input: { reviewId, context } }, { immediate: true });
    },
    [queue, reviewId, update],
  );
  const setComment = useCallback(
    (comment: string) => {
      update((detail) => ({ ...detail, review: { ...detail.review, comment } }));
      queue.schedule('comment', { method: 'reviews.setComment', input: { reviewId, comment } });
    },
    [queue, reviewId, update],
  );
  return { setAnswer, setItemComment, setEvidenceOverride, setContext, setComment };
}

/** Moments saved, deleted and accepted from suggestions, each an undoable step; history entries shown at once. */
export function useMomentEdits(
  queue: SaveQueue,
  reviewId: string,
  update: Update,
  detailRef: RefObject<ReviewDetail | null>,
  history: UndoHistory,
) {
  /** Applies a moment's new state (null: gone) locally and queues its save, without touching the history. */
  const applyMoment = useCallback(
    (momentId: string, moment: Moment | null, options: { immediate?: boolean } = { immediate: true }) => {
      update((detail) => {
        const others = detail.moments.filter((existing) => existing.id !== momentId);
        const moments = moment
          ? [...others, moment].sort(byStart)
          : others.map((other) => (other.respondsTo === momentId ? { ...other, respondsTo: undefined } : other));
        return { ...detail, moments };
      });
      queue.schedule(
        `moment:${momentId}`,
        moment
          ? { method: 'moments.save', input: { reviewId, moment } }
          : { method: 'moments.delete', input: { reviewId, momentId } },
        options,
      );
    },
    [queue, reviewId, update],
  );

  /** Saves a moment (new or changed) as one undoable step. */
  const saveMoment = useCallback(
    (moment: Moment, options: { immediate?: boolean } = { immediate: true }) => {
      const before = detailRef.current?.moments.find((existing) => existing.id === moment.id) ?? null;
      applyMoment(moment.id, moment, options);
      history.record(
        { undo: () => applyMoment(moment.id, before), redo: () => applyMoment(moment.id, moment) },
        `moment:${moment.id}`,
        options.immediate === false,
      );
    },
    [applyMoment, history, detailRef],
  );

  /** Deletes a moment as one undoable step; undo also restores the responses paired with it. */
  const deleteMoment = useCallback(
    (momentId: string) => {
      const moments = detailRef.current?.moments ?? [];
      const before = moments.find((existing) => existing.id === momentId);
      if (!before) return;
      const paired = moments.filter((other) => other.respondsTo === momentId);
      applyMoment(momentId, null);
      history.record({
        undo: () => {
          applyMoment(momentId, before);
          for (const response of paired) applyMoment(response.id, response);
        },
        redo: () => applyMoment(momentId, null),
      });
    },
    [applyMoment, history, detailRef],
  );

  /** A moment the backend already saved from an accepted suggestion: shown with its history entry; undo removes it. */
  const addAcceptedMoment = useCallback(
    (moment: Moment, entry: ReviewDetail['audit'][number]) => {
      update((detail) => ({
        ...detail,
        moments: [...detail.moments, moment].sort(byStart),
        audit: [...detail.audit, entry],
      }));
      history.record({ undo: () => applyMoment(moment.id, null), redo: () => applyMoment(moment.id, moment) });
    },
    [update, history, applyMoment],
  );

  /** An entry the backend already wrote to the review's history (a dismissed suggestion): shown at once. */
  const addHistoryEntry = useCallback(
    (entry: ReviewDetail['audit'][number]) => update((detail) => ({ ...detail, audit: [...detail.audit, entry] })),
    [update],
  );
  return { saveMoment, deleteMoment, addAcceptedMoment, addHistoryEntry };
}

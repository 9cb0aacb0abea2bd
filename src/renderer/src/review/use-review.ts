import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { AppError } from '../../../contract/errors';
import type { ReviewDetail } from '../../../contract/reviews';
import type { Moment } from '../../../domain/moments/model';
import type { CallContext } from '../../../domain/rubric/call-context';
import type { ItemAnswer } from '../../../domain/scoring/answers';
import { useTransport } from '../transport/transport-context';
import type { Result } from '../../../contract/errors';
import type { MethodName, Transport } from '../transport/types';
import { localStorageJournal, SaveQueue, type SaveStatus } from './save-queue';
import { UndoHistory } from './undo-history';

type AnswerRecord = ReviewDetail['answers'][number];

export type ReviewState =
  | { readonly status: 'loading' }
  | { readonly status: 'needs-reviewer' }
  | { readonly status: 'error'; readonly error: AppError }
  | { readonly status: 'ok'; readonly detail: ReviewDetail };

function patchAnswer(answers: readonly AnswerRecord[], itemId: string, patch: Partial<AnswerRecord>): AnswerRecord[] {
  const existing = answers.find((record) => record.itemId === itemId) ?? {
    itemId,
    answer: null,
    comment: '',
    evidenceOverride: null,
  };
  return [...answers.filter((record) => record.itemId !== itemId), { ...existing, ...patch }];
}

/**
 * Opens the review; edits journalled but never acknowledged (the window closed mid-save) are sent first, in order,
 * and the review is read again with them.
 */
async function openWithReplay(
  transport: Transport,
  callId: string,
  sessionId: string | null,
): Promise<Result<ReviewDetail>> {
  const opened = await transport.invoke('reviews.open', sessionId ? { callId, sessionId } : { callId });
  if (!opened.ok) return opened;
  const journal = localStorageJournal(opened.value.review.id);
  const pending = journal.read();
  if (pending.length === 0) return opened;
  for (const [, request] of pending) {
    const result = await transport.invoke(request.method as MethodName, request.input as never);
    // A locked or changed review refuses stale edits: they are dropped rather than retried forever.
    if (!result.ok && result.error.code === 'backend_unreachable') return result;
  }
  journal.clear();
  return transport.invoke('reviews.get', { reviewId: opened.value.review.id });
}

/**
 * The local reviewer's review of a call, edited locally and saved edit by edit (see SaveQueue): the screen never
 * waits for the disk, and a failed save leaves the edit on screen with a retry.
 */
export function useReview(callId: string, sessionId: string | null = null) {
  const transport = useTransport();
  const [state, setState] = useState<ReviewState>({ status: 'loading' });
  const [actionError, setActionError] = useState<AppError | null>(null);
  const reviewIdForQueue = state.status === 'ok' ? state.detail.review.id : '';
  const queue = useMemo(
    () =>
      new SaveQueue(
        (request) => transport.invoke(request.method as MethodName, request.input as never),
        reviewIdForQueue ? localStorageJournal(reviewIdForQueue) : null,
        300,
      ),
    [transport, reviewIdForQueue],
  );
  const history = useMemo(() => new UndoHistory(), []);
  const saveStatus = useSyncExternalStore<SaveStatus>(queue.subscribe, queue.getStatus);
  const historyVersion = useSyncExternalStore(history.subscribe, history.getVersion);
  const detailRef = useRef<ReviewDetail | null>(null);

  const [generation, setGeneration] = useState(0);
  const load = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    let current = true;
    void openWithReplay(transport, callId, sessionId).then((result) => {
      if (!current) return;
      if (result.ok) setState({ status: 'ok', detail: result.value });
      else if (result.error.code === 'reviewer_missing') setState({ status: 'needs-reviewer' });
      else setState({ status: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [transport, callId, sessionId, generation]);

  useEffect(() => {
    detailRef.current = state.status === 'ok' ? state.detail : null;
  }, [state]);

  // Leaving the screen or the window saves what is waiting at once.
  useEffect(() => {
    const flushNow = () => void queue.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flushNow();
    window.addEventListener('pagehide', flushNow);
    window.addEventListener('beforeunload', flushNow);
    window.addEventListener('blur', flushNow);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      flushNow();
      window.removeEventListener('pagehide', flushNow);
      window.removeEventListener('beforeunload', flushNow);
      window.removeEventListener('blur', flushNow);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [queue]);

  const update = useCallback((change: (detail: ReviewDetail) => ReviewDetail) => {
    setState((current) => (current.status === 'ok' ? { status: 'ok', detail: change(current.detail) } : current));
  }, []);

  const reviewId = state.status === 'ok' ? state.detail.review.id : '';

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

  /** Applies a moment's new state (null: gone) locally and queues its save, without touching the history. */
  const applyMoment = useCallback(
    (momentId: string, moment: Moment | null, options: { immediate?: boolean } = { immediate: true }) => {
      update((detail) => {
        const others = detail.moments.filter((existing) => existing.id !== momentId);
        const moments = moment
          ? [...others, moment].sort((a, b) => a.startMs - b.startMs || a.id.localeCompare(b.id))
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
    [applyMoment, history],
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
    [applyMoment, history],
  );

  /** A moment the backend already saved from an accepted suggestion: shown with its history entry; undo removes it. */
  const addAcceptedMoment = useCallback(
    (moment: Moment, entry: ReviewDetail['audit'][number]) => {
      update((detail) => ({
        ...detail,
        moments: [...detail.moments, moment].sort((a, b) => a.startMs - b.startMs || a.id.localeCompare(b.id)),
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

  const submit = useCallback(async () => {
    await queue.flush();
    if (queue.hasUnsaved()) return;
    const result = await transport.invoke('reviews.submit', { reviewId });
    if (result.ok) {
      setActionError(null);
      history.clear();
      setState({ status: 'ok', detail: result.value });
    } else setActionError(result.error);
  }, [queue, transport, reviewId, history]);

  const reopen = useCallback(
    async (reason: string) => {
      const result = await transport.invoke('reviews.reopen', { reviewId, reason });
      if (result.ok) {
        setActionError(null);
        setState({ status: 'ok', detail: result.value });
      } else setActionError(result.error);
      return result.ok;
    },
    [transport, reviewId],
  );

  return {
    state,
    reload: load,
    saveStatus,
    retrySave: () => void queue.retry(),
    flush: () => queue.flush(),
    actionError,
    setAnswer,
    setItemComment,
    setEvidenceOverride,
    setContext,
    setComment,
    saveMoment,
    deleteMoment,
    addAcceptedMoment,
    addHistoryEntry,
    undo: () => history.undo(),
    redo: () => history.redo(),
    canUndo: historyVersion >= 0 && history.canUndo(),
    canRedo: historyVersion >= 0 && history.canRedo(),
    submit,
    reopen,
  };
}

export type ReviewController = ReturnType<typeof useReview>;

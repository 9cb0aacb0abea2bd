import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { AppError } from '../../../contract/errors';
import type { ReviewDetail } from '../../../contract/reviews';
import { useTransport } from '../transport/transport-context';
import type { Result } from '../../../contract/errors';
import type { MethodName, Transport } from '../transport/types';
import { localStorageJournal, SaveQueue, type SaveStatus } from './save-queue';
import { UndoHistory } from './undo-history';
import { useAnswerEdits, useMomentEdits } from './use-review-edits';

export type ReviewState =
  | { readonly status: 'loading' }
  | { readonly status: 'needs-reviewer' }
  | { readonly status: 'error'; readonly error: AppError }
  | { readonly status: 'ok'; readonly detail: ReviewDetail };

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

/** The review as opened (edits journalled before replayed first), opened again on `load`. */
function useOpenedReview(transport: Transport, callId: string, sessionId: string | null) {
  const [state, setState] = useState<ReviewState>({ status: 'loading' });
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
  return { state, setState, load };
}

/** Leaving the screen or the window saves what is waiting at once. */
function useFlushOnLeave(queue: SaveQueue): void {
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
}

/**
 * The local reviewer's review of a call, edited locally and saved edit by edit (see SaveQueue): the screen never
 * waits for the disk, and a failed save leaves the edit on screen with a retry.
 */
export function useReview(callId: string, sessionId: string | null = null) {
  const transport = useTransport();
  const { state, setState, load } = useOpenedReview(transport, callId, sessionId);
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

  useEffect(() => {
    detailRef.current = state.status === 'ok' ? state.detail : null;
  }, [state]);

  useFlushOnLeave(queue);

  const update = useCallback(
    (change: (detail: ReviewDetail) => ReviewDetail) => {
      setState((current) => (current.status === 'ok' ? { status: 'ok', detail: change(current.detail) } : current));
    },
    [setState],
  );

  const reviewId = state.status === 'ok' ? state.detail.review.id : '';

  const answerEdits = useAnswerEdits(queue, reviewId, update);
  const momentEdits = useMomentEdits(queue, reviewId, update, detailRef, history);

  const submit = useCallback(async () => {
    await queue.flush();
    if (queue.hasUnsaved()) return;
    const result = await transport.invoke('reviews.submit', { reviewId });
    if (result.ok) {
      setActionError(null);
      history.clear();
      setState({ status: 'ok', detail: result.value });
    } else setActionError(result.error);
  }, [queue, transport, reviewId, history, setState]);

  const reopen = useCallback(
    async (reason: string) => {
      const result = await transport.invoke('reviews.reopen', { reviewId, reason });
      if (result.ok) {
        setActionError(null);
        setState({ status: 'ok', detail: result.value });
      } else setActionError(result.error);
      return result.ok;
    },
    [transport, reviewId, setState],
  );

  return {
    state,
    reload: load,
    saveStatus,
    retrySave: () => void queue.retry(),
    flush: () => queue.flush(),
    actionError,
    ...answerEdits,
    ...momentEdits,
    undo: () => history.undo(),
    redo: () => history.redo(),
    canUndo: historyVersion >= 0 && history.canUndo(),
    canRedo: historyVersion >= 0 && history.canRedo(),
    submit,
    reopen,
  };
}

export type ReviewController = ReturnType<typeof useReview>;

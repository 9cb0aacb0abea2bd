import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Group, Panel, Separator } from 'react-resizable-panels';
import type { ReviewDetail } from '../../../contract/reviews';
import type { CallDetail } from '../../../contract/schemas';
import type { CallSignals } from '../../../domain/signals/model';
import { useReviewSuggestions } from '../assist/use-review-suggestions';
import type { Moment } from '../../../domain/moments/model';
import { momentTypeInfo, type MomentType } from '../../../domain/moments/moment-types';
import { normaliseMomentRange } from '../../../domain/moments/normalise-moment-range';
import { rubricItems, type Rubric } from '../../../domain/rubric/model';
import type { CallWorkspaceReviewProps } from '../call/call-workspace';
import { isTyping } from '../call/player-shortcuts';
import type { PlayerHandle } from '../call/waveform-player';
import { ErrorPanel } from '../shell/error-panel';
import { MomentsPanel } from './moments-panel';
import { ReviewPanel } from './review-panel';
import { ReviewerProfileForm } from './reviewer-profile-form';
import { useLocale } from '../ui/use-locale';
import { usePaneLayout } from '../ui/use-pane-layout';
import { useReview, type ReviewController } from './use-review';
import { useTranscriptMoments, useWaveformMoments } from './use-review-marks';

/** A new moment of `type` over a range, with the type's usual speaker, polarity and rubric items. */
function newMoment(
  type: MomentType,
  startMs: number,
  endMs: number,
  rubric: Rubric,
  speaker?: Moment['speaker'],
): Moment {
  const info = momentTypeInfo[type];
  const known = new Set(rubricItems(rubric).map(({ item }) => item.id));
  return {
    id: crypto.randomUUID(),
    startMs,
    endMs,
    type,
    speaker: speaker ?? info.defaultSpeaker,
    polarity: info.defaultPolarity,
    itemIds: info.suggestedItemIds.filter((id) => known.has(id)),
    note: '',
    ...(type === 'customer-emotion-cue' ? { emotion: 'frustration' as const, intensity: 2 as const } : {}),
  };
}

/**
 * Review keys inside the player and transcript: Esc closes the moment editor, Ctrl/Cmd+Z undoes (with Shift, or Y,
 * redoes), the suggestions' keys, and M adds a moment at the playhead. Returns whether the key was used.
 */
function handleReviewKey(
  event: React.KeyboardEvent,
  review: {
    editorOpen: boolean;
    closeEditor: () => void;
    locked: boolean;
    shortcutsEnabled: boolean;
    undo: () => void;
    redo: () => void;
    suggestionKey: (event: React.KeyboardEvent) => boolean;
    addAtPlayhead: () => void;
  },
): boolean {
  // Esc closes the moment editor, unless it is closing a dialog (the shortcut overview) opened over the player.
  if (
    event.key === 'Escape' &&
    review.editorOpen &&
    !(event.target instanceof Element && event.target.closest('dialog'))
  ) {
    review.closeEditor();
    return true;
  }
  if (isTyping(event.target) || review.locked) return false;
  const command = event.ctrlKey || event.metaKey;
  if (command && event.key.toLowerCase() === 'z') {
    if (event.shiftKey) review.redo();
    else review.undo();
    return true;
  }
  if (command && event.key.toLowerCase() === 'y') {
    review.redo();
    return true;
  }
  if (!review.shortcutsEnabled) return false;
  if (review.suggestionKey(event)) return true;
  if (!command && !event.altKey && (event.key === 'm' || event.key === 'M')) {
    review.addAtPlayhead();
    return true;
  }
  return false;
}

/** The selected moment, the type of a new one, and moments made over a range or at the playhead, or played. */
function useMomentMaking(
  controller: ReviewController,
  review: ReviewDetail | null,
  locked: boolean,
  durationMs: number,
  playerRef: React.RefObject<PlayerHandle | null>,
) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [newType, setNewType] = useState<MomentType>('customer-emotion-cue');
  const create = useCallback(
    (startMs: number, endMs: number, speaker?: Moment['speaker']) => {
      if (!review || locked) return;
      const range = normaliseMomentRange(startMs, endMs, durationMs);
      const moment = newMoment(newType, range.startMs, range.endMs, review.rubric, speaker);
      controller.saveMoment(moment);
      setSelectedId(moment.id);
    },
    [review, locked, durationMs, newType, controller],
  );

  const addAtPlayhead = useCallback(() => {
    const atMs = playerRef.current?.currentTimeMs() ?? 0;
    create(atMs - 1000, atMs + 2000);
  }, [create, playerRef]);

  const play = (moment: Moment, loop: boolean) => {
    setSelectedId(moment.id);
    playerRef.current?.playRange(moment.startMs, moment.endMs, loop);
  };

  return { selectedId, setSelectedId, newType, setNewType, create, addAtPlayhead, play };
}

/** The call's suggestions, and the review's moments and suggestions as the waveform and transcript draw them. */
function useReviewMarks(
  controller: ReviewController,
  review: ReviewDetail | null,
  locked: boolean,
  durationMs: number,
  playerRef: React.RefObject<PlayerHandle | null>,
  signals: CallSignals | null,
  making: ReturnType<typeof useMomentMaking>,
) {
  const locale = useLocale();
  const { selectedId, setSelectedId, create } = making;
  const suggestions = useReviewSuggestions({
    signals,
    review,
    locked,
    durationMs,
    flush: controller.flush,
    addAcceptedMoment: controller.addAcceptedMoment,
    addHistoryEntry: controller.addHistoryEntry,
    onMomentCreated: setSelectedId,
    seekMs: (timeMs: number) => playerRef.current?.seekMs(timeMs),
    currentTimeMs: () => playerRef.current?.currentTimeMs() ?? 0,
  });

  const marksInput = {
    moments: review?.moments,
    selectedId,
    locked,
    locale,
    durationMs,
    create,
    saveMoment: controller.saveMoment,
    select: setSelectedId,
    ghosts: suggestions.ghosts,
    ghostMarks: suggestions.ghostMarks,
  };
  const waveformMoments = useWaveformMoments(marksInput);
  const transcriptMoments = useTranscriptMoments(marksInput);

  return { suggestions, waveformMoments, transcriptMoments };
}

/** The moments list and editor of the review, with the open suggestions among them. */
function ReviewMomentsPane({
  controller,
  review,
  durationMs,
  locked,
  making,
  suggestions,
}: {
  controller: ReviewController;
  review: ReviewDetail;
  durationMs: number;
  locked: boolean;
  making: ReturnType<typeof useMomentMaking>;
  suggestions: ReturnType<typeof useReviewMarks>['suggestions'];
}) {
  return (
    <MomentsPanel
      moments={review.moments}
      rubric={review.rubric}
      durationMs={durationMs}
      selectedId={making.selectedId}
      newType={making.newType}
      locked={locked}
      canUndo={controller.canUndo}
      canRedo={controller.canRedo}
      onNewType={making.setNewType}
      onAddAtPlayhead={making.addAtPlayhead}
      onSelect={making.setSelectedId}
      onChange={controller.saveMoment}
      onDelete={(momentId) => {
        controller.deleteMoment(momentId);
        making.setSelectedId(null);
      }}
      onPlay={making.play}
      onUndo={controller.undo}
      onRedo={controller.redo}
      suggestionRows={locked ? [] : suggestions.suggestionRows}
      fromSuggestion={suggestions.fromSuggestion}
    />
  );
}

export interface ReviewWorkspaceProps {
  detail: CallDetail;
  /** The call's signals: their suggestions are offered as ghost moments. */
  signals?: CallSignals | null;
  shortcutsEnabled: boolean;
  renderCall: (props: CallWorkspaceReviewProps) => React.ReactNode;
  sessionId?: string | null;
}

/**
 * Review mode: the call's player and transcript with the review's moments on them, the moments list and editor,
 * and the rubric panel beside them.
 */
export function ReviewWorkspace({
  detail,
  shortcutsEnabled,
  renderCall,
  sessionId = null,
  signals = null,
}: ReviewWorkspaceProps) {
  const { t } = useTranslation();
  const controller = useReview(detail.call.id, sessionId);
  const playerRef = useRef<PlayerHandle>(null);
  const state = controller.state;
  const review = state.status === 'ok' ? state.detail : null;
  const locked = review?.review.status !== 'draft';
  const durationMs = detail.audio?.durationMs ?? detail.call.durationMs;
  const reviewerId = review?.review.reviewerId ?? 'default';
  const columns = usePaneLayout('columns', reviewerId);

  const making = useMomentMaking(controller, review, locked, durationMs, playerRef);
  const { selectedId, setSelectedId, addAtPlayhead } = making;
  const { suggestions, waveformMoments, transcriptMoments } = useReviewMarks(
    controller,
    review,
    locked,
    durationMs,
    playerRef,
    signals,
    making,
  );

  const onExtraKey = (event: React.KeyboardEvent) =>
    handleReviewKey(event, {
      editorOpen: selectedId !== null,
      closeEditor: () => setSelectedId(null),
      locked,
      shortcutsEnabled,
      undo: controller.undo,
      redo: controller.redo,
      suggestionKey: suggestions.onKey,
      addAtPlayhead,
    });

  if (state.status === 'needs-reviewer') return <ReviewerProfileForm onSaved={controller.reload} />;
  if (state.status === 'error') return <ErrorPanel error={state.error} onRetry={controller.reload} />;
  if (state.status === 'loading' || !review) return <p className="muted">{t('call.loading')}</p>;

  return (
    <Group
      orientation="horizontal"
      className="review-workspace"
      key={reviewerId}
      defaultLayout={columns.defaultLayout}
      onLayoutChanged={columns.onLayoutChanged}
    >
      <Panel id="call" className="pane review-call-column" defaultSize="64%" minSize="420px">
        {renderCall({
          playerRef,
          waveformMoments,
          transcriptMoments,
          onExtraKey,
          reviewerId,
          momentsPane: (
            <ReviewMomentsPane
              controller={controller}
              review={review}
              durationMs={durationMs}
              locked={locked}
              making={making}
              suggestions={suggestions}
            />
          ),
        })}
      </Panel>
      <Separator className="pane-separator pane-separator-columns" aria-label={t('workspace.resizeColumns')} />
      <Panel id="review" className="pane" defaultSize="36%" minSize="320px">
        <ReviewPanel controller={controller} detail={review} onMomentClick={(moment) => making.play(moment, false)} />
      </Panel>
    </Group>
  );
}

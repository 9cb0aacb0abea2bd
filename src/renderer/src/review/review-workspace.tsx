import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Group, Panel, Separator } from 'react-resizable-panels';
import type { CallDetail } from '../../../contract/schemas';
import type { CallSignals } from '../../../domain/signals/model';
import { useReviewSuggestions } from '../assist/use-review-suggestions';
import type { Moment } from '../../../domain/moments/model';
import { momentTypeInfo, type MomentType } from '../../../domain/moments/moment-types';
import { normaliseMomentRange } from '../../../domain/moments/normalise-moment-range';
import { localize } from '../../../domain/rubric/localized-text';
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
import { useReview } from './use-review';

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
 * Review mode: the call's player and transcript with the review's moments on them, the moments list and editor,
 * and the rubric panel beside them.
 */
export function ReviewWorkspace({
  detail,
  shortcutsEnabled,
  renderCall,
  sessionId = null,
  signals = null,
}: {
  detail: CallDetail;
  /** The call's signals: their suggestions are offered as ghost moments. */
  signals?: CallSignals | null;
  shortcutsEnabled: boolean;
  renderCall: (props: CallWorkspaceReviewProps) => React.ReactNode;
  sessionId?: string | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const controller = useReview(detail.call.id, sessionId);
  const playerRef = useRef<PlayerHandle>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [newType, setNewType] = useState<MomentType>('customer-emotion-cue');
  const state = controller.state;
  const review = state.status === 'ok' ? state.detail : null;
  const locked = review?.review.status !== 'draft';
  const durationMs = detail.audio?.durationMs ?? detail.call.durationMs;
  const reviewerId = review?.review.reviewerId ?? 'default';
  const columns = usePaneLayout('columns', reviewerId);

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
  }, [create]);

  const suggestions = useReviewSuggestions({
    signals,
    review,
    locked,
    durationMs,
    flush: controller.flush,
    addAcceptedMoment: controller.addAcceptedMoment,
    addHistoryEntry: controller.addHistoryEntry,
    onMomentCreated: setSelectedId,
    seekMs: (timeMs) => playerRef.current?.seekMs(timeMs),
    currentTimeMs: () => playerRef.current?.currentTimeMs() ?? 0,
  });
  const ghosts = suggestions.ghosts;
  const ghostMarks = suggestions.ghostMarks;

  const moments = review?.moments;
  const saveMoment = controller.saveMoment;
  const waveformMoments = useMemo(
    () =>
      moments && {
        moments,
        selectedId,
        editable: !locked,
        labelOf: (moment: Moment) => localize(momentTypeInfo[moment.type].label, locale),
        onRangeSelected: (startMs: number, endMs: number) => create(startMs, endMs),
        onTimesChanged: (momentId: string, startMs: number, endMs: number) => {
          const moment = moments.find((existing) => existing.id === momentId);
          if (!moment) return;
          const range = normaliseMomentRange(startMs, endMs, durationMs);
          saveMoment({ ...moment, ...range });
        },
        onSelect: setSelectedId,
        ghosts: locked ? undefined : ghosts,
      },
    [moments, selectedId, locked, locale, create, durationMs, saveMoment, ghosts],
  );

  const transcriptMoments = useMemo(
    () =>
      moments && {
        marks: [
          ...moments.map((moment) => ({
            id: moment.id,
            startMs: moment.startMs,
            endMs: moment.endMs,
            label: localize(momentTypeInfo[moment.type].label, locale),
            colour: momentTypeInfo[moment.type].colour,
          })),
          ...(locked ? [] : ghostMarks),
        ],
        onMarkClick: setSelectedId,
        onGhostClick: ghosts.onSelect,
        onSelectionRange: locked
          ? null
          : (startMs: number, endMs: number, role: string) =>
              create(startMs, endMs, role === 'agent' || role === 'customer' ? role : undefined),
      },
    [moments, locale, locked, create, ghostMarks, ghosts.onSelect],
  );

  const play = (moment: Moment, loop: boolean) => {
    setSelectedId(moment.id);
    playerRef.current?.playRange(moment.startMs, moment.endMs, loop);
  };

  // Review keys inside the player and transcript: M adds a moment at the playhead, Ctrl/Cmd+Z undoes.
  const onExtraKey = (event: React.KeyboardEvent): boolean => {
    // Esc closes the moment editor, unless it is closing a dialog (the shortcut overview) opened over the player.
    if (
      event.key === 'Escape' &&
      selectedId !== null &&
      !(event.target instanceof Element && event.target.closest('dialog'))
    ) {
      setSelectedId(null);
      return true;
    }
    if (isTyping(event.target) || locked) return false;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
      if (event.shiftKey) controller.redo();
      else controller.undo();
      return true;
    }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'y') {
      controller.redo();
      return true;
    }
    if (shortcutsEnabled && suggestions.onKey(event)) return true;
    if (
      shortcutsEnabled &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey &&
      (event.key === 'm' || event.key === 'M')
    ) {
      addAtPlayhead();
      return true;
    }
    return false;
  };

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
            <MomentsPanel
              moments={review.moments}
              rubric={review.rubric}
              durationMs={durationMs}
              selectedId={selectedId}
              newType={newType}
              locked={locked}
              canUndo={controller.canUndo}
              canRedo={controller.canRedo}
              onNewType={setNewType}
              onAddAtPlayhead={addAtPlayhead}
              onSelect={setSelectedId}
              onChange={controller.saveMoment}
              onDelete={(momentId) => {
                controller.deleteMoment(momentId);
                setSelectedId(null);
              }}
              onPlay={play}
              onUndo={controller.undo}
              onRedo={controller.redo}
              suggestionRows={locked ? [] : suggestions.suggestionRows}
              fromSuggestion={suggestions.fromSuggestion}
            />
          ),
        })}
      </Panel>
      <Separator className="pane-separator pane-separator-columns" aria-label={t('workspace.resizeColumns')} />
      <Panel id="review" className="pane" defaultSize="36%" minSize="320px">
        <ReviewPanel controller={controller} detail={review} onMomentClick={(moment) => play(moment, false)} />
      </Panel>
    </Group>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDetail } from '../../../contract/schemas';
import { formatDuration } from '../../../domain/duration';
import { CallDetailsDialog } from '../call/call-details-dialog';
import { CallWorkspace, type CallWorkspaceReviewProps } from '../call/call-workspace';
import { CallBackButton, SessionContextLabel } from '../call/session-context';
import { useBackendQuery } from '../hooks/use-backend-query';
import { MediaRemovedNotice } from '../privacy/media-removed-notice';
import { RedactionsPanel } from '../privacy/redactions-panel';
import { ReviewWorkspace } from '../review/review-workspace';
import { CallMetricsBar } from '../assist/call-metrics-bar';
import { useCallSignals } from '../assist/use-call-signals';
import { ErrorPanel } from '../shell/error-panel';
import { useTransport } from '../transport/transport-context';

// A screen composes features (the call workspace, the review workspace, privacy); features never import screens,
// and call/ never imports review/ (review builds on call), so no two features import each other.

/** One call: waveform and transcript in sync, with its metadata; beside them, when reviewing, the rubric. */
export function CallScreen({
  callId,
  onBack,
  shortcutsEnabled,
  initialReviewing = false,
  sessionId = null,
  initialTimeMs = null,
}: {
  callId: string;
  onBack: () => void;
  shortcutsEnabled: boolean;
  initialReviewing?: boolean;
  sessionId?: string | null;
  initialTimeMs?: number | null;
}) {
  const { t } = useTranslation();
  const query = useBackendQuery('calls.get', { callId });
  const [edited, setEdited] = useState<CallDetail | null>(null);
  const detail = edited ?? (query.status === 'ok' ? query.value : null);

  if (query.status === 'loading') return <p className="muted">{t('call.loading')}</p>;
  if (query.status === 'error') return <ErrorPanel error={query.error} onRetry={query.reload} />;
  const reload = () => {
    setEdited(null);
    query.reload();
  };
  return (
    <LoadedCall
      detail={detail!}
      onBack={onBack}
      onEdited={setEdited}
      onReload={reload}
      shortcutsEnabled={shortcutsEnabled}
      initialReviewing={initialReviewing}
      sessionId={sessionId}
      initialTimeMs={initialTimeMs}
    />
  );
}

type Selection = { startMs: number; endMs: number } | null;

/** The call's title and what it is (agent, customer, length, audio); opening a call moves focus to the title. */
function CallHeading({ detail, sessionId }: { detail: CallDetail; sessionId: string | null }) {
  const { t } = useTranslation();
  const { call, audio } = detail;
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opening a call moves focus to its heading, so a screen reader announces where the user is.
  useEffect(() => headingRef.current?.focus(), [call.id]);
  return (
    <div className="call-heading">
      {sessionId !== null && <SessionContextLabel sessionId={sessionId} />}
      <h1 id="call-title" ref={headingRef} tabIndex={-1}>
        {call.title}
      </h1>
      <p className="muted">
        {[
          call.agentName || t('library.noAgent'),
          call.customerRef,
          formatDuration(call.durationMs),
          audio
            ? `${audio.codec} · ${audio.sampleRateHz / 1000} kHz · ${t('call.channels', { count: audio.channels })}`
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
    </div>
  );
}

/** Swapping which channel is the agent, privacy, editing the details, and starting or hiding the review. */
function CallActions({
  detail,
  redactSelection,
  onEdited,
  onReload,
  editing,
  onToggleEditing,
  reviewing,
  onToggleReviewing,
}: {
  detail: CallDetail;
  redactSelection: Selection;
  onEdited: (detail: CallDetail) => void;
  onReload: () => void;
  editing: boolean;
  onToggleEditing: () => void;
  reviewing: boolean;
  onToggleReviewing: () => void;
}) {
  const { t } = useTranslation();
  const transport = useTransport();
  const { call, audio } = detail;
  const swapChannels = async () => {
    const result = await transport.invoke('calls.update', {
      callId: call.id,
      changes: { agentChannel: detail.agentChannel === 0 ? 1 : 0 },
    });
    if (result.ok) onEdited(result.value);
  };
  return (
    <div className="call-actions">
      {audio?.channels === 2 && (
        <button type="button" className="button" onClick={() => void swapChannels()} title={t('call.swapChannelsHint')}>
          {t('call.swapChannels')}
        </button>
      )}
      {detail.transcript && <RedactionsPanel callId={call.id} selection={redactSelection} onChanged={onReload} />}
      <button type="button" className="button" onClick={onToggleEditing} aria-expanded={editing}>
        {t('call.editDetails')}
      </button>
      <button
        type="button"
        className={`button${reviewing ? '' : ' primary'}`}
        onClick={onToggleReviewing}
        aria-pressed={reviewing}
      >
        {t(reviewing ? 'review.hide' : 'review.start')}
      </button>
    </div>
  );
}

function LoadedCall({
  detail,
  onBack,
  onEdited,
  onReload,
  shortcutsEnabled,
  initialReviewing,
  sessionId,
  initialTimeMs,
}: {
  detail: CallDetail;
  onBack: () => void;
  onEdited: (detail: CallDetail) => void;
  onReload: () => void;
  shortcutsEnabled: boolean;
  initialReviewing: boolean;
  sessionId: string | null;
  initialTimeMs: number | null;
}) {
  const [editing, setEditing] = useState(false);
  const [redactSelection, setRedactSelection] = useState<Selection>(null);
  const onRedactSelection = (startMs: number, endMs: number) => setRedactSelection({ startMs, endMs });
  const [reviewing, setReviewing] = useState(initialReviewing);
  const signalsState = useCallSignals(detail.call.id, Boolean(detail.audio), detail);
  const signals = signalsState.status === 'ok' ? signalsState.signals : null;

  // The call's player and transcript, alone or beside the review, which adds its panes through `reviewProps`.
  const callWorkspace = (reviewProps?: CallWorkspaceReviewProps) => (
    <CallWorkspace
      detail={detail}
      signals={signals}
      shortcutsEnabled={shortcutsEnabled}
      onRedactSelection={onRedactSelection}
      onTranscriptAdded={onReload}
      initialTimeMs={initialTimeMs}
      {...reviewProps}
    />
  );

  return (
    <section className={`screen call-screen${reviewing ? ' reviewing' : ''}`} aria-labelledby="call-title">
      <header className="call-header">
        <CallBackButton sessionId={sessionId} onBack={onBack} />
        <CallHeading detail={detail} sessionId={sessionId} />
        <CallActions
          detail={detail}
          redactSelection={redactSelection}
          onEdited={onEdited}
          onReload={onReload}
          editing={editing}
          onToggleEditing={() => setEditing((value) => !value)}
          reviewing={reviewing}
          onToggleReviewing={() => setReviewing((value) => !value)}
        />
      </header>
      {/* A row of its own, so every metric stays readable when the review's compact header is one line. */}
      <CallMetricsBar state={signalsState} />
      {detail.mediaRemoved && <MediaRemovedNotice removed={detail.mediaRemoved} />}
      {editing && (
        <CallDetailsDialog
          detail={detail}
          onClose={() => setEditing(false)}
          onRolesSaved={onEdited}
          onSaved={(saved) => {
            onEdited(saved);
            setEditing(false);
          }}
        />
      )}
      {reviewing ? (
        <ReviewWorkspace
          detail={detail}
          sessionId={sessionId}
          shortcutsEnabled={shortcutsEnabled}
          signals={signals}
          renderCall={callWorkspace}
        />
      ) : (
        callWorkspace()
      )}
    </section>
  );
}

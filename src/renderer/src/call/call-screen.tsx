import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDetail } from '../../../contract/schemas';
import { formatDuration } from '../../../domain/duration';
import { useBackendQuery } from '../hooks/use-backend-query';
import { ReviewWorkspace } from '../review/review-workspace';
import { ErrorPanel } from '../shell/error-panel';
import { RedactionsPanel } from '../privacy/redactions-panel';
import { useTransport } from '../transport/transport-context';
import { CallDetailsDialog } from './call-details-dialog';
import { createPlaybackClock } from './playback-clock';
import { PlayerControls } from './player-controls';
import { CallBackButton, SessionContextLabel } from './session-context';
import { handlePlayerKey } from './player-shortcuts';
import { ShortcutsDialog } from './shortcuts-dialog';
import { TranscriptAndMoments } from './transcript-and-moments';
import { TranscriptView, type TranscriptMoments } from './transcript-view';
import { WaveformPlayer, type PlayerHandle, type WaveformMoments } from './waveform-player';

/** One call: waveform and transcript in sync, with its metadata; beside them, when reviewing, the rubric. */
export function CallScreen({ callId, onBack, shortcutsEnabled, initialReviewing = false, sessionId = null }: { callId: string; onBack: () => void; shortcutsEnabled: boolean; initialReviewing?: boolean; sessionId?: string | null }) {
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
  return <LoadedCall detail={detail!} onBack={onBack} onEdited={setEdited} onReload={reload} shortcutsEnabled={shortcutsEnabled} initialReviewing={initialReviewing} sessionId={sessionId} />;
}

function LoadedCall({ detail, onBack, onEdited, onReload, shortcutsEnabled, initialReviewing, sessionId }: { detail: CallDetail; onBack: () => void; onEdited: (detail: CallDetail) => void; onReload: () => void; shortcutsEnabled: boolean; initialReviewing: boolean; sessionId: string | null }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [editing, setEditing] = useState(false);
  const [redactSelection, setRedactSelection] = useState<{ startMs: number; endMs: number } | null>(null);
  const onRedactSelection = (startMs: number, endMs: number) => setRedactSelection({ startMs, endMs });
  const [reviewing, setReviewing] = useState(initialReviewing);
  const { call, audio } = detail;
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opening a call moves focus to its heading, so a screen reader announces where the user is.
  useEffect(() => headingRef.current?.focus(), [call.id]);

  const swapChannels = async () => {
    const result = await transport.invoke('calls.update', { callId: call.id, changes: { agentChannel: detail.agentChannel === 0 ? 1 : 0 } });
    if (result.ok) onEdited(result.value);
  };

  return (
    <section className={`screen call-screen${reviewing ? ' reviewing' : ''}`} aria-labelledby="call-title">
      <header className="call-header">
        <CallBackButton sessionId={sessionId} onBack={onBack} />
        <div className="call-heading">
          {sessionId !== null && <SessionContextLabel sessionId={sessionId} />}
          <h1 id="call-title" ref={headingRef} tabIndex={-1}>{call.title}</h1>
          <p className="muted">
            {[call.agentName || t('library.noAgent'), call.customerRef, formatDuration(call.durationMs), audio ? `${audio.codec} · ${audio.sampleRateHz / 1000} kHz · ${t('call.channels', { count: audio.channels })}` : null]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
        <div className="call-actions">
          {audio?.channels === 2 && (
            <button type="button" className="button" onClick={() => void swapChannels()} title={t('call.swapChannelsHint')}>
              {t('call.swapChannels')}
            </button>
          )}
          {detail.transcript && <RedactionsPanel callId={call.id} selection={redactSelection} onChanged={onReload} />}
          <button type="button" className="button" onClick={() => setEditing((value) => !value)} aria-expanded={editing}>
            {t('call.editDetails')}
          </button>
          <button type="button" className={`button${reviewing ? '' : ' primary'}`} onClick={() => setReviewing((value) => !value)} aria-pressed={reviewing}>
            {t(reviewing ? 'review.hide' : 'review.start')}
          </button>
        </div>
      </header>
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
        <ReviewWorkspace detail={detail} sessionId={sessionId} shortcutsEnabled={shortcutsEnabled} renderCall={(props) => <CallWorkspace detail={detail} shortcutsEnabled={shortcutsEnabled} onRedactSelection={onRedactSelection} {...props} />} />
      ) : (
        <CallWorkspace detail={detail} shortcutsEnabled={shortcutsEnabled} onRedactSelection={onRedactSelection} />
      )}
    </section>
  );
}

/** What review mode adds to the player and transcript: moments on both, and its own keys and panels. */
export interface CallWorkspaceReviewProps {
  readonly playerRef?: React.RefObject<PlayerHandle | null>;
  readonly waveformMoments?: WaveformMoments;
  readonly transcriptMoments?: TranscriptMoments;
  readonly onExtraKey?: (event: React.KeyboardEvent) => boolean;
  /** The moments pane, below the transcript in a resizable split. */
  readonly momentsPane?: React.ReactNode;
  /** Whose pane sizes are remembered. */
  readonly reviewerId?: string;
  /** A transcript selection offered for redaction. */
  readonly onRedactSelection?: (startMs: number, endMs: number) => void;
}

/** The player (waveform, controls) above the transcript, sharing one playback clock and the single-key shortcuts. */
export function CallWorkspace({ detail, shortcutsEnabled, playerRef, waveformMoments, transcriptMoments, onExtraKey, momentsPane, reviewerId, onRedactSelection }: { detail: CallDetail; shortcutsEnabled: boolean } & CallWorkspaceReviewProps) {
  const { t } = useTranslation();
  const clock = useMemo(() => createPlaybackClock(), []);
  const ownPlayer = useRef<PlayerHandle>(null);
  const player = playerRef ?? ownPlayer;
  const searchRef = useRef<HTMLInputElement>(null);
  const [playing, setPlaying] = useState(false);
  const [rate, setRate] = useState(1);
  const [helpOpen, setHelpOpen] = useState(false);
  const { audio, transcript } = detail;

  useEffect(() => {
    // Ctrl/Cmd+F searches the transcript rather than the page.
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f' && searchRef.current) {
        event.preventDefault();
        searchRef.current.focus();
        searchRef.current.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const transcriptPane = transcript ? (
    <TranscriptView transcript={transcript} clock={clock} onSeek={(timeMs) => player.current?.seekMs(timeMs)} searchRef={searchRef} moments={transcriptMoments} onRedactSelection={onRedactSelection} />
  ) : (
    <section className="transcript transcript-missing" aria-label={t('transcript.title')}>
      <p className="muted">{t('call.noTranscript')}</p>
    </section>
  );

  const onKeyDown = (event: React.KeyboardEvent) => {
    // A pane handle's own keys (arrows, Home, End) resize the panes; they never also seek.
    if (event.target instanceof Element && event.target.closest('[data-separator]')) return;
    if (onExtraKey?.(event)) {
      event.preventDefault();
      return;
    }
    if (!shortcutsEnabled || !player.current) return;
    if (handlePlayerKey(event, player.current, rate, () => setHelpOpen(true))) event.preventDefault();
  };

  return (
    <div className="player-and-transcript" onKeyDown={onKeyDown}>
      {audio ? (
        <section
          className="player"
          aria-label={t('workspace.player')}
          aria-describedby="player-keys"
          onWheel={(event) => {
            if (event.ctrlKey || event.metaKey) {
              event.preventDefault();
              player.current?.zoomBy(event.deltaY < 0 ? 1.25 : 0.8);
            }
          }}
        >
          <WaveformPlayer ref={player} audio={audio} agentChannel={detail.agentChannel} clock={clock} onPlayingChange={setPlaying} onRateChange={setRate} moments={waveformMoments} redactedRanges={detail.redactedRanges} />
          <PlayerControls player={player} clock={clock} durationMs={audio.durationMs} playing={playing} rate={rate} onShowShortcuts={() => setHelpOpen(true)} />
          <p id="player-keys" className="visually-hidden">{t('player.region')}</p>
        </section>
      ) : (
        <p className="muted">{t('call.noAudio')}</p>
      )}
      {momentsPane ? (
        <TranscriptAndMoments transcriptPane={transcriptPane} momentsPane={momentsPane} reviewerId={reviewerId ?? 'default'} />
      ) : (
        transcriptPane
      )}
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} enabled={shortcutsEnabled} />
    </div>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDetail } from '../../../contract/schemas';
import type { CallSignals } from '../../../domain/signals/model';
import { AddTranscript } from './add-transcript';
import { MediaRemovedNotice } from './media-removed-notice';
import { createPlaybackClock, type PlaybackClock } from './playback-clock';
import { handlePlayerKey } from './player-shortcuts';
import { PlayerSection } from './player-section';
import { ShortcutsDialog } from './shortcuts-dialog';
import { TranscriptAndMoments } from './transcript-and-moments';
import { TranscriptView, type TranscriptMoments } from './transcript-view';
import type { PlayerHandle, WaveformMoments } from './waveform-player';

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
  /** Offers "Add transcript…" on a call without one; called when it was added. */
  readonly onTranscriptAdded?: () => void;
}

/** Ctrl/Cmd+F searches the transcript rather than the page. */
function useTranscriptSearchKey(searchRef: React.RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f' && searchRef.current) {
        event.preventDefault();
        searchRef.current.focus();
        searchRef.current.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [searchRef]);
}

/** In place of the transcript: why there is none, and "Add transcript…" where one can be added. */
function TranscriptMissing({ detail, onTranscriptAdded }: { detail: CallDetail; onTranscriptAdded?: () => void }) {
  const { t } = useTranslation();
  const mediaRemoved = Boolean(detail.mediaRemovedAtMs);
  return (
    <section className="transcript transcript-missing" aria-label={t('transcript.title')}>
      <p className="muted">{t(mediaRemoved ? 'retention.transcriptRemoved' : 'call.noTranscript')}</p>
      {!mediaRemoved && detail.audio && onTranscriptAdded && (
        <AddTranscript callId={detail.call.id} onAdded={onTranscriptAdded} />
      )}
    </section>
  );
}

/** The transcript in sync with the player, or why there is none. */
function TranscriptPane({
  detail,
  clock,
  player,
  searchRef,
  transcriptMoments,
  onRedactSelection,
  onTranscriptAdded,
}: {
  detail: CallDetail;
  clock: PlaybackClock;
  player: React.RefObject<PlayerHandle | null>;
  searchRef: React.RefObject<HTMLInputElement | null>;
} & Pick<CallWorkspaceReviewProps, 'transcriptMoments' | 'onRedactSelection' | 'onTranscriptAdded'>) {
  if (!detail.transcript) return <TranscriptMissing detail={detail} onTranscriptAdded={onTranscriptAdded} />;
  return (
    <TranscriptView
      transcript={detail.transcript}
      clock={clock}
      onSeek={(timeMs) => player.current?.seekMs(timeMs)}
      searchRef={searchRef}
      moments={transcriptMoments}
      onRedactSelection={onRedactSelection}
    />
  );
}

/** The player (waveform, controls) above the transcript, sharing one playback clock and the single-key shortcuts. */
export function CallWorkspace({
  detail,
  shortcutsEnabled,
  playerRef,
  waveformMoments,
  transcriptMoments,
  onExtraKey,
  momentsPane,
  reviewerId,
  onRedactSelection,
  onTranscriptAdded,
  initialTimeMs = null,
  signals,
}: {
  detail: CallDetail;
  shortcutsEnabled: boolean;
  /** Where the player starts once the waveform is ready (a transcript search hit), or null for the start. */
  initialTimeMs?: number | null;
  /** The call's signals, drawn in a lane under the waveform. */
  signals?: CallSignals | null;
} & CallWorkspaceReviewProps) {
  const { t } = useTranslation();
  const clock = useMemo(() => createPlaybackClock(), []);
  const ownPlayer = useRef<PlayerHandle>(null);
  const player = playerRef ?? ownPlayer;
  const searchRef = useRef<HTMLInputElement>(null);
  const [rate, setRate] = useState(1);
  const [helpOpen, setHelpOpen] = useState(false);
  const { audio } = detail;
  useTranscriptSearchKey(searchRef);

  const transcriptPane = (
    <TranscriptPane
      detail={detail}
      clock={clock}
      player={player}
      searchRef={searchRef}
      transcriptMoments={transcriptMoments}
      onRedactSelection={onRedactSelection}
      onTranscriptAdded={onTranscriptAdded}
    />
  );

  const onKeyDown = (event: React.KeyboardEvent) => {
    // A pane handle's own keys (arrows, Home, End) resize the panes; they never also seek.
    if (event.target instanceof Element && event.target.closest('[data-separator]')) return;
    const showHelp = () => setHelpOpen(true);
    if (onExtraKey?.(event)) event.preventDefault();
    else if (shortcutsEnabled && player.current && handlePlayerKey(event, player.current, rate, showHelp)) {
      event.preventDefault();
    }
  };

  return (
    <div className="player-and-transcript" onKeyDown={onKeyDown}>
      {audio ? (
        <PlayerSection
          detail={detail}
          audio={audio}
          player={player}
          clock={clock}
          rate={rate}
          onRateChange={setRate}
          waveformMoments={waveformMoments}
          initialTimeMs={initialTimeMs}
          signals={signals}
          onShowShortcuts={() => setHelpOpen(true)}
        />
      ) : detail.mediaRemovedAtMs ? (
        <MediaRemovedNotice removedAtMs={detail.mediaRemovedAtMs} />
      ) : (
        <p className="muted">{t('call.noAudio')}</p>
      )}
      {momentsPane ? (
        <TranscriptAndMoments
          transcriptPane={transcriptPane}
          momentsPane={momentsPane}
          reviewerId={reviewerId ?? 'default'}
        />
      ) : (
        transcriptPane
      )}
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} enabled={shortcutsEnabled} />
    </div>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDetail } from '../../../contract/schemas';
import type { CallSignals } from '../../../domain/signals/model';
import { SignalsLane } from '../assist/signals-lane';
import { AddTranscript } from './add-transcript';
import { MediaRemovedNotice } from './media-removed-notice';
import { createPlaybackClock } from './playback-clock';
import { PlayerControls } from './player-controls';
import { handlePlayerKey } from './player-shortcuts';
import { ShortcutsDialog } from './shortcuts-dialog';
import { TranscriptAndMoments } from './transcript-and-moments';
import { TranscriptView, type TranscriptMoments } from './transcript-view';
import { WaveformPlayer, type PlayerHandle, type WaveformMoments } from './waveform-player';

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
  const startedAt = useRef(false);
  const [playing, setPlaying] = useState(false);
  const [rate, setRate] = useState(1);
  const [helpOpen, setHelpOpen] = useState(false);
  const { audio, transcript } = detail;
  const mediaRemoved = Boolean(detail.mediaRemovedAtMs);

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
    <TranscriptView
      transcript={transcript}
      clock={clock}
      onSeek={(timeMs) => player.current?.seekMs(timeMs)}
      searchRef={searchRef}
      moments={transcriptMoments}
      onRedactSelection={onRedactSelection}
    />
  ) : (
    <section className="transcript transcript-missing" aria-label={t('transcript.title')}>
      <p className="muted">{t(mediaRemoved ? 'retention.transcriptRemoved' : 'call.noTranscript')}</p>
      {!mediaRemoved && audio && onTranscriptAdded && (
        <AddTranscript callId={detail.call.id} onAdded={onTranscriptAdded} />
      )}
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
          <WaveformPlayer
            ref={player}
            audio={audio}
            agentChannel={detail.agentChannel}
            clock={clock}
            onPlayingChange={setPlaying}
            onRateChange={setRate}
            moments={waveformMoments}
            redactedRanges={detail.redactedRanges}
            onReady={() => {
              if (initialTimeMs !== null && !startedAt.current) player.current?.seekMs(initialTimeMs);
              startedAt.current = true;
            }}
            lane={signals ? <SignalsLane signals={signals} durationMs={audio.durationMs} /> : null}
          />
          <PlayerControls
            player={player}
            clock={clock}
            durationMs={audio.durationMs}
            playing={playing}
            rate={rate}
            onShowShortcuts={() => setHelpOpen(true)}
          />
          <p id="player-keys" className="visually-hidden">
            {t('player.region')}
          </p>
        </section>
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

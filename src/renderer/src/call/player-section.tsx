import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDetail } from '../../../contract/schemas';
import type { CallSignals } from '../../../domain/signals/model';
import { SignalsLane } from '../assist/signals-lane';
import type { PlaybackClock } from './playback-clock';
import { PlayerControls } from './player-controls';
import { WaveformPlayer, type PlayerHandle, type WaveformMoments } from './waveform-player';

type CallAudio = NonNullable<CallDetail['audio']>;

/** The player region: the waveform (Ctrl/Cmd+wheel zooms it), its signals lane and the controls under it. */
export function PlayerSection({
  detail,
  audio,
  player,
  clock,
  rate,
  onRateChange,
  waveformMoments,
  initialTimeMs,
  signals,
  onShowShortcuts,
}: {
  detail: CallDetail;
  audio: CallAudio;
  player: React.RefObject<PlayerHandle | null>;
  clock: PlaybackClock;
  rate: number;
  onRateChange: (rate: number) => void;
  waveformMoments?: WaveformMoments;
  initialTimeMs: number | null;
  signals?: CallSignals | null;
  onShowShortcuts: () => void;
}) {
  const { t } = useTranslation();
  const startedAt = useRef(false);
  const [playing, setPlaying] = useState(false);
  return (
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
        onRateChange={onRateChange}
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
        onShowShortcuts={onShowShortcuts}
      />
      <p id="player-keys" className="visually-hidden">
        {t('player.region')}
      </p>
    </section>
  );
}

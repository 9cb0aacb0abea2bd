import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../domain/duration';
import { Icon } from './icons';
import type { PlaybackClock } from './playback-clock';
import { playbackRates, type PlayerHandle } from './waveform-player';

/** Shows the time at one-second resolution, so this re-renders once a second, not every frame. */
function useWholeSeconds(clock: PlaybackClock): number {
  return useSyncExternalStore(clock.subscribe, () => Math.floor(clock.getTimeMs() / 1000));
}

export const skipMs = 5000;

/** An icon button whose tooltip names its keyboard shortcut. */
function ControlButton({
  label,
  keys,
  onClick,
  primary = false,
  testId,
  children,
}: {
  label: string;
  keys: string;
  onClick: () => void;
  primary?: boolean;
  testId?: string;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      className={primary ? 'icon-button primary' : 'icon-button'}
      onClick={onClick}
      aria-label={label}
      title={`${label} (${keys})`}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

function SpeedSelect({ rate, onChange }: { rate: number; onChange: (rate: number) => void }) {
  const { t } = useTranslation();
  return (
    <label className="player-rate">
      <span>{t('player.speed')}</span>
      <select value={rate} onChange={(event) => onChange(Number(event.target.value))} aria-label={t('player.speed')}>
        {playbackRates.map((value) => (
          <option key={value} value={value}>{`${value}×`}</option>
        ))}
      </select>
    </label>
  );
}

/** Transport buttons, time, speed and zoom. Every action also has a keyboard shortcut (see the cheat sheet). */
export function PlayerControls({
  player: playerRef,
  clock,
  durationMs,
  playing,
  rate,
  onShowShortcuts,
}: {
  player: React.RefObject<PlayerHandle | null>;
  clock: PlaybackClock;
  durationMs: number;
  playing: boolean;
  rate: number;
  onShowShortcuts: () => void;
}) {
  const { t } = useTranslation();
  const seconds = useWholeSeconds(clock);
  const player = () => playerRef.current;
  const playLabel = playing ? t('player.pause') : t('player.play');
  return (
    <div className="player-controls" role="toolbar" aria-label={t('player.controls')}>
      <ControlButton label={t('player.toStart')} keys="Home" onClick={() => player()?.seekMs(0)}>
        <Icon name="start" />
      </ControlButton>
      <ControlButton label={t('player.back5')} keys="J, ←" onClick={() => player()?.skipMs(-skipMs)}>
        ↺ 5
      </ControlButton>
      <ControlButton
        label={playLabel}
        keys="Space, K"
        onClick={() => player()?.playPause()}
        primary
        testId="play-pause"
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </ControlButton>
      <ControlButton label={t('player.forward5')} keys="L, →" onClick={() => player()?.skipMs(skipMs)}>
        5 ↻
      </ControlButton>
      <ControlButton label={t('player.toEnd')} keys="End" onClick={() => player()?.seekMs(durationMs)}>
        <Icon name="end" />
      </ControlButton>
      <span className="player-time" data-testid="player-time">
        {formatDuration(seconds * 1000)} / {formatDuration(durationMs)}
      </span>
      <SpeedSelect rate={rate} onChange={(value) => player()?.setRate(value)} />
      <span className="player-zoom">
        <ControlButton label={t('player.zoomOut')} keys="-" onClick={() => player()?.zoomBy(1 / 1.6)}>
          −
        </ControlButton>
        <ControlButton label={t('player.zoomIn')} keys="+" onClick={() => player()?.zoomBy(1.6)}>
          +
        </ControlButton>
      </span>
      <ControlButton label={t('shortcuts.title')} keys="?" onClick={onShowShortcuts}>
        ?
      </ControlButton>
    </div>
  );
}

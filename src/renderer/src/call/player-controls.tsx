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
  const player = { current: () => playerRef.current };
  return (
    <div className="player-controls" role="toolbar" aria-label={t('player.controls')}>
      <button
        type="button"
        className="icon-button"
        onClick={() => player.current()?.seekMs(0)}
        aria-label={t('player.toStart')}
        title={`${t('player.toStart')} (Home)`}
      >
        <Icon name="start" />
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={() => player.current()?.skipMs(-skipMs)}
        aria-label={t('player.back5')}
        title={`${t('player.back5')} (J, ←)`}
      >
        ↺ 5
      </button>
      <button
        type="button"
        className="icon-button primary"
        onClick={() => player.current()?.playPause()}
        aria-label={playing ? t('player.pause') : t('player.play')}
        title={`${playing ? t('player.pause') : t('player.play')} (Space, K)`}
        data-testid="play-pause"
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={() => player.current()?.skipMs(skipMs)}
        aria-label={t('player.forward5')}
        title={`${t('player.forward5')} (L, →)`}
      >
        5 ↻
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={() => player.current()?.seekMs(durationMs)}
        aria-label={t('player.toEnd')}
        title={`${t('player.toEnd')} (End)`}
      >
        <Icon name="end" />
      </button>
      <span className="player-time" data-testid="player-time">
        {formatDuration(seconds * 1000)} / {formatDuration(durationMs)}
      </span>
      <label className="player-rate">
        <span>{t('player.speed')}</span>
        <select
          value={rate}
          onChange={(event) => player.current()?.setRate(Number(event.target.value))}
          aria-label={t('player.speed')}
        >
          {playbackRates.map((value) => (
            <option key={value} value={value}>{`${value}×`}</option>
          ))}
        </select>
      </label>
      <span className="player-zoom">
        <button
          type="button"
          className="icon-button"
          onClick={() => player.current()?.zoomBy(1 / 1.6)}
          aria-label={t('player.zoomOut')}
          title={`${t('player.zoomOut')} (-)`}
        >
          −
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => player.current()?.zoomBy(1.6)}
          aria-label={t('player.zoomIn')}
          title={`${t('player.zoomIn')} (+)`}
        >
          +
        </button>
      </span>
      <button
        type="button"
        className="icon-button"
        onClick={onShowShortcuts}
        aria-label={t('shortcuts.title')}
        title={`${t('shortcuts.title')} (?)`}
      >
        ?
      </button>
    </div>
  );
}

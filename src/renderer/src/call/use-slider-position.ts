import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../domain/duration';
import type { PlaybackClock } from './playback-clock';

/**
 * Keeps the waveform's slider semantics on the playhead: aria-valuenow in whole seconds and aria-valuetext as a
 * time ("1:05 of 2:52"), written to the element directly so playback does not re-render the player.
 */
export function useSliderPosition(
  ref: React.RefObject<HTMLElement | null>,
  clock: PlaybackClock,
  durationMs: number,
): void {
  const { t } = useTranslation();
  useEffect(() => {
    let shownSecond = -1;
    const update = () => {
      const element = ref.current;
      const second = Math.floor(clock.getTimeMs() / 1000);
      if (!element || second === shownSecond) return;
      shownSecond = second;
      element.setAttribute('aria-valuenow', String(second));
      element.setAttribute(
        'aria-valuetext',
        t('workspace.position', { time: formatDuration(second * 1000), total: formatDuration(durationMs) }),
      );
    };
    update();
    return clock.subscribe(update);
  }, [ref, clock, durationMs, t]);
}

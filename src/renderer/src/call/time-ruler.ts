import type WaveSurfer from 'wavesurfer.js';
import Timeline from 'wavesurfer.js/dist/plugins/timeline.esm.js';
import { formatDuration } from '../../../domain/duration';

/** Ruler labels in one format, m:ss (h:mm:ss past an hour), as everywhere else in the app; never "50, 60, 1:10". */
export function rulerLabel(seconds: number): string {
  return formatDuration(Math.round(seconds * 1000));
}

/** The time ruler under the waveform, drawn in its own container. */
export function createTimeRuler(container: HTMLElement | null, color: string) {
  return Timeline.create({
    container: container ?? undefined,
    height: 18,
    formatTimeCallback: rulerLabel,
    style: { color, fontSize: '11px' },
  });
}

/**
 * Keeps the ruler under the part of the waveform that is shown. The ruler lives outside the waveform's scroll area,
 * so when zoomed in and scrolled its marks would stay at the left while the plugin hides the ones off screen, and the
 * ruler went blank; shifting it by the scroll offset lines every mark up with its time.
 */
export function followWaveformScroll(surfer: WaveSurfer, container: HTMLElement | null): void {
  const shift = (scrollLeft: number) => {
    const ruler = container?.firstElementChild as HTMLElement | null | undefined;
    if (ruler) ruler.style.transform = `translateX(${-scrollLeft}px)`;
  };
  surfer.on('scroll', (_start, _end, scrollLeft) => shift(scrollLeft));
  surfer.on('redraw', () => shift(surfer.getScroll()));
  surfer.on('zoom', () => shift(surfer.getScroll()));
}

import type WaveSurfer from 'wavesurfer.js';

/**
 * Keeps a lane drawn outside the waveform (the call signals) on the waveform's time axis: the track is as wide as
 * the waveform's full, zoomed width and shifted by its scroll offset, so a mark placed at a percentage of the
 * recording sits under that time at every zoom level, as the time ruler does.
 */
export function followWaveformWidth(surfer: WaveSurfer, track: HTMLElement | null): void {
  if (!track) return;
  const place = () => {
    track.style.width = `${surfer.getWrapper().scrollWidth}px`;
    track.style.transform = `translateX(${-surfer.getScroll()}px)`;
  };
  surfer.on('scroll', place);
  surfer.on('redraw', place);
  surfer.on('zoom', place);
  surfer.on('resize', place);
  surfer.on('ready', place);
}

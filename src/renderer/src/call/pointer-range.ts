import type WaveSurfer from 'wavesurfer.js';

/**
 * Where a drag on the waveform began and where the pointer was released, in seconds. The regions plugin grows a
 * dragged region from a few pixels' head start and never reads the release point, so its end lands late; the
 * moment takes its edges from the pointer instead.
 */
export interface PointerRange {
  /** The dragged range (start before end), or null when no drag has been released since the last call. */
  take(): { startSec: number; endSec: number } | null;
  dispose(): void;
}

export function trackPointerRange(surfer: WaveSurfer): PointerRange {
  const wrapper = surfer.getWrapper();
  const timeAt = (clientX: number) => {
    const box = wrapper.getBoundingClientRect();
    const fraction = box.width > 0 ? (clientX - box.left) / box.width : 0;
    return Math.max(0, Math.min(1, fraction)) * surfer.getDuration();
  };
  let downSec: number | null = null;
  let released: { startSec: number; endSec: number } | null = null;
  const onDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    downSec = timeAt(event.clientX);
    released = null;
  };
  // Capture on window: runs before the plugin's own pointerup handler, which creates the region.
  const onUp = (event: PointerEvent) => {
    if (downSec === null) return;
    const upSec = timeAt(event.clientX);
    released = { startSec: Math.min(downSec, upSec), endSec: Math.max(downSec, upSec) };
    downSec = null;
  };
  wrapper.addEventListener('pointerdown', onDown, { capture: true });
  window.addEventListener('pointerup', onUp, { capture: true });
  return {
    take: () => {
      const range = released;
      released = null;
      return range;
    },
    dispose: () => {
      wrapper.removeEventListener('pointerdown', onDown, { capture: true });
      window.removeEventListener('pointerup', onUp, { capture: true });
    },
  };
}

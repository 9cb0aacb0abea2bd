import { afterEach, describe, expect, it } from 'vitest';
import type WaveSurfer from 'wavesurfer.js';
import { trackPointerRange, type PointerRange } from './pointer-range';

/** A wrapper 1000 px wide at x = 100 over a 200 s recording: 5 px per second. */
function fakeSurfer(): { surfer: WaveSurfer; wrapper: HTMLElement } {
  const wrapper = document.createElement('div');
  wrapper.getBoundingClientRect = () => ({
    left: 100,
    width: 1000,
    top: 0,
    height: 100,
    right: 1100,
    bottom: 100,
    x: 100,
    y: 0,
    toJSON: () => ({}),
  });
  document.body.appendChild(wrapper);
  const surfer = { getWrapper: () => wrapper, getDuration: () => 200 } as unknown as WaveSurfer;
  return { surfer, wrapper };
}

const pointer = (type: string, clientX: number, button = 0) =>
  new PointerEvent(type, { clientX, button, bubbles: true });

describe('the range dragged on the waveform', () => {
  let tracked: PointerRange | null = null;
  afterEach(() => tracked?.dispose());

  it('runs from the press to the release point, whichever way the pointer went', () => {
    const { surfer, wrapper } = fakeSurfer();
    tracked = trackPointerRange(surfer);
    wrapper.dispatchEvent(pointer('pointerdown', 150));
    window.dispatchEvent(pointer('pointerup', 175));
    expect(tracked.take()).toEqual({ startSec: 10, endSec: 15 });
    wrapper.dispatchEvent(pointer('pointerdown', 500));
    window.dispatchEvent(pointer('pointerup', 400));
    expect(tracked.take()).toEqual({ startSec: 60, endSec: 80 });
  });

  it('is taken once, clamps to the recording, and ignores other buttons and releases without a press', () => {
    const { surfer, wrapper } = fakeSurfer();
    tracked = trackPointerRange(surfer);
    window.dispatchEvent(pointer('pointerup', 300));
    expect(tracked.take()).toBeNull();
    wrapper.dispatchEvent(pointer('pointerdown', 300, 2));
    window.dispatchEvent(pointer('pointerup', 350));
    expect(tracked.take()).toBeNull();
    wrapper.dispatchEvent(pointer('pointerdown', 1050));
    window.dispatchEvent(pointer('pointerup', 1400));
    expect(tracked.take()).toEqual({ startSec: 190, endSec: 200 });
    expect(tracked.take()).toBeNull();
  });
});

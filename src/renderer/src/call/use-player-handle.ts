import { useImperativeHandle, useRef, type ForwardedRef, type RefObject } from 'react';
import type WaveSurfer from 'wavesurfer.js';
import type { PlaybackClock } from './playback-clock';
import type { PlayingRange } from './waveform-surfer';

export interface PlayerHandle {
  playPause(): void;
  seekMs(timeMs: number): void;
  skipMs(deltaMs: number): void;
  setRate(rate: number): void;
  zoomBy(factor: number): void;
  isPlaying(): boolean;
  /** Plays a range from its start, stopping at its end or looping until paused or another seek. */
  playRange(startMs: number, endMs: number, loop: boolean): void;
  currentTimeMs(): number;
}

const minZoomPxPerSec = 1;
const maxZoomPxPerSec = 400;

/** What the player's owner (controls, shortcuts, the transcript) can ask of the waveform player. */
export function usePlayerHandle(
  ref: ForwardedRef<PlayerHandle>,
  player: {
    surferRef: RefObject<WaveSurfer | null>;
    containerRef: RefObject<HTMLDivElement | null>;
    rangeRef: { current: PlayingRange | null };
    durationMs: number;
    clock: PlaybackClock;
  },
): void {
  const { surferRef, containerRef, rangeRef, durationMs, clock } = player;
  const zoomRef = useRef(0);
  useImperativeHandle(
    ref,
    () => ({
      playPause: () => void surferRef.current?.playPause(),
      seekMs: (timeMs) => {
        const surfer = surferRef.current;
        if (!surfer) return;
        surfer.setTime(Math.max(0, Math.min(durationMs, timeMs)) / 1000);
        clock.set(Math.round(surfer.getCurrentTime() * 1000));
      },
      skipMs: (deltaMs) => {
        const surfer = surferRef.current;
        if (surfer) surfer.setTime(Math.max(0, Math.min(durationMs / 1000, surfer.getCurrentTime() + deltaMs / 1000)));
      },
      setRate: (rate) => surferRef.current?.setPlaybackRate(rate, true),
      zoomBy: (factor) => {
        const surfer = surferRef.current;
        const width = containerRef.current?.clientWidth ?? 800;
        if (!surfer) return;
        const fitted = width / (durationMs / 1000);
        const current = zoomRef.current || fitted;
        const next = Math.max(Math.max(minZoomPxPerSec, fitted), Math.min(maxZoomPxPerSec, current * factor));
        zoomRef.current = next;
        surfer.zoom(next);
        // Keep the playhead in view after zooming.
        surfer.setScrollTime(Math.max(0, surfer.getCurrentTime() - width / next / 2));
      },
      isPlaying: () => surferRef.current?.isPlaying() ?? false,
      playRange: (startMs, endMs, loop) => {
        const surfer = surferRef.current;
        if (!surfer) return;
        surfer.setTime(startMs / 1000);
        rangeRef.current = { startMs, endMs, loop };
        void surfer.play();
      },
      currentTimeMs: () => Math.round((surferRef.current?.getCurrentTime() ?? 0) * 1000),
    }),
    [durationMs, clock, surferRef, containerRef, rangeRef],
  );
}

const sliderSteps: Readonly<Record<string, number>> = {
  ArrowLeft: -5000,
  ArrowDown: -5000,
  ArrowRight: 5000,
  ArrowUp: 5000,
  PageDown: -30_000,
  PageUp: 30_000,
};

/**
 * A slider's own keys on the waveform: arrows 5 s, page keys 30 s, Home and End. They work whether or not
 * single-key shortcuts are on. Returns whether the key was the slider's (the caller then stops it).
 */
export function seekBySliderKey(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  surfer: WaveSurfer | null,
  durationMs: number,
  clock: PlaybackClock,
): boolean {
  const step = sliderSteps[event.key];
  if (!surfer || event.ctrlKey || event.metaKey || event.altKey) return false;
  if (step !== undefined)
    surfer.setTime(Math.max(0, Math.min(durationMs, surfer.getCurrentTime() * 1000 + step)) / 1000);
  else if (event.key === 'Home' || event.key === 'End') surfer.setTime(event.key === 'Home' ? 0 : durationMs / 1000);
  else return false;
  clock.set(Math.round(surfer.getCurrentTime() * 1000));
  return true;
}

import WaveSurfer from 'wavesurfer.js';
import Minimap from 'wavesurfer.js/dist/plugins/minimap.esm.js';
import type RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { Moment } from '../../../domain/moments/model';
import type { RedactedRange } from '../../../domain/privacy/redaction-ranges';
import type { PlaybackClock } from './playback-clock';
import type { PointerRange } from './pointer-range';
import { createTimeRuler } from './time-ruler';
import { ghostAt, redactionRegionPrefix, type GhostMoment } from './waveform-regions';

/*
 * The wavesurfer.js instance behind the waveform player: how it is made from the stored peaks and how its events
 * reach the player's callbacks. No React here; `use-waveform-surfer.ts` ties it to the component's life.
 */

/** Moments drawn as regions; with `onRangeSelected`, dragging on the waveform selects a new range. */
export interface WaveformMoments {
  readonly moments: readonly Moment[];
  readonly selectedId: string | null;
  readonly editable: boolean;
  readonly labelOf: (moment: Moment) => string;
  readonly onRangeSelected: (startMs: number, endMs: number) => void;
  readonly onTimesChanged: (momentId: string, startMs: number, endMs: number) => void;
  readonly onSelect: (momentId: string) => void;
  /** Suggestions drawn as ghost moments; a click selects one. */
  readonly ghosts?: {
    readonly items: readonly GhostMoment[];
    readonly selectedKey: string | null;
    readonly onSelect: (key: string) => void;
  };
}

/** What the player tells its owner, read at the moment an event fires (the owner may pass new ones each render). */
export interface PlayerCallbacks {
  readonly onPlayingChange: (playing: boolean) => void;
  readonly onRateChange: (rate: number) => void;
  readonly onReady?: () => void;
  readonly moments?: WaveformMoments;
  readonly redactedRanges?: readonly RedactedRange[];
}

/** A range being played by `playRange`: stop (or loop) at its end. */
export type PlayingRange = { startMs: number; endMs: number; loop: boolean };

export function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

/** The call's one media element, streaming the stored recording. */
export function createCallMedia(audioId: string, parent: Element | null | undefined): HTMLAudioElement {
  const media = document.createElement('audio');
  media.preload = 'metadata';
  media.src = `/media/audio/${audioId}`;
  media.preservesPitch = true;
  media.dataset.testid = 'call-audio';
  // Kept in the DOM (hidden) so assistive tools and tests can find the one media element of the call.
  parent?.appendChild(media);
  return media;
}

/** Stops the media element and takes it out of the DOM, so the browser lets go of the stream. */
export function releaseCallMedia(media: HTMLAudioElement): void {
  media.pause();
  media.removeAttribute('src');
  media.remove();
}

export interface SurferSetup {
  readonly container: HTMLElement;
  readonly media: HTMLAudioElement;
  readonly peaks: Float32Array[];
  readonly durationMs: number;
  readonly channels: number;
  readonly agentChannel: 0 | 1;
  readonly laneHeight: number;
  readonly regions: ReturnType<typeof RegionsPlugin.create>;
  readonly timeline: HTMLElement | null;
  readonly minimap: HTMLElement | null;
}

/** The waveform: agent and customer in their own coloured lanes on stereo calls, a time ruler and a minimap. */
export function createSurfer(setup: SurferSetup): WaveSurfer {
  const stereo = setup.channels === 2;
  const laneColors = (channel: number) =>
    channel === setup.agentChannel
      ? { wave: cssVar('--agent'), progress: cssVar('--agent-progress') }
      : { wave: cssVar('--customer'), progress: cssVar('--customer-progress') };
  return WaveSurfer.create({
    container: setup.container,
    media: setup.media,
    peaks: setup.peaks,
    duration: setup.durationMs / 1000,
    height: stereo ? setup.laneHeight : setup.laneHeight * 2,
    normalize: true,
    cursorColor: cssVar('--text'),
    cursorWidth: 2,
    dragToSeek: true,
    autoScroll: true,
    autoCenter: true,
    waveColor: laneColors(setup.agentChannel).wave,
    progressColor: laneColors(setup.agentChannel).progress,
    splitChannels: stereo
      ? [0, 1].map((channel) => ({ waveColor: laneColors(channel).wave, progressColor: laneColors(channel).progress }))
      : undefined,
    plugins: [
      setup.regions,
      createTimeRuler(setup.timeline, cssVar('--text-muted')),
      Minimap.create({
        container: setup.minimap ?? undefined,
        height: 28,
        waveColor: cssVar('--border'),
        progressColor: cssVar('--text-muted'),
        overlayColor: 'rgba(127,127,127,0.18)',
      }),
    ],
  });
}

export interface SurferListeners {
  readonly callbacks: { readonly current: PlayerCallbacks };
  readonly clock: PlaybackClock;
  readonly range: { current: PlayingRange | null };
  /** True while the player itself draws regions: those are not ranges the user dragged. */
  readonly syncingRegionsRef: { readonly current: boolean };
  readonly pointerRange: PointerRange;
  readonly onReady: () => void;
  readonly onMediaError: () => void;
}

/** Playback time into the clock (stopping or looping a played range), and regions and playback into callbacks. */
export function listenToSurfer(
  surfer: WaveSurfer,
  regions: ReturnType<typeof RegionsPlugin.create>,
  media: HTMLAudioElement,
  listeners: SurferListeners,
): void {
  const { callbacks, range } = listeners;
  surfer.on('timeupdate', (seconds) => {
    const timeMs = Math.round(seconds * 1000);
    const playing = range.current;
    if (playing && timeMs >= playing.endMs) {
      if (playing.loop) surfer.setTime(playing.startMs / 1000);
      else {
        range.current = null;
        surfer.pause();
      }
    }
    listeners.clock.set(timeMs);
  });
  surfer.on('interaction', () => (range.current = null));
  listenToRegions(regions, listeners);
  listenToGhostClicks(surfer, callbacks);
  surfer.on('play', () => callbacks.current.onPlayingChange(true));
  surfer.on('pause', () => callbacks.current.onPlayingChange(false));
  surfer.on('finish', () => callbacks.current.onPlayingChange(false));
  surfer.on('ready', listeners.onReady);
  media.addEventListener('ratechange', () => callbacks.current.onRateChange(media.playbackRate));
  media.addEventListener('error', listeners.onMediaError);
}

/** A dragged range becomes a new moment; a moved region changes its moment; a click selects a moment. */
function listenToRegions(regions: ReturnType<typeof RegionsPlugin.create>, listeners: SurferListeners): void {
  const { callbacks } = listeners;
  regions.on('region-created', (region: Region) => {
    if (listeners.syncingRegionsRef.current) return;
    // A range dragged on the waveform: it becomes a moment (drawn again from the review's state).
    region.remove();
    const dragged = listeners.pointerRange.take() ?? { startSec: region.start, endSec: region.end };
    callbacks.current.moments?.onRangeSelected(Math.round(dragged.startSec * 1000), Math.round(dragged.endSec * 1000));
  });
  regions.on('region-updated', (region: Region) =>
    callbacks.current.moments?.onTimesChanged(
      region.id,
      Math.round(region.start * 1000),
      Math.round(region.end * 1000),
    ),
  );
  regions.on('region-clicked', (region: Region, event: MouseEvent) => {
    event.stopPropagation();
    if (!region.id.startsWith(redactionRegionPrefix)) callbacks.current.moments?.onSelect(region.id);
  });
}

/** Ghosts let the pointer through (a drag over one marks a moment); a click on one seeks and selects it. */
function listenToGhostClicks(surfer: WaveSurfer, callbacks: { readonly current: PlayerCallbacks }): void {
  surfer.on('click', (relativeX: number) => {
    const ghosts = callbacks.current.moments?.ghosts;
    const ghost = ghosts && ghostAt(ghosts.items, relativeX * surfer.getDuration() * 1000);
    if (ghost) ghosts.onSelect(ghost.key);
  });
}

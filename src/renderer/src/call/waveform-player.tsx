import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import WaveSurfer from 'wavesurfer.js';
import Minimap from 'wavesurfer.js/dist/plugins/minimap.esm.js';
import RegionsPlugin, { type Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { CallDetail } from '../../../contract/schemas';
import type { Moment } from '../../../domain/moments/model';
import type { RedactedRange } from '../../../domain/privacy/redaction-ranges';
import { loadPeaks } from './load-peaks';
import { trackPointerRange, type PointerRange } from './pointer-range';
import { createTimeRuler, followWaveformScroll } from './time-ruler';
import { muteRedactedRanges } from './redaction-mute';
import type { PlaybackClock } from './playback-clock';
import { useSliderPosition } from './use-slider-position';
import { followWaveformWidth } from './lane-track';
import { drawRegions, ghostAt, redactionRegionPrefix, type GhostMoment } from './waveform-regions';

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

export const playbackRates = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;
const minZoomPxPerSec = 1;
const maxZoomPxPerSec = 400;

function pickLaneHeight(): number {
  return window.innerHeight < 900 ? 44 : 56;
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

/**
 * The waveform, drawn from the peaks stored at import (the audio is never decoded here), with agent and
 * customer in their own lanes on stereo calls. Playback streams through a media element.
 */
export const WaveformPlayer = forwardRef<
  PlayerHandle,
  {
    audio: NonNullable<CallDetail['audio']>;
    agentChannel: 0 | 1;
    clock: PlaybackClock;
    onPlayingChange: (playing: boolean) => void;
    onRateChange: (rate: number) => void;
    onReady?: () => void;
    moments?: WaveformMoments;
    /** Accepted redactions: muted while playing and drawn as regions. */
    redactedRanges?: readonly RedactedRange[];
    /** Drawn under the waveform on its time axis (the call signals). */
    lane?: React.ReactNode;
  }
>(function WaveformPlayer(
  { audio, agentChannel, clock, onPlayingChange, onRateChange, onReady, moments, redactedRanges, lane },
  ref,
) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const minimapRef = useRef<HTMLDivElement>(null);
  const timelineRef = useRef<HTMLDivElement>(null);
  const laneTrackRef = useRef<HTMLDivElement>(null);
  const surferRef = useRef<WaveSurfer | null>(null);
  const zoomRef = useRef(0);
  const [error, setError] = useState<string | null>(null);
  const callbacks = useRef({ onPlayingChange, onRateChange, onReady, moments, redactedRanges });
  useEffect(() => {
    callbacks.current = { onPlayingChange, onRateChange, onReady, moments, redactedRanges };
  });
  const regionsRef = useRef<ReturnType<typeof RegionsPlugin.create> | null>(null);
  const syncingRegions = useRef(false);
  const rangeRef = useRef<{ startMs: number; endMs: number; loop: boolean } | null>(null);
  const [ready, setReady] = useState(false);
  // Lower lanes on short windows (laptops), so the transcript and moments keep their room.
  const [laneHeight, setLaneHeight] = useState(pickLaneHeight);
  const laneHeightRef = useRef(laneHeight);
  useEffect(() => {
    const onResize = () => setLaneHeight(pickLaneHeight());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  useEffect(() => {
    laneHeightRef.current = laneHeight;
    if (ready) surferRef.current?.setOptions({ height: audio.channels === 2 ? laneHeight : laneHeight * 2 });
  }, [laneHeight, ready, audio.channels]);
  useSliderPosition(containerRef, clock, audio.durationMs);

  useEffect(() => {
    let destroyed = false;
    let pointerRange: PointerRange | null = null;
    const media = document.createElement('audio');
    media.preload = 'metadata';
    media.src = `/media/audio/${audio.id}`;
    media.preservesPitch = true;
    media.dataset.testid = 'call-audio';
    // Kept in the DOM (hidden) so assistive tools and tests can find the one media element of the call.
    containerRef.current?.parentElement?.appendChild(media);
    const stopMuting = muteRedactedRanges(media, () => callbacks.current.redactedRanges ?? []);
    const stereo = audio.channels === 2;
    const laneColors = (channel: number) =>
      channel === agentChannel
        ? { wave: cssVar('--agent'), progress: cssVar('--agent-progress') }
        : { wave: cssVar('--customer'), progress: cssVar('--customer-progress') };

    void loadPeaks(audio.id, audio.channels).then(
      (peaks) => {
        if (destroyed || !containerRef.current) return;
        const regions = RegionsPlugin.create();
        regionsRef.current = regions;
        const surfer = WaveSurfer.create({
          container: containerRef.current,
          media,
          peaks,
          duration: audio.durationMs / 1000,
          height: stereo ? laneHeightRef.current : laneHeightRef.current * 2,
          normalize: true,
          cursorColor: cssVar('--text'),
          cursorWidth: 2,
          dragToSeek: true,
          autoScroll: true,
          autoCenter: true,
          waveColor: laneColors(agentChannel).wave,
          progressColor: laneColors(agentChannel).progress,
          splitChannels: stereo
            ? [0, 1].map((channel) => ({
                waveColor: laneColors(channel).wave,
                progressColor: laneColors(channel).progress,
              }))
            : undefined,
          plugins: [
            regions,
            createTimeRuler(timelineRef.current, cssVar('--text-muted')),
            Minimap.create({
              container: minimapRef.current ?? undefined,
              height: 28,
              waveColor: cssVar('--border'),
              progressColor: cssVar('--text-muted'),
              overlayColor: 'rgba(127,127,127,0.18)',
            }),
          ],
        });
        surferRef.current = surfer;
        pointerRange = trackPointerRange(surfer);
        followWaveformScroll(surfer, timelineRef.current);
        followWaveformWidth(surfer, laneTrackRef.current);
        surfer.on('timeupdate', (seconds) => {
          const timeMs = Math.round(seconds * 1000);
          const range = rangeRef.current;
          if (range && timeMs >= range.endMs) {
            if (range.loop) surfer.setTime(range.startMs / 1000);
            else {
              rangeRef.current = null;
              surfer.pause();
            }
          }
          clock.set(timeMs);
        });
        surfer.on('interaction', () => (rangeRef.current = null));
        regions.on('region-created', (region: Region) => {
          if (syncingRegions.current) return;
          // A range dragged on the waveform: it becomes a moment (drawn again from the review's state).
          region.remove();
          const dragged = pointerRange?.take() ?? { startSec: region.start, endSec: region.end };
          callbacks.current.moments?.onRangeSelected(
            Math.round(dragged.startSec * 1000),
            Math.round(dragged.endSec * 1000),
          );
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
        // Ghosts let the pointer through (a drag over one marks a moment); a click on one seeks and selects it.
        surfer.on('click', (relativeX: number) => {
          const ghosts = callbacks.current.moments?.ghosts;
          const ghost = ghosts && ghostAt(ghosts.items, relativeX * surfer.getDuration() * 1000);
          if (ghost) ghosts.onSelect(ghost.key);
        });
        surfer.on('play', () => callbacks.current.onPlayingChange(true));
        surfer.on('pause', () => callbacks.current.onPlayingChange(false));
        surfer.on('finish', () => callbacks.current.onPlayingChange(false));
        surfer.on('ready', () => {
          setReady(true);
          if (containerRef.current) containerRef.current.dataset.ready = 'true';
          callbacks.current.onReady?.();
        });
        media.addEventListener('ratechange', () => callbacks.current.onRateChange(media.playbackRate));
        media.addEventListener('error', () => setError(t('player.audioError')));
      },
      () => setError(t('player.peaksError')),
    );
    return () => {
      destroyed = true;
      pointerRange?.dispose();
      stopMuting();
      surferRef.current?.destroy();
      surferRef.current = null;
      regionsRef.current = null;
      setReady(false);
      media.pause();
      media.removeAttribute('src');
      media.remove();
    };
  }, [audio.id, audio.channels, audio.durationMs, agentChannel, clock, t]);

  const editable = moments?.editable ?? false;
  useEffect(() => {
    const regions = regionsRef.current;
    const surfer = surferRef.current;
    if (!ready || !regions || !surfer || !editable) return;
    // While reviewing, dragging marks a range; a click still seeks.
    surfer.setOptions({ dragToSeek: false });
    const stop = regions.enableDragSelection({ color: 'rgba(127, 127, 127, 0.25)' }, 6);
    return () => {
      stop();
      surferRef.current?.setOptions({ dragToSeek: true });
    };
  }, [ready, editable]);

  const momentList = moments?.moments;
  const selectedId = moments?.selectedId ?? null;
  const ghosts = moments?.ghosts;
  useEffect(() => {
    const regions = regionsRef.current;
    if (!ready || !regions) return;
    syncingRegions.current = true;
    drawRegions(regions, {
      moments: momentList ?? [],
      selectedId,
      editable,
      labelOf: (moment) => callbacks.current.moments?.labelOf(moment) ?? '',
      ghosts: ghosts?.items ?? [],
      selectedGhostKey: ghosts?.selectedKey ?? null,
      redactedRanges: redactedRanges ?? [],
      redactionLabel: t('redaction.waveformLabel'),
    });
    syncingRegions.current = false;
  }, [ready, momentList, selectedId, editable, redactedRanges, ghosts, t]);

  useImperativeHandle(
    ref,
    () => ({
      playPause: () => void surferRef.current?.playPause(),
      seekMs: (timeMs) => {
        const surfer = surferRef.current;
        if (!surfer) return;
        surfer.setTime(Math.max(0, Math.min(audio.durationMs, timeMs)) / 1000);
        clock.set(Math.round(surfer.getCurrentTime() * 1000));
      },
      skipMs: (deltaMs) => {
        const surfer = surferRef.current;
        if (surfer)
          surfer.setTime(Math.max(0, Math.min(audio.durationMs / 1000, surfer.getCurrentTime() + deltaMs / 1000)));
      },
      setRate: (rate) => surferRef.current?.setPlaybackRate(rate, true),
      zoomBy: (factor) => {
        const surfer = surferRef.current;
        const width = containerRef.current?.clientWidth ?? 800;
        if (!surfer) return;
        const fitted = width / (audio.durationMs / 1000);
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
    [audio.durationMs, clock],
  );

  return (
    <div className="waveform">
      {audio.channels === 2 && (
        <div className="lane-labels" aria-hidden="true" style={{ height: laneHeight * 2 }}>
          <span className={agentChannel === 0 ? 'lane-agent' : 'lane-customer'}>
            {t(agentChannel === 0 ? 'roles.agent' : 'roles.customer')}
          </span>
          <span className={agentChannel === 1 ? 'lane-agent' : 'lane-customer'}>
            {t(agentChannel === 1 ? 'roles.agent' : 'roles.customer')}
          </span>
        </div>
      )}
      <div className="waveform-main">
        <div
          ref={containerRef}
          className="waveform-canvas"
          data-testid="waveform"
          aria-label={t('player.waveform')}
          role="slider"
          aria-valuemin={0}
          aria-valuemax={Math.round(audio.durationMs / 1000)}
          tabIndex={0}
          onKeyDown={(event) => {
            // A slider's own keys work whether or not single-key shortcuts are on.
            const step = {
              ArrowLeft: -5000,
              ArrowDown: -5000,
              ArrowRight: 5000,
              ArrowUp: 5000,
              PageDown: -30_000,
              PageUp: 30_000,
            }[event.key];
            const surfer = surferRef.current;
            if (!surfer || event.ctrlKey || event.metaKey || event.altKey) return;
            if (step !== undefined)
              surfer.setTime(Math.max(0, Math.min(audio.durationMs, surfer.getCurrentTime() * 1000 + step)) / 1000);
            else if (event.key === 'Home' || event.key === 'End')
              surfer.setTime(event.key === 'Home' ? 0 : audio.durationMs / 1000);
            else return;
            clock.set(Math.round(surfer.getCurrentTime() * 1000));
            event.preventDefault();
            event.stopPropagation();
          }}
        />
        <div className="waveform-lane-viewport">
          <div ref={laneTrackRef} className="waveform-lane-track">
            {lane}
          </div>
        </div>
        <div ref={timelineRef} className="waveform-timeline" />
        <div ref={minimapRef} className="waveform-minimap" aria-hidden="true" />
      </div>
      {error && (
        <p className="error-inline" role="alert">
          {error}
        </p>
      )}
    </div>
  );
});

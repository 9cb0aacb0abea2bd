import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { CallDetail } from '../../../contract/schemas';
import { loadPeaks } from './load-peaks';
import type { PlaybackClock } from './playback-clock';
import { trackPointerRange, type PointerRange } from './pointer-range';
import { muteRedactedRanges } from './redaction-mute';
import { followWaveformScroll } from './time-ruler';
import { followWaveformWidth } from './lane-track';
import { drawRegions } from './waveform-regions';
import {
  createCallMedia,
  releaseCallMedia,
  createSurfer,
  listenToSurfer,
  type PlayerCallbacks,
  type PlayingRange,
} from './waveform-surfer';

type Regions = ReturnType<typeof RegionsPlugin.create>;

/** The elements the player renders for the waveform to draw in. */
export interface WaveformElements {
  readonly container: RefObject<HTMLDivElement | null>;
  readonly minimap: RefObject<HTMLDivElement | null>;
  readonly timeline: RefObject<HTMLDivElement | null>;
  readonly laneTrack: RefObject<HTMLDivElement | null>;
}

function pickLaneHeight(): number {
  return window.innerHeight < 900 ? 44 : 56;
}

/** Lower lanes on short windows (laptops), so the transcript and moments keep their room. */
export function useLaneHeight(): number {
  const [laneHeight, setLaneHeight] = useState(pickLaneHeight);
  useEffect(() => {
    const onResize = () => setLaneHeight(pickLaneHeight());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return laneHeight;
}

/**
 * The call's wavesurfer.js player, made once its stored peaks have loaded and destroyed with the call: the media
 * element (muted over accepted redactions), the waveform, and its events wired to `callbacks` (read when they fire).
 */
export function useWaveformSurfer(options: {
  audio: NonNullable<CallDetail['audio']>;
  agentChannel: 0 | 1;
  clock: PlaybackClock;
  callbacks: { readonly current: PlayerCallbacks };
  elements: WaveformElements;
  laneHeight: number;
}) {
  const { audio, agentChannel, clock, callbacks, elements, laneHeight } = options;
  const { t } = useTranslation();
  const surferRef = useRef<WaveSurfer | null>(null);
  const regionsRef = useRef<Regions | null>(null);
  const syncingRegionsRef = useRef(false);
  const rangeRef = useRef<PlayingRange | null>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const laneHeightRef = useRef(laneHeight);
  useEffect(() => {
    laneHeightRef.current = laneHeight;
    if (ready) surferRef.current?.setOptions({ height: audio.channels === 2 ? laneHeight : laneHeight * 2 });
  }, [laneHeight, ready, audio.channels]);

  useEffect(() => {
    let destroyed = false;
    let pointerRange: PointerRange | null = null;
    let made: WaveSurfer | null = null;
    const media = createCallMedia(audio.id, elements.container.current?.parentElement);
    const stopMuting = muteRedactedRanges(media, () => callbacks.current.redactedRanges ?? []);
    void loadPeaks(audio.id, audio.channels).then(
      (peaks) => {
        const container = elements.container.current;
        if (destroyed || !container) return;
        const regions = RegionsPlugin.create();
        regionsRef.current = regions;
        const surfer = createSurfer({
          container,
          media,
          peaks,
          durationMs: audio.durationMs,
          channels: audio.channels,
          agentChannel,
          laneHeight: laneHeightRef.current,
          regions,
          timeline: elements.timeline.current,
          minimap: elements.minimap.current,
        });
        surferRef.current = surfer;
        made = surfer;
        pointerRange = trackPointerRange(surfer);
        followWaveformScroll(surfer, elements.timeline.current);
        followWaveformWidth(surfer, elements.laneTrack.current);
        listenToSurfer(surfer, regions, media, {
          callbacks,
          clock,
          range: rangeRef,
          syncingRegionsRef,
          pointerRange,
          onReady: () => {
            setReady(true);
            if (elements.container.current) elements.container.current.dataset.ready = 'true';
            callbacks.current.onReady?.();
          },
          onMediaError: () => setError(t('player.audioError')),
        });
      },
      () => setError(t('player.peaksError')),
    );
    return () => {
      destroyed = true;
      pointerRange?.dispose();
      stopMuting();
      made?.destroy();
      surferRef.current = null;
      regionsRef.current = null;
      setReady(false);
      releaseCallMedia(media);
    };
  }, [audio.id, audio.channels, audio.durationMs, agentChannel, clock, t, callbacks, elements]);

  return { surferRef, regionsRef, syncingRegionsRef, rangeRef, ready, error };
}

/** While reviewing (editable moments), dragging on the waveform marks a range; a click still seeks. */
export function useDragToMark(
  ready: boolean,
  editable: boolean,
  surferRef: RefObject<WaveSurfer | null>,
  regionsRef: RefObject<Regions | null>,
): void {
  useEffect(() => {
    const regions = regionsRef.current;
    const surfer = surferRef.current;
    if (!ready || !regions || !surfer || !editable) return;
    surfer.setOptions({ dragToSeek: false });
    const stop = regions.enableDragSelection({ color: 'rgba(127, 127, 127, 0.25)' }, 6);
    return () => {
      stop();
      // The surfer of now, not of the start: a destroyed one (the call closed) has nothing to restore.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      surferRef.current?.setOptions({ dragToSeek: true });
    };
  }, [ready, editable, surferRef, regionsRef]);
}

/** Draws the moments, the suggestions' ghosts and the accepted redactions as regions whenever they change. */
export function useDrawnRegions(
  ready: boolean,
  regionsRef: RefObject<Regions | null>,
  syncingRegionsRef: RefObject<boolean>,
  callbacks: { readonly current: PlayerCallbacks },
  shown: Pick<PlayerCallbacks, 'moments' | 'redactedRanges'>,
): void {
  const { t } = useTranslation();
  const momentList = shown.moments?.moments;
  const selectedId = shown.moments?.selectedId ?? null;
  const editable = shown.moments?.editable ?? false;
  const ghosts = shown.moments?.ghosts;
  const redactedRanges = shown.redactedRanges;
  useEffect(() => {
    const regions = regionsRef.current;
    if (!ready || !regions) return;
    syncingRegionsRef.current = true;
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
    syncingRegionsRef.current = false;
  }, [ready, momentList, selectedId, editable, redactedRanges, ghosts, t, regionsRef, syncingRegionsRef, callbacks]);
}

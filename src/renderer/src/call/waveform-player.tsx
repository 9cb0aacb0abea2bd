import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import WaveSurfer from 'wavesurfer.js';
import Minimap from 'wavesurfer.js/dist/plugins/minimap.esm.js';
import Timeline from 'wavesurfer.js/dist/plugins/timeline.esm.js';
import type { CallDetail } from '../../../contract/schemas';
import { loadPeaks } from './load-peaks';
import type { PlaybackClock } from './playback-clock';

export interface PlayerHandle {
  playPause(): void;
  seekMs(timeMs: number): void;
  skipMs(deltaMs: number): void;
  setRate(rate: number): void;
  zoomBy(factor: number): void;
  isPlaying(): boolean;
}

export const playbackRates = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;
const minZoomPxPerSec = 1;
const maxZoomPxPerSec = 400;

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

/**
 * The waveform, drawn from the peaks stored at import (the audio is never decoded here), with agent and
 * customer in their own lanes on stereo calls. Playback streams through a media element.
 */
export const WaveformPlayer = forwardRef<PlayerHandle, {
  audio: NonNullable<CallDetail['audio']>;
  agentChannel: 0 | 1;
  clock: PlaybackClock;
  onPlayingChange: (playing: boolean) => void;
  onRateChange: (rate: number) => void;
  onReady?: () => void;
}>(function WaveformPlayer({ audio, agentChannel, clock, onPlayingChange, onRateChange, onReady }, ref) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const minimapRef = useRef<HTMLDivElement>(null);
  const timelineRef = useRef<HTMLDivElement>(null);
  const surferRef = useRef<WaveSurfer | null>(null);
  const zoomRef = useRef(0);
  const [error, setError] = useState<string | null>(null);
  const callbacks = useRef({ onPlayingChange, onRateChange, onReady });
  useEffect(() => {
    callbacks.current = { onPlayingChange, onRateChange, onReady };
  });

  useEffect(() => {
    let destroyed = false;
    const media = document.createElement('audio');
    media.preload = 'metadata';
    media.src = `/media/audio/${audio.id}`;
    media.preservesPitch = true;
    media.dataset.testid = 'call-audio';
    // Kept in the DOM (hidden) so assistive tools and tests can find the one media element of the call.
    containerRef.current?.parentElement?.appendChild(media);
    const stereo = audio.channels === 2;
    const laneColors = (channel: number) => (channel === agentChannel ? { wave: cssVar('--agent'), progress: cssVar('--agent-progress') } : { wave: cssVar('--customer'), progress: cssVar('--customer-progress') });

    void loadPeaks(audio.id, audio.channels).then(
      (peaks) => {
        if (destroyed || !containerRef.current) return;
        const surfer = WaveSurfer.create({
          container: containerRef.current,
          media,
          peaks,
          duration: audio.durationMs / 1000,
          height: stereo ? 56 : 96,
          normalize: true,
          cursorColor: cssVar('--text'),
          cursorWidth: 2,
          dragToSeek: true,
          autoScroll: true,
          autoCenter: true,
          waveColor: laneColors(agentChannel).wave,
          progressColor: laneColors(agentChannel).progress,
          splitChannels: stereo ? [0, 1].map((channel) => ({ waveColor: laneColors(channel).wave, progressColor: laneColors(channel).progress })) : undefined,
          plugins: [
            Timeline.create({ container: timelineRef.current ?? undefined, height: 18, style: { color: cssVar('--text-muted'), fontSize: '11px' } }),
            Minimap.create({ container: minimapRef.current ?? undefined, height: 28, waveColor: cssVar('--border'), progressColor: cssVar('--text-muted'), overlayColor: 'rgba(127,127,127,0.18)' }),
          ],
        });
        surferRef.current = surfer;
        surfer.on('timeupdate', (seconds) => clock.set(Math.round(seconds * 1000)));
        surfer.on('play', () => callbacks.current.onPlayingChange(true));
        surfer.on('pause', () => callbacks.current.onPlayingChange(false));
        surfer.on('finish', () => callbacks.current.onPlayingChange(false));
        surfer.on('ready', () => {
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
      surferRef.current?.destroy();
      surferRef.current = null;
      media.pause();
      media.removeAttribute('src');
      media.remove();
    };
  }, [audio.id, audio.channels, audio.durationMs, agentChannel, clock, t]);

  useImperativeHandle(ref, () => ({
    playPause: () => void surferRef.current?.playPause(),
    seekMs: (timeMs) => {
      const surfer = surferRef.current;
      if (!surfer) return;
      surfer.setTime(Math.max(0, Math.min(audio.durationMs, timeMs)) / 1000);
      clock.set(Math.round(surfer.getCurrentTime() * 1000));
    },
    skipMs: (deltaMs) => {
      const surfer = surferRef.current;
      if (surfer) surfer.setTime(Math.max(0, Math.min(audio.durationMs / 1000, surfer.getCurrentTime() + deltaMs / 1000)));
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
  }), [audio.durationMs, clock]);

  return (
    <div className="waveform">
      {audio.channels === 2 && (
        <div className="lane-labels" aria-hidden="true">
          <span className={agentChannel === 0 ? 'lane-agent' : 'lane-customer'}>{t(agentChannel === 0 ? 'roles.agent' : 'roles.customer')}</span>
          <span className={agentChannel === 1 ? 'lane-agent' : 'lane-customer'}>{t(agentChannel === 1 ? 'roles.agent' : 'roles.customer')}</span>
        </div>
      )}
      <div className="waveform-main">
        <div ref={containerRef} className="waveform-canvas" data-testid="waveform" aria-label={t('player.waveform')} role="slider" aria-valuemin={0} aria-valuemax={Math.round(audio.durationMs / 1000)} aria-valuenow={0} tabIndex={-1} />
        <div ref={timelineRef} className="waveform-timeline" />
        <div ref={minimapRef} className="waveform-minimap" aria-hidden="true" />
      </div>
      {error && <p className="error-inline" role="alert">{error}</p>}
    </div>
  );
});

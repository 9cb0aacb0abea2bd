import { forwardRef, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDetail } from '../../../contract/schemas';
import type { RedactedRange } from '../../../domain/privacy/redaction-ranges';
import type { PlaybackClock } from './playback-clock';
import { useSliderPosition } from './use-slider-position';
import { seekBySliderKey, usePlayerHandle, type PlayerHandle } from './use-player-handle';
import { useDragToMark, useDrawnRegions, useLaneHeight, useWaveformSurfer } from './use-waveform-surfer';
import type { PlayerCallbacks, WaveformMoments } from './waveform-surfer';

export type { PlayerHandle } from './use-player-handle';
export type { WaveformMoments } from './waveform-surfer';

export const playbackRates = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** On stereo calls, which lane is the agent's and which the customer's. */
function LaneLabels({ agentChannel, laneHeight }: { agentChannel: 0 | 1; laneHeight: number }) {
  const { t } = useTranslation();
  return (
    <div className="lane-labels" aria-hidden="true" style={{ height: laneHeight * 2 }}>
      <span className={agentChannel === 0 ? 'lane-agent' : 'lane-customer'}>
        {t(agentChannel === 0 ? 'roles.agent' : 'roles.customer')}
      </span>
      <span className={agentChannel === 1 ? 'lane-agent' : 'lane-customer'}>
        {t(agentChannel === 1 ? 'roles.agent' : 'roles.customer')}
      </span>
    </div>
  );
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
  const elements = useMemo(
    () => ({ container: containerRef, minimap: minimapRef, timeline: timelineRef, laneTrack: laneTrackRef }),
    [],
  );
  const callbacks = useRef<PlayerCallbacks>({ onPlayingChange, onRateChange, onReady, moments, redactedRanges });
  useEffect(() => {
    callbacks.current = { onPlayingChange, onRateChange, onReady, moments, redactedRanges };
  });
  const laneHeight = useLaneHeight();
  const player = useWaveformSurfer({ audio, agentChannel, clock, callbacks, elements, laneHeight });
  useSliderPosition(containerRef, clock, audio.durationMs);
  useDragToMark(player.ready, moments?.editable ?? false, player.surferRef, player.regionsRef);
  useDrawnRegions(player.ready, player.regionsRef, player.syncingRegionsRef, callbacks, { moments, redactedRanges });
  usePlayerHandle(ref, {
    surferRef: player.surferRef,
    containerRef,
    rangeRef: player.rangeRef,
    durationMs: audio.durationMs,
    clock,
  });

  return (
    <div className="waveform">
      {audio.channels === 2 && <LaneLabels agentChannel={agentChannel} laneHeight={laneHeight} />}
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
            if (!seekBySliderKey(event, player.surferRef.current, audio.durationMs, clock)) return;
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
      {player.error && (
        <p className="error-inline" role="alert">
          {player.error}
        </p>
      )}
    </div>
  );
});

import { useCallback, useEffect, useRef, useState } from 'react';
import type { RedactedRange } from '../../../domain/privacy/redaction-ranges';
import { evidenceClip } from '../../../domain/team/evidence-clip';
import { muteRedactedRanges } from '../call/redaction-mute';

export interface EvidenceMomentToPlay {
  readonly momentId: string;
  readonly audioId: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly redactedRanges: readonly RedactedRange[];
  /** Where the audio starts in the call: 0 for the recording, the clip's start for an evidence clip. */
  readonly offsetMs?: number;
}

/**
 * One audio element for the team report's evidence (the app's media URL, as the call screen uses): a moment plays in
 * place from 2 s before to 2 s after it, one at a time, silent where the call is redacted. The playing moment comes
 * from the element's own play and pause events, so a clip that reaches its end or another that starts says so.
 */
export function useEvidencePlayer() {
  const mediaRef = useRef<HTMLAudioElement | null>(null);
  const clipRef = useRef<{ momentId: string; fromMs: number; toMs: number; ranges: readonly RedactedRange[] } | null>(
    null,
  );
  const [playingId, setPlayingId] = useState<string | null>(null);

  useEffect(() => {
    const media = mediaRef.current;
    if (!media) return;
    const stopMuting = muteRedactedRanges(media, () => clipRef.current?.ranges ?? []);
    const onPlay = () => setPlayingId(clipRef.current?.momentId ?? null);
    const onStop = () => setPlayingId(null);
    const onTime = () => {
      const clip = clipRef.current;
      if (clip && !media.paused && media.currentTime * 1000 >= clip.toMs) media.pause();
    };
    // Before its metadata a media element may forget a seek: start the clip where it begins once it knows.
    const onMetadata = () => {
      const clip = clipRef.current;
      if (clip) media.currentTime = clip.fromMs / 1000;
    };
    media.addEventListener('play', onPlay);
    media.addEventListener('pause', onStop);
    media.addEventListener('ended', onStop);
    media.addEventListener('timeupdate', onTime);
    media.addEventListener('loadedmetadata', onMetadata);
    return () => {
      stopMuting();
      media.pause();
      media.removeEventListener('play', onPlay);
      media.removeEventListener('pause', onStop);
      media.removeEventListener('ended', onStop);
      media.removeEventListener('timeupdate', onTime);
      media.removeEventListener('loadedmetadata', onMetadata);
    };
  }, []);

  /** Plays the moment's clip, or stops it when it is the one playing. */
  const toggle = useCallback(
    (moment: EvidenceMomentToPlay) => {
      const media = mediaRef.current;
      if (!media) return;
      if (playingId === moment.momentId) {
        media.pause();
        return;
      }
      media.pause();
      // Times in the played file: a clip starts at `offsetMs` of the call.
      const offsetMs = moment.offsetMs ?? 0;
      const inCall = evidenceClip(moment);
      const clip = { fromMs: Math.max(0, inCall.fromMs - offsetMs), toMs: inCall.toMs - offsetMs };
      const ranges = moment.redactedRanges.map((range) => ({
        startMs: range.startMs - offsetMs,
        endMs: range.endMs - offsetMs,
      }));
      clipRef.current = { momentId: moment.momentId, ...clip, ranges };
      media.dataset.clipFromMs = String(clip.fromMs);
      media.dataset.clipToMs = String(clip.toMs);
      const src = `/media/audio/${moment.audioId}`;
      if (media.getAttribute('src') !== src) media.src = src;
      media.currentTime = clip.fromMs / 1000;
      void media.play().catch(() => setPlayingId(null));
    },
    [playingId],
  );

  return { mediaRef, playingId, toggle };
}

import { isRedactedAt, type RedactedRange } from '../../../domain/privacy/redaction-ranges';

/**
 * Keeps the media element muted while the playhead is inside a redacted range. Checked on every animation frame
 * while playing (timeupdate alone fires only about four times a second, which would let the start of a range
 * through) and on every seek. Returns the function that stops it.
 */
export function muteRedactedRanges(media: HTMLMediaElement, rangesOf: () => readonly RedactedRange[]): () => void {
  let frame = 0;
  const check = () => {
    const muted = isRedactedAt(media.currentTime * 1000, rangesOf());
    if (media.muted !== muted) media.muted = muted;
    media.dataset.redactedMuted = String(muted);
  };
  const loop = () => {
    check();
    frame = media.paused ? 0 : requestAnimationFrame(loop);
  };
  const start = () => {
    check();
    if (frame === 0) frame = requestAnimationFrame(loop);
  };
  const events = ['play', 'playing', 'seeking', 'seeked', 'timeupdate'] as const;
  media.addEventListener('play', start);
  for (const name of events.slice(1)) media.addEventListener(name, check);
  check();
  return () => {
    cancelAnimationFrame(frame);
    media.removeEventListener('play', start);
    for (const name of events.slice(1)) media.removeEventListener(name, check);
  };
}

import { describe, expect, it } from 'vitest';
import { muteRedactedRanges } from './redaction-mute';

describe('muteRedactedRanges', () => {
  it('mutes on a seek into a redacted range and unmutes on a seek out of it', () => {
    const media = document.createElement('audio');
    let ranges = [{ startMs: 3000, endMs: 7000 }];
    const stop = muteRedactedRanges(media, () => ranges);
    expect(media.muted).toBe(false);
    media.currentTime = 4;
    media.dispatchEvent(new Event('seeked'));
    expect(media.muted).toBe(true);
    expect(media.dataset.redactedMuted).toBe('true');
    media.currentTime = 7;
    media.dispatchEvent(new Event('seeked'));
    expect(media.muted).toBe(false);
    // The ranges are read at each check: a redaction accepted while playing takes effect at once.
    ranges = [{ startMs: 6500, endMs: 8000 }];
    media.dispatchEvent(new Event('timeupdate'));
    expect(media.muted).toBe(true);
    stop();
    media.currentTime = 1;
    media.dispatchEvent(new Event('seeked'));
    expect(media.muted).toBe(true);
  });
});

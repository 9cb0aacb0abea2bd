import { describe, expect, it } from 'vitest';
import type { TranscriptSegment } from '../transcript/model';
import { detectPersonalData } from './detect-personal-data';
import { isRedactedAt, maskText, maskTranscript, maskedTextBetween, mergeRanges } from './redaction-ranges';
import { findPersonalDataInTranscript } from './transcript-findings';

const timed = (words: string[], startMs: number, stepMs = 500): TranscriptSegment => ({
  speaker: 'klant',
  channel: null,
  startMs,
  endMs: startMs + words.length * stepMs,
  text: words.join(' '),
  words: words.map((text, index) => ({
    text,
    startMs: startMs + index * stepMs,
    endMs: startMs + (index + 1) * stepMs,
  })),
});

describe('personal data in a transcript', () => {
  it('places a card number read across two cues in time', () => {
    const segments = [timed(['mijn', 'kaart', 'is', '4111', '1111'], 0), timed(['1111', '1111', 'dank', 'je'], 5000)];
    expect(findPersonalDataInTranscript(segments)).toEqual([{ kind: 'card_number', startMs: 1500, endMs: 6000 }]);
  });

  it('estimates times inside a segment without word timings', () => {
    const plain: TranscriptSegment = {
      speaker: null,
      channel: null,
      startMs: 10_000,
      endMs: 20_000,
      text: 'bel 0612345678 terug',
      words: [],
    };
    const [finding] = findPersonalDataInTranscript([plain]);
    expect(finding?.kind).toBe('phone_number');
    expect(finding!.startMs).toBeGreaterThan(10_000);
    expect(finding!.endMs).toBeLessThan(20_000);
  });

  it('reads a long transcript in windows and finds what spans a window edge once, as one pass would', () => {
    const filler = (index: number) => timed(['ja', 'hoor', `punt ${index % 7}`], index * 2000);
    const segments = Array.from({ length: 40 }, (_, index) => filler(index));
    // A card number read across segments 9 and 10 (the edge between the first two windows of ten), a phone number
    // inside the second window, an IBAN at the very end.
    segments[9] = timed(['kaart', '4111', '1111'], 9 * 2000, 400);
    segments[10] = timed(['1111', '1111', 'klopt'], 10 * 2000, 400);
    segments[15] = timed(['bel', '0612345678', 'maar'], 15 * 2000, 400);
    segments[39] = timed(['iban', 'NL91ABNA0417164300'], 39 * 2000, 400);
    const onePass = findPersonalDataInTranscript(segments, { segments: 1_000, context: 8 });
    const windowed = findPersonalDataInTranscript(segments, { segments: 10, context: 3 });
    expect(onePass.map((finding) => finding.kind)).toEqual(['card_number', 'phone_number', 'iban']);
    expect(windowed).toEqual(onePass);
  });

  it('keeps the stronger finding where two overlap', () => {
    expect(detectPersonalData('bsn 111222333 kaart 4111111111111111').map((finding) => finding.kind)).toEqual([
      'bsn',
      'card_number',
    ]);
  });
});

describe('redacted ranges', () => {
  const segments = [timed(['kaart', '4111', '1111', '1111', '1111', 'bedankt'], 0)];

  it('masks the words inside a range and rebuilds the text', () => {
    const [masked] = maskTranscript(segments, [{ startMs: 500, endMs: 2500 }]);
    expect(masked!.text).toBe(`kaart ${maskText} ${maskText} ${maskText} ${maskText} bedankt`);
    expect(masked!.words.map((word) => word.text)).not.toContain('4111');
  });

  it('masks quotes and mutes by time', () => {
    expect(maskedTextBetween(segments, 0, 3000, [{ startMs: 500, endMs: 1000 }])).toBe(
      `kaart ${maskText} 1111 1111 1111 bedankt`,
    );
    expect(isRedactedAt(600, [{ startMs: 500, endMs: 1000 }])).toBe(true);
    expect(isRedactedAt(1000, [{ startMs: 500, endMs: 1000 }])).toBe(false);
  });

  it('merges overlapping ranges', () => {
    expect(
      mergeRanges([
        { startMs: 5, endMs: 9 },
        { startMs: 0, endMs: 5 },
        { startMs: 20, endMs: 30 },
      ]),
    ).toEqual([
      { startMs: 0, endMs: 9 },
      { startMs: 20, endMs: 30 },
    ]);
  });
});

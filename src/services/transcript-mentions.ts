import type Database from 'better-sqlite3';
import type { CustomerQuery } from '../domain/requests/customer-query';
import { findCustomerMentions } from '../domain/requests/find-in-text';
import type { TextRange } from '../domain/privacy/model';
import { forEachTranscriptText, type SegmentText } from '../storage/customer-requests-repository';

/** A mention of the customer in one transcript segment (the stored original, not the masked text). */
export interface TranscriptMention {
  readonly callId: string;
  readonly segment: SegmentText;
  readonly range: TextRange;
}

/**
 * Every transcript mention of the customer: a plain scan of every stored transcript, window by window. Not the
 * transcript search index, on purpose: the index holds the masked text, and a customer's request must also find
 * what is redacted on screen but still stored (a phone number masked in playback is still their data), spoken in
 * any notation (digit by digit), which word tokens do not match.
 */
export function findTranscriptMentions(
  db: Database.Database,
  query: CustomerQuery,
  visit: (mention: TranscriptMention) => void,
): void {
  forEachTranscriptText(db, (callId, segments) => {
    for (const segment of segments)
      for (const range of findCustomerMentions(segment.text, query)) visit({ callId, segment, range });
  });
}

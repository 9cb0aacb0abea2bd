import type Database from 'better-sqlite3';
import type { RequestFindResult } from '../contract/requests';
import type { CustomerQuery } from '../domain/requests/customer-query';
import { excerptAround } from '../domain/requests/excerpt';
import { findCustomerMentions } from '../domain/requests/find-in-text';
import { getCallSummary } from '../storage/calls-repository';
import { forEachCallFields } from '../storage/customer-requests-repository';
import { findTranscriptMentions } from './transcript-mentions';

type FoundCall = RequestFindResult['calls'][number];
type Match = FoundCall['matches'][number];

/** How many matches a result shows per call; the rest are counted. */
const shownMatchesPerCall = 3;

/** Every call that names the customer in its title, its customer reference or its transcript, newest first. */
export function findCustomerCalls(db: Database.Database, query: CustomerQuery): FoundCall[] {
  const found = new Map<string, { matches: Match[]; matchCount: number }>();
  const add = (callId: string, match: Match) => {
    const entry = found.get(callId) ?? { matches: [], matchCount: 0 };
    entry.matchCount += 1;
    if (entry.matches.length < shownMatchesPerCall) entry.matches.push(match);
    found.set(callId, entry);
  };
  forEachCallFields(db, (fields) => {
    for (const where of ['title', 'customerRef'] as const)
      for (const range of findCustomerMentions(fields[where], query))
        add(fields.callId, { where, atMs: null, ...excerptAround(fields[where], range) });
  });
  findTranscriptMentions(db, query, ({ callId, segment, range }) =>
    add(callId, { where: 'transcript', atMs: segment.startMs, ...excerptAround(segment.text, range) }),
  );
  const calls: FoundCall[] = [];
  for (const [callId, entry] of found) {
    const call = getCallSummary(db, callId);
    if (call) calls.push({ call, ...entry });
  }
  return calls.sort(
    (a, b) => (b.call.recordedAt ?? '').localeCompare(a.call.recordedAt ?? '') || a.call.id.localeCompare(b.call.id),
  );
}

import { ok } from '../contract/errors';
import { locateHit, searchTerms } from '../domain/transcript/search-text';
import { searchTranscriptPhraseHow } from '../storage/transcript-search-repository';
import type { Handlers } from './handlers';

export const transcriptSearchHandlers: Pick<Handlers, 'calls.searchTranscripts'> = {
  'calls.searchTranscripts': (input, context) => {
    const terms = searchTerms(input.query);
    if (terms.length === 0) return ok({ hits: [], more: false });
    // One row more than asked says whether there are more, without counting every match.
    const { rows, lastWordWhole } = searchTranscriptPhraseHow(context.db, terms, input.role ?? null, input.limit + 1);
    const hits = rows.slice(0, input.limit).map((row) => {
      const place = locateHit(row.text, input.query, lastWordWhole);
      return {
        callId: row.callId,
        title: row.title,
        agentName: row.agentName,
        recordedAt: row.recordedAt,
        segment: row.segment,
        speaker: row.speaker,
        role: row.role,
        atMs: row.wordStartsMs[place.wordIndex] ?? row.startMs,
        before: place.before,
        hit: place.hit,
        after: place.after,
      };
    });
    return ok({ hits, more: rows.length > input.limit, lastWordWhole });
  },
};

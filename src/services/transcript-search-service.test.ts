import { describe, expect, it } from 'vitest';
import { makeServiceContext } from '../../tests/unit/service-context';
import { serviceDispatch } from '../../tests/unit/service-dispatch';
import { useTempDirs } from '../../tests/unit/temp-dir';
import type { TranscriptSegment } from '../domain/transcript/model';
import { locateHit, transcriptMatchQuery } from '../domain/transcript/search-text';
import { insertCall } from '../storage/calls-repository';
import { searchTranscriptTurns } from '../storage/transcript-search-repository';
import { saveTranscript } from '../storage/transcripts-repository';

const tempDir = useTempDirs();

const turn = (speaker: string, startMs: number, text: string): TranscriptSegment => ({
  speaker,
  channel: null,
  startMs,
  endMs: startMs + 5000,
  text,
  words: text.split(' ').map((word, n) => ({ text: word, startMs: startMs + n * 500, endMs: startMs + n * 500 + 400 })),
});

describe('calls.searchTranscripts', () => {
  it('answers a prefix with the hits, order and snippets of FTS5’s own prefix query', async () => {
    const context = makeServiceContext(tempDir());
    const { call } = serviceDispatch(context);
    const lines = [
      'Goedemiddag, ik wil mijn abonnement Opzéggen want de opzegtermijn is te lang.',
      'Dat begrijp ik, de opzegging gaat per direct in en u bent geïnformeerd.',
      'I want to cancel, the cancellation fee is too high.',
    ];
    for (let n = 0; n < 12; n += 1) {
      insertCall(context.db, { id: `c${n}`, title: `Gesprek ${n}`, agentName: 'Sanne', createdAtMs: n });
      const segments = lines.map((line, index) => turn(index % 2 === 0 ? 'Peter' : 'Sanne', index * 6000, line));
      const speakerRoles = { 'speaker:Sanne': 'agent', 'speaker:Peter': 'customer' } as const;
      const source = { format: 'webvtt', language: 'nl', sourceName: `c${n}.vtt`, warnings: [] } as const;
      saveTranscript(context.db, `c${n}`, { ...source, segments, speakerRoles }, n);
    }
    for (const query of ['opzeg', 'OPZÉG', 'ik wil mijn abonnement opz', 'geinf', 'cancel', 'o']) {
      for (const role of [undefined, 'customer'] as const) {
        const answer = await call('calls.searchTranscripts', { query, role, limit: 20 });
        const plain = searchTranscriptTurns(context.db, transcriptMatchQuery(query)!, role ?? null, 21);
        expect(answer.more, query).toBe(plain.length > 20);
        expect(
          answer.hits.map(({ callId, segment, atMs, before, hit, after }) => ({
            callId,
            segment,
            atMs,
            before,
            hit,
            after,
          })),
          query,
        ).toEqual(
          plain.slice(0, 20).map((row) => {
            const place = locateHit(row.text, query);
            const { before, hit, after } = place;
            return {
              callId: row.callId,
              segment: row.segment,
              atMs: row.wordStartsMs[place.wordIndex],
              before,
              hit,
              after,
            };
          }),
        );
      }
    }
    const opzeg = await call('calls.searchTranscripts', { query: 'opzeg', limit: 3 });
    expect(opzeg.hits.map((hit) => [hit.callId, hit.segment, hit.hit])).toEqual([
      ['c11', 1, 'opzegging'],
      ['c11', 0, 'Opzéggen'],
      ['c10', 1, 'opzegging'],
    ]);
    expect(opzeg.more).toBe(true);
  });
});

import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../contract/imports';
import { makeServiceContext } from '../../tests/unit/service-context';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { getTranscript } from '../storage/transcripts-repository';
import type { ServiceContext } from './context';
import { runImport } from './import-service';

const tempDir = useTempDirs();
const audioFixtures = join(__dirname, '../../tests/fixtures/audio');
const sentenceTimed = [
  'WEBVTT',
  '00:00.000 --> 00:00.100\nAnna: Goedemiddag',
  '00:00.120 --> 00:00.200\nKlant: Hallo',
  '00:00.220 --> 00:00.300\nAnna: Waarmee kan ik helpen?',
  '00:00.320 --> 00:00.480\nKlant: Mijn rekening klopt niet',
].join('\n\n');

async function importFiles(context: ServiceContext, folder: string, names: string[], attachToCallId?: string) {
  let summary: ImportSummary | undefined;
  const stop = context.events.listen((message) => {
    if (message.name === 'imports.finished') summary = message.payload as ImportSummary;
  });
  const sources = names.map((name) => ({ kind: 'path' as const, path: join(folder, name) }));
  await runImport('job', sources, context, new AbortController().signal, attachToCallId);
  stop();
  return summary!;
}

/** A data folder with calls made from `recordings` (name to fixture), none with a transcript yet. */
async function libraryWith(recordings: Record<string, string>) {
  const context = makeServiceContext(tempDir());
  const folder = tempDir();
  for (const [name, fixture] of Object.entries(recordings))
    copyFileSync(join(audioFixtures, fixture), join(folder, name));
  const summary = await importFiles(context, folder, Object.keys(recordings));
  expect(summary.importedCallIds).toHaveLength(Object.keys(recordings).length);
  return { context, folder, callIds: summary.importedCallIds };
}

describe('adding a transcript to a call that has none', () => {
  it('takes a transcript imported on its own to the call with its name, and counts it as a transcript added', async () => {
    const { context, folder, callIds } = await libraryWith({ 'gesprek-7.wav': 'tone-stereo-8k.wav' });
    writeFileSync(join(folder, 'Gesprek-7.vtt'), sentenceTimed);
    const summary = await importFiles(context, folder, ['Gesprek-7.vtt']);
    expect(summary).toMatchObject({ importedCallIds: [], transcriptCallIds: callIds, issues: [] });
    const stored = getTranscript(context.db, callIds[0]!);
    expect(stored?.sourceName).toBe('Gesprek-7.vtt');
    expect(stored?.segments.map((segment) => segment.speaker)).toEqual(['Anna', 'Klant', 'Anna', 'Klant']);

    writeFileSync(join(folder, 'gesprek-7.srt'), '1\n00:00:00,000 --> 00:00:00,300\nAnders\n');
    const again = await importFiles(context, folder, ['gesprek-7.srt']);
    expect(again.transcriptCallIds).toEqual([]);
    expect(again.issues.map((found) => [found.fileName, found.code])).toEqual([
      ['gesprek-7.srt', 'transcript_call_has_one'],
    ]);
    expect(getTranscript(context.db, callIds[0]!)?.sourceName).toBe('Gesprek-7.vtt');
  });

  it('refuses a lone transcript whose name fits two calls, or no call', async () => {
    const { context, folder } = await libraryWith({
      'dubbel.wav': 'tone-stereo-8k.wav',
      'dubbel.mp3': 'tone-stereo.mp3',
    });
    writeFileSync(join(folder, 'dubbel.vtt'), sentenceTimed);
    writeFileSync(join(folder, 'niemand.vtt'), sentenceTimed);
    const summary = await importFiles(context, folder, ['dubbel.vtt', 'niemand.vtt']);
    expect(summary.transcriptCallIds).toEqual([]);
    expect(summary.issues.map((found) => [found.fileName, found.code])).toEqual([
      ['dubbel.vtt', 'transcript_call_ambiguous'],
      ['niemand.vtt', 'transcript_without_audio'],
    ]);
    expect(context.db.prepare('SELECT COUNT(*) FROM transcripts').pluck().get()).toBe(0);
  });

  it('adds a transcript of any name to the call the user chose, checked against its recording like a pair', async () => {
    const { context, folder, callIds } = await libraryWith({ 'opname.wav': 'tone-stereo-8k.wav' });
    writeFileSync(join(folder, 'te-lang.vtt'), 'WEBVTT\n\n00:00.000 --> 00:59.000\nVeel te lang\n');
    const tooLong = await importFiles(context, folder, ['te-lang.vtt'], callIds[0]);
    expect(tooLong.issues.map((found) => found.code)).toEqual(['transcript_longer_than_audio']);
    expect(getTranscript(context.db, callIds[0]!)).toBeUndefined();

    writeFileSync(join(folder, 'ander-bestand.vtt'), sentenceTimed);
    copyFileSync(join(audioFixtures, 'tone-mulaw-8k.wav'), join(folder, 'extra.wav'));
    const summary = await importFiles(context, folder, ['ander-bestand.vtt', 'extra.wav'], callIds[0]);
    expect(summary.importedCallIds).toEqual([]);
    expect(summary.transcriptCallIds).toEqual(callIds);
    expect(summary.issues.map((found) => [found.fileName, found.code])).toEqual([['extra.wav', 'unsupported_file']]);
    expect(getTranscript(context.db, callIds[0]!)?.sourceName).toBe('ander-bestand.vtt');
  });

  it('adds nothing to a call whose media were removed', async () => {
    const { context, folder, callIds } = await libraryWith({ 'gewist.wav': 'tone-stereo-8k.wav' });
    context.db.prepare('UPDATE calls SET media_removed_at_ms = 1 WHERE id = ?').run(callIds[0]);
    writeFileSync(join(folder, 'gewist.vtt'), sentenceTimed);
    const byName = await importFiles(context, folder, ['gewist.vtt']);
    expect(byName.issues.map((found) => found.code)).toEqual(['transcript_without_audio']);
    const chosen = await importFiles(context, folder, ['gewist.vtt'], callIds[0]);
    expect(chosen.issues.map((found) => found.code)).toEqual(['transcript_call_unavailable']);
    expect(getTranscript(context.db, callIds[0]!)).toBeUndefined();
  });

  it('counts a known recording imported again with its transcript as a transcript added, not a call', async () => {
    const { context, folder, callIds } = await libraryWith({ 'eerst.wav': 'tone-stereo-8k.wav' });
    copyFileSync(join(audioFixtures, 'tone-stereo-8k.wav'), join(folder, 'later.wav'));
    writeFileSync(join(folder, 'later.vtt'), sentenceTimed);
    const summary = await importFiles(context, folder, ['later.wav', 'later.vtt']);
    expect(summary.importedCallIds).toEqual([]);
    expect(summary.transcriptCallIds).toEqual(callIds);
    expect(summary.issues.map((found) => [found.fileName, found.code])).toEqual([['later.wav', 'duplicate_audio']]);
  });
});

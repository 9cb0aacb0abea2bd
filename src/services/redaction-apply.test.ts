import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeServiceContext } from '../../tests/unit/service-context';
import { useTempDirs } from '../../tests/unit/temp-dir';
import type { CallRedactions } from '../contract/redactions';
import type { CallDetail } from '../contract/schemas';
import { readWavHeader } from '../domain/audio/wav';
import { maxBy } from '../domain/extremes';
import { maskText } from '../domain/privacy/redaction-ranges';
import { getAudio, readPeaks } from '../storage/audio-repository';
import { getCall } from '../storage/calls-repository';
import { getTranscript } from '../storage/transcripts-repository';
import type { ServiceContext } from './context';
import { createDispatch } from './dispatch';
import { handlers } from './handlers';
import { runImport } from './import-service';

const tempDir = useTempDirs();
const fixture = join(__dirname, '../../tests/fixtures/e2e/klacht-internet.wav');
const cardVtt = `WEBVTT

00:00:01.000 --> 00:00:09.000
<v Klant>Mijn <00:00:01.500>kaartnummer <00:00:02.500>is <00:00:03.000>4111 <00:00:04.000>1111 <00:00:05.000>1111 <00:00:06.000>1111 <00:00:07.000>dank <00:00:08.000>je.
`;

async function importFiles(context: ServiceContext, folder: string, names: string[]): Promise<string[]> {
  let callIds: string[] = [];
  const stop = context.events.listen((message) => {
    if (message.name === 'imports.finished')
      callIds = (message.payload as { importedCallIds: string[] }).importedCallIds;
  });
  await runImport(
    'job',
    names.map((name) => ({ kind: 'path' as const, path: join(folder, name) })),
    context,
    new AbortController().signal,
  );
  stop();
  return callIds;
}

async function setup() {
  const dataDir = tempDir();
  const context = makeServiceContext(dataDir);
  const dispatch = createDispatch(handlers, context);
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  const folder = tempDir();
  copyFileSync(fixture, join(folder, 'kaart.wav'));
  writeFileSync(join(folder, 'kaart.vtt'), cardVtt);
  const [callId] = await importFiles(context, folder, ['kaart.wav', 'kaart.vtt']);
  await call('reviewer.set', { name: 'Sanne' });
  const listed = await call<CallRedactions>('redactions.list', { callId });
  const card = listed.redactions.find((redaction) => redaction.kind === 'card_number')!;
  await call('redactions.accept', { redactionId: card.id, reason: 'kaartnummer' });
  return { dataDir, context, dispatch, call, callId: callId!, card, folder };
}

const storedAudioPath = (context: ServiceContext, callId: string) =>
  join(context.paths.audioDir, getAudio(context.db, getCall(context.db, callId)!.audioId!)!.storedName);

/** The loudest 16-bit sample between two times of a PCM WAV file. */
function loudestBetween(path: string, fromMs: number, toMs: number): number {
  const bytes = readFileSync(path);
  const header = readWavHeader(bytes, bytes.length);
  if (!header.ok) throw new Error(header.detail);
  const { info } = header;
  let loudest = 0;
  const first = Math.floor((fromMs * info.sampleRateHz) / 1000);
  const last = Math.floor((toMs * info.sampleRateHz) / 1000);
  for (let frame = first; frame < last; frame += 1)
    for (let channel = 0; channel < info.channels; channel += 1)
      loudest = Math.max(loudest, Math.abs(bytes.readInt16LE(info.dataOffset + frame * info.blockAlign + channel * 2)));
  return loudest;
}

describe('applying redactions permanently', () => {
  it('rewrites the recording with the range silent, keeps only masked words, and removes the original', async () => {
    const { dataDir, context, call, callId, card } = await setup();
    const originalName = getAudio(context.db, getCall(context.db, callId)!.audioId!)!.storedName;
    expect(loudestBetween(storedAudioPath(context, callId), 3000, 7000)).toBeGreaterThan(500);

    const after = await call<CallRedactions>('redactions.applyPermanently', { callId, reason: 'AVG-verzoek' });

    expect(after.redactions.find((redaction) => redaction.id === card.id)!.appliedAtMs).toBe(context.now());
    expect(after.audit.at(-1)).toMatchObject({
      action: 'applied_permanently',
      actorName: 'Sanne',
      reason: 'AVG-verzoek',
    });
    const rewritten = storedAudioPath(context, callId);
    expect(readdirSync(context.paths.audioDir)).toEqual([rewritten.split('/').at(-1)]);
    expect(rewritten).not.toContain(originalName);
    expect(loudestBetween(rewritten, 3000, 7000)).toBe(0);
    expect(loudestBetween(rewritten, 1000, 2900)).toBeGreaterThan(500);
    // Peaks follow the new sound: the redacted range draws flat.
    const peaks = readPeaks(context.db, getCall(context.db, callId)!.audioId!)!;
    const perChannel = peaks.bytes.length / 2 / peaks.channels;
    const pairs = new Int16Array(
      peaks.bytes.buffer.slice(peaks.bytes.byteOffset, peaks.bytes.byteOffset + perChannel * 2),
    );
    const at = (ms: number) => Math.floor((ms / 1000) * peaks.pairsPerSecond) * 2;
    expect(maxBy(pairs.subarray(at(3100), at(6900)), Math.abs)).toBe(0);

    const stored = getTranscript(context.db, callId)!;
    expect(stored.segments[0]!.text).toBe(
      `Mijn kaartnummer is ${maskText} ${maskText} ${maskText} ${maskText} dank je.`,
    );
    // Nothing of the number is left in the database file or its log.
    const files = readdirSync(dataDir).filter((name) => name.startsWith('klankbord.db'));
    for (const name of files) expect(readFileSync(join(dataDir, name)).includes('4111')).toBe(false);
    const detail = await call<CallDetail>('calls.get', { callId });
    expect(JSON.stringify(detail)).not.toContain('4111');
  });

  it('cannot be undone, refuses when nothing waits, and a re-import of the original finds the same call', async () => {
    const { context, call, dispatch, callId, card, folder } = await setup();
    await call('redactions.applyPermanently', { callId, reason: 'AVG-verzoek' });
    const undo = await dispatch('redactions.dismiss', { redactionId: card.id, reason: 'toch niet' });
    expect(undo.ok || undo.error.code).toBe('conflict');
    const again = await dispatch('redactions.applyPermanently', { callId, reason: 'nog eens' });
    expect(again.ok || again.error.code).toBe('conflict');
    const reimported = await importFiles(context, folder, ['kaart.wav']);
    expect(reimported).toEqual([]);
    const calls = context.db.prepare('SELECT count(*) FROM calls').pluck().get();
    expect(calls).toBe(1);
  });

  it('asks for a reason and a reviewer name', async () => {
    const { dispatch, callId } = await setup();
    const blank = await dispatch('redactions.applyPermanently', { callId, reason: ' ' });
    expect(blank.ok || blank.error.code).toBe('invalid_input');
  });
});

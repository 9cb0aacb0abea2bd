import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeServiceContext } from '../../tests/unit/service-context';
import { useTempDirs } from '../../tests/unit/temp-dir';
import type { CustomerRequestLogEntry, RequestFindResult } from '../contract/requests';
import type { CallDetail } from '../contract/schemas';
import { findExport } from './exports-folder';
import type { ServiceContext } from './context';
import { ensureBuiltInRubrics } from './built-in-rubrics';
import { createDispatch } from './dispatch';
import { handlers } from './handlers';
import { runImport } from './import-service';

const tempDir = useTempDirs();

const vtt = (...lines: string[]) =>
  `WEBVTT\n\n${lines.map((line, index) => `00:00:0${index * 2}.000 --> 00:00:0${index * 2 + 1}.500\n<v Klant>${line}`).join('\n\n')}\n`;

/** A 16-bit mono 8 kHz WAV of a tone: each call its own recording (calls are told apart by the recording's hash). */
function writeToneWav(path: string, frequencyHz: number, seconds = 4): void {
  const samples = 8000 * seconds;
  const bytes = Buffer.alloc(44 + samples * 2);
  bytes.write('RIFF', 0);
  bytes.writeUInt32LE(36 + samples * 2, 4);
  bytes.write('WAVEfmt ', 8);
  bytes.writeUInt32LE(16, 16);
  bytes.writeUInt16LE(1, 20);
  bytes.writeUInt16LE(1, 22);
  bytes.writeUInt32LE(8000, 24);
  bytes.writeUInt32LE(16000, 28);
  bytes.writeUInt16LE(2, 32);
  bytes.writeUInt16LE(16, 34);
  bytes.write('data', 36);
  bytes.writeUInt32LE(samples * 2, 40);
  for (let index = 0; index < samples; index += 1)
    bytes.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * frequencyHz * index) / 8000)), 44 + index * 2);
  writeFileSync(path, bytes);
}

/** Three recordings with transcripts: two name the customer's number in other notations, one does not. */
const calls = [
  {
    name: 'terugbelverzoek',
    frequencyHz: 440,
    lines: ['Goedemiddag.', 'Bel me terug op 06-12345678 graag.'],
  },
  {
    name: 'adreswijziging',
    frequencyHz: 550,
    lines: ['Mijn nummer is plus 31 6 1234 5678.', 'Dank je.'],
  },
  { name: 'andere-klant', frequencyHz: 660, lines: ['Mijn nummer is 06-12345679.', 'Tot ziens.'] },
];

async function importCalls(context: ServiceContext): Promise<Record<string, string>> {
  const folder = tempDir();
  const sources = calls.flatMap((call) => {
    writeToneWav(join(folder, `${call.name}.wav`), call.frequencyHz);
    writeFileSync(join(folder, `${call.name}.vtt`), vtt(...call.lines));
    return [`${call.name}.wav`, `${call.name}.vtt`].map((file) => ({
      kind: 'path' as const,
      path: join(folder, file),
    }));
  });
  await runImport('job', sources, context, new AbortController().signal);
  const listed = context.db.prepare('SELECT id, title FROM calls').all() as { id: string; title: string }[];
  return Object.fromEntries(listed.map((row) => [row.title, row.id]));
}

function setup() {
  const context = makeServiceContext(tempDir());
  ensureBuiltInRubrics(context.db, context.now());
  const dispatch = createDispatch(handlers, context);
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  return { context, dispatch, call };
}

async function reviewWithNotes(call: ReturnType<typeof setup>['call'], callId: string): Promise<string> {
  await call('reviewer.set', { name: 'Anouk' });
  const { review } = await call<{ review: { id: string } }>('reviews.open', { callId });
  await call('reviews.setAnswer', { reviewId: review.id, itemId: '2.1', answer: { kind: 'level', value: 1 } });
  await call('reviews.setItemComment', { reviewId: review.id, itemId: '2.1', comment: 'Mevrouw Jansen bleef rustig' });
  await call('reviews.setComment', { reviewId: review.id, comment: 'Klant 06-12345678 belt vaker' });
  await call('moments.save', {
    reviewId: review.id,
    moment: {
      id: 'm1',
      startMs: 500,
      endMs: 1500,
      type: 'empathic-response',
      speaker: 'agent',
      polarity: 'gap',
      itemIds: ['2.1'],
      note: 'noemt haar adres',
    },
  });
  return review.id;
}

describe('customer requests', () => {
  it('finds a customer by phone number in every notation, in transcripts and call fields, with excerpts', async () => {
    const { context, call, dispatch } = setup();
    const ids = await importCalls(context);
    await call('calls.update', { callId: ids['andere-klant'], changes: { customerRef: 'KL-204518' } });
    const found = await call<RequestFindResult>('requests.find', { query: '+31 (0)6 1234 5678' });
    expect(found.queryKind).toBe('phone');
    expect(found.calls.map((entry) => entry.call.title).sort()).toEqual(['adreswijziging', 'terugbelverzoek']);
    const callback = found.calls.find((entry) => entry.call.title === 'terugbelverzoek')!;
    expect(callback.matches).toEqual([
      { where: 'transcript', atMs: 2000, before: 'Bel me terug op ', match: '06-12345678', after: ' graag.' },
    ]);
    const byReference = await call<RequestFindResult>('requests.find', { query: 'kl 204518' });
    expect(byReference.calls).toEqual([
      expect.objectContaining({ matches: [expect.objectContaining({ where: 'customerRef', match: 'KL-204518' })] }),
    ]);
    expect(await dispatch('requests.find', { query: ' 06' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { problem: 'query_too_short' } },
    });
  });

  it('exports the calls as one archive (audio, transcripts, reviews) and logs it without the customer', async () => {
    const { context, call, dispatch } = setup();
    const ids = await importCalls(context);
    await reviewWithNotes(call, ids.terugbelverzoek!);
    const chosen = [ids.terugbelverzoek!, ids.adreswijziging!];
    expect(
      await dispatch('requests.exportArchive', { callIds: chosen, reference: 'bel 0612345678', language: 'nl' }),
    ).toMatchObject({ ok: false, error: { details: { problem: 'reference_has_personal_data' } } });
    const written = await call<{ exportId: string; fileName: string }>('requests.exportArchive', {
      callIds: chosen,
      reference: 'AVG-2026-0042',
      language: 'nl',
    });
    expect(written.fileName).toMatch(/^klankbord-request-AVG-2026-0042-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(readFileSync(findExport(context.paths.exportsDir, written.exportId)!.path));
    expect(Object.keys(files).sort()).toEqual([
      '001 terugbelverzoek/audio.wav',
      '001 terugbelverzoek/call.json',
      '001 terugbelverzoek/transcript.json',
      '001 terugbelverzoek/transcript.txt',
      '002 adreswijziging/audio.wav',
      '002 adreswijziging/call.json',
      '002 adreswijziging/transcript.json',
      '002 adreswijziging/transcript.txt',
      'LEESMIJ.txt',
      'reviews.csv',
      'reviews.json',
    ]);
    const original = join(tempDir(), 'original.wav');
    writeToneWav(original, 440);
    expect(Buffer.from(files['001 terugbelverzoek/audio.wav']!).equals(readFileSync(original))).toBe(true);
    const text = (name: string) => new TextDecoder().decode(files[name]);
    expect(text('001 terugbelverzoek/transcript.txt')).toContain('[0:02] Klant: Bel me terug op 06-12345678 graag.');
    const reviews = JSON.parse(text('reviews.json')) as {
      reviewer: number;
      comment: string;
      moments: { note: string }[];
    }[];
    expect(reviews).toEqual([
      expect.objectContaining({ call: '001 terugbelverzoek', reviewer: 1, comment: 'Klant 06-12345678 belt vaker' }),
    ]);
    expect(text('reviews.json')).not.toContain('Anouk');
    expect(text('reviews.csv')).toContain('001 terugbelverzoek,1,draft');
    const log = await call<CustomerRequestLogEntry[]>('requests.log', {});
    expect(log).toEqual([
      {
        id: expect.any(String),
        kind: 'access',
        reference: 'AVG-2026-0042',
        callCount: 2,
        operatorName: 'Anouk',
        atMs: context.now(),
      },
    ]);
  });

  it('erases: audio and transcripts gone, reviews anonymised with scores kept, the call says so, logged', async () => {
    const { context, call } = setup();
    const ids = await importCalls(context);
    const reviewId = await reviewWithNotes(call, ids.terugbelverzoek!);
    const before = await call<{ answers: { answer: unknown }[] }>('reviews.get', { reviewId });
    const archive = await call<{ exportId: string }>('requests.exportArchive', {
      callIds: [ids.terugbelverzoek!],
      reference: 'AVG-7',
    });
    const audioFiles = readdirSync(context.paths.audioDir);
    expect(audioFiles).toHaveLength(3);

    const signalsOf = (callId: string) =>
      context.db.prepare('SELECT count(*) FROM call_signals WHERE call_id = ?').pluck().get(callId);
    expect(signalsOf(ids.terugbelverzoek!)).toBe(1);
    const erased = await call<{ erased: number }>('requests.erase', {
      callIds: [ids.terugbelverzoek!, ids.adreswijziging!],
      reference: 'AVG-7',
    });
    expect(erased).toEqual({ erased: 2 });
    expect(readdirSync(context.paths.audioDir)).toHaveLength(1);
    expect(signalsOf(ids.terugbelverzoek!)).toBe(0);
    expect(signalsOf(ids['andere-klant']!)).toBe(1);
    expect(findExport(context.paths.exportsDir, archive.exportId)).toBeUndefined();
    const detail = await call<CallDetail>('calls.get', { callId: ids.terugbelverzoek });
    expect(detail).toMatchObject({
      audio: null,
      transcript: null,
      mediaRemoved: { atMs: context.now(), reason: 'request' },
    });
    expect(detail.call.title).toBe(`#${ids.terugbelverzoek!.slice(0, 8)}`);
    const untouched = await call<CallDetail>('calls.get', { callId: ids['andere-klant'] });
    expect(untouched).toMatchObject({ mediaRemoved: null, transcript: expect.objectContaining({ format: 'webvtt' }) });
    expect(existsSync(join(context.paths.audioDir, readdirSync(context.paths.audioDir)[0]!))).toBe(true);

    const after = await call<{
      review: { comment: string };
      answers: { answer: unknown; comment: string }[];
      moments: { note: string; startMs: number }[];
    }>('reviews.get', { reviewId });
    expect(after.review.comment).toBe('');
    expect(after.moments).toEqual([expect.objectContaining({ note: '', startMs: 500 })]);
    expect(after.answers.map((answer) => answer.answer)).toEqual(before.answers.map((answer) => answer.answer));
    expect(after.answers.map((answer) => answer.comment)).toEqual(['']);
    expect(JSON.stringify(after)).not.toMatch(/Jansen|06-12345678|adres/);

    expect((await call<RequestFindResult>('requests.find', { query: '0612345678' })).calls).toEqual([]);
    const log = await call<CustomerRequestLogEntry[]>('requests.log', {});
    expect(log.map((entry) => [entry.kind, entry.callCount, entry.reference])).toEqual([
      ['erasure', 2, 'AVG-7'],
      ['access', 1, 'AVG-7'],
    ]);
    expect(JSON.stringify(context.db.prepare('SELECT * FROM customer_requests').all())).not.toMatch(
      /0612345678|terugbel/,
    );
  });
});

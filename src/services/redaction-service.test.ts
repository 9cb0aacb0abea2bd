import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeServiceContext } from '../../tests/unit/service-context';
import { useTempDirs } from '../../tests/unit/temp-dir';
import type { CallRedactions } from '../contract/redactions';
import type { CallDetail } from '../contract/schemas';
import { maskText } from '../domain/privacy/redaction-ranges';
import { insertCall } from '../storage/calls-repository';
import { saveTranscript } from '../storage/transcripts-repository';
import type { ServiceContext } from './context';
import { createDispatch } from './dispatch';
import { handlers } from './handlers';
import { runImport } from './import-service';

const tempDir = useTempDirs();
const fixture = join(__dirname, '../../tests/fixtures/e2e/klacht-internet.wav');
const cardVtt = `WEBVTT

00:00:01.000 --> 00:00:09.000
<v Klant>Mijn <00:00:01.500>kaartnummer <00:00:02.500>is <00:00:03.000>4111 <00:00:04.000>1111 <00:00:05.000>1111 <00:00:06.000>1111 <00:00:07.000>dank <00:00:08.000>je.

00:00:10.000 --> 00:00:14.000
<v Klant>Bel <00:00:10.500>me <00:00:11.000>op <00:00:11.500>06-12345678 <00:00:13.000>graag.
`;

async function importCardCall(context: ServiceContext): Promise<string> {
  const folder = tempDir();
  copyFileSync(fixture, join(folder, 'kaart.wav'));
  writeFileSync(join(folder, 'kaart.vtt'), cardVtt);
  let callId = '';
  context.events.listen((message) => {
    if (message.name === 'imports.finished')
      callId = (message.payload as { importedCallIds: string[] }).importedCallIds[0]!;
  });
  await runImport(
    'job',
    [
      { kind: 'path', path: join(folder, 'kaart.wav') },
      { kind: 'path', path: join(folder, 'kaart.vtt') },
    ],
    context,
    new AbortController().signal,
  );
  return callId;
}

function setup() {
  const context = makeServiceContext(tempDir());
  const dispatch = createDispatch(handlers, context);
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  return { context, dispatch, call };
}

describe('redactions', () => {
  it('suggests a spoken card number and a phone number at import; accepting masks the transcript and records who and why', async () => {
    const { context, call, dispatch } = setup();
    const callId = await importCardCall(context);
    const listed = await call<CallRedactions>('redactions.list', { callId });
    expect(listed.redactions.map(({ kind, startMs, endMs, status }) => ({ kind, startMs, endMs, status }))).toEqual([
      { kind: 'card_number', startMs: 3000, endMs: 7000, status: 'suggested' },
      { kind: 'phone_number', startMs: 11500, endMs: 13000, status: 'suggested' },
    ]);
    const card = listed.redactions[0]!;
    expect((await dispatch('redactions.accept', { redactionId: card.id })).ok).toBe(false);
    await call('reviewer.set', { name: 'Sanne' });
    const accepted = await call<CallRedactions>('redactions.accept', { redactionId: card.id, reason: 'kaartnummer' });
    expect(accepted.audit.at(-1)).toMatchObject({
      action: 'accepted',
      actorName: 'Sanne',
      reason: 'kaartnummer',
      startMs: 3000,
      endMs: 7000,
    });
    const detail = await call<CallDetail>('calls.get', { callId });
    expect(detail.redactedRanges).toEqual([{ startMs: 3000, endMs: 7000 }]);
    const text = detail.transcript!.segments[0]!.text;
    expect(text).toBe(`Mijn kaartnummer is ${maskText} ${maskText} ${maskText} ${maskText} dank je.`);
    expect(JSON.stringify(detail)).not.toContain('4111');
    const dismissed = await call<CallRedactions>('redactions.dismiss', {
      redactionId: listed.redactions[1]!.id,
      reason: 'nummer van de winkel',
    });
    expect(dismissed.redactions[1]!.status).toBe('dismissed');
    expect((await call<CallDetail>('calls.get', { callId })).transcript!.segments[1]!.text).toContain('06-12345678');
  });

  it('marks a range by hand with a reason, within the recording', async () => {
    const { context, call, dispatch } = setup();
    const callId = await importCardCall(context);
    await call('reviewer.set', { name: 'Bram' });
    const marked = await call<CallRedactions>('redactions.mark', {
      callId,
      startMs: 500,
      endMs: 2_000,
      reason: 'naam van de klant',
    });
    expect(marked.redactions.find((redaction) => redaction.kind === 'manual')).toMatchObject({
      status: 'accepted',
      reason: 'naam van de klant',
      startMs: 500,
      endMs: 2000,
    });
    expect(marked.audit.at(-1)).toMatchObject({ action: 'marked', actorName: 'Bram' });
    expect(
      (await call<CallDetail>('calls.get', { callId })).transcript!.segments[0]!.text.startsWith(
        `${maskText} ${maskText} is`,
      ),
    ).toBe(true);
    expect((await dispatch('redactions.mark', { callId, startMs: 2000, endMs: 1000, reason: 'x' })).ok).toBe(false);
    expect((await dispatch('redactions.mark', { callId, startMs: 0, endMs: 1000, reason: ' ' })).ok).toBe(false);
    expect(
      (await dispatch('redactions.mark', { callId, startMs: 60_000, endMs: 61_000, reason: 'na het einde' })).ok,
    ).toBe(false);
  });

  it('accepts card numbers at import when the setting says so', async () => {
    const { context, call } = setup();
    await call('preferences.set', { autoRedactCardNumbers: true });
    const callId = await importCardCall(context);
    const listed = await call<CallRedactions>('redactions.list', { callId });
    expect(listed.redactions.map((redaction) => [redaction.kind, redaction.status])).toEqual([
      ['card_number', 'accepted'],
      ['phone_number', 'suggested'],
    ]);
    expect(listed.audit[0]).toMatchObject({ action: 'auto_applied', kind: 'card_number' });
  });

  it('scans a call imported before redaction existed when it is first opened, once', async () => {
    const { context, call } = setup();
    insertCall(context.db, { id: 'old', title: 'Oud gesprek', createdAtMs: 1 });
    const words = ['bsn', '111222333'].map((text, index) => ({
      text,
      startMs: index * 1000,
      endMs: index * 1000 + 900,
    }));
    saveTranscript(
      context.db,
      'old',
      {
        format: 'webvtt',
        language: 'nl',
        sourceName: 'oud.vtt',
        segments: [{ speaker: null, channel: null, startMs: 0, endMs: 1900, text: 'bsn 111222333', words }],
        warnings: [],
        speakerRoles: {},
      },
      1,
    );
    const first = await call<CallRedactions>('redactions.list', { callId: 'old' });
    expect(first.redactions.map((redaction) => redaction.kind)).toEqual(['bsn']);
    expect((await call<CallRedactions>('redactions.list', { callId: 'old' })).redactions).toHaveLength(1);
  });
});

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeServiceContext } from '../../tests/unit/service-context';
import { serviceDispatch } from '../../tests/unit/service-dispatch';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { maskText } from '../domain/privacy/redaction-ranges';
import { ensureBuiltInRubrics } from './built-in-rubrics';
import { findExport } from './exports-folder';

const tempDir = useTempDirs();
const recording = join(__dirname, '../../tests/fixtures/e2e/klacht-internet.wav');
const cardVtt = `WEBVTT

00:00:01.000 --> 00:00:09.000
<v Klant>Mijn <00:00:01.500>kaartnummer <00:00:02.500>is <00:00:03.000>4111 <00:00:04.000>1111 <00:00:05.000>1111 <00:00:06.000>1111 <00:00:07.000>dank <00:00:08.000>je.
`;

function machine() {
  let clock = 1_700_000_000_000;
  const context = makeServiceContext(tempDir(), { now: () => (clock += 1000) });
  ensureBuiltInRubrics(context.db, 1);
  return {
    context,
    ...serviceDispatch(context),
    exported: (file: { exportId: string }) => findExport(context.paths.exportsDir, file.exportId)!.path,
  };
}

describe('redactions in session packages', () => {
  it('carry the transcript masked and the ranges, which the reviewer machine mutes and masks too', async () => {
    const lead = machine();
    await lead.call('reviewer.set', { name: 'Lotte' });
    const folder = tempDir();
    copyFileSync(recording, join(folder, 'kaart.wav'));
    writeFileSync(join(folder, 'kaart.vtt'), cardVtt);
    await lead.call('imports.start', {
      sources: [
        { kind: 'path', path: join(folder, 'kaart.wav') },
        { kind: 'path', path: join(folder, 'kaart.vtt') },
      ],
    });
    await lead.context.importQueue.idle();
    const [callRow] = await lead.call('calls.list', {});
    const { redactions } = await lead.call('redactions.list', { callId: callRow!.id });
    await lead.call('redactions.accept', { redactionId: redactions[0]!.id, reason: 'kaartnummer' });
    const session = await lead.call('sessions.create', {
      name: 'Privacy',
      callIds: [callRow!.id],
      reviewers: [{ name: 'Anouk' }, { name: 'Bram' }],
      benchmarkIndex: 0,
    });
    const packageFile = lead.exported(
      await lead.call('sessions.exportPackage', { sessionId: session.id, reviewerId: session.reviewers[0]!.id }),
    );

    const files = unzipSync(readFileSync(packageFile));
    const texts = Object.entries(files)
      .filter(([name]) => name.endsWith('.json'))
      .map(([, bytes]) => strFromU8(bytes));
    expect(texts.join('\n')).not.toContain('4111');
    expect(texts.join('\n')).toContain(maskText);

    const anouk = machine();
    await anouk.call('packages.import', { source: { kind: 'path', path: packageFile } });
    const [received] = await anouk.call('calls.list', {});
    const detail = await anouk.call('calls.get', { callId: received!.id });
    expect(detail.redactedRanges).toEqual([{ startMs: 3000, endMs: 7000 }]);
    expect(detail.transcript!.segments[0]!.text).toContain(maskText);
    const onReviewerMachine = await anouk.call('redactions.list', { callId: received!.id });
    expect(onReviewerMachine.redactions.map((redaction) => redaction.status)).toEqual(['accepted']);
  });
});

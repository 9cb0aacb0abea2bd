import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportSummary } from '../../src/contract/imports';
import type { MethodInput, MethodName, MethodOutput } from '../../src/contract/methods';
import type { Backend } from '../../src/server/backend';
import { toneWav, transcriptVtt } from './make-audio';
import { storedPlaintext } from '../../tests/support/stored-plaintext';

/** What one operation came to: acknowledged (with what the runner must find later), refused for a full disk, or failed. */
export type Outcome = { readonly kind: 'ack' | 'full' | 'err'; readonly detail: unknown };
/** An operation is prepared (inputs written outside the timed window), then run between BEGIN and ACK. */
export type Operation = () => Promise<Outcome>;

export interface WorkerSettings {
  readonly dataDir: string;
  readonly workDir: string;
  readonly seed: number;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The result of a dispatch as an outcome: a full disk must come back as `disk_full`, nothing else. */
async function dispatched<M extends MethodName>(
  backend: Backend,
  method: M,
  input: MethodInput<M>,
  acknowledge: (value: MethodOutput<M>) => unknown,
): Promise<Outcome> {
  const result = await backend.dispatch(method, input);
  if (result.ok) return { kind: 'ack', detail: acknowledge(result.value as MethodOutput<M>) };
  return { kind: result.error.code === 'disk_full' ? 'full' : 'err', detail: result.error };
}

/** Writes a file into staging/ as a browser-mode upload would, and names it as the source. */
function stage(settings: WorkerSettings, path: string, name: string) {
  const stagedId = randomUUID();
  copyFileSync(path, join(settings.dataDir, 'staging', stagedId));
  return { kind: 'staged' as const, stagedId, name };
}

/** Imports: a recording with its transcript, from paths (even) or uploads (odd). */
export function prepareImport(backend: Backend, settings: WorkerSettings, index: number): Operation {
  const folder = join(settings.workDir, 'sources', String(index));
  mkdirSync(folder, { recursive: true });
  const seconds = 1 + ((settings.seed + index) % 4);
  const audio = toneWav({ seconds, seed: settings.seed * 100_003 + index });
  writeFileSync(join(folder, `gesprek-${index}.wav`), audio);
  writeFileSync(join(folder, `gesprek-${index}.vtt`), transcriptVtt(seconds, index));
  const sources =
    index % 2 === 0
      ? [{ kind: 'path' as const, path: folder }]
      : [
          stage(settings, join(folder, `gesprek-${index}.wav`), `gesprek-${index}.wav`),
          stage(settings, join(folder, `gesprek-${index}.vtt`), `gesprek-${index}.vtt`),
        ];
  const sha256 = sha256Of(audio);
  return async () => {
    let summary: ImportSummary | undefined;
    const stop = backend.events.listen((message) => {
      if (message.name === 'imports.finished') summary = message.payload as ImportSummary;
    });
    const started = await backend.dispatch('imports.start', { sources });
    await backend.idle();
    stop();
    if (!started.ok) return { kind: started.error.code === 'disk_full' ? 'full' : 'err', detail: started.error };
    if (!summary) return { kind: 'err', detail: 'no imports.finished' };
    if (summary.issues.some((issue) => issue.code === 'disk_full')) return { kind: 'full', detail: summary.issues };
    // Imported now, or by an earlier run that was killed before it could say so: both are the recording stored.
    const present =
      summary.importedCallIds.length === 1 || summary.issues.every((issue) => issue.code === 'duplicate_audio');
    return present && summary.issues.every((issue) => issue.severity === 'warning')
      ? { kind: 'ack', detail: { sha256 } }
      : { kind: 'err', detail: summary.issues };
  };
}

/** Package imports: the runner's pre-made session package `index`, from a path (even) or an upload (odd). */
export function preparePackageImport(backend: Backend, settings: WorkerSettings, index: number): Operation {
  const path = join(settings.workDir, 'packages', `${index}.klankbord-session`);
  const meta = JSON.parse(readFileSync(`${path}.json`, 'utf8')) as { sessionId: string; shas: string[] };
  const source =
    index % 2 === 0 ? { kind: 'path' as const, path } : stage(settings, path, `${index}.klankbord-session`);
  return () => dispatched(backend, 'packages.import', { source }, () => meta);
}

/** Exports in turn: a score export, a session package (a zip streamed to disk) and the PDF report. */
export async function setUpExports(
  backend: Backend,
  settings: WorkerSettings,
): Promise<{ sessionId: string; reviewerId: string }> {
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await backend.dispatch(method, input);
    if (!result.ok)
      throw Object.assign(new Error(`${method}: ${result.error.message}`), { appCode: result.error.code });
    return result.value as MethodOutput<M>;
  };
  if ((await call('reviewer.get', {})) === null) await call('reviewer.set', { name: 'Lotte' });
  if ((await call('calls.list', {})).length === 0) {
    const folder = join(settings.workDir, 'export-call');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'klacht.wav'), toneWav({ seconds: 3, seed: settings.seed }));
    writeFileSync(join(folder, 'klacht.vtt'), transcriptVtt(3, 1));
    await call('imports.start', { sources: [{ kind: 'path', path: folder }] });
    await backend.idle();
  }
  const sessions = await call('sessions.list', {});
  const session =
    sessions[0] ??
    (await call('sessions.create', {
      name: 'Kalibratie',
      callIds: (await call('calls.list', {})).map((row) => row.id),
      reviewers: [{ name: 'Anouk' }, { name: 'Bram' }],
      benchmarkIndex: 0,
    }));
  return { sessionId: session.id, reviewerId: session.reviewers[0]!.id };
}

export function prepareExport(
  backend: Backend,
  target: { sessionId: string; reviewerId: string },
  index: number,
): Operation {
  const acknowledge = (written: { exportId: string; fileName: string }) => {
    const file = backend.exportFile(written.exportId);
    const bytes = file ? storedPlaintext(file.path) : new Uint8Array();
    return { exportId: written.exportId, sha256: sha256Of(bytes), bytes: bytes.length };
  };
  if (index % 3 === 0)
    return () =>
      dispatched(
        backend,
        'exports.scores',
        { format: index % 2 === 0 ? 'json' : 'xlsx', language: 'nl', applySeverity: false },
        acknowledge,
      );
  if (index % 3 === 1) return () => dispatched(backend, 'sessions.exportPackage', target, acknowledge);
  return () =>
    dispatched(backend, 'exports.sessionReport', { sessionId: target.sessionId, language: 'en' }, acknowledge);
}

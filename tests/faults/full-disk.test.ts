import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/contract/imports';
import type { MethodInput, MethodName } from '../../src/contract/methods';
import { createBackend, type Backend } from '../../src/server/backend';
import { toneWav } from '../../scripts/fault-test/make-audio';
import { fillDisk, mountSmallDisk } from '../../scripts/fault-test/small-disk';
import { storedPlaintext } from '../support/stored-plaintext';

// A real full disk: a 4 MB tmpfs holds the data folder (where this machine lets the test mount one; the injected
// ENOSPC of durable-files.test.ts covers the same paths everywhere).
const workDir = mkdtempSync(join(tmpdir(), 'klankbord-full-disk-'));
const disk = mountSmallDisk(join(workDir, 'disk'), 4 * 1024 * 1024);
afterAll(() => {
  disk?.unmount();
  rmSync(workDir, { recursive: true, force: true });
});

async function importOne(backend: Backend, path: string): Promise<ImportSummary> {
  let summary: ImportSummary | undefined;
  const stop = backend.events.listen((message) => {
    if (message.name === 'imports.finished') summary = message.payload as ImportSummary;
  });
  const started = await backend.dispatch('imports.start', { sources: [{ kind: 'path', path }] });
  expect(started.ok).toBe(true);
  await backend.idle();
  stop();
  return summary!;
}

const call = async <M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>) =>
  backend.dispatch(method, input);

describe.skipIf(disk === null)('a full disk (real tmpfs)', () => {
  const dataDir = join(workDir, 'disk', 'data');
  it('refuses with disk_full, loses nothing saved, and works again once space is freed', async () => {
    const first = join(workDir, 'eerste.wav');
    const second = join(workDir, 'tweede.wav');
    writeFileSync(first, toneWav({ seconds: 20, seed: 1 }));
    writeFileSync(second, toneWav({ seconds: 20, seed: 2 }));
    let backend = createBackend({ dataDir, allowPathSources: true, heavyWork: 'in-thread' });
    expect((await importOne(backend, first)).importedCallIds).toHaveLength(1);
    expect((await call(backend, 'reviewer.set', { name: 'Lotte' })).ok).toBe(true);

    const ballast = fillDisk(join(workDir, 'disk'));
    const refused = await importOne(backend, second);
    expect(refused.importedCallIds).toEqual([]);
    expect(refused.issues).toEqual([expect.objectContaining({ code: 'disk_full' })]);
    expect(await call(backend, 'exports.scores', { format: 'json', language: 'nl' })).toMatchObject({
      ok: false,
      error: { code: 'disk_full' },
    });
    expect(readdirSync(join(dataDir, 'audio'))).toHaveLength(1);
    expect(readdirSync(join(dataDir, 'exports'))).toEqual([]);
    backend.close();

    ballast.free();
    backend = createBackend({ dataDir, allowPathSources: true, heavyWork: 'in-thread' });
    const calls = await call(backend, 'calls.list', {});
    expect(calls.ok && calls.value).toHaveLength(1);
    const [stored] = readdirSync(join(dataDir, 'audio'));
    expect(stored).toBe(`${createHash('sha256').update(readFileSync(first)).digest('hex')}.wav`);
    expect(
      createHash('sha256')
        .update(storedPlaintext(join(dataDir, 'audio', stored!)))
        .digest('hex'),
    ).toBe(stored!.slice(0, 64));
    expect((await importOne(backend, second)).importedCallIds).toHaveLength(1);
    backend.close();
  });
});

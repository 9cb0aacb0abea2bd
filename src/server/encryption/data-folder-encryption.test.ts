import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/unit/temp-dir';
import type { CallDetail } from '../../contract/schemas';
import type { CallSummary } from '../../domain/call';
import { createBackend, type Backend } from '../backend';
import { mediaResponse } from '../media';
import { classifyStartupFailure } from '../startup-failure';
import { keyFileProvider, passphraseProvider } from './data-key';
import { DataKeyError } from './folder-encryption';
import { openSealedBytes } from './sealed-format';

const tempDir = useTempDirs();
const fixtures = join(__dirname, '../../../tests/fixtures/e2e');

async function importOne(backend: Backend, sourceDir: string): Promise<string> {
  await backend.dispatch('imports.start', { sources: [{ kind: 'path', path: sourceDir }] });
  await backend.idle();
  const listed = await backend.dispatch('calls.list', {});
  const callId = listed.ok ? (listed.value as CallSummary[])[0]!.id : '';
  const detail = await backend.dispatch('calls.get', { callId });
  return detail.ok ? (detail.value as CallDetail).audio!.id : '';
}

async function body(answer: Awaited<ReturnType<typeof mediaResponse>>): Promise<Buffer> {
  const stream = await answer.body?.();
  if (!stream) return Buffer.alloc(0);
  if (Buffer.isBuffer(stream)) return stream;
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

function startupError(start: () => unknown): unknown {
  try {
    (start() as Backend).close();
  } catch (error) {
    return error;
  }
  throw new Error('the backend started');
}

describe('a data folder encrypted at rest', () => {
  it('stores recordings unreadable without the key; plays them with Range; a lost or wrong key stops start-up', async () => {
    const dataDir = tempDir();
    const source = tempDir();
    const keyFile = join(tempDir(), 'data.key');
    copyFileSync(join(fixtures, 'klacht-internet.wav'), join(source, 'klacht-internet.wav'));
    const original = readFileSync(join(source, 'klacht-internet.wav'));
    const backend = createBackend({
      dataDir,
      allowPathSources: true,
      heavyWork: 'in-thread',
      encryption: keyFileProvider(keyFile),
    });
    const audioId = await importOne(backend, source);
    expect(backend.encryption()).toMatchObject({ encrypted: true, keyOrigin: 'key-file', upgrade: null });

    const [stored] = readdirSync(join(dataDir, 'audio'));
    const bytes = readFileSync(join(dataDir, 'audio', stored!));
    expect(bytes.subarray(0, 4).toString('latin1')).not.toBe('RIFF');
    expect(bytes.includes(Buffer.from('RIFF'))).toBe(false);
    expect(bytes.includes(original.subarray(1000, 1064))).toBe(false);
    // The key file opens it; any other key does not.
    const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
    expect(openSealedBytes(key, bytes).equals(original)).toBe(true);
    expect(() => openSealedBytes(Buffer.alloc(32, 7), bytes)).toThrow();

    const whole = await mediaResponse(backend, `/media/audio/${audioId}`, null);
    expect(whole.headers['Content-Length']).toBe(String(original.length));
    expect((await body(whole)).equals(original)).toBe(true);
    const range = await mediaResponse(backend, `/media/audio/${audioId}`, 'bytes=70000-140000');
    expect(range.status).toBe(206);
    expect(range.headers['Content-Range']).toBe(`bytes 70000-140000/${original.length}`);
    expect((await body(range)).equals(original.subarray(70000, 140001))).toBe(true);
    backend.close();

    const missing = startupError(() =>
      createBackend({ dataDir, heavyWork: 'in-thread', encryption: keyFileProvider(join(tempDir(), 'gone.key')) }),
    );
    expect(missing).toBeInstanceOf(DataKeyError);
    expect(classifyStartupFailure(missing, dataDir)).toMatchObject({ problem: 'data_key_missing', exitCode: 17 });
    const wrongKeyFile = join(tempDir(), 'other.key');
    writeFileSync(wrongKeyFile, `${'ab'.repeat(32)}\n`);
    const wrong = startupError(() =>
      createBackend({ dataDir, heavyWork: 'in-thread', encryption: keyFileProvider(wrongKeyFile) }),
    );
    expect(classifyStartupFailure(wrong, dataDir)).toMatchObject({ problem: 'data_key_wrong', exitCode: 18 });
    expect(
      classifyStartupFailure(
        startupError(() => createBackend({ dataDir, encryption: 'off' })),
        dataDir,
      ),
    ).toMatchObject({ problem: 'data_key_missing' });
    // Nothing was set aside or removed: the recording is still there and opens with the right key.
    expect(readdirSync(join(dataDir, 'audio'))).toEqual([stored]);
    const again = createBackend({ dataDir, heavyWork: 'in-thread', encryption: keyFileProvider(keyFile) });
    expect((await body(await mediaResponse(again, `/media/audio/${audioId}`, null))).equals(original)).toBe(true);
    again.close();
  });

  it('encrypts a folder from before encryption in the background, resumably', async () => {
    const dataDir = tempDir();
    const source = tempDir();
    copyFileSync(join(fixtures, 'klacht-internet.wav'), join(source, 'klacht-internet.wav'));
    const plain = createBackend({ dataDir, allowPathSources: true, heavyWork: 'in-thread', encryption: 'off' });
    const audioId = await importOne(plain, source);
    plain.close();
    const [stored] = readdirSync(join(dataDir, 'audio'));
    expect(
      readFileSync(join(dataDir, 'audio', stored!))
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('RIFF');

    const upgraded = createBackend({
      dataDir,
      heavyWork: 'in-thread',
      encryption: passphraseProvider('correct horse'),
    });
    await expect.poll(() => upgraded.encryption().upgrade?.finished).toBe(true);
    expect(upgraded.encryption().upgrade).toMatchObject({ done: 1, total: 1 });
    expect(
      readFileSync(join(dataDir, 'audio', stored!))
        .subarray(0, 8)
        .toString('latin1'),
    ).toBe('KLKBSEAL');
    expect(existsSync(join(dataDir, '.encryption-upgrade'))).toBe(false);
    const played = await body(await mediaResponse(upgraded, `/media/audio/${audioId}`, 'bytes=0-3'));
    expect(played.toString('latin1')).toBe('RIFF');
    upgraded.close();
    const wrong = startupError(() => createBackend({ dataDir, encryption: passphraseProvider('wrong horse') }));
    expect(wrong).toBeInstanceOf(DataKeyError);
  });
});

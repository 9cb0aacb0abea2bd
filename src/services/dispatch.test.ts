import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../contract/errors';
import { makeServiceContext } from '../../tests/unit/service-context';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { insertCall } from '../storage/calls-repository';
import type { ServiceContext } from './context';
import { createDispatch } from './dispatch';
import { handlers, type Handlers } from './handlers';

const tempDir = useTempDirs();

function makeContext(): ServiceContext {
  return makeServiceContext(tempDir());
}

describe('dispatch', () => {
  // Failures are logged by design; keep the test output readable.
  beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));

  it('runs a valid call', async () => {
    const context = makeContext();
    insertCall(context.db, { id: 'c', title: 'Klacht over levering', createdAtMs: 1 });
    const dispatch = createDispatch(handlers, context, { checkOutputs: true });
    const result = await dispatch('calls.list', { search: 'levering' });
    expect(result).toEqual({ ok: true, value: [expect.objectContaining({ id: 'c', reviewStatus: 'unreviewed' })] });
  });

  it('refuses unknown methods, including prototype names', async () => {
    const dispatch = createDispatch(handlers, makeContext());
    for (const name of ['nope.nothing', '__proto__', 'constructor', 'toString', 42, null]) {
      const result = await dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('refuses invalid input with the issues listed', async () => {
    const dispatch = createDispatch(handlers, makeContext());
    const result = await dispatch('calls.list', { search: 5, extra: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(JSON.stringify(result.error.details)).toContain('search');
    }
    expect(await dispatch('preferences.set', { language: 'de' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('turns a throwing handler into an internal error value', async () => {
    const throwing = {
      ...handlers,
      'app.info': () => {
        throw new Error('bug');
      },
    } as unknown as Handlers;
    const result = await createDispatch(throwing, makeContext())('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: 'bug' } });
  });

  it('reports SQLite failures as storage_failed', async () => {
    const context = makeContext();
    context.db.close();
    const result = await createDispatch(handlers, context)('calls.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    const context2 = makeContext();
    context2.db.exec('DROP TABLE reviews');
    const result2 = await createDispatch(handlers, context2)('calls.list', {});
    expect(result2).toMatchObject({ ok: false, error: { code: 'storage_failed' } });
  });

  it('catches outputs that break the contract when asked to', async () => {
    const lying = { ...handlers, 'calls.list': () => ok([{ id: 1 }]) } as unknown as Handlers;
    expect(await createDispatch(lying, makeContext(), { checkOutputs: true })('calls.list', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('passes expected failures through unchanged', async () => {
    const failing = { ...handlers, 'app.info': () => fail('not_found', 'gone') } as unknown as Handlers;
    expect(await createDispatch(failing, makeContext())('app.info', {})).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'gone' },
    });
  });

  it('never throws, whatever it is sent (property test)', async () => {
    const dispatch = createDispatch(handlers, makeContext(), { checkOutputs: true });
    const methodNames = fc.oneof(fc.constantFrom(...Object.keys(handlers)), fc.string());
    await fc.assert(
      fc.asyncProperty(methodNames, fc.anything(), async (method, input) => {
        const result = await dispatch(method, input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(['invalid_input', 'unknown_method']).toContain(result.error.code);
      }),
      { numRuns: 2000 },
    );
  });

  it('emits preferences.changed after a change', async () => {
    const context = makeContext();
    const seen: string[] = [];
    context.events.listen((message) => seen.push(message.name));
    const result = await createDispatch(handlers, context, { checkOutputs: true })('preferences.set', {
      language: 'en',
      theme: 'dark',
    });
    expect(result).toEqual({
      ok: true,
      value: { language: 'en', theme: 'dark', singleKeyShortcuts: true, ffmpegPath: '', autoRedactCardNumbers: false },
    });
    expect(seen).toEqual(['preferences.changed']);
  });

  it('keeps the ffmpeg location trimmed, and forgets it when emptied (look on PATH again)', async () => {
    const dispatch = createDispatch(handlers, makeContext(), { checkOutputs: true });
    const set = await dispatch('preferences.set', { ffmpegPath: '  /opt/ffmpeg/bin/ffmpeg ' });
    expect(set.ok && (set.value as { ffmpegPath: string }).ffmpegPath).toBe('/opt/ffmpeg/bin/ffmpeg');
    const cleared = await dispatch('preferences.set', { ffmpegPath: ' ' });
    expect(cleared.ok && (cleared.value as { ffmpegPath: string }).ffmpegPath).toBe('');
  });
});

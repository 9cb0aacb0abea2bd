import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeServiceContext } from '../../tests/unit/service-context';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { listCalls, updateCall } from '../storage/calls-repository';
import { getCallSignals } from '../storage/signals-repository';
import type { CallSignals } from '../domain/signals/model';
import { createDispatch } from './dispatch';
import { handlers } from './handlers';
import { runImport } from './import-service';

const tempDir = useTempDirs();
const demo = join(__dirname, '../../resources/demo');

describe('signals at import and signals.get', () => {
  it('computes the signals at import, stores them, and computes them again when missing or out of date', async () => {
    const folder = tempDir();
    copyFileSync(join(demo, 'demo-klantgesprek.wav'), join(folder, 'gesprek.wav'));
    copyFileSync(join(demo, 'demo-klantgesprek.json'), join(folder, 'gesprek.json'));
    const context = makeServiceContext(tempDir());
    await runImport('job', [{ kind: 'path', path: folder }], context, new AbortController().signal);
    const dispatch = createDispatch(handlers, context);
    const get = async (callId: string) => {
      const result = await dispatch('signals.get', { callId });
      return result.ok ? (result.value as CallSignals) : null;
    };
    const callId = listCalls(context.db)[0]!.id;
    const stored = getCallSignals(context.db, callId);
    expect(stored?.signals.overtalk).toEqual([expect.objectContaining({ startedBy: 'agent' })]);
    expect(stored?.signals.hints.some((hint) => hint.kind === 'empathy')).toBe(true);

    expect(await get(callId)).toEqual(stored!.signals);

    // A call from before signals existed: no row. Asked for, it gets one.
    context.db.exec('DELETE FROM call_signals');
    expect((await get(callId))?.overtalk).toEqual(stored!.signals.overtalk);
    expect(getCallSignals(context.db, callId)).toBeDefined();

    // Swapping the agent channel changes who spoke: the stored signals are out of date.
    updateCall(context.db, callId, { agentChannel: 1 });
    expect((await get(callId))?.overtalk[0]?.startedBy).toBe('customer');

    const unknown = await dispatch('signals.get', { callId: 'nope' });
    expect(unknown.ok ? null : unknown.error.code).toBe('not_found');
  });
});

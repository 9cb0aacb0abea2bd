import { fail, ok, type Result } from '../../../contract/errors';
import type { EventName, EventPayload } from '../../../contract/events';
import type { MethodInput, MethodName, MethodOutput, Transport } from './types';

type FakeHandlers = { [M in MethodName]?: (input: MethodInput<M>) => MethodOutput<M> | Result<MethodOutput<M>> };

export interface FakeTransport extends Transport {
  readonly calls: { method: MethodName; input: unknown }[];
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

/** An in-memory transport for component tests: canned handlers, a call log, and events on demand. */
export function createFakeTransport(handlers: FakeHandlers): FakeTransport {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: FakeTransport['calls'] = [];
  return {
    calls,
    async invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
      calls.push({ method, input });
      const handler = handlers[method] as
        ((input: MethodInput<M>) => MethodOutput<M> | Result<MethodOutput<M>>) | undefined;
      if (!handler) return fail('unknown_method', `No fake for ${method}`);
      const value = handler(input);
      const isResult =
        typeof value === 'object' &&
        value !== null &&
        'ok' in value &&
        typeof (value as { ok: unknown }).ok === 'boolean';
      return isResult ? (value as Result<MethodOutput<M>>) : ok(value as MethodOutput<M>);
    },
    subscribe<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(name) ?? new Set();
      set.add(handler as (payload: unknown) => void);
      listeners.set(name, set);
      return () => set.delete(handler as (payload: unknown) => void);
    },
    async stageFile(file) {
      return ok({ kind: 'staged', stagedId: '00000000-0000-0000-0000-000000000000', name: file.name });
    },
    emit(name, payload) {
      for (const handler of listeners.get(name) ?? []) handler(payload);
    },
  };
}

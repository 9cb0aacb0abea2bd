import { fail, type Result } from '../../../contract/errors';
import type { EventMessage, EventName, EventPayload } from '../../../contract/events';
import type { MethodInput, MethodName, MethodOutput, Transport } from './types';

const secretHeader = 'x-klankbord-secret';

/** Browser mode: POST /api/invoke for calls, a streamed GET /api/events (server-sent events) for pushes. */
export function createHttpTransport(secret: string, base = ''): Transport {
  const handlers = new Map<EventName, Set<(payload: unknown) => void>>();
  let streaming = false;

  async function readEvents(): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const response = await fetch(`${base}/api/events`, { headers: { [secretHeader]: secret } });
        if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
        attempt = 0;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block
              .split('\n')
              .filter((line) => line.startsWith('data: '))
              .map((line) => line.slice(6))
              .join('\n');
            if (data) deliver(JSON.parse(data) as EventMessage);
          }
        }
      } catch {
        // The backend restarted or went away: retry with a capped back-off.
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * 2 ** attempt)));
    }
  }

  function deliver(message: EventMessage): void {
    for (const handler of handlers.get(message.name) ?? []) handler(message.payload);
  }

  return {
    async invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
      try {
        const body = JSON.stringify({ method, input });
        const response = await fetch(`${base}/api/invoke`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [secretHeader]: secret },
          body,
          // A save sent while the window closes must still arrive; keepalive bodies are limited to 64 KiB.
          keepalive: body.length < 60_000,
        });
        if (response.status === 403) return fail('backend_unreachable', 'The backend refused the request (secret)');
        return (await response.json()) as Result<MethodOutput<M>>;
      } catch (error) {
        return fail('backend_unreachable', error instanceof Error ? error.message : 'network error');
      }
    },
    async stageFile(file) {
      try {
        const response = await fetch(`${base}/api/upload?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          headers: { [secretHeader]: secret, 'content-type': 'application/octet-stream' },
          body: file,
        });
        return (await response.json()) as Awaited<ReturnType<Transport['stageFile']>>;
      } catch (error) {
        return fail('backend_unreachable', error instanceof Error ? error.message : 'upload failed');
      }
    },
    subscribe<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): () => void {
      if (!streaming) {
        streaming = true;
        void readEvents();
      }
      const set = handlers.get(name) ?? new Set();
      set.add(handler as (payload: unknown) => void);
      handlers.set(name, set);
      return () => set.delete(handler as (payload: unknown) => void);
    },
  };
}

// The backend process's side of the relay, in this process on a fake parent port: a real backend on a temporary
// data folder, real SQLite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../server/backend';
import type { FromBackend, ToBackend } from './backend-protocol';
import { serveBackend, type ParentPortLike } from './backend-service';

class FakePort implements ParentPortLike {
  readonly sent: FromBackend[] = [];
  private listener: (message: { data: unknown }) => void = () => undefined;
  private waiters: (() => void)[] = [];
  on(_event: 'message', listener: (message: { data: unknown }) => void): void {
    this.listener = listener;
  }
  postMessage(message: unknown): void {
    this.sent.push(message as FromBackend);
    for (const wake of this.waiters.splice(0)) wake();
  }
  send(message: ToBackend): void {
    this.listener({ data: message });
  }
  /** The first message matching `match`, once it has been posted. */
  async next(match: (message: FromBackend) => boolean): Promise<FromBackend> {
    for (;;) {
      const found = this.sent.find(match);
      if (found) return found;
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }
}

const folders: string[] = [];
function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'klankbord-backend-service-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function served(dataDir: string) {
  const port = new FakePort();
  const exits: number[] = [];
  serveBackend(port, (code) => exits.push(code));
  port.send({ kind: 'open', options: { dataDir } });
  return { port, exits };
}

describe('the backend process', () => {
  it('opens the data folder, answers each request with its id, forwards events, and closes on request', async () => {
    const dataDir = dataFolder();
    const { port, exits } = served(dataDir);
    expect(port.sent[0]).toMatchObject({ kind: 'ready', info: { dataDir } });
    port.send({ kind: 'dispatch', id: 7, method: 'app.info', input: {} });
    port.send({ kind: 'media', id: 8, query: 'audioFile', key: '00000000-0000-0000-0000-000000000000' });
    port.send({ kind: 'dispatch', id: 9, method: 'preferences.set', input: { theme: 'dark' } });
    expect(await port.next((m) => m.kind === 'answer' && m.id === 7)).toMatchObject({
      result: { ok: true, value: { dataDir } },
    });
    expect(await port.next((m) => m.kind === 'answer' && m.id === 8)).toEqual({
      kind: 'answer',
      id: 8,
      result: undefined,
    });
    expect(await port.next((m) => m.kind === 'event')).toEqual({
      kind: 'event',
      event: { name: 'preferences.changed', payload: {} },
    });
    expect(await port.next((m) => m.kind === 'answer' && m.id === 9)).toMatchObject({
      result: { ok: true, value: { theme: 'dark' } },
    });
    port.send({ kind: 'close' });
    expect(exits).toEqual([0]);
    // The lock is released: the folder opens again.
    createBackend({ dataDir, heavyWork: 'in-thread' }).close();
  });

  it('answers a bad call as the dispatch seam does (a value, not a crash)', async () => {
    const { port } = served(dataFolder());
    port.send({ kind: 'dispatch', id: 1, method: 'no.such', input: {} });
    expect(await port.next((m) => m.kind === 'answer' && m.id === 1)).toMatchObject({
      result: { ok: false, error: { code: 'unknown_method' } },
    });
    port.send({ kind: 'close' });
  });

  it('reports why it could not start (the folder in use) and answers nothing else', async () => {
    const dataDir = dataFolder();
    const holder = createBackend({ dataDir, heavyWork: 'in-thread' });
    try {
      const { port } = served(dataDir);
      expect(port.sent).toEqual([
        {
          kind: 'startup-failed',
          failure: expect.objectContaining({ problem: 'data_folder_in_use', dataDir, exitCode: 10 }),
        },
      ]);
      port.send({ kind: 'dispatch', id: 2, method: 'app.info', input: {} });
      expect(port.sent.at(-1)).toEqual({ kind: 'error', id: 2, message: 'The backend is not open' });
    } finally {
      holder.close();
    }
  });
});

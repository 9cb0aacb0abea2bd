// The relay's correlation ids, pushed events, and what happens when the backend process dies, against a fake child
// whose messages and exits the test decides (the desktop tests run the real process: tests/desktop/relay.test.ts).
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../contract/schemas';
import type { FromBackend, ToBackend } from './backend-protocol';
import { startBackendRelay, type BackendChild, type RestartPolicy } from './backend-relay';

const info: AppInfo = {
  version: '0.1.0',
  dataDir: '/data',
  databaseFile: '/data/klankbord.db',
  schemaVersion: 1,
  recoveredDatabase: null,
  databaseCheck: { state: 'before-open', damage: null },
};

class FakeChild extends EventEmitter implements BackendChild {
  readonly received: ToBackend[] = [];
  killed = false;
  constructor(readonly pid: number) {
    super();
  }
  postMessage(message: ToBackend): void {
    this.received.push(message);
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
  send(message: FromBackend): void {
    this.emit('message', message);
  }
  lastId(): number {
    const last = this.received.at(-1);
    if (!last || !('id' in last)) throw new Error('no request sent');
    return last.id;
  }
}

/** Forks fake children; each one answers 'open' with `opening(child)` (ready by default). */
function fakeFork(opening: (child: FakeChild) => void = (child) => child.send({ kind: 'ready', info })) {
  const children: FakeChild[] = [];
  const fork = (): FakeChild => {
    const child = new FakeChild(1000 + children.length);
    children.push(child);
    queueMicrotask(() => opening(child));
    return child;
  };
  return { fork, children };
}

const quietLog = { error: () => undefined, warn: () => undefined };
let clock = 0;
const policy: RestartPolicy = { maxRestarts: 2, windowMs: 60_000, closeTimeoutMs: 60_000, now: () => clock };

async function started(fork: () => BackendChild) {
  const outcome = await startBackendRelay(fork, { dataDir: '/data' }, quietLog, policy);
  if (!outcome.ok) throw new Error(outcome.failure.detail);
  return outcome.relay;
}

describe('the backend relay', () => {
  it('opens the data folder in the child and pairs each answer with its request, in any order', async () => {
    const { fork, children } = fakeFork();
    const relay = await started(fork);
    const [child] = children as [FakeChild];
    expect(child.received[0]).toEqual({ kind: 'open', options: { dataDir: '/data' } });
    const first = relay.dispatch('app.info', {});
    const firstId = child.lastId();
    const second = relay.exportFile('e1');
    const secondId = child.lastId();
    expect(child.received.at(-1)).toEqual({ kind: 'media', id: secondId, query: 'exportFile', key: 'e1' });
    child.send({ kind: 'answer', id: secondId, result: { path: '/data/exports/e1', fileName: 'x.csv' } });
    child.send({ kind: 'answer', id: firstId, result: { ok: true, value: info } });
    await expect(first).resolves.toEqual({ ok: true, value: info });
    await expect(second).resolves.toEqual({ path: '/data/exports/e1', fileName: 'x.csv' });
  });

  it('hands peaks back as a Buffer over the same bytes, and a throw in the backend as an internal error', async () => {
    const { fork, children } = fakeFork();
    const relay = await started(fork);
    const child = children[0]!;
    const peaks = relay.peaks('a1');
    child.send({ kind: 'answer', id: child.lastId(), result: new Uint8Array([1, 2, 3, 4]) });
    const bytes = await peaks;
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect([...bytes!]).toEqual([1, 2, 3, 4]);
    const broken = relay.dispatch('calls.list', {});
    child.send({ kind: 'error', id: child.lastId(), message: 'boom' });
    await expect(broken).resolves.toMatchObject({ ok: false, error: { code: 'internal', message: 'boom' } });
  });

  it('forwards pushed events to every listener', async () => {
    const { fork, children } = fakeFork();
    const relay = await started(fork);
    const seen: string[] = [];
    relay.events.listen((event) => seen.push(`a:${event.name}`));
    const stop = relay.events.listen((event) => seen.push(`b:${event.name}`));
    children[0]!.send({ kind: 'event', event: { name: 'calls.changed', payload: {} } });
    stop();
    children[0]!.send({ kind: 'event', event: { name: 'preferences.changed', payload: {} } });
    expect(seen).toEqual(['a:calls.changed', 'b:calls.changed', 'a:preferences.changed']);
  });

  it('reports a startup failure from the child, and stops that child', async () => {
    const failure = { problem: 'database_too_new', dataDir: '/data', detail: 'v99', exitCode: 15 } as const;
    const { fork, children } = fakeFork((child) => child.send({ kind: 'startup-failed', failure }));
    const outcome = await startBackendRelay(fork, { dataDir: '/data' }, quietLog, policy);
    expect(outcome).toEqual({ ok: false, failure });
    expect(children[0]!.killed).toBe(true);
  });

  it('says the child exited while it started when it dies before it is ready', async () => {
    const { fork } = fakeFork((child) => child.emit('exit', 9));
    const outcome = await startBackendRelay(fork, { dataDir: '/data' }, quietLog, policy);
    expect(outcome).toMatchObject({
      ok: false,
      failure: { problem: 'unexpected', detail: expect.stringContaining('9') },
    });
  });

  it('fails calls in flight with backend_unreachable when the child dies, and answers again from a new child', async () => {
    const { fork, children } = fakeFork();
    const relay = await started(fork);
    const inFlight = relay.dispatch('reviews.saveAnswer', {});
    const lookup = relay.audioFile('a1');
    children[0]!.emit('exit', 139);
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: 'backend_unreachable' } });
    await expect(lookup).rejects.toThrow(/stopped/);
    expect(children).toHaveLength(2);
    const next = relay.dispatch('app.info', {});
    const restarted = children[1]!;
    expect(restarted.received[0]).toMatchObject({ kind: 'open' });
    restarted.send({ kind: 'answer', id: restarted.lastId(), result: { ok: true, value: info } });
    await expect(next).resolves.toEqual({ ok: true, value: info });
    expect(relay.pid).toBe(restarted.pid);
  });

  it('stays down after more deaths within the window than the policy restarts, answering backend_unreachable', async () => {
    const { fork, children } = fakeFork();
    const relay = await started(fork);
    for (let death = 0; death <= policy.maxRestarts; death += 1) {
      children.at(-1)!.emit('exit', 1);
      await new Promise((done) => setImmediate(done));
    }
    expect(children).toHaveLength(policy.maxRestarts + 1);
    expect(relay.available).toBe(false);
    await expect(relay.dispatch('app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'backend_unreachable' },
    });
    await expect(relay.exportFile('e1')).rejects.toThrow(/not running/);
  });

  it('restarts again once earlier deaths are older than the window', async () => {
    const { fork, children } = fakeFork();
    const relay = await started(fork);
    for (let death = 0; death < 4; death += 1) {
      clock += policy.windowMs;
      children.at(-1)!.emit('exit', 1);
      await new Promise((done) => setImmediate(done));
    }
    expect(children).toHaveLength(5);
    expect(relay.available).toBe(true);
  });

  it('closes: asks the child to close its database and resolves once it has exited; no restart', async () => {
    const { fork, children } = fakeFork();
    const relay = await started(fork);
    const child = children[0]!;
    let closed = false;
    const closing = relay.close().then(() => (closed = true));
    expect(child.received.at(-1)).toEqual({ kind: 'close' });
    await Promise.resolve();
    expect(closed).toBe(false);
    child.emit('exit', 0);
    await closing;
    expect(children).toHaveLength(1);
    expect(relay.available).toBe(false);
  });
});

// The stand-in's contextBridge across the Node/Chromium line: the preload ran in Node and exposed its API; the page
// gets an object with the same function names whose calls run the preload's functions inside `rendererContext` (so
// ipcRenderer knows the sender and its frame URL). Function arguments (subscribe's handler) become callbacks into the
// page, and a returned function (the unsubscribe) is kept here and called when the page releases it.
import type { Frame, Page } from '@playwright/test';
import { bridgeState } from './app';
import { rendererContext } from './ipc';
import { toElectronUrl } from './url-mapping';
import type { StandInWebContents } from './web-contents';

interface CallbackRef {
  readonly standInCallback: number;
}
const isCallbackRef = (value: unknown): value is CallbackRef =>
  typeof value === 'object' && value !== null && 'standInCallback' in value;

/** Runs in the page before its own scripts (an init script), like Electron's isolated-world proxy. */
function pageSide({ apiKey, names }: { apiKey: string; names: string[] }): void {
  const host = globalThis as unknown as Record<string, unknown> & {
    standInBridgeCall(name: string, args: unknown[]): Promise<unknown>;
  };
  const callbacks = new Map<number, (...args: unknown[]) => void>();
  let next = 1;
  Object.defineProperty(host, 'standInCallback', {
    value: (id: number, args: unknown[]) => callbacks.get(id)?.(...args),
  });
  const call = (name: string, args: unknown[]): unknown => {
    const ids: number[] = [];
    const encoded = args.map((arg) => {
      if (typeof arg !== 'function') return arg;
      callbacks.set(next, arg as (...args: unknown[]) => void);
      ids.push(next);
      return { standInCallback: next++ };
    });
    const result = host.standInBridgeCall(name, encoded);
    if (ids.length === 0) return result;
    return () => {
      for (const id of ids) {
        callbacks.delete(id);
        void host.standInBridgeCall('standInRelease', [id]);
      }
    };
  };
  const api = Object.freeze(Object.fromEntries(names.map((name) => [name, (...args: unknown[]) => call(name, args)])));
  Object.defineProperty(host, apiKey, { value: api, enumerable: true });
}

/** Gives the page every API the preload exposed; call before the page loads. */
export async function connectPageBridge(page: Page, contents: StandInWebContents): Promise<void> {
  const releases = new Map<number, () => void>();
  const releaseAll = (frameUrl: string) => {
    for (const release of releases.values()) rendererContext.run({ contents, frameUrl }, release);
    releases.clear();
  };
  // A new document starts without listeners, as after a reload in Electron.
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) releaseAll(toElectronUrl(frame.url()));
  });
  const callbackInto =
    (frame: Frame, id: number) =>
    (...args: unknown[]) => {
      frame
        .evaluate(
          ([callbackId, callbackArgs]) =>
            (globalThis as unknown as { standInCallback(id: number, args: unknown): void }).standInCallback(
              callbackId,
              callbackArgs,
            ),
          [id, args] as const,
        )
        .catch(() => undefined);
    };
  await page.exposeBinding('standInBridgeCall', async (source, name: string, args: unknown[]) => {
    const call = { contents, frameUrl: toElectronUrl(source.frame.url()) };
    if (name === 'standInRelease') {
      const release = releases.get(Number(args[0]));
      releases.delete(Number(args[0]));
      if (release) rendererContext.run(call, release);
      return undefined;
    }
    const [apiKey] = [...bridgeState.exposed.keys()];
    const target = bridgeState.exposed.get(apiKey ?? '')?.[name];
    if (typeof target !== 'function') throw new Error(`The preload exposed no function ${name}`);
    const decoded = args.map((arg) => (isCallbackRef(arg) ? callbackInto(source.frame, arg.standInCallback) : arg));
    const result: unknown = await rendererContext.run(call, () =>
      (target as (...args: unknown[]) => unknown)(...decoded),
    );
    if (typeof result !== 'function') return result;
    const ref = args.find(isCallbackRef);
    if (ref) releases.set(ref.standInCallback, result as () => void);
    return undefined;
  });
  for (const [apiKey, api] of bridgeState.exposed) {
    const names = Object.keys(api).filter((name) => typeof api[name] === 'function');
    await page.addInitScript(pageSide, { apiKey, names });
  }
}

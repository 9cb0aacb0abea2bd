import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/*
 * Starts a worker from the built JavaScript when there is one (electron-vite emits each worker entry next to the
 * main bundle), else from the TypeScript source: browser mode and the CLI run under tsx, and tests under Vitest,
 * whose loaders a worker does not inherit, so a small bootstrap registers tsx in the worker first.
 */
export function startWorker(
  entryName: string,
  workerData: unknown,
  { directory = __dirname, resourceLimits }: { directory?: string; resourceLimits?: ResourceLimits } = {},
): Worker {
  const built = join(directory, `${entryName}.js`);
  if (existsSync(built)) return new Worker(built, { workerData, resourceLimits });
  const source = join(directory, `${entryName}.ts`);
  if (!existsSync(source)) throw new Error(`No worker entry ${entryName} in ${directory}`);
  return new Worker(join(__dirname, 'tsx-bootstrap.mjs'), {
    workerData: { ...(workerData as object), entry: source },
    resourceLimits,
  });
}

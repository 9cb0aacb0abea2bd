import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How to start a harness worker: bundled with esbuild and run under plain node (it starts in a fraction of tsx's
 * time, so more of each round is spent inside the work being killed), or with the tsx loader when bundling fails or
 * is not wanted. Shared by the crash harness and the fault harness.
 */
export async function workerCommand(
  source: string,
  outDir: string,
  bundle = true,
): Promise<{ args: string[]; cleanup: () => void }> {
  if (bundle) {
    try {
      const esbuild = await import('esbuild');
      mkdirSync(outDir, { recursive: true });
      const outfile = join(outDir, `worker-${process.pid}.cjs`);
      await esbuild.build({
        entryPoints: [source],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['better-sqlite3'],
        outfile,
        logLevel: 'warning',
      });
      return { args: [outfile], cleanup: () => rmSync(outfile, { force: true }) };
    } catch (error) {
      console.error(`could not bundle the worker (${String(error)}); falling back to tsx`);
    }
  }
  return { args: ['--import', 'tsx', source], cleanup: () => undefined };
}

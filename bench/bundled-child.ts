// The command a benchmark runs its measured child process with: the benchmark's own file bundled with esbuild next to
// the heavy worker, built as electron-vite builds the app (the project's code bundled, packages loaded from
// node_modules). Under tsx a process carries the loader, its transform cache and every module's source map, in each
// worker's isolate too; bundled with its packages, each worker parses megabytes of code it never runs. Either way an
// RSS or speed figure would not be the app's. Falls back to tsx, saying so, when bundling fails.
import { join, resolve } from 'node:path';

/**
 * Bundles `entry` (a benchmark's own file) as `<name>.js` beside `heavy-worker.js` in .tmp/bundle-<name> and returns the
 * arguments to give node; a child started with them finds its workers from JavaScript. The folder is two levels below
 * the project, as out/main is, so the server's paths to resources/ (the lexicons) hold in the bundle too.
 */
export async function bundledChildCommand(entry: string, name: string): Promise<string[]> {
  const outdir = resolve(__dirname, `../.tmp/bundle-${name}`);
  try {
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: {
        [name]: entry,
        'heavy-worker': resolve(__dirname, '../src/server/workers/heavy-worker.ts'),
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // Packages stay in node_modules and load from there, as electron-vite builds the app: bundled in, each worker
      // would parse megabytes of dependencies it never runs.
      packages: 'external',
      outdir,
      logLevel: 'warning',
    });
    return [join(outdir, `${name}.js`)];
  } catch (error) {
    process.stderr.write(`could not bundle ${name} (${String(error)}); running it under tsx, whose RSS is larger\n`);
    return [resolve(__dirname, '../node_modules/tsx/dist/cli.mjs'), entry];
  }
}

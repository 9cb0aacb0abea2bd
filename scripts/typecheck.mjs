// Type-checks each layer with its own tsconfig, so a layer cannot use types (DOM, Node) it must not depend on.
import { execFileSync } from 'node:child_process';

const projects = [
  'src/i18n',
  'src/domain',
  'src/contract',
  'src/storage',
  'src/services',
  'src/server',
  'src/main',
  'src/preload',
  'src/renderer',
  'tsconfig.tests.json',
];
const tsc = 'node_modules/typescript/bin/tsc';
let failed = false;
for (const project of projects) {
  try {
    execFileSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
  } catch {
    failed = true;
    console.error(`typecheck failed: ${project}`);
  }
}
process.exit(failed ? 1 : 0);

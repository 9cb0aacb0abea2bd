// Starts a worker from TypeScript source (browser mode and the CLI under tsx, tests under Vitest): a worker does
// not inherit its parent's loaders, so tsx is registered here, for require() and import() alike, before the entry.
import { createRequire } from 'node:module';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const require = createRequire(import.meta.url);
require('tsx/cjs/api').register();
require(workerData.entry);

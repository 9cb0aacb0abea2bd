// Child process for tests: starts the real backend on a data folder (taking its lock), says READY, then waits.
import { createBackend } from '../../src/server/backend';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: hold-data-folder <dataDir>');
const backend = createBackend({ dataDir });
process.stdout.write('READY\n');
const stop = () => {
  backend.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
setInterval(() => undefined, 60_000);

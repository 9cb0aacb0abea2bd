import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import { heavyJobs, type HeavyWorkerData } from './heavy-jobs';
import { serveJobs } from './worker-host';
import { registerFolderKey } from '../encryption/folder-keys';

// The entry of a heavy-work worker thread (built as its own file next to the main bundle).

// On Linux the nice value belongs to a thread, and pid 0 names the calling one: heavy work yields the CPU to the
// thread that answers the user. Elsewhere it would lower the whole process, so it is left alone.
if (process.platform === 'linux') {
  try {
    setPriority(0, 10);
  } catch {
    // Not permitted in some sandboxes; the work still runs, at normal priority.
  }
}

const data = workerData as HeavyWorkerData;
if (data.dataKey) registerFolderKey(data.dataKey.folder, Buffer.from(data.dataKey.keyHex, 'hex'));
serveJobs(heavyJobs(data));

// utilityProcess of the stand-in: Node's child_process.fork with the shim above (Electron's parentPort, structured
// clone through the 'advanced' serialization), so the desktop tests run the real backend-process entry in a real
// second process. Every fork is recorded; the harness waits for all of them to end before it removes a data folder.
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { app } from './app';

const shim = join(import.meta.dirname, 'parent-port-shim.cjs');

export interface StandInForkOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly stdio?: 'pipe' | 'ignore' | 'inherit';
  readonly serviceName?: string;
}

export class StandInUtilityProcess extends EventEmitter {
  private readonly child: ChildProcess;
  readonly exited: Promise<number>;
  pid: number | undefined;

  constructor(
    readonly modulePath: string,
    args: readonly string[],
    readonly options: StandInForkOptions,
  ) {
    super();
    const stdio = options.stdio ?? 'inherit';
    this.child = fork(shim, [modulePath, ...args], {
      env: options.env ?? process.env,
      cwd: options.cwd,
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', stdio, stdio, 'ipc'],
    });
    this.pid = this.child.pid;
    this.child.on('spawn', () => this.emit('spawn'));
    this.child.on('message', (message) => this.emit('message', message));
    this.exited = new Promise((done) =>
      this.child.on('exit', (code, signal) => {
        this.pid = undefined;
        // Electron reports the code from waitpid; a process ended by a signal has none here, so report 1.
        const exitCode = code ?? (signal ? 1 : 0);
        this.emit('exit', exitCode);
        done(exitCode);
      }),
    );
  }

  postMessage(message: unknown): void {
    if (!this.child.connected) throw new Error('The utility process is gone');
    this.child.send(message as object);
  }

  kill(): boolean {
    return this.child.kill('SIGTERM');
  }

  /** Tests: ends the process the hard way, as a crash would. */
  crash(): void {
    this.child.kill('SIGKILL');
  }
}

export const utilityProcessState = { forked: [] as StandInUtilityProcess[] };

export const utilityProcess = {
  fork(modulePath: string, args: string[] = [], options: StandInForkOptions = {}): StandInUtilityProcess {
    // Electron: "utilityProcess.fork can only be called after the ready event has been emitted on App".
    if (!app.ready) throw new Error('utilityProcess cannot be created before app is ready.');
    const child = new StandInUtilityProcess(modulePath, args, options);
    utilityProcessState.forked.push(child);
    return child;
  },
};

/** Harness: resolves when every forked process has ended (their data folder may then be removed). */
export async function allUtilityProcessesExited(): Promise<void> {
  await Promise.all(utilityProcessState.forked.map((child) => child.exited));
}

/** Harness: forgets the forks of a launch that has ended. */
export function resetUtilityProcesses(): void {
  utilityProcessState.forked.length = 0;
}

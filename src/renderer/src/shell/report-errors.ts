// Sends errors the page catches (window errors, unhandled rejections, crashed React trees) to the backend's log file.
import type { RendererError } from '../../../contract/diagnostics';
import type { Transport } from '../transport/types';

/** A page stuck in an error loop must not fill the log: the first reports of a page load are enough to diagnose. */
const maxReportsPerPage = 50;

export interface ErrorReporter {
  report(kind: RendererError['kind'], error: unknown): void;
}

function describe(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error)
    return { message: `${error.name}: ${error.message}`.slice(0, 2_000), stack: error.stack?.slice(0, 20_000) };
  return { message: String(error).slice(0, 2_000) };
}

export function createErrorReporter(transport: Pick<Transport, 'invoke'>, page: () => string): ErrorReporter {
  let sent = 0;
  return {
    report(kind, error) {
      if (sent >= maxReportsPerPage) return;
      sent += 1;
      // The address without its query: browser mode carries its secret there.
      void transport.invoke('app.reportError', {
        kind,
        ...describe(error),
        page: page().split(/[?#]/)[0]?.slice(0, 500),
      });
    },
  };
}

/** Reports this window's uncaught errors and unhandled rejections. */
export function reportWindowErrors(target: Window, reporter: ErrorReporter): void {
  target.addEventListener('error', (event) => reporter.report('error', event.error ?? event.message));
  target.addEventListener('unhandledrejection', (event) => reporter.report('unhandledrejection', event.reason));
}

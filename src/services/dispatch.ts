import { fail, type Result } from '../contract/errors';
import { isMethodName, methods } from '../contract/methods';
import type { ServiceContext } from './context';
import { isDiskFull } from './disk-full';
import type { Handlers } from './handlers';

export interface DispatchOptions {
  /** Validate outputs too (tests and development): a mismatch is a bug, reported as `internal`. */
  readonly checkOutputs?: boolean;
}

export type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * Builds the single entry point of every transport. It validates the method name and the input, runs the
 * handler, and turns anything thrown into an `internal` error value, so a malformed call never crashes the backend.
 */
export function createDispatch(handlers: Handlers, context: ServiceContext, options: DispatchOptions = {}): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) return fail('unknown_method', `Unknown method: ${String(method).slice(0, 100)}`);
    const spec = methods[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return fail('invalid_input', `Invalid input for ${method}`, {
        issues: parsed.error.issues
          .slice(0, 20)
          .map((issue) => ({ path: issue.path.map(String), code: issue.code, message: issue.message })),
      });
    }
    try {
      const handler = handlers[method] as (
        input: unknown,
        context: ServiceContext,
      ) => Result<unknown> | Promise<Result<unknown>>;
      const result = await handler(parsed.data, context);
      if (result.ok && options.checkOutputs) {
        const checked = spec.output.safeParse(result.value);
        if (!checked.success) {
          console.error(`output of ${method} does not match the contract`, checked.error.issues.slice(0, 5));
          return fail('internal', `Output of ${method} does not match the contract`);
        }
      }
      return result;
    } catch (error) {
      if (isDiskFull(error)) return fail('disk_full', error instanceof Error ? error.message : 'disk full');
      console.error(`${method} failed`, error);
      context.ports.errorLog.error('backend', `${method} failed`, error);
      const isStorage = error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_');
      return isStorage
        ? fail('storage_failed', error instanceof Error ? error.message : 'storage failed')
        : fail('internal', error instanceof Error ? error.message : 'internal error');
    }
  };
}

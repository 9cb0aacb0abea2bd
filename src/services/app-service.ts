import { ok } from '../contract/errors';
import type { AppInfo } from '../contract/schemas';
import { dismissRecoveryNotice, readRecoveryNotice } from '../storage/recovery-notice-repository';
import type { ServiceContext } from './context';
import type { Handlers } from './handlers';

/** How many of the newest logged errors the diagnostics summary carries. */
const diagnosticsErrorCount = 20;

/**
 * Facts about this run; the recovery notice is read from the database, where it stays until dismissed, and the
 * database check as it stands now (it may still be running in the background).
 */
const currentInfo = (context: ServiceContext): AppInfo => ({
  ...context.info,
  recoveredDatabase: readRecoveryNotice(context.db),
  databaseCheck: context.ports.databaseCheck?.() ?? context.info.databaseCheck,
});

export const appHandlers = {
  'app.info': (_input, context) => ok(currentInfo(context)),
  'app.dismissRecoveryNotice': (_input, context) => {
    dismissRecoveryNotice(context.db);
    return ok(currentInfo(context));
  },
  'app.diagnostics': async (_input, context) => {
    const { errorLog } = context.ports;
    const dataProtection = await context.ports.dataProtection?.();
    return ok({
      version: context.info.version,
      runtime: errorLog.runtime(),
      dataDir: context.info.dataDir,
      databaseFile: context.info.databaseFile,
      schemaVersion: context.info.schemaVersion,
      logFile: errorLog.file,
      recentErrors: [...errorLog.recentErrors(diagnosticsErrorCount)],
      ...(dataProtection ? { dataProtection } : {}),
    });
  },
  'app.reportError': (input, context) => {
    const where = input.page ? ` (${input.page})` : '';
    context.ports.errorLog.error('renderer', `${input.kind}: ${input.message}${where}`, input.stack);
    return ok({ logged: true });
  },
} satisfies Partial<Handlers>;

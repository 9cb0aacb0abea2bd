import { ok } from '../contract/errors';
import type { AppInfo } from '../contract/schemas';
import { dismissRecoveryNotice, readRecoveryNotice } from '../storage/recovery-notice-repository';
import type { ServiceContext } from './context';
import type { Handlers } from './handlers';

/** Facts about this run; the recovery notice is read from the database, where it stays until dismissed. */
const currentInfo = (context: ServiceContext): AppInfo => ({ ...context.info, recoveredDatabase: readRecoveryNotice(context.db) });

export const appHandlers = {
  'app.info': (_input, context) => ok(currentInfo(context)),
  'app.dismissRecoveryNotice': (_input, context) => {
    dismissRecoveryNotice(context.db);
    return ok(currentInfo(context));
  },
} satisfies Partial<Handlers>;

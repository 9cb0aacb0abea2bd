import { ok } from '../contract/errors';
import { countCallRows, listCallWindow } from '../storage/call-window-repository';
import type { Handlers } from './handlers';

export const callWindowHandlers: Pick<Handlers, 'calls.window'> = {
  'calls.window': (input, context) => {
    const window = listCallWindow(context.db, input.search, { limit: input.limit, after: input.after });
    return ok({ rows: [...window.rows], total: countCallRows(context.db, input.search), next: window.next });
  },
};

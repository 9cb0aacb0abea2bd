import { ok } from '../contract/errors';
import type { Handlers } from './handlers';

export const appHandlers = {
  'app.info': (_input, context) => ok(context.info),
} satisfies Partial<Handlers>;

import { ok } from '../contract/errors';
import { listCalls } from '../storage/calls-repository';
import type { Handlers } from './handlers';

export const callHandlers = {
  'calls.list': (input, context) => ok(listCalls(context.db, input.search)),
} satisfies Partial<Handlers>;

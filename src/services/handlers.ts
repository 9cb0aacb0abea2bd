import type { z } from 'zod';
import type { Result } from '../contract/errors';
import type { MethodName, MethodOutput, Methods } from '../contract/methods';
import type { ServiceContext } from './context';
import { appHandlers } from './app-service';
import { callHandlers } from './calls-service';
import { importHandlers } from './import-service';
import { preferenceHandlers } from './preferences-service';
import { reviewHandlers } from './review-service';
import { reviewerHandlers } from './reviewer-service';
import { rubricHandlers } from './rubric-service';
import { exportHandlers } from './export-service';
import { packageHandlers } from './package-service';
import { redactionHandlers } from './redaction-service';
import { retentionHandlers } from './retention-service';
import { requestHandlers } from './request-service';
import { sessionHandlers } from './session-service';
import { teamHandlers } from './team-service';
import { agentHandlers } from './agent-service';
import { signalsHandlers } from './signals-service';
import { transcriptSearchHandlers } from './transcript-search-service';
import { reviewWindowHandlers } from './review-window-service';
import { callWindowHandlers } from './call-window-service';

/** Handlers receive the parsed input (defaults applied) and return a result value; throwing is a bug. */
export type Handler<M extends MethodName> = (
  input: z.output<Methods[M]['input']>,
  context: ServiceContext,
) => Result<MethodOutput<M>> | Promise<Result<MethodOutput<M>>>;

export type Handlers = { readonly [M in MethodName]: Handler<M> };

/** Every method of the contract mapped to its use case; the compiler enforces completeness. */
export const handlers: Handlers = {
  ...appHandlers,
  ...callHandlers,
  ...importHandlers,
  ...preferenceHandlers,
  ...reviewerHandlers,
  ...reviewHandlers,
  ...rubricHandlers,
  ...sessionHandlers,
  ...packageHandlers,
  ...exportHandlers,
  ...redactionHandlers,
  ...requestHandlers,
  ...teamHandlers,
  ...agentHandlers,
  ...signalsHandlers,
  ...retentionHandlers,
  ...transcriptSearchHandlers,
  ...reviewWindowHandlers,
  ...callWindowHandlers,
};

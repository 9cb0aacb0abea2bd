import { ok } from '../contract/errors';
import type { Handlers } from './handlers';
import { buildTeamReport } from './team-report';
import { teamExportHandlers } from './team-export-service';

export const teamHandlers = {
  'team.report': (input, context) => ok(buildTeamReport(context, input)),
  ...teamExportHandlers,
} satisfies Partial<Handlers>;

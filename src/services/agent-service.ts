import { fail, ok } from '../contract/errors';
import type { AgentList } from '../contract/team';
import { agentOf, mergeLookup, planMerge } from '../domain/team/agent-merges';
import {
  deleteAgentMerge,
  listAgentMerges,
  listAgentSpellings,
  saveAgentMerges,
} from '../storage/agent-merges-repository';
import { writeTransaction } from '../storage/transactions';
import type { ServiceContext } from './context';
import type { Handlers } from './handlers';

function agentList(context: ServiceContext): AgentList {
  const merges = listAgentMerges(context.db);
  const lookup = mergeLookup(merges);
  const spellings = listAgentSpellings(context.db).map((spelling) => ({
    ...spelling,
    agentName: agentOf(spelling.name, lookup),
  }));
  return { spellings, merges };
}

export const agentHandlers = {
  'agents.list': (_input, context) => ok(agentList(context)),
  'agents.merge': (input, context) => {
    const refused = writeTransaction(context.db, () => {
      const plan = planMerge(listAgentMerges(context.db), input.variant, input.into, context.now());
      if (!plan.ok) return plan.problem;
      saveAgentMerges(context.db, plan.merges);
      return null;
    });
    if (refused !== null)
      return fail('invalid_input', `Cannot merge "${input.variant}" into "${input.into}"`, { problem: refused });
    context.events.emit('calls.changed', {});
    return ok(agentList(context));
  },
  'agents.unmerge': (input, context) => {
    if (!deleteAgentMerge(context.db, input.variant)) return fail('not_found', `No merge of "${input.variant}"`);
    context.events.emit('calls.changed', {});
    return ok(agentList(context));
  },
} satisfies Partial<Handlers>;

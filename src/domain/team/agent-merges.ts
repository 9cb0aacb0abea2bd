/** Calls whose agent is spelled `variant` belong to the agent `agentName`. */
export interface AgentMerge {
  readonly variant: string;
  readonly agentName: string;
  readonly mergedAtMs: number;
}

export type MergePlan =
  | { readonly ok: true; readonly merges: readonly AgentMerge[] }
  | { readonly ok: false; readonly problem: 'empty' | 'same' };

/** The agent a spelling belongs to, merges applied (a spelling without a merge is its own agent). */
export function agentOf(name: string, merges: ReadonlyMap<string, string>): string {
  return merges.get(name) ?? name;
}

/** Merges as a lookup from variant to agent. */
export function mergeLookup(merges: readonly AgentMerge[]): Map<string, string> {
  return new Map(merges.map((merge) => [merge.variant, merge.agentName]));
}

/**
 * The rows to store to merge `variant` into `into`. Merges stay one step deep, so every lookup is a single step:
 * when `into` is itself a variant its own agent is the target, and variants that pointed at `variant` move along
 * to the target. Merging a spelling into itself (or into an agent that already is it) is refused.
 */
export function planMerge(existing: readonly AgentMerge[], variant: string, into: string, nowMs: number): MergePlan {
  const from = variant.trim();
  const lookup = mergeLookup(existing);
  const target = agentOf(into.trim(), lookup);
  if (from === '' || target === '') return { ok: false, problem: 'empty' };
  if (from === target) return { ok: false, problem: 'same' };
  const moved = existing
    .filter((merge) => merge.agentName === from)
    .map((merge) => ({ variant: merge.variant, agentName: target, mergedAtMs: nowMs }));
  return { ok: true, merges: [{ variant: from, agentName: target, mergedAtMs: nowMs }, ...moved] };
}

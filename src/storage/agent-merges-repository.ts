import type Database from 'better-sqlite3';
import type { AgentMerge } from '../domain/team/agent-merges';

/** Every agent merge, by variant. */
export function listAgentMerges(db: Database.Database): AgentMerge[] {
  return db
    .prepare('SELECT variant, agent_name AS agentName, merged_at_ms AS mergedAtMs FROM agent_merges ORDER BY variant')
    .all() as AgentMerge[];
}

/** Stores merges (a new one, and earlier ones re-pointed at the same agent) in one go. */
export function saveAgentMerges(db: Database.Database, merges: readonly AgentMerge[]): void {
  const upsert = db.prepare(
    `INSERT INTO agent_merges (variant, agent_name, merged_at_ms) VALUES (@variant, @agentName, @mergedAtMs)
     ON CONFLICT (variant) DO UPDATE SET agent_name = excluded.agent_name, merged_at_ms = excluded.merged_at_ms`,
  );
  for (const merge of merges) upsert.run(merge);
}

/** Undoes a merge: calls spelled `variant` are their own agent again. True when there was one. */
export function deleteAgentMerge(db: Database.Database, variant: string): boolean {
  return db.prepare('DELETE FROM agent_merges WHERE variant = ?').run(variant).changes > 0;
}

/** Each agent spelling on the calls (empty left out) with the number of calls and reviews that carry it. */
export function listAgentSpellings(db: Database.Database): { name: string; calls: number; reviews: number }[] {
  return db
    .prepare(
      `SELECT c.agent_name AS name, count(DISTINCT c.id) AS calls, count(r.id) AS reviews
         FROM calls c LEFT JOIN reviews r ON r.call_id = c.id
        WHERE trim(c.agent_name) <> ''
        GROUP BY c.agent_name ORDER BY c.agent_name`,
    )
    .all() as { name: string; calls: number; reviews: number }[];
}

/**
 * SQL for the agent a call belongs to, merges applied, for queries over `calls c`: the one place that knows how the
 * merge table is read, so the review list, its filter and the team report agree.
 */
export const mergedAgentSql = `COALESCE((SELECT m.agent_name FROM agent_merges m WHERE m.variant = c.agent_name), c.agent_name)`;

/** SQL matching the calls of an agent (its own spelling and every variant merged into it) to `@agentName`. */
export const agentMatchSql = `(c.agent_name = @agentName OR c.agent_name IN (SELECT m.variant FROM agent_merges m WHERE m.agent_name = @agentName))`;

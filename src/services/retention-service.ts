import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { ok } from '../contract/errors';
import type { RetentionPreview } from '../contract/retention';
import { parseRetentionRules, type RetentionRules } from '../domain/retention/model';
import { anyRuleActive, dueNow, retentionSchedule } from '../domain/retention/schedule';
import { readPreferences, writePreferences } from '../storage/preferences-repository';
import {
  callTitles,
  countRetentionLog,
  insertRetentionLog,
  listRetentionCandidates,
  listRetentionLog,
  markMediaRemoved,
  storedMediaOf,
  type RetentionTrigger,
} from '../storage/retention-repository';
import { writeTransaction } from '../storage/transactions';
import type { ServiceContext } from './context';
import type { Handlers } from './handlers';

export const retentionRulesKey = 'retention.rules';

/** How many calls the preview lists; the counts cover every call. */
export const previewListLimit = 500;

export function savedRetentionRules(db: Database.Database): RetentionRules {
  return parseRetentionRules(readPreferences(db)[retentionRulesKey]);
}

/** What `rules` would remove now and later, as of `nowMs`. */
export function previewRetention(db: Database.Database, rules: RetentionRules, nowMs: number): RetentionPreview {
  const schedule = retentionSchedule(listRetentionCandidates(db), rules, nowMs);
  const listed = schedule.slice(0, previewListLimit);
  const titles = callTitles(
    db,
    listed.map((entry) => entry.callId),
  );
  return {
    nowMs,
    dueNowCount: schedule.filter((entry) => entry.dueNow).length,
    heldByDraftCount: schedule.filter((entry) => entry.heldByDraft).length,
    laterCount: schedule.filter((entry) => entry.dueAtMs > nowMs).length,
    calls: listed.map((entry) => ({
      callId: entry.callId,
      title: titles.get(entry.callId) ?? '',
      rule: entry.rule,
      dueAtMs: entry.dueAtMs,
      dueNow: entry.dueNow,
      heldByDraft: entry.heldByDraft,
    })),
    truncated: schedule.length > listed.length,
  };
}

export interface RetentionRun {
  readonly removedCount: number;
  readonly freedBytes: number;
  readonly failedFiles: number;
}

async function runRetention(context: ServiceContext, trigger: RetentionTrigger): Promise<RetentionRun> {
  // The backend may close (the CLI ends its command) before a scheduled run gets its turn.
  if (!context.db.open) return { removedCount: 0, freedBytes: 0, failedFiles: 0 };
  const rules = savedRetentionRules(context.db);
  // Listing every call's facts takes a second or two at 100,000 calls, on the thread that answers the user.
  if (!anyRuleActive(rules)) return { removedCount: 0, freedBytes: 0, failedFiles: 0 };
  const nowMs = context.now();
  let removedCount = 0;
  let freedBytes = 0;
  let failedFiles = 0;
  for (const entry of dueNow(listRetentionCandidates(context.db), rules, nowMs)) {
    if (!context.db.open) break;
    const media = storedMediaOf(context.db, entry.callId);
    if (!media || entry.rulePolicy.basis === 'off') continue;
    const basis = entry.rulePolicy.basis;
    // The database says "removed" first; then the file goes. A crash in between leaves a file no row keeps, and
    // start-up removes it (listStoredAudioNames leaves removed media out).
    writeTransaction(context.db, () => {
      markMediaRemoved(context.db, entry.callId, media.audioId, nowMs);
      insertRetentionLog(context.db, {
        callId: entry.callId,
        removedAtMs: nowMs,
        rule: entry.rule,
        basis,
        days: entry.rulePolicy.days,
        dueAtMs: entry.dueAtMs,
        trigger,
        audioBytes: media.audioBytes,
        peaksBytes: media.peaksBytes,
        transcriptSegments: media.transcriptSegments,
      });
    });
    removedCount += 1;
    freedBytes += media.audioBytes + media.peaksBytes;
    try {
      await context.ports.files.remove(join(context.paths.audioDir, media.storedName));
    } catch (error) {
      failedFiles += 1;
      context.ports.errorLog.error('backend', 'retention: the recording file could not be removed now', error);
    }
  }
  if (removedCount > 0) context.events.emit('calls.changed', {});
  return { removedCount, freedBytes, failedFiles };
}

const running = new WeakMap<Database.Database, Promise<RetentionRun>>();

/**
 * Applies the saved rules now. Runs never overlap: a run asked for while one is under way waits for it, then runs
 * (so "Run now" right after start-up still sees what the start run left).
 */
export function applyRetention(context: ServiceContext, trigger: RetentionTrigger): Promise<RetentionRun> {
  const before = running.get(context.db) ?? Promise.resolve(undefined);
  const run = before.catch(() => undefined).then(() => runRetention(context, trigger));
  running.set(context.db, run);
  return run;
}

export const retentionHandlers = {
  'retention.get': (_input, context) => ok(savedRetentionRules(context.db)),
  'retention.set': (input, context) => {
    writePreferences(context.db, { [retentionRulesKey]: JSON.stringify(input) });
    return ok(savedRetentionRules(context.db));
  },
  'retention.preview': (input, context) =>
    ok(previewRetention(context.db, input.rules ?? savedRetentionRules(context.db), context.now())),
  'retention.apply': async (_input, context) => ok(await applyRetention(context, 'manual')),
  'retention.log': (input, context) =>
    ok({ entries: listRetentionLog(context.db, input.limit), total: countRetentionLog(context.db) }),
} satisfies Partial<Handlers>;

import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { fail, ok, type Result } from '../contract/errors';
import type { CallRedactions } from '../contract/redactions';
import { mergeRanges, type RedactedRange } from '../domain/privacy/redaction-ranges';
import type { RedactionStatus } from '../domain/privacy/redaction';
import { getCall } from '../storage/calls-repository';
import {
  acceptedRanges,
  auditRedaction,
  getRedaction,
  insertRedaction,
  listRedactionAudit,
  listRedactions,
  setRedactionStatus,
} from '../storage/redactions-repository';
import { writeTransaction } from '../storage/transactions';
import type { ServiceContext } from './context';
import type { Handlers } from './handlers';
import { applyRedactionsPermanently } from './redaction-apply';
import { scanIfNotYetScanned } from './redaction-scan';
import { requireLocalReviewer } from './reviewer-service';

/** The ranges of a call that playback mutes and every export masks, merged. */
export function redactedRangesOf(db: Database.Database, callId: string): RedactedRange[] {
  return mergeRanges(acceptedRanges(db, callId));
}

function callRedactions(db: Database.Database, callId: string): CallRedactions {
  return {
    redactions: listRedactions(db, callId),
    audit: listRedactionAudit(db, callId).map(
      ({ redactionId, action, kind, startMs, endMs, actorName, reason, atMs }) => ({
        redactionId,
        action,
        kind,
        startMs,
        endMs,
        actorName,
        reason,
        atMs,
      }),
    ),
  };
}

/** A reviewer's decision on a suggestion (or a change of mind later), recorded in the audit trail. */
function decide(
  context: ServiceContext,
  redactionId: string,
  status: Extract<RedactionStatus, 'accepted' | 'dismissed'>,
  reason: string,
): Result<CallRedactions> {
  const reviewer = requireLocalReviewer(context.db);
  if (!reviewer.ok) return reviewer;
  const redaction = getRedaction(context.db, redactionId);
  if (!redaction) return fail('not_found', `No redaction ${redactionId}`);
  if (redaction.appliedAtMs !== null) return fail('conflict', 'This redaction was applied permanently');
  const now = context.now();
  writeTransaction(context.db, () => {
    setRedactionStatus(context.db, redactionId, status, reason, now);
    auditRedaction(context.db, redaction, status, reviewer.value, reason, now);
  });
  context.events.emit('calls.changed', {});
  return ok(callRedactions(context.db, redaction.callId));
}

export const redactionHandlers = {
  'redactions.list': (input, context) => {
    if (!getCall(context.db, input.callId)) return fail('not_found', `No call ${input.callId}`);
    scanIfNotYetScanned(context.db, input.callId, context.now());
    return ok(callRedactions(context.db, input.callId));
  },
  'redactions.accept': (input, context) => decide(context, input.redactionId, 'accepted', input.reason),
  'redactions.dismiss': (input, context) => decide(context, input.redactionId, 'dismissed', input.reason),
  'redactions.applyPermanently': async (input, context) => {
    const applied = await applyRedactionsPermanently(context, input.callId, input.reason);
    return applied.ok ? ok(callRedactions(context.db, input.callId)) : applied;
  },
  'redactions.mark': (input, context) => {
    const reviewer = requireLocalReviewer(context.db);
    if (!reviewer.ok) return reviewer;
    const call = getCall(context.db, input.callId);
    if (!call) return fail('not_found', `No call ${input.callId}`);
    if (call.durationMs > 0 && input.startMs >= call.durationMs)
      return fail('invalid_input', 'The range starts after the end of the recording');
    const endMs = call.durationMs > 0 ? Math.min(input.endMs, call.durationMs) : input.endMs;
    const now = context.now();
    const redaction = {
      id: randomUUID(),
      callId: input.callId,
      startMs: input.startMs,
      endMs,
      kind: 'manual',
      reason: input.reason,
      status: 'accepted',
      createdBy: reviewer.value.id,
      createdAtMs: now,
    } as const;
    writeTransaction(context.db, () => {
      insertRedaction(context.db, redaction);
      auditRedaction(context.db, redaction, 'marked', reviewer.value, input.reason, now);
    });
    context.events.emit('calls.changed', {});
    return ok(callRedactions(context.db, input.callId));
  },
} satisfies Partial<Handlers>;

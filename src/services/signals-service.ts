import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fail, ok, type Result } from '../contract/errors';
import { maskTranscript } from '../domain/privacy/redaction-ranges';
import { signalsEngineVersion, type CallSignals } from '../domain/signals/model';
import { getAudio } from '../storage/audio-repository';
import { getCall } from '../storage/calls-repository';
import { getCallSignals, saveCallSignals } from '../storage/signals-repository';
import { getTranscript, transcriptSegmentCount } from '../storage/transcripts-repository';
import { writeTransaction } from '../storage/transactions';
import type { ServiceContext } from './context';
import type { Handlers } from './handlers';
import type { CallSignalsRequest } from './ports';
import { redactedRangesOf } from './redaction-service';
import { suggestionHandlers } from './suggestion-service';

/**
 * Transcripts longer than this are left out of the signals (they come from the audio alone, without hints or
 * transcript speech rate). A ten-hour call has some 10,000 turns; far beyond that is a machine-made file, and reading
 * it whole again here would break the import's memory bound (the import reads such files in windows).
 */
export const maxSignalsTranscriptSegments = 20_000;

/** What a call's signals are computed from, and a fingerprint of it: stored signals with another are out of date. */
function signalsInput(context: ServiceContext, callId: string): { request: CallSignalsRequest; basis: string } | null {
  const call = getCall(context.db, callId);
  const audio = call?.audioId ? getAudio(context.db, call.audioId) : undefined;
  if (!call || !audio) return null;
  const stored =
    transcriptSegmentCount(context.db, callId) <= maxSignalsTranscriptSegments
      ? getTranscript(context.db, callId)
      : undefined;
  // Hints quote the transcript: redacted words stay hidden there too.
  const ranges = redactedRangesOf(context.db, callId);
  const transcript = stored
    ? {
        format: stored.format as NonNullable<CallSignalsRequest['transcript']>['format'],
        language: stored.language,
        segments: maskTranscript(stored.segments, ranges),
        warnings: [],
      }
    : null;
  const request: CallSignalsRequest = {
    audioPath: join(context.paths.audioDir, audio.storedName),
    agentChannel: call.agentChannel,
    transcript,
    roles: stored ? stored.speakerRoles : null,
    customerName: call.customerRef || null,
  };
  const basis = createHash('sha256')
    .update(
      JSON.stringify([signalsEngineVersion, audio.sha256, request.agentChannel, request.roles, request.customerName]),
    )
    .update(JSON.stringify(transcript?.segments ?? null))
    .digest('hex');
  return { request, basis };
}

/**
 * Computes (in a worker) and stores a call's signals unless the stored ones are up to date; returns them. Calls
 * imported before signals existed have none stored: this is where they get them, the first time they are asked for.
 */
export async function ensureCallSignals(
  context: ServiceContext,
  callId: string,
  signal?: AbortSignal,
): Promise<Result<CallSignals>> {
  const input = signalsInput(context, callId);
  if (!input) return fail('not_found', `No call with a recording ${callId}`);
  const stored = getCallSignals(context.db, callId);
  if (stored && stored.basis === input.basis) return ok(stored.signals);
  const computed = await context.ports.computeCallSignals(input.request, signal);
  if (!computed.ok)
    return fail('not_found', `The recording of call ${callId} cannot be read: ${computed.detail}`, {
      reason: computed.problem,
    });
  writeTransaction(context.db, () => {
    if (getCall(context.db, callId)) saveCallSignals(context.db, callId, input.basis, computed.value, context.now());
  });
  return ok(computed.value);
}

/** At import: the new call's signals, computed in a worker and stored. A failure never fails the import (the
 *  signals are then computed when first asked for); it is logged. */
export async function computeSignalsAtImport(
  context: ServiceContext,
  callId: string,
  signal: AbortSignal,
): Promise<void> {
  try {
    const result = await ensureCallSignals(context, callId, signal);
    if (!result.ok && !signal.aborted)
      context.ports.errorLog.error('backend', `signals of call ${callId}`, result.error);
  } catch (error) {
    context.ports.errorLog.error('backend', `signals of call ${callId}`, error);
  }
}

export const signalsHandlers = {
  'signals.get': (input, context) => ensureCallSignals(context, input.callId),
  ...suggestionHandlers,
} satisfies Partial<Handlers>;

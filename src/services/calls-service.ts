import type Database from 'better-sqlite3';
import { fail, ok, type Result } from '../contract/errors';
import type { CallDetail } from '../contract/schemas';
import { maskTranscript } from '../domain/privacy/redaction-ranges';
import { withEstimatedWordTimes } from '../domain/transcript/estimated-word-times';
import { guessSpeakerRoles } from '../domain/transcript/speaker-roles';
import { getAudio, peakPairsPerSecond } from '../storage/audio-repository';
import { getCall, getCallSummary, listCalls, updateCall } from '../storage/calls-repository';
import { mediaRemovedOf } from '../storage/customer-requests-repository';
import { getTranscript, saveSpeakerRoles } from '../storage/transcripts-repository';
import { writeTransaction } from '../storage/transactions';
import type { Handlers } from './handlers';
import { redactedRangesOf } from './redaction-service';

/** Everything the call screen needs in one read: metadata, audio facts (not the audio), transcript. */
export function readCallDetail(db: Database.Database, callId: string): Result<CallDetail> {
  const call = getCall(db, callId);
  const summary = getCallSummary(db, callId);
  if (!call || !summary) return fail('not_found', `No call ${callId}`);
  const mediaRemovedAtMs = summary.mediaRemovedAtMs ?? null;
  const removed = mediaRemovedOf(db, callId);
  // Retention removed the recording: its facts row stays (the hash identifies the call), but there is nothing to play.
  const audio = call.audioId && mediaRemovedAtMs === null ? getAudio(db, call.audioId) : undefined;
  const pairsPerSecond = audio ? peakPairsPerSecond(db, audio.id) : 0;
  const transcript = getTranscript(db, callId);
  const redactedRanges = redactedRangesOf(db, callId);
  return ok({
    call: summary,
    agentChannel: call.agentChannel,
    audio: audio
      ? {
          id: audio.id,
          originalName: audio.originalName,
          container: audio.container,
          codec: audio.codec,
          mimeType: audio.mimeType,
          sampleRateHz: audio.sampleRateHz,
          channels: audio.channels,
          durationMs: audio.durationMs,
          pairsPerSecond,
        }
      : null,
    transcript: transcript
      ? {
          format: transcript.format,
          language: transcript.language,
          sourceName: transcript.sourceName,
          // Sentence-timed cues get estimated word times so the transcript behaves as if timed word by word.
          segments: maskTranscript(withEstimatedWordTimes(transcript.segments), redactedRanges),
          warnings: transcript.warnings,
          speakerRoles: { ...transcript.speakerRoles },
        }
      : null,
    redactedRanges,
    // One notice per removal: the workspace's for a retention rule, the call screen's for a customer's erasure.
    mediaRemovedAtMs: removed?.reason === 'request' ? null : mediaRemovedAtMs,
    mediaRemoved: removed?.reason === 'request' ? removed : null,
  });
}

export const callHandlers = {
  'calls.list': (input, context) =>
    ok(listCalls(context.db, input.search, { limit: input.limit, offset: input.offset })),
  'calls.get': (input, context) => readCallDetail(context.db, input.callId),
  'calls.update': (input, context) => {
    const before = getCall(context.db, input.callId);
    if (!before) return fail('not_found', `No call ${input.callId}`);
    writeTransaction(context.db, () => {
      updateCall(context.db, input.callId, input.changes);
      // Swapping the agent channel re-derives channel-based speaker roles (label-based ones stay as edited).
      if (input.changes.agentChannel !== undefined && input.changes.agentChannel !== before.agentChannel) {
        const transcript = getTranscript(context.db, input.callId);
        if (transcript) {
          const guessed = guessSpeakerRoles(transcript, input.changes.agentChannel);
          const roles = Object.fromEntries(
            Object.entries(transcript.speakerRoles).map(([key, role]) => [
              key,
              key.startsWith('channel:') ? (guessed[key] ?? role) : role,
            ]),
          );
          saveSpeakerRoles(context.db, input.callId, roles);
        }
      }
    });
    context.events.emit('calls.changed', {});
    return readCallDetail(context.db, input.callId);
  },
  'calls.setSpeakerRoles': (input, context) => {
    const transcript = getTranscript(context.db, input.callId);
    if (!transcript) return fail('not_found', `Call ${input.callId} has no transcript`);
    const known = Object.fromEntries(Object.entries(input.roles).filter(([key]) => key in transcript.speakerRoles));
    saveSpeakerRoles(context.db, input.callId, { ...transcript.speakerRoles, ...known });
    return readCallDetail(context.db, input.callId);
  },
} satisfies Partial<Handlers>;

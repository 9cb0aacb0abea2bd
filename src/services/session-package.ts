import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fail, ok, type Result } from '../contract/errors';
import { sessionPackageFormat, type SessionPackageContent } from '../contract/packages';
import { serialiseRubricFile } from '../contract/rubric-file';
import { maskTranscript } from '../domain/privacy/redaction-ranges';
import { getAudio, readPeaks } from '../storage/audio-repository';
import { getCall } from '../storage/calls-repository';
import { getReviewer } from '../storage/reviewers-repository';
import { mediaRemovedAt } from '../storage/retention-repository';
import { getRubric } from '../storage/rubrics-repository';
import { getPackageKey, getSession, setPackageKey } from '../storage/sessions-repository';
import { getTranscript, type StoredTranscript } from '../storage/transcripts-repository';
import type { ServiceContext } from './context';
import { redactedRangesOf } from './redaction-service';
import { exportPackage, json, type PackagePart } from './package-archive';
import { packagedCallDetails, packagedRecording, packagedTranscriptRef } from './packaged-records';

const encoder = new TextEncoder();
const languageTag = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** A stored transcript as a Klankbord JSON file (docs/transcript-format.md): what the importing side reads back. */
export function klankbordTranscriptFile(transcript: StoredTranscript): Uint8Array {
  const language =
    transcript.language && languageTag.test(transcript.language) && transcript.language.length <= 35
      ? transcript.language
      : null;
  return json({
    format: 'klankbord-transcript',
    version: 1,
    language,
    segments: transcript.segments.map((segment) => ({
      speaker: segment.speaker,
      channel: segment.channel,
      startMs: segment.startMs,
      endMs: segment.endMs,
      text: segment.text,
      words: segment.words.map((word) => ({
        text: word.text,
        startMs: word.startMs,
        endMs: word.endMs,
        ...(word.confidence === undefined ? {} : { confidence: word.confidence }),
      })),
    })),
  });
}

/** The key that signs this reviewer's review packages in the session; made (and kept) the first time it is needed. */
function reviewerKey(context: ServiceContext, sessionId: string, reviewerId: string): string {
  const existing = getPackageKey(context.db, sessionId, reviewerId);
  if (existing) return existing;
  const key = randomBytes(32).toString('hex');
  setPackageKey(context.db, sessionId, reviewerId, key);
  return key;
}

/** One reviewer's copy of the session package: calls (audio, peaks, transcript), the rubric, and their own key. */
export async function exportSessionPackage(
  context: ServiceContext,
  sessionId: string,
  reviewerId: string,
): Promise<Result<{ exportId: string; fileName: string }>> {
  const { db } = context;
  const session = getSession(db, sessionId);
  if (!session) return fail('not_found', `No session ${sessionId}`);
  if (!session.reviewerIds.includes(reviewerId))
    return fail('not_found', `${reviewerId} is not a reviewer in this session`);
  const rubric = getRubric(db, session.rubricId, session.rubricVersion);
  if (!rubric) return fail('not_found', 'The session rubric is missing');
  // A package without a call's audio would leave that reviewer nothing to listen to: refuse, naming the calls.
  const withoutMedia = session.callIds.filter((callId) => mediaRemovedAt(db, callId));
  if (withoutMedia.length > 0)
    return fail('media_removed', 'A retention rule removed the audio of calls in this session', {
      callTitles: withoutMedia.map((callId) => getCall(db, callId)?.title ?? callId),
    });
  const parts: PackagePart[] = [{ path: 'rubric.json', bytes: encoder.encode(serialiseRubricFile(rubric.rubric)) }];
  const calls: SessionPackageContent['calls'] = [];
  for (const callId of session.callIds) {
    const packaged = packageCall(context, callId, parts);
    if (!packaged.ok) return packaged;
    calls.push(packaged.value);
  }
  const { callIds: _callIds, reviewerIds, ...sessionFields } = session;
  const content: SessionPackageContent = {
    session: sessionFields,
    reviewers: reviewerIds.map((id) => ({ id, name: getReviewer(db, id)?.name ?? id })),
    recipient: { reviewerId, key: reviewerKey(context, sessionId, reviewerId) },
    calls,
  };
  parts.push({ path: 'session.json', bytes: json(content) });
  const fileName = `${session.name} - ${getReviewer(db, reviewerId)?.name ?? reviewerId}.klankbord-session`;
  return exportPackage(context, fileName, { format: sessionPackageFormat, sessionId: session.id }, parts);
}

/** A call's recording, peaks and (masked) transcript added to `parts`, and what session.json says of the call. */
function packageCall(
  context: ServiceContext,
  callId: string,
  parts: PackagePart[],
): Result<SessionPackageContent['calls'][number]> {
  const { db } = context;
  const call = getCall(db, callId);
  const audio = call?.audioId ? getAudio(db, call.audioId) : undefined;
  const peaks = audio ? readPeaks(db, audio.id) : undefined;
  if (!call || !audio || !peaks) return fail('not_found', `Call ${callId} has no audio to package`);
  const folder = `calls/${audio.sha256.slice(0, 16)}`;
  const extension = audio.storedName.includes('.') ? audio.storedName.slice(audio.storedName.lastIndexOf('.')) : '';
  const audioFile = join(context.paths.audioDir, audio.storedName);
  parts.push({
    path: `${folder}/audio${extension}`,
    file: audioFile,
    // The recording's own size (as imported or rewritten): the stored file may be sealed, the archive gets its plaintext.
    sizeBytes: audio.sizeBytes,
    sha256: audio.sha256,
  });
  parts.push({ path: `${folder}/peaks.bin`, bytes: peaks.bytes });
  const transcript = getTranscript(db, callId);
  const redactedRanges = redactedRangesOf(db, callId);
  if (transcript)
    parts.push({
      path: `${folder}/transcript.json`,
      bytes: klankbordTranscriptFile({
        ...transcript,
        segments: maskTranscript(transcript.segments, redactedRanges),
      }),
    });
  return ok({
    ...packagedCallDetails(call, audio),
    audio: {
      ...packagedRecording(audio, `${folder}/audio${extension}`, folder),
      durationMs: audio.durationMs,
      pairsPerSecond: peaks.pairsPerSecond,
    },
    transcript: packagedTranscriptRef(folder, transcript),
    // Only when there are any, so a package without redactions reads the same as before.
    ...(redactedRanges.length > 0 ? { redactedRanges } : {}),
  });
}

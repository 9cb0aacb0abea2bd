import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { fail, ok, type Result } from '../contract/errors';
import { serialiseRubricFile } from '../contract/rubric-file';
import {
  teamReviewsFormat,
  type TeamAudioChoice,
  type TeamCall,
  type TeamReviewsContent,
} from '../contract/team-packages';
import { maskTranscript } from '../domain/privacy/redaction-ranges';
import { evidenceClip } from '../domain/team/evidence-clip';
import { getAudio, readPeaks, type AudioFileRow } from '../storage/audio-repository';
import { getCall, type CallRecord } from '../storage/calls-repository';
import { listMoments } from '../storage/moments-repository';
import { listReviews, type ReviewRecord } from '../storage/reviews-repository';
import { getRubric } from '../storage/rubrics-repository';
import { addKnownCalls, getMembership, isKnownCall, setLastExport } from '../storage/team-exchange-repository';
import { getTranscript } from '../storage/transcripts-repository';
import { writeTransaction } from '../storage/transactions';
import type { ServiceContext } from './context';
import { exportPackage, json, type PackagePart } from './package-archive';
import { packagedCallDetails, packagedRecording, packagedReviewState, packagedTranscriptRef } from './packaged-records';
import { redactedRangesOf } from './redaction-service';
import { requireLocalReviewer } from './reviewer-service';
import { klankbordTranscriptFile } from './session-package';

export interface TeamExportRequest {
  readonly teamId: string;
  readonly audio: TeamAudioChoice;
  /** A period of the reviews' last change; without one, what changed since the last export to this lead. */
  readonly fromMs?: number;
  readonly toMs?: number;
}

/** The submitted routine reviews of this computer's reviewer that the request selects. */
function selectedReviews(db: Database.Database, reviewerId: string, request: TeamExportRequest, since: number | null) {
  const period =
    request.fromMs !== undefined || request.toMs !== undefined
      ? { fromMs: request.fromMs, toMs: request.toMs }
      : { fromMs: since === null ? undefined : since + 1 };
  return listReviews(db, { reviewerId, status: 'submitted', sessionId: null, ...period });
}

const extensionOf = (name: string) => (name.includes('.') ? name.slice(name.lastIndexOf('.')) : '');

/** The recording whole: audio, peaks and the (masked) transcript, as in a session package. */
function wholeCall(context: ServiceContext, call: CallRecord, audio: AudioFileRow, parts: PackagePart[]) {
  const peaks = readPeaks(context.db, audio.id);
  const folder = `calls/${audio.sha256.slice(0, 16)}`;
  const file = join(context.paths.audioDir, audio.storedName);
  const audioPath = `${folder}/audio${extensionOf(audio.storedName)}`;
  // The size of the recording itself (as imported): the stored file may be sealed, and the archive gets its plaintext.
  parts.push({ path: audioPath, file, sizeBytes: audio.sizeBytes, sha256: audio.sha256 });
  parts.push({ path: `${folder}/peaks.bin`, bytes: peaks?.bytes ?? new Uint8Array(0) });
  const transcript = getTranscript(context.db, call.id);
  if (transcript)
    parts.push({
      path: `${folder}/transcript.json`,
      bytes: klankbordTranscriptFile({
        ...transcript,
        segments: maskTranscript(transcript.segments, redactedRangesOf(context.db, call.id)),
      }),
    });
  return {
    kind: 'whole' as const,
    ...packagedRecording(audio, audioPath, folder),
    pairsPerSecond: peaks?.pairsPerSecond ?? 1,
    transcript: packagedTranscriptRef(folder, transcript),
  };
}

/** Only the evidence clips (each moment ± 2 s), cut now into the staging folder; identical clips once. */
async function clipsOfCall(
  context: ServiceContext,
  audio: AudioFileRow,
  reviews: readonly ReviewRecord[],
  staging: string,
  parts: PackagePart[],
): Promise<Result<Extract<TeamCall['audio'], { kind: 'clips' }>>> {
  const ranges = new Map<string, { fromMs: number; toMs: number }>();
  for (const review of reviews)
    for (const moment of listMoments(context.db, review.id)) {
      const clip = evidenceClip(moment, audio.durationMs);
      ranges.set(`${clip.fromMs}-${clip.toMs}`, clip);
    }
  const clips: Extract<TeamCall['audio'], { kind: 'clips' }>['clips'] = [];
  for (const { fromMs, toMs } of [...ranges.values()].sort((a, b) => a.fromMs - b.fromMs || a.toMs - b.toMs)) {
    const target = join(staging, `clip-${randomUUID()}.wav`);
    const cut = await context.ports.cutAudioClip({
      sourcePath: join(context.paths.audioDir, audio.storedName),
      targetPath: target,
      fromMs,
      toMs,
    });
    if (!cut.ok) return fail('internal', `${cut.problem}: ${cut.detail}`);
    const path = `calls/${audio.sha256.slice(0, 16)}/clip-${fromMs}-${toMs}.wav`;
    parts.push({ path, file: target, sizeBytes: cut.value.sizeBytes, sha256: await context.ports.hashFile(target) });
    clips.push({ file: path, fromMs, toMs, sampleRateHz: cut.value.sampleRateHz, channels: cut.value.channels });
  }
  return ok({ kind: 'clips', clips });
}

/**
 * "Export my reviews" for a lead: this computer's submitted routine reviews (changed since the last export to that
 * lead, or in a period) as a team review package signed with the key of the lead's invitation. A recording the lead
 * holds is named by its hash only; any other travels whole or as its evidence clips, as chosen.
 */
export async function exportTeamReviews(
  context: ServiceContext,
  request: TeamExportRequest,
): Promise<Result<{ exportId: string; fileName: string; reviewCount: number }>> {
  const { db } = context;
  const membership = getMembership(db, request.teamId);
  if (!membership) return fail('package_key_missing', 'No invitation from this lead here');
  const local = requireLocalReviewer(db);
  if (!local.ok) return local;
  const exportedAtMs = context.now();
  const reviews = selectedReviews(db, local.value.id, request, membership.lastExportAtMs);
  if (reviews.length === 0) return fail('nothing_to_export', 'No submitted reviews to export');
  const byCall = new Map<string, ReviewRecord[]>();
  for (const review of reviews) byCall.set(review.callId, [...(byCall.get(review.callId) ?? []), review]);
  const staging = join(context.paths.stagingDir, `team-export-${randomUUID()}`);
  mkdirSync(staging);
  try {
    const parts: PackagePart[] = [];
    const packaged = await packageCalls(context, request, byCall, staging, parts);
    if (!packaged.ok) return packaged;
    const { calls, sentWhole, callKeys } = packaged.value;
    const content: TeamReviewsContent = {
      teamId: request.teamId,
      reviewer: { id: membership.reviewerId, name: membership.reviewerName },
      rubrics: packageRubrics(db, reviews, parts),
      calls,
      reviews: reviews.map((review) => ({
        id: review.id,
        callKey: callKeys.get(review.callId)!,
        rubricId: review.rubricId,
        rubricVersion: review.rubricVersion,
        ...packagedReviewState(db, review),
      })),
    };
    parts.push({ path: 'reviews.json', bytes: json(content) });
    const fileName = `${membership.reviewerName} - ${membership.leadName}.klankbord-team-reviews`;
    const written = await exportPackage(
      context,
      fileName,
      { format: teamReviewsFormat, sessionId: request.teamId },
      parts,
      { reviewerId: membership.reviewerId, key: membership.key },
    );
    if (!written.ok) return written;
    writeTransaction(db, () => {
      if (request.fromMs === undefined && request.toMs === undefined) setLastExport(db, request.teamId, exportedAtMs);
      addKnownCalls(db, request.teamId, sentWhole);
    });
    return ok({ ...written.value, reviewCount: reviews.length });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Each reviewed call for the package: named by its hash when the lead holds it, else its recording whole or its
 * evidence clips added to `parts`; and the recordings sent whole, and each call's hash by local id.
 */
async function packageCalls(
  context: ServiceContext,
  request: TeamExportRequest,
  byCall: ReadonlyMap<string, readonly ReviewRecord[]>,
  staging: string,
  parts: PackagePart[],
): Promise<Result<{ calls: TeamCall[]; sentWhole: string[]; callKeys: Map<string, string> }>> {
  const { db } = context;
  const calls: TeamCall[] = [];
  const sentWhole: string[] = [];
  const callKeys = new Map<string, string>();
  for (const [callId, ofCall] of byCall) {
    const call = getCall(db, callId);
    const audio = call?.audioId ? getAudio(db, call.audioId) : undefined;
    if (!call || !audio)
      return fail('media_removed', 'A retention rule removed the audio of reviewed calls', {
        callTitles: [call?.title ?? callId],
      });
    callKeys.set(callId, audio.sha256);
    let packaged: Result<TeamCall['audio']> = ok({ kind: 'known' });
    if (!isKnownCall(db, request.teamId, audio.sha256))
      packaged =
        request.audio === 'whole'
          ? ok(wholeCall(context, call, audio, parts))
          : await clipsOfCall(context, audio, ofCall, staging, parts);
    if (!packaged.ok) return packaged;
    if (packaged.value.kind === 'whole') sentWhole.push(audio.sha256);
    calls.push({
      ...packagedCallDetails(call, audio),
      durationMs: audio.durationMs,
      audio: packaged.value,
      redactedRanges: redactedRangesOf(db, callId),
    });
  }
  return ok({ calls, sentWhole, callKeys });
}

/** Each rubric version the reviews were scored with, added to `parts` as a rubric file. */
function packageRubrics(db: Database.Database, reviews: readonly ReviewRecord[], parts: PackagePart[]) {
  const versions = [...new Set(reviews.map((review) => `${review.rubricId}\n${review.rubricVersion}`))];
  return versions.map((entry, index) => {
    const [id, version] = entry.split('\n') as [string, string];
    const rubric = getRubric(db, id, Number(version))!;
    const file = `rubrics/rubric-${index + 1}.json`;
    parts.push({ path: file, bytes: new TextEncoder().encode(serialiseRubricFile(rubric.rubric)) });
    return { id, version: Number(version), file };
  });
}

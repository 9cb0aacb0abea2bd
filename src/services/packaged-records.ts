import type Database from 'better-sqlite3';
import type { AudioFileRow } from '../storage/audio-repository';
import type { CallRecord } from '../storage/calls-repository';
import type { StoredTranscript } from '../storage/transcripts-repository';
import { listMoments } from '../storage/moments-repository';
import { listAnswers, type ReviewRecord } from '../storage/reviews-repository';

// What session packages, review packages and team review packages say alike about a call and a review.

/** A call's details in a package, known by its recording's hash: how computers recognise the same call. */
export function packagedCallDetails(call: CallRecord, audio: AudioFileRow) {
  return {
    key: audio.sha256,
    title: call.title,
    agentName: call.agentName,
    customerRef: call.customerRef,
    recordedAt: call.recordedAt,
    agentChannel: call.agentChannel,
  };
}

/** A review's state, answers and moments in a package (its id, call and rubric come first, as each package names them). */
export function packagedReviewState(db: Database.Database, review: ReviewRecord) {
  return {
    status: review.status,
    context: review.context,
    comment: review.comment,
    createdAtMs: review.createdAtMs,
    updatedAtMs: review.updatedAtMs,
    submittedAtMs: review.submittedAtMs,
    answers: listAnswers(db, review.id),
    moments: listMoments(db, review.id),
  };
}

/** A recording in a package: where its file and peaks file stand, and what it is. */
export function packagedRecording(audio: AudioFileRow, file: string, folder: string) {
  return {
    file,
    peaksFile: `${folder}/peaks.bin`,
    originalName: audio.originalName,
    container: audio.container,
    codec: audio.codec,
    sampleRateHz: audio.sampleRateHz,
    channels: audio.channels,
  };
}

/** Where a call's transcript file stands in the package, and what the importing side needs to read it. */
export function packagedTranscriptRef(folder: string, transcript: StoredTranscript | undefined) {
  return transcript
    ? { file: `${folder}/transcript.json`, sourceName: transcript.sourceName, speakerRoles: transcript.speakerRoles }
    : null;
}

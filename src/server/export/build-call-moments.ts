import type Database from 'better-sqlite3';
import type { EafMedia } from '../../domain/export/elan-eaf';
import type { MomentTrack } from '../../domain/export/moment-track';
import { getAudio } from '../../storage/audio-repository';
import { getCall } from '../../storage/calls-repository';
import { listMoments } from '../../storage/moments-repository';
import { getReviewer } from '../../storage/reviewers-repository';
import { listReviews, type ReviewStatus } from '../../storage/reviews-repository';

/*
 * One call's moments, a track per review, for the WebVTT and ELAN exports (webvttMoments, elanEaf), with the audio
 * file the ELAN document points at. Every reviewer of the call is included unless a status is asked for.
 */

export interface CallMoments {
  readonly media: EafMedia;
  readonly tracks: readonly MomentTrack[];
}

/** The call's moments by review, oldest review first; undefined when the call does not exist. */
export function buildCallMoments(
  db: Database.Database,
  callId: string,
  options: { readonly status?: ReviewStatus; readonly sessionId?: string | null } = {},
): CallMoments | undefined {
  return db.transaction((): CallMoments | undefined => {
    const call = getCall(db, callId);
    if (!call) return undefined;
    const audio = call.audioId === null ? undefined : getAudio(db, call.audioId);
    const reviews = listReviews(db, { callId, status: options.status, sessionId: options.sessionId }).sort(
      (first, second) => first.createdAtMs - second.createdAtMs || (first.id < second.id ? -1 : 1),
    );
    return {
      // Without audio the document still names something sensible for ELAN to ask the user to locate.
      media: audio
        ? { fileName: audio.originalName, mimeType: audio.mimeType }
        : { fileName: `${call.title || call.id}.wav` },
      tracks: reviews.map((review) => ({
        reviewerId: review.reviewerId,
        reviewerName: getReviewer(db, review.reviewerId)?.name ?? '',
        moments: listMoments(db, review.id),
      })),
    };
  })();
}

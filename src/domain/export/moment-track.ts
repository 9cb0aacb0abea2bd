import type { Moment } from '../moments/model';

/** One reviewer's moments on the time line of one call: what WebVTT and ELAN exports take. */
export interface MomentTrack {
  /** Stable id; tells reviewers with the same name apart. */
  readonly reviewerId: string;
  /** Shown as the cue voice and the tier name; the id is used when empty. */
  readonly reviewerName: string;
  readonly moments: readonly Moment[];
}

/** The name a track is shown by: the reviewer's name, or the id when the name is blank. */
export function trackName(track: MomentTrack): string {
  const name = track.reviewerName.trim();
  return name === '' ? track.reviewerId : name;
}

/**
 * Splits moments into lanes in which no two overlap (greedy interval partitioning by start time, which uses the
 * fewest lanes): ELAN does not allow overlapping annotations on one tier, but a reviewer's moments may overlap (a
 * response that starts while the customer's cue is still running). Touching moments (end = next start) share a
 * lane. Lane 0 holds most moments; without overlaps there is one lane.
 */
export function nonOverlappingLanes(moments: readonly Moment[]): Moment[][] {
  const sorted = [...moments].sort(
    (first, second) =>
      first.startMs - second.startMs ||
      first.endMs - second.endMs ||
      (first.id < second.id ? -1 : first.id > second.id ? 1 : 0),
  );
  const lanes: Moment[][] = [];
  const laneEndsMs: number[] = [];
  for (const moment of sorted) {
    const lane = laneEndsMs.findIndex((endMs) => endMs <= moment.startMs);
    if (lane === -1) {
      lanes.push([moment]);
      laneEndsMs.push(moment.endMs);
    } else {
      lanes[lane]!.push(moment);
      laneEndsMs[lane] = moment.endMs;
    }
  }
  return lanes;
}

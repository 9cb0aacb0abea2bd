import { bridgeGaps, dropShortRuns } from './frame-mask';
import { countWhere, quantileDb } from './levels';
import { noiseFloor } from './noise-floor';

/**
 * Voice activity per channel from 10 ms frame energies (dBFS).
 *
 * - **Adaptive noise floor** (noise-floor.ts): minimum statistics over ±10 s, so telephone hiss and hum that
 *   change during the call set their own baseline.
 * - **Two thresholds**: a frame well above the floor (seed) starts speech; the region grows to its neighbours
 *   while they stay a little above the floor. Loud vowels find the speech, the quiet consonants at its edges decide
 *   where it begins and ends, so edges land within a frame or two of the truth even at 10 dB SNR.
 * - **Bleed**: on stereo, the other side leaks into a channel (crosstalk in the line or the recorder, typically
 *   20-40 dB down). A frame only counts for a channel when it is also clearly louder than the other channel's
 *   leaked copy: `e_self > e_other + coupling + margin`. The coupling is measured per call as a low quantile of
 *   `e_self - e_other` over the frames where the other side speaks and this side is raised above its floor
 *   (alone, that rise can only be leak). Real overtalk is 10-20 dB above the leak, so it passes; pure leak,
 *   however loud, never does.
 * - **Hangover** that bridges pauses up to 500 ms between words but never extends where speech ends, and runs
 *   shorter than 80 ms (clicks) dropped.
 */
export interface VoiceActivityOptions {
  /** dB above the floor a frame needs to start speech. */
  readonly seedMarginDb: number;
  /** dB above the floor a neighbouring frame needs to belong to the speech. */
  readonly extendMarginDb: number;
  /** dB above the other channel's leaked copy a frame needs to be this channel's own speech. */
  readonly bleedMarginDb: number;
  /** Gaps bridged inside speech. */
  readonly hangoverFrames: number;
  /** Shortest speech kept. */
  readonly minSpeechFrames: number;
}

export const defaultVoiceActivityOptions: VoiceActivityOptions = {
  seedMarginDb: 10,
  extendMarginDb: 2,
  bleedMarginDb: 6,
  hangoverFrames: 50,
  minSpeechFrames: 8,
};

/** Speech is never quieter than this far below the channel's loud level (its 97th percentile frame). */
const belowSpeechLevelDb = { seed: 35, extend: 45 };
/** Below these levels nothing is speech, whatever the floor (digital silence has a floor near -120 dBFS). */
const absoluteMinimumDb = { seed: -65, extend: -75 };
/** Frames of leak needed before the coupling is trusted; fewer means the channels do not leak measurably. */
const minimumLeakFrames = 50;

/** One mask per channel: 1 where that channel's speaker talks. */
export function detectVoiceActivity(
  channels: readonly Float32Array[],
  options: VoiceActivityOptions = defaultVoiceActivityOptions,
): Uint8Array[] {
  const floors = channels.map(noiseFloor);
  return channels.map((energies, channel) => {
    const other = channels.length === 2 ? channels[1 - channel]! : null;
    const leakLimit = other ? leakCeiling(energies, floors[channel]!, other, floors[1 - channel]!, options) : null;
    return channelActivity(energies, floors[channel]!, leakLimit, options);
  });
}

/** Per frame, the level this channel's leak from the other side can reach (plus the margin), or null: no leak. */
function leakCeiling(
  energies: Float32Array,
  floor: Float32Array,
  other: Float32Array,
  otherFloor: Float32Array,
  options: VoiceActivityOptions,
): Float32Array | null {
  // The loudest of the other side's neighbouring frames: leak through an echo path arrives a little late.
  const frames = energies.length;
  const otherPeak = new Float32Array(frames);
  for (let frame = 0; frame < frames; frame += 1) {
    otherPeak[frame] = Math.max(other[Math.max(0, frame - 1)]!, other[frame]!, other[Math.min(frames - 1, frame + 1)]!);
  }
  // The other side clearly speaking (near its own loud level, so not itself a leak) and this side raised but
  // quieter than it: alone, that rise can only be leak.
  const otherLoud = (quantileDb(other, 0.97) ?? -120) - 12;
  const leaking = (frame: number) =>
    other[frame]! > Math.max(otherLoud, otherFloor[frame]! + 20) &&
    energies[frame]! > floor[frame]! + 3 &&
    energies[frame]! < other[frame]!;
  if (countWhere(frames, leaking) < minimumLeakFrames) return null;
  const difference = new Float32Array(frames);
  for (let frame = 0; frame < frames; frame += 1) difference[frame] = energies[frame]! - other[frame]!;
  const coupling = quantileDb(difference, 0.2, leaking);
  if (coupling === null) return null;
  const ceiling = new Float32Array(frames);
  for (let frame = 0; frame < frames; frame += 1) ceiling[frame] = otherPeak[frame]! + coupling + options.bleedMarginDb;
  return ceiling;
}

function channelActivity(
  energies: Float32Array,
  floor: Float32Array,
  leakLimit: Float32Array | null,
  options: VoiceActivityOptions,
): Uint8Array {
  const frames = energies.length;
  const level = quantileDb(energies, 0.97) ?? -120;
  const seedMinimum = Math.max(level - belowSpeechLevelDb.seed, absoluteMinimumDb.seed);
  const extendMinimum = Math.max(level - belowSpeechLevelDb.extend, absoluteMinimumDb.extend);
  const own = (frame: number) => leakLimit === null || energies[frame]! > leakLimit[frame]!;
  // Edges are decided on the mean of five frames: steadier than one frame, so the low margin holds in noise.
  const smoothed = (frame: number) => {
    let sum = 0;
    for (let offset = -2; offset <= 2; offset += 1) sum += energies[Math.min(frames - 1, Math.max(0, frame + offset))]!;
    return sum / 5;
  };
  const extendable = (frame: number) =>
    smoothed(frame) > Math.max(floor[frame]! + options.extendMarginDb, extendMinimum) && own(frame);
  const mask = new Uint8Array(frames);
  for (let frame = 0; frame < frames; frame += 1) {
    if (mask[frame] === 1) continue;
    const seed = energies[frame]! > Math.max(floor[frame]! + options.seedMarginDb, seedMinimum) && own(frame);
    if (!seed) continue;
    let start = frame;
    while (start > 0 && mask[start - 1] === 0 && extendable(start - 1)) start -= 1;
    let end = frame;
    while (end + 1 < frames && extendable(end + 1)) end += 1;
    mask.fill(1, start, end + 1);
    frame = end;
  }
  bridgeGaps(mask, options.hangoverFrames);
  dropShortRuns(mask, options.minSpeechFrames);
  return mask;
}

/**
 * The background level of one channel, frame by frame, by minimum statistics: the quietest moments in a window of
 * ±10 s are the line's noise (speech always has gaps within that span), so the floor follows noise that changes
 * during a call (a fan, a line that gets noisier) without ever learning speech as noise. The whole call is known
 * beforehand, so the window looks both ways.
 */

/** Frames per block whose minimum is taken (0.5 s). */
const blockFrames = 50;
/** Blocks on each side of a frame's block that its floor looks at (10 s). */
const windowBlocks = 20;
/** The minimum of a noise window lies below the noise's mean; this brings it back (measured on band-limited noise). */
const minimumBiasDb = 1.5;

/** Per-frame noise floor in dB for frame energies in dB. */
export function noiseFloor(energies: Float32Array): Float32Array {
  const frames = energies.length;
  const blocks = Math.ceil(frames / blockFrames);
  const blockMinimum = new Float32Array(blocks).fill(Infinity);
  for (let frame = 0; frame < frames; frame += 1) {
    // The mean of three frames: a single quiet frame inside a word does not pull the floor down.
    const previous = energies[Math.max(0, frame - 1)]!;
    const next = energies[Math.min(frames - 1, frame + 1)]!;
    const smoothed = (previous + energies[frame]! + next) / 3;
    const block = Math.floor(frame / blockFrames);
    if (smoothed < blockMinimum[block]!) blockMinimum[block] = smoothed;
  }
  const blockFloor = new Float32Array(blocks);
  for (let block = 0; block < blocks; block += 1) {
    let minimum = Infinity;
    const last = Math.min(blocks - 1, block + windowBlocks);
    for (let other = Math.max(0, block - windowBlocks); other <= last; other += 1) {
      if (blockMinimum[other]! < minimum) minimum = blockMinimum[other]!;
    }
    blockFloor[block] = minimum + minimumBiasDb;
  }
  const floor = new Float32Array(frames);
  for (let frame = 0; frame < frames; frame += 1) floor[frame] = blockFloor[Math.floor(frame / blockFrames)]!;
  return floor;
}

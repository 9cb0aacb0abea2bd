/** Fetches stored peaks (Int16, channel after channel) and returns one Float32Array per channel in [-1, 1]. */
export async function loadPeaks(audioId: string, channels: number): Promise<Float32Array[]> {
  const response = await fetch(`/media/peaks/${audioId}`);
  if (!response.ok) throw new Error(`peaks: ${response.status}`);
  const packed = new Int16Array(await response.arrayBuffer());
  const perChannel = packed.length / channels;
  return Array.from({ length: channels }, (_, channel) => {
    const out = new Float32Array(perChannel);
    const offset = channel * perChannel;
    for (let i = 0; i < perChannel; i += 1) out[i] = packed[offset + i]! / 32767;
    return out;
  });
}

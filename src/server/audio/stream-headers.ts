/*
 * What the first (and, for Ogg, the last) bytes of a compressed file say before decoding: which WebAssembly
 * decoder fits, how many channels the recording really has, and roughly how many frames it holds, so the peaks
 * can be allocated once. Estimates only size arrays: the decoded frames decide the duration.
 */

export type WasmCodec = 'mp3' | 'flac' | 'vorbis' | 'opus';

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

/** Where the MPEG audio starts: after an ID3v2 tag (its size is a 28-bit "syncsafe" number). */
function id3Length(head: Uint8Array): number {
  if (head.length < 10 || ascii(head, 0, 3) !== 'ID3') return 0;
  const size = ((head[6]! & 0x7f) << 21) | ((head[7]! & 0x7f) << 14) | ((head[8]! & 0x7f) << 7) | (head[9]! & 0x7f);
  return 10 + size + (head[5]! & 0x10 ? 10 : 0);
}

const mpeg1Bitrates = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const mpeg2Bitrates = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const sampleRates: Record<number, readonly number[]> = {
  3: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  0: [11025, 12000, 8000],
};

/** The frame count of a Xing or Info tag inside the first frame, or null. */
function xingFrameCount(head: Uint8Array, frameStart: number): number | null {
  for (let at = frameStart + 4; at < frameStart + 64 && at + 12 <= head.length; at += 1) {
    const tag = ascii(head, at, 4);
    if ((tag === 'Xing' || tag === 'Info') && (head[at + 7]! & 0x01) === 1)
      return new DataView(head.buffer, head.byteOffset + at + 8, 4).getUint32(0);
  }
  return null;
}

export interface Mp3Facts {
  /** 1 for a mono stream: the decoder hands out two identical channels for it. */
  readonly channels: number;
  readonly expectedFrames: number;
}

/** The first MPEG layer III frame's facts; null when none is found in the head. */
export function mp3Facts(head: Uint8Array, fileBytes: number): Mp3Facts | null {
  for (let at = id3Length(head); at + 4 <= head.length; at += 1) {
    if (head[at] !== 0xff || (head[at + 1]! & 0xe0) !== 0xe0) continue;
    const version = (head[at + 1]! >> 3) & 0x03;
    const bitrateIndex = head[at + 2]! >> 4;
    const rateIndex = (head[at + 2]! >> 2) & 0x03;
    if (version === 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) continue;
    const sampleRate = sampleRates[version]![rateIndex]!;
    const bitrate = (version === 3 ? mpeg1Bitrates : mpeg2Bitrates)[bitrateIndex]! * 1000;
    const channels = head[at + 3]! >> 6 === 3 ? 1 : 2;
    const samplesPerFrame = version === 3 ? 1152 : 576;
    // A Xing/Info frame (VBR encoders, LAME) counts the frames; else size over bitrate, a good guess for CBR.
    const frames = xingFrameCount(head, at);
    if (frames !== null) return { channels, expectedFrames: frames * samplesPerFrame };
    return { channels, expectedFrames: Math.ceil(((fileBytes - at) * 8 * sampleRate) / bitrate) };
  }
  return null;
}

/** FLAC's STREAMINFO block states the total number of frames (0 when the encoder did not know). */
export function flacExpectedFrames(head: Uint8Array): number {
  if (head.length < 26 || ascii(head, 0, 4) !== 'fLaC') return 0;
  const high = head[21]! & 0x0f;
  const low = new DataView(head.buffer, head.byteOffset + 22, 4).getUint32(0);
  return high * 2 ** 32 + low;
}

/** Which decoder an Ogg stream needs, from its first packet; null for Ogg codecs only ffmpeg reads (Speex, FLAC). */
export function oggCodec(head: Uint8Array): 'vorbis' | 'opus' | null {
  const firstPacket = ascii(head, 28, 8);
  if (firstPacket === 'OpusHead') return 'opus';
  if (firstPacket.slice(1, 7) === 'vorbis' && head[28] === 0x01) return 'vorbis';
  return null;
}

/** The granule position of the last Ogg page in the tail: the stream's length in frames (48 kHz for Opus). */
export function oggExpectedFrames(tail: Uint8Array): number {
  for (let at = tail.length - 27; at >= 0; at -= 1) {
    if (tail[at] !== 0x4f || ascii(tail, at, 4) !== 'OggS') continue;
    const granule = new DataView(tail.buffer, tail.byteOffset + at + 6, 8).getBigInt64(0, true);
    return granule > 0n && granule < BigInt(Number.MAX_SAFE_INTEGER) ? Number(granule) : 0;
  }
  return 0;
}

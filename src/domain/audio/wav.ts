/** WAV (RIFF/WAVE) header reading, for the formats telephony and recorders produce. */

export type WavEncoding = 'pcm' | 'float' | 'alaw' | 'mulaw';

export interface WavInfo {
  readonly encoding: WavEncoding;
  readonly channels: number;
  readonly sampleRateHz: number;
  readonly bitsPerSample: number;
  readonly blockAlign: number;
  /** Byte offset of the first sample. */
  readonly dataOffset: number;
  /** Bytes of sample data actually present (a streaming writer may declare 0 or 0xFFFFFFFF). */
  readonly dataBytes: number;
  readonly durationMs: number;
}

export type WavError = 'audio_not_wav' | 'audio_truncated' | 'audio_unsupported_codec' | 'audio_invalid_header';

export type WavReadResult =
  | { readonly ok: true; readonly info: WavInfo }
  | { readonly ok: false; readonly error: WavError; readonly detail: string };

const formatTags: Record<number, WavEncoding> = { 1: 'pcm', 3: 'float', 6: 'alaw', 7: 'mulaw' };
const extensibleTag = 0xfffe;

const ascii = (bytes: Uint8Array, offset: number) =>
  String.fromCharCode(bytes[offset]!, bytes[offset + 1]!, bytes[offset + 2]!, bytes[offset + 3]!);

/** True when the bytes start like a RIFF/WAVE file. */
export function looksLikeWav(head: Uint8Array): boolean {
  return head.length >= 12 && ascii(head, 0) === 'RIFF' && ascii(head, 8) === 'WAVE';
}

/**
 * Reads the header of a WAV file from its first bytes (`head`, enough to reach the data chunk; 64 KiB is plenty
 * for real files) and the total file size. Rejects what it cannot decode with a reason code.
 */
export function readWavHeader(head: Uint8Array, fileBytes: number): WavReadResult {
  if (!looksLikeWav(head)) return { ok: false, error: 'audio_not_wav', detail: 'no RIFF/WAVE signature' };
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let offset = 12;
  let format: { tag: number; channels: number; rate: number; blockAlign: number; bits: number } | null = null;
  while (offset + 8 <= head.length) {
    const id = ascii(head, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > head.length)
        return { ok: false, error: 'audio_invalid_header', detail: 'fmt chunk too short' };
      let tag = view.getUint16(body, true);
      if (tag === extensibleTag) {
        if (size < 40 || body + 26 > head.length)
          return { ok: false, error: 'audio_invalid_header', detail: 'extensible fmt chunk too short' };
        tag = view.getUint16(body + 24, true); // first two bytes of the sub-format GUID
      }
      format = {
        tag,
        channels: view.getUint16(body + 2, true),
        rate: view.getUint32(body + 4, true),
        blockAlign: view.getUint16(body + 12, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!format) return { ok: false, error: 'audio_invalid_header', detail: 'data chunk before fmt chunk' };
      const encoding = formatTags[format.tag];
      if (!encoding)
        return { ok: false, error: 'audio_unsupported_codec', detail: `WAV format tag 0x${format.tag.toString(16)}` };
      const { channels, rate, blockAlign, bits } = format;
      if (channels < 1 || channels > 8)
        return { ok: false, error: 'audio_invalid_header', detail: `${channels} channels` };
      if (rate < 1000 || rate > 384_000) return { ok: false, error: 'audio_invalid_header', detail: `${rate} Hz` };
      const validBits = encoding === 'pcm' ? [8, 16, 24, 32] : encoding === 'float' ? [32, 64] : [8];
      if (!validBits.includes(bits))
        return { ok: false, error: 'audio_unsupported_codec', detail: `${bits}-bit ${encoding}` };
      if (blockAlign !== (bits / 8) * channels)
        return { ok: false, error: 'audio_invalid_header', detail: `block align ${blockAlign}` };
      const available = Math.max(0, fileBytes - body);
      const streaming = size === 0 || size === 0xffffffff;
      if (!streaming && size > available + blockAlign) {
        return { ok: false, error: 'audio_truncated', detail: `declares ${size} bytes of audio, has ${available}` };
      }
      const dataBytes = Math.floor((streaming ? available : Math.min(size, available)) / blockAlign) * blockAlign;
      if (dataBytes === 0) return { ok: false, error: 'audio_truncated', detail: 'no samples' };
      const frames = dataBytes / blockAlign;
      return {
        ok: true,
        info: {
          encoding,
          channels,
          sampleRateHz: rate,
          bitsPerSample: bits,
          blockAlign,
          dataOffset: body,
          dataBytes,
          durationMs: Math.round((frames / rate) * 1000),
        },
      };
    }
    offset = body + size + (size % 2);
  }
  return {
    ok: false,
    error: fileBytes <= head.length ? 'audio_truncated' : 'audio_invalid_header',
    detail: 'no data chunk found',
  };
}

import { audioMimeTypes, type AudioContainer } from '../../domain/audio/containers';

export type { AudioContainer };
export const mimeTypes = audioMimeTypes;

const text = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** Recognises an audio container from the first bytes, or null. */
export function sniffAudioContainer(head: Uint8Array): AudioContainer | null {
  if (head.length < 12) return null;
  if (text(head, 0, 4) === 'RIFF' && text(head, 8, 12) === 'WAVE') return 'wav';
  if (text(head, 0, 4) === 'OggS') return 'ogg';
  if (text(head, 0, 4) === 'fLaC') return 'flac';
  if (text(head, 4, 8) === 'ftyp') return 'm4a';
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'webm';
  if (text(head, 0, 3) === 'ID3') return 'mp3';
  // An MPEG audio frame header: 11 sync bits, layer III/II, not a reserved bitrate.
  if (head[0] === 0xff && (head[1]! & 0xe0) === 0xe0 && (head[1]! & 0x06) !== 0 && (head[2]! & 0xf0) !== 0xf0)
    return 'mp3';
  return null;
}

/** True when the bytes look like text (a transcript candidate): a text BOM, or no NUL bytes. */
export function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  return !head.includes(0);
}

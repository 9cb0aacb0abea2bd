/** How a text file's bytes were decoded. */
export type TextEncodingUsed = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Decodes a text file: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8, and if that fails
 * Windows-1252 (what Dutch Windows tools write), which the caller reports as a warning.
 */
export function decodeText(bytes: Uint8Array): { readonly text: string; readonly encoding: TextEncodingUsed } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  // UTF-16 without a BOM: every other byte of ASCII text is zero.
  const sample = bytes.subarray(0, 2000);
  let zerosOdd = 0;
  let zerosEven = 0;
  sample.forEach((byte, index) => {
    if (byte === 0) {
      if (index % 2) zerosOdd += 1;
      else zerosEven += 1;
    }
  });
  if (sample.length >= 8 && zerosOdd > sample.length * 0.3)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (sample.length >= 8 && zerosEven > sample.length * 0.3)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

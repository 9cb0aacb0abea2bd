/** Audio containers we import, recognised from content (never from the file name). */
export type AudioContainer = 'wav' | 'mp3' | 'ogg' | 'flac' | 'm4a' | 'webm';

/** The MIME type each container is served with; derived from the sniffed container, never taken from input. */
export const audioMimeTypes: Readonly<Record<AudioContainer, string>> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  flac: 'audio/flac',
  m4a: 'audio/mp4',
  webm: 'audio/webm',
};

/** The MIME type of a container name, or undefined when it is not one we import. */
export function audioMimeType(container: string): string | undefined {
  return Object.hasOwn(audioMimeTypes, container) ? audioMimeTypes[container as AudioContainer] : undefined;
}

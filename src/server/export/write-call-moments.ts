import { elanEaf } from '../../domain/export/elan-eaf';
import { webvttMoments } from '../../domain/export/webvtt-moments';
import type { Locale } from '../../domain/rubric/localized-text';
import { writeTextFileAtomic } from './atomic-write';
import type { CallMoments } from './build-call-moments';

/** The two files a call's moments export to: WebVTT captions and an ELAN annotation document. */
export const momentFileFormats = ['webvtt', 'eaf'] as const;
export type MomentFileFormat = (typeof momentFileFormats)[number];

/** Writes a call's moments as WebVTT or ELAN .eaf (UTF-8, atomically). */
export async function writeCallMomentsFile(
  filePath: string,
  moments: CallMoments,
  options: { readonly format: MomentFileFormat; readonly language: Locale; readonly createdAtMs: number },
): Promise<void> {
  const text =
    options.format === 'webvtt'
      ? webvttMoments(moments.tracks, { language: options.language })
      : elanEaf({
          media: moments.media,
          tracks: moments.tracks,
          createdAtMs: options.createdAtMs,
          author: 'Klankbord',
          language: options.language,
        });
  await writeTextFileAtomic(filePath, text);
}

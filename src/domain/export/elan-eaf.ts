import type { Moment } from '../moments/model';
import type { Locale } from '../rubric/localized-text';
import { momentCaption } from './moment-caption';
import { nonOverlappingLanes, trackName, type MomentTrack } from './moment-track';

/*
 * Moments as an ELAN annotation document (EAF 3.0, https://www.mpi.nl/tools/elan/EAFv3.0.xsd), for people who
 * analyse them further in ELAN: one tier per reviewer, one time-aligned annotation per moment, its text the moment's
 * caption. The elements come in the schema's order: HEADER (with the audio as MEDIA_DESCRIPTOR), TIME_ORDER, the
 * TIERs, then the one LINGUISTIC_TYPE they share.
 *
 * ELAN does not allow two annotations of one tier to overlap, but a reviewer's moments may (a response starting
 * while the cue still runs). Overlapping moments therefore go to extra tiers of the same reviewer, "Anouk (2)",
 * "Anouk (3)", with the same PARTICIPANT; without overlaps a reviewer has exactly one tier.
 *
 * Everything from users (names, notes, the media file name) is XML-escaped, and characters XML 1.0 cannot carry
 * at all (most control characters) are dropped, so the document is always well-formed.
 */

export interface EafMedia {
  /** The audio file's name ("gesprek-12.wav"); ELAN finds it next to the .eaf through RELATIVE_MEDIA_URL. */
  readonly fileName: string;
  /** Its MIME type; guessed from the extension when absent. */
  readonly mimeType?: string;
  /** An absolute file URL when known; otherwise file:/// plus the name, and ELAN falls back to the relative URL. */
  readonly url?: string;
}

export interface EafInput {
  readonly media: EafMedia;
  readonly tracks: readonly MomentTrack[];
  /** The document's DATE. */
  readonly createdAtMs: number;
  readonly author?: string;
  /** Language of the captions; default 'nl'. */
  readonly language?: Locale;
}

/** The linguistic type every moment tier uses. */
export const eafLinguisticTypeId = 'klankbord-moment';

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. The u flag keeps valid
// surrogate pairs together, so only lone surrogates match.
const invalidXmlCharacters = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content escaped for XML, without characters XML cannot carry. */
export function escapeXmlText(text: string): string {
  return text.replace(invalidXmlCharacters, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value escaped for XML; tab and line breaks as references, so attribute normalisation keeps them. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

const mimeTypesByExtension: Readonly<Record<string, string>> = {
  wav: 'audio/x-wav',
  wave: 'audio/x-wav',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  mp4: 'audio/mp4',
  aac: 'audio/mp4',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  flac: 'audio/flac',
};

/** ELAN recognises WAV by "audio/x-wav"; the other common spellings are mapped to it. */
function eafMimeType(media: EafMedia): string {
  const given = media.mimeType?.trim().toLowerCase();
  if (given)
    return given === 'audio/wav' || given === 'audio/wave' || given === 'audio/vnd.wave' ? 'audio/x-wav' : given;
  const extension = /\.([^./\\]+)$/.exec(media.fileName)?.[1]?.toLowerCase() ?? '';
  return mimeTypesByExtension[extension] ?? 'audio/*';
}

interface TimeSlot {
  readonly timeMs: number;
  /** Creation order: keeps a start before its end when both have the same time. */
  readonly order: number;
  /** Assigned once the slots are sorted. */
  id: string;
}

interface Tier {
  readonly id: string;
  readonly participant: string;
  readonly moments: readonly Moment[];
}

/** One tier per reviewer and lane, with ids unique in the document (same-named reviewers get their id added). */
function tiersOf(tracks: readonly MomentTrack[]): Tier[] {
  const used = new Set<string>();
  const unique = (wanted: string): string => {
    let candidate = wanted;
    for (let counter = 2; used.has(candidate); counter += 1) candidate = `${wanted} ${counter}`;
    used.add(candidate);
    return candidate;
  };
  const names = tracks.map(trackName);
  return tracks.flatMap((track, index) => {
    const name = names[index]!;
    const sameName = names.filter((other) => other === name).length > 1;
    const base = sameName && name !== track.reviewerId ? `${name} [${track.reviewerId}]` : name;
    const lanes = nonOverlappingLanes(track.moments);
    // A reviewer without moments still gets a tier, so the document shows who took part.
    return (lanes.length === 0 ? [[]] : lanes).map((moments, lane) => ({
      id: unique(lane === 0 ? base : `${base} (${lane + 1})`),
      participant: name,
      moments,
    }));
  });
}

/** The EAF 3.0 XML text of one call's moments, a tier per reviewer (see above); ends with a line break. */
export function elanEaf(input: EafInput): string {
  const language = input.language ?? 'nl';
  const tiers = tiersOf(input.tracks);

  // Two time slots per annotation; TIME_ORDER lists them by time value, which is how ELAN itself writes them.
  const slots: TimeSlot[] = [];
  const annotations = tiers.map((tier) =>
    tier.moments.map((moment) => {
      const start: TimeSlot = { timeMs: Math.max(0, Math.round(moment.startMs)), order: slots.length, id: '' };
      const end: TimeSlot = {
        timeMs: Math.max(start.timeMs, Math.round(moment.endMs)),
        order: slots.length + 1,
        id: '',
      };
      slots.push(start, end);
      return { moment, start, end };
    }),
  );
  const orderedSlots = [...slots].sort((first, second) => first.timeMs - second.timeMs || first.order - second.order);
  orderedSlots.forEach((slot, index) => (slot.id = `ts${index + 1}`));

  const media = input.media;
  const fileName = media.fileName.replace(/[\\/]/g, '_');
  const mediaUrl = media.url ?? `file:///${encodeURIComponent(fileName)}`;
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<ANNOTATION_DOCUMENT AUTHOR="${escapeXmlAttribute(input.author ?? '')}" DATE="${new Date(input.createdAtMs).toISOString()}" FORMAT="3.0" VERSION="3.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv3.0.xsd">`,
    '    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">',
    `        <MEDIA_DESCRIPTOR MEDIA_URL="${escapeXmlAttribute(mediaUrl)}" MIME_TYPE="${escapeXmlAttribute(eafMimeType(media))}" RELATIVE_MEDIA_URL="./${escapeXmlAttribute(encodeURIComponent(fileName))}"/>`,
    `        <PROPERTY NAME="lastUsedAnnotationId">${slots.length / 2}</PROPERTY>`,
    '    </HEADER>',
  ];
  if (orderedSlots.length === 0) lines.push('    <TIME_ORDER/>');
  else {
    lines.push('    <TIME_ORDER>');
    for (const slot of orderedSlots)
      lines.push(`        <TIME_SLOT TIME_SLOT_ID="${slot.id}" TIME_VALUE="${slot.timeMs}"/>`);
    lines.push('    </TIME_ORDER>');
  }
  let annotationNumber = 0;
  tiers.forEach((tier, index) => {
    const open = `    <TIER ANNOTATOR="${escapeXmlAttribute(tier.participant)}" LINGUISTIC_TYPE_REF="${eafLinguisticTypeId}" PARTICIPANT="${escapeXmlAttribute(tier.participant)}" TIER_ID="${escapeXmlAttribute(tier.id)}"`;
    const tierAnnotations = annotations[index]!;
    if (tierAnnotations.length === 0) {
      lines.push(`${open}/>`);
      return;
    }
    lines.push(`${open}>`);
    for (const { moment, start, end } of tierAnnotations) {
      annotationNumber += 1;
      // ELAN shows an annotation on one line; the note's line breaks become spaces.
      const value = escapeXmlText(momentCaption(moment, language).replace(/\s*(?:\r\n|\r|\n)\s*/g, ' '));
      lines.push(
        '        <ANNOTATION>',
        `            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a${annotationNumber}" TIME_SLOT_REF1="${start.id}" TIME_SLOT_REF2="${end.id}">`,
        `                <ANNOTATION_VALUE>${value}</ANNOTATION_VALUE>`,
        '            </ALIGNABLE_ANNOTATION>',
        '        </ANNOTATION>',
      );
    }
    lines.push('    </TIER>');
  });
  lines.push(
    `    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="${eafLinguisticTypeId}" TIME_ALIGNABLE="true"/>`,
    '</ANNOTATION_DOCUMENT>',
  );
  return lines.join('\n') + '\n';
}

import { join } from 'node:path';
import { fail, ok, type Result } from '../contract/errors';
import { getAudio } from '../storage/audio-repository';
import { getCall } from '../storage/calls-repository';
import { getTranscript } from '../storage/transcripts-repository';
import type { ServiceContext } from './context';
import { isDiskFull } from './disk-full';
import { reserveExport, safeFileName } from './exports-folder';
import type { ArchiveSource } from './ports';
import { redactedRangesOf } from './redaction-service';
import { reviewsCsv, reviewsForArchive, transcriptForArchive, transcriptText } from './request-archive-content';

/** Every request archive's file name starts so: an erasure removes such files still waiting in the exports folder. */
export const requestArchivePrefix = 'klankbord-request-';
/** Audio of a few hundred calls fits; a larger request is split by the operator (fewer calls selected). */
const maxArchiveBytes = 8 * 1024 * 1024 * 1024;

const encode = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => encode(`${JSON.stringify(value, null, 2)}\n`);

function readme(language: 'nl' | 'en', reference: string, callCount: number, atMs: number): string {
  const date = new Date(atMs).toISOString().slice(0, 10);
  return language === 'nl'
    ? `Inzageverzoek ${reference}, ${date}\n\n${callCount} gesprek(ken). Per gesprek een map met de opname (audio), het transcript (transcript.json en transcript.txt) en de gegevens van het gesprek (call.json). reviews.json en reviews.csv bevatten de beoordelingen van deze gesprekken; beoordelaars staan er met een nummer in, niet met hun naam.\n`
    : `Access request ${reference}, ${date}\n\n${callCount} call(s). One folder per call with the recording (audio), the transcript (transcript.json and transcript.txt) and the call's details (call.json). reviews.json and reviews.csv hold the reviews of these calls; reviewers are numbered, not named.\n`;
}

/** The archive's parts for the given calls, or not_found for an unknown call. */
function archiveSources(
  context: ServiceContext,
  callIds: readonly string[],
  language: 'nl' | 'en',
): Result<{ sources: ArchiveSource[]; reviews: ReturnType<typeof reviewsForArchive> }> {
  const { db } = context;
  const sources: ArchiveSource[] = [];
  const reviews: ReturnType<typeof reviewsForArchive> = [];
  const reviewerNumbers = new Map<string, number>();
  const reviewerNumber = (id: string) => {
    if (!reviewerNumbers.has(id)) reviewerNumbers.set(id, reviewerNumbers.size + 1);
    return reviewerNumbers.get(id)!;
  };
  for (const [index, callId] of callIds.entries()) {
    const call = getCall(db, callId);
    if (!call) return fail('not_found', `No call ${callId}`);
    const folder = `${String(index + 1).padStart(3, '0')} ${safeFileName(call.title)}`;
    const audio = call.audioId ? getAudio(db, call.audioId) : undefined;
    const transcript = getTranscript(db, callId);
    const { audioId: _audioId, agentChannel: _agentChannel, ...details } = call;
    sources.push({ name: `${folder}/call.json`, bytes: json({ ...details, audio: audio?.originalName ?? null }) });
    if (audio)
      sources.push({
        name: `${folder}/audio${audio.storedName.slice(audio.storedName.lastIndexOf('.'))}`,
        path: join(context.paths.audioDir, audio.storedName),
        sizeBytes: audio.sizeBytes,
      });
    if (transcript) {
      const given = transcriptForArchive(transcript, redactedRangesOf(db, callId));
      sources.push({ name: `${folder}/transcript.json`, bytes: json(given) });
      sources.push({ name: `${folder}/transcript.txt`, bytes: encode(`${transcriptText(given)}\n`) });
    }
    for (const review of reviewsForArchive(db, callId, folder, reviewerNumber, language)) reviews.push(review);
  }
  return ok({ sources, reviews });
}

/** Writes the archive into the exports folder; the caller logs the request once it is there. */
export async function writeRequestArchive(
  context: ServiceContext,
  input: { readonly callIds: readonly string[]; readonly reference: string; readonly language: 'nl' | 'en' },
): Promise<Result<{ exportId: string; fileName: string }>> {
  const callIds = [...new Set(input.callIds)];
  const parts = archiveSources(context, callIds, input.language);
  if (!parts.ok) return parts;
  const atMs = context.now();
  const sources: ArchiveSource[] = [
    {
      name: input.language === 'nl' ? 'LEESMIJ.txt' : 'README.txt',
      bytes: encode(readme(input.language, input.reference, callIds.length, atMs)),
    },
    ...parts.value.sources,
    { name: 'reviews.json', bytes: json(parts.value.reviews) },
    { name: 'reviews.csv', bytes: encode(reviewsCsv(parts.value.reviews, input.language)) },
  ];
  const fileName = `${requestArchivePrefix}${safeFileName(input.reference)}-${new Date(atMs).toISOString().slice(0, 10)}.zip`;
  const target = reserveExport(context.paths.exportsDir, fileName);
  const written = await context.ports
    .writeArchive(target.partialPath, sources, { maxBytes: maxArchiveBytes })
    .catch((error: unknown) => {
      target.discard();
      throw error;
    });
  if (!written.ok) {
    target.discard();
    if (written.problem === 'too_large') return fail('package_too_large_to_export', written.detail);
    return isDiskFull(new Error(written.detail)) ? fail('disk_full', written.detail) : fail('internal', written.detail);
  }
  await target.publish(context.ports.files);
  return ok({ exportId: target.exportId, fileName });
}

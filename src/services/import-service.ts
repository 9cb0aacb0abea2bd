import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fail, ok } from '../contract/errors';
import type { ImportIssue, ImportSource } from '../contract/imports';
import { guessSpeakerRoles } from '../domain/transcript/speaker-roles';
import { findAudioBySha, insertAudio } from '../storage/audio-repository';
import { findCallIdByAudio, insertCall } from '../storage/calls-repository';
import { getTranscript, saveTranscript } from '../storage/transcripts-repository';
import { scanCallTranscript } from './redaction-scan';
import { computeSignalsAtImport } from './signals-service';
import { writeTransaction } from '../storage/transactions';
import type { ServiceContext } from './context';
import { isDiskFull } from './disk-full';
import type { Handlers } from './handlers';
import { classifyFile, expandSources, pairingStem, titleFromFileName, type ImportFile } from './import-files';
import { appendAll } from '../domain/extremes';
import { attachByName, attachTranscript, importIssue, readTranscript, type AttachOutcome } from './import-transcript';
import { firstFileNumbers, forEachInParallel, SameRecordingTurns } from './import-batch';

const issue = importIssue;

/** What one audio file led to: a new call, a transcript added to the call that already holds this recording, or nothing. */
type PairResult = { readonly callId: string; readonly added: 'call' | 'transcript' } | null;

/**
 * Imports one audio file with its transcript (if any) as a new call; returns the call id or null. Hashing and
 * analysis run in the import's workers; a file holding the same recording as one still in flight waits for it.
 */
async function importPair(
  audio: ImportFile,
  transcriptFile: ImportFile | undefined,
  context: ServiceContext,
  signal: AbortSignal,
  issues: ImportIssue[],
  turn: { readonly index: number; readonly turns: SameRecordingTurns },
): Promise<PairResult> {
  const { sha256, done } = await turn.turns.take(turn.index, context.ports.hashFile(audio.path, signal));
  try {
    return await importHashed(audio, sha256, transcriptFile, context, signal, issues);
  } finally {
    done();
  }
}

async function importHashed(
  audio: ImportFile,
  sha256: string,
  transcriptFile: ImportFile | undefined,
  context: ServiceContext,
  signal: AbortSignal,
  issues: ImportIssue[],
): Promise<PairResult> {
  const existing = findAudioBySha(context.db, sha256);
  if (existing) {
    issues.push(issue(audio.name, 'duplicate_audio', `same recording as ${existing.originalName}`, 'warning'));
    const call = findCallIdByAudio(context.db, existing.id);
    // The recording is already a call: its transcript, if it has none yet, is added to it.
    if (call && transcriptFile && !getTranscript(context.db, call)) {
      const attached = await attachTranscript(transcriptFile, call, context);
      appendAll(issues, attached.issues);
      if (attached.callId) return { callId: attached.callId, added: 'transcript' };
    }
    return null;
  }
  const analysis = await context.ports.analyzeAudio(audio.path, signal);
  if (!analysis.ok) {
    issues.push(issue(audio.name, analysis.problem as ImportIssue['code'], analysis.detail));
    return null;
  }
  const stored = await readAndStoreCall(audio, sha256, analysis.value, transcriptFile, context, issues);
  // The parsed transcript is out of reach by now: a long one is not held twice while the signals are computed.
  await computeSignalsAtImport(context, stored.callId, signal);
  // The transcript was refused but the call is there: say that it came in without it.
  appendAll(
    issues,
    stored.readIssues.map((found) => (found.severity === 'error' ? { ...found, importedWithout: audio.name } : found)),
  );
  return { callId: stored.callId, added: 'call' };
}

/** Reads the transcript and stores the call with it; returns the call and what reading the transcript found. */
async function readAndStoreCall(
  audio: Parameters<typeof storeCall>[0],
  sha256: string,
  facts: Parameters<typeof storeCall>[2],
  transcriptFile: Parameters<typeof readTranscript>[0] | null | undefined,
  context: ServiceContext,
  issues: ImportIssue[],
): Promise<{ callId: string; readIssues: readonly ImportIssue[] }> {
  const read = transcriptFile
    ? await readTranscript(transcriptFile, context, facts.durationMs)
    : { issues: [], transcript: null };
  try {
    const callId = await storeCall(
      audio,
      sha256,
      facts,
      transcriptFile && read.transcript ? { file: transcriptFile, transcript: read.transcript } : null,
      context,
    );
    return { callId, readIssues: read.issues };
  } catch (error) {
    appendAll(issues, read.issues);
    throw error;
  }
}

type AudioFacts = Extract<Awaited<ReturnType<ServiceContext['ports']['analyzeAudio']>>, { ok: true }>['value'];
type ReadTranscript = NonNullable<Awaited<ReturnType<typeof readTranscript>>['transcript']>;

/** Copies the recording into the data folder and stores the call (with its transcript, if usable) in one transaction. */
async function storeCall(
  audio: ImportFile,
  sha256: string,
  facts: AudioFacts,
  transcript: { file: ImportFile; transcript: ReadTranscript } | null,
  context: ServiceContext,
): Promise<string> {
  // The recording is on disk (file and folder fsynced) before the row naming it commits; if the row does not
  // commit, the file goes again. A kill in between leaves a file without a row, which start-up removes.
  const audioId = randomUUID();
  const storedName = `${sha256}${extname(audio.name).toLowerCase() || `.${facts.container}`}`;
  await mkdir(context.paths.audioDir, { recursive: true });
  const target = join(context.paths.audioDir, storedName);
  await context.ports.files.copyInto(audio.path, target);

  const callId = randomUUID();
  const now = context.now();
  try {
    writeTransaction(context.db, () => {
      insertAudio(
        context.db,
        {
          id: audioId,
          sha256,
          storedName,
          originalName: audio.name,
          container: facts.container,
          codec: facts.codec,
          mimeType: facts.mimeType,
          sampleRateHz: facts.sampleRateHz,
          channels: facts.channels,
          durationMs: facts.durationMs,
          sizeBytes: audio.sizeBytes,
          createdAtMs: now,
        },
        facts.peaks,
        facts.pairsPerSecond,
      );
      insertCall(context.db, {
        id: callId,
        title: titleFromFileName(audio.name),
        recordedAt: audio.modifiedAt?.toISOString() ?? null,
        durationMs: facts.durationMs,
        createdAtMs: now,
        audioId,
        agentChannel: 0,
      });
      if (transcript) {
        saveTranscript(
          context.db,
          callId,
          {
            ...transcript.transcript,
            sourceName: transcript.file.name,
            speakerRoles: guessSpeakerRoles(transcript.transcript, 0),
          },
          now,
        );
        scanCallTranscript(context.db, callId, now, transcript.transcript.segments);
      }
    });
  } catch (error) {
    await context.ports.files.remove(target).catch(() => undefined);
    throw error;
  }
  return callId;
}

/** The whole import job: classify, pair, import pair by pair with progress, summarise. Finished files stay on cancel. */
export async function runImport(
  jobId: string,
  sources: readonly ImportSource[],
  context: ServiceContext,
  signal: AbortSignal,
  attachToCallId?: string,
): Promise<void> {
  try {
    await importSources(jobId, sources, context, signal, attachToCallId);
  } finally {
    // Uploads are removed after every job, whatever happened to it (start-up clears what a crash left).
    for (const source of sources) {
      if (source.kind === 'staged')
        await rm(join(context.paths.stagingDir, source.stagedId), { force: true }).catch(() => undefined);
    }
  }
}

/** Classifies the batch's files and pairs each audio file with its transcript, in the order the user gave them. */
async function pairSources(sources: readonly ImportSource[], context: ServiceContext) {
  const { files, issues } = await expandSources(sources, context.paths.stagingDir);
  const audio: ImportFile[] = [];
  const transcripts = new Map<string, ImportFile>();
  for (const file of files) {
    const classified = await classifyFile(file, context.ports.sniffAudioContainer, context.ports.looksLikeText);
    if (classified.kind === 'refused') issues.push(issue(file.name, classified.code, classified.detail));
    else if (classified.kind === 'audio') audio.push(file);
    else transcripts.set(pairingStem(file.name), file);
  }
  // Pairing happens before any file starts, so it does not depend on which file of the batch finishes first.
  const pairs = audio.map((file) => {
    const stem = pairingStem(file.name);
    const transcript = transcripts.get(stem);
    transcripts.delete(stem);
    return { file, transcript };
  });
  return { total: files.length, issues, pairs, orphans: [...transcripts.values()] };
}

/**
 * Imports the pairs several at a time (as many as the import's workers keep busy), each reporting progress when it
 * starts, in the user's order. Each file's rows are written when its analysis is done, one transaction at a time;
 * the summary lists calls and issues in the user's order, whatever order the files finished in.
 */
async function importSources(
  jobId: string,
  sources: readonly ImportSource[],
  context: ServiceContext,
  signal: AbortSignal,
  attachToCallId: string | undefined,
): Promise<void> {
  const { total, issues, pairs: allPairs, orphans } = await pairSources(sources, context);
  // Adding a transcript to one call imports no recordings.
  const pairs = attachToCallId === undefined ? allPairs : [];
  for (const { file } of attachToCallId === undefined ? [] : allPairs)
    issues.push(issue(file.name, 'unsupported_file', 'only a transcript can be added to a call'));
  const numbers = firstFileNumbers(pairs);
  const outcomes = pairs.map(() => ({ result: null as PairResult, issues: [] as ImportIssue[] }));
  const turns = new SameRecordingTurns(pairs.length);
  let diskFull = false;
  const importOne = async ({ file, transcript }: (typeof pairs)[number], index: number): Promise<void> => {
    context.events.emit('imports.progress', { jobId, current: numbers[index]!, total, fileName: file.name });
    const outcome = outcomes[index]!;
    try {
      outcome.result = await importPair(file, transcript, context, signal, outcome.issues, { index, turns });
      if (outcome.result) context.events.emit('calls.changed', {});
    } catch (error) {
      if (signal.aborted) return;
      // With the disk full the next files would fail the same way: start no more, keeping what is imported.
      const full = isDiskFull(error);
      diskFull ||= full;
      const detail = error instanceof Error ? error.message : String(error);
      outcome.issues.push(issue(file.name, full ? 'disk_full' : 'file_unreadable', detail));
    }
  };
  await forEachInParallel(pairs, context.ports.importParallelism, importOne, () => signal.aborted || diskFull);
  const importedCallIds: string[] = [];
  const transcriptCallIds: string[] = [];
  for (const { result, issues: found } of outcomes) {
    if (result) (result.added === 'call' ? importedCallIds : transcriptCallIds).push(result.callId);
    appendAll(issues, found);
  }
  for (const [index, orphan] of orphans.entries()) {
    if (signal.aborted || diskFull) break;
    context.events.emit('imports.progress', { jobId, current: pairs.length + index + 1, total, fileName: orphan.name });
    const attached = await attachOrphan(orphan, index, attachToCallId, context);
    appendAll(issues, attached.issues);
    if (attached.callId) {
      transcriptCallIds.push(attached.callId);
      context.events.emit('calls.changed', {});
    }
  }
  context.events.emit('imports.finished', {
    jobId,
    importedCallIds,
    transcriptCallIds,
    issues,
    cancelled: signal.aborted,
  });
}

/** A transcript without its audio in the batch: to the call the user chose, else to the call with its name. */
async function attachOrphan(
  file: ImportFile,
  index: number,
  attachToCallId: string | undefined,
  context: ServiceContext,
): Promise<AttachOutcome> {
  if (attachToCallId === undefined) return attachByName(file, context);
  if (index > 0)
    return { callId: null, issues: [issue(file.name, 'transcript_call_has_one', 'one transcript per call')] };
  return attachTranscript(file, attachToCallId, context);
}

export const importHandlers = {
  'imports.start': (input, context) => {
    if (!context.allowPathSources && input.sources.some((source) => source.kind === 'path')) {
      return fail('invalid_input', 'This transport imports uploaded files only');
    }
    const jobId = context.importQueue.enqueue(
      (id) => (signal) => runImport(id, input.sources, context, signal, input.attachToCallId),
    );
    return ok({ jobId });
  },
  'imports.cancel': (input, context) => ok({ cancelled: context.importQueue.cancel(input.jobId) }),
} satisfies Partial<Handlers>;

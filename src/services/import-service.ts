import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fail, ok } from '../contract/errors';
import type { ImportIssue, ImportSource } from '../contract/imports';
import { parseTranscript } from '../domain/transcript/parse-transcript';
import { guessSpeakerRoles } from '../domain/transcript/speaker-roles';
import { findAudioBySha, insertAudio } from '../storage/audio-repository';
import { findCallIdByAudio, getCall, insertCall } from '../storage/calls-repository';
import { getTranscript, saveTranscript } from '../storage/transcripts-repository';
import { scanCallTranscript } from './redaction-scan';
import { computeSignalsAtImport } from './signals-service';
import { writeTransaction } from '../storage/transactions';
import type { ServiceContext } from './context';
import { isDiskFull } from './disk-full';
import type { Handlers } from './handlers';
import { classifyFile, expandSources, hashFile, pairingStem, titleFromFileName, type ImportFile } from './import-files';
import { appendAll, maxBy } from '../domain/extremes';

/** Transcripts may run a little past the audio (rounding, trailing silence trimmed by the recorder). */
const transcriptOverrunToleranceMs = 1500;

const issue = (
  fileName: string,
  code: ImportIssue['code'],
  detail: string,
  severity: ImportIssue['severity'] = 'error',
): ImportIssue => ({ fileName, code, severity, detail });

/** Reads, decodes and parses a transcript file; returns the issues it raised and the transcript if usable. */
async function readTranscript(file: ImportFile, context: ServiceContext, audioDurationMs: number) {
  const issues: ImportIssue[] = [];
  const { text, encoding } = context.ports.decodeText(await readFile(file.path));
  if (encoding === 'windows-1252')
    issues.push(issue(file.name, 'transcript_not_utf8', 'read as Windows-1252', 'warning'));
  const parsed = parseTranscript(text);
  if (!parsed.ok) {
    issues.push(issue(file.name, parsed.error.code, parsed.error.detail));
    return { issues, transcript: null };
  }
  const lastEndMs = maxBy(parsed.transcript.segments, (segment) => segment.endMs);
  if (lastEndMs > audioDurationMs + transcriptOverrunToleranceMs) {
    issues.push(
      issue(
        file.name,
        'transcript_longer_than_audio',
        `transcript ends at ${lastEndMs} ms, audio lasts ${audioDurationMs} ms`,
      ),
    );
    return { issues, transcript: null };
  }
  return { issues, transcript: parsed.transcript };
}

/** Imports one audio file with its transcript (if any) as a new call; returns the call id or null. */
async function importPair(
  audio: ImportFile,
  transcriptFile: ImportFile | undefined,
  context: ServiceContext,
  signal: AbortSignal,
  issues: ImportIssue[],
): Promise<string | null> {
  const sha256 = await hashFile(audio.path, signal);
  const existing = findAudioBySha(context.db, sha256);
  if (existing) {
    issues.push(issue(audio.name, 'duplicate_audio', `same recording as ${existing.originalName}`, 'warning'));
    const call = findCallIdByAudio(context.db, existing.id);
    if (call && transcriptFile && !getTranscript(context.db, call)) {
      const read = await readTranscript(transcriptFile, context, existing.durationMs);
      appendAll(issues, read.issues);
      if (read.transcript) {
        const agentChannel = getCall(context.db, call)?.agentChannel ?? 0;
        saveTranscript(
          context.db,
          call,
          {
            ...read.transcript,
            sourceName: transcriptFile.name,
            speakerRoles: guessSpeakerRoles(read.transcript, agentChannel),
          },
          context.now(),
        );
        scanCallTranscript(context.db, call, context.now(), read.transcript.segments);
        return call;
      }
    }
    return null;
  }
  const analysis = await context.ports.analyzeAudio(audio.path, signal);
  if (!analysis.ok) {
    issues.push(issue(audio.name, analysis.problem as ImportIssue['code'], analysis.detail));
    return null;
  }
  const facts = analysis.value;
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
    await computeSignalsAtImport(context, callId, signal);
    // The transcript was refused but the call is there: say that it came in without it.
    appendAll(
      issues,
      read.issues.map((found) => (found.severity === 'error' ? { ...found, importedWithout: audio.name } : found)),
    );
    return callId;
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
): Promise<void> {
  try {
    await importSources(jobId, sources, context, signal);
  } finally {
    // Uploads are removed after every job, whatever happened to it (start-up clears what a crash left).
    for (const source of sources) {
      if (source.kind === 'staged')
        await rm(join(context.paths.stagingDir, source.stagedId), { force: true }).catch(() => undefined);
    }
  }
}

async function importSources(
  jobId: string,
  sources: readonly ImportSource[],
  context: ServiceContext,
  signal: AbortSignal,
): Promise<void> {
  const { files, issues } = await expandSources(sources, context.paths.stagingDir);
  const importedCallIds: string[] = [];
  const audio: ImportFile[] = [];
  const transcripts = new Map<string, ImportFile>();
  for (const file of files) {
    const classified = await classifyFile(file, context.ports.sniffAudioContainer, context.ports.looksLikeText);
    if (classified.kind === 'refused') issues.push(issue(file.name, classified.code, classified.detail));
    else if (classified.kind === 'audio') audio.push(file);
    else transcripts.set(pairingStem(file.name), file);
  }
  const total = files.length;
  let current = 0;
  let diskFull = false;
  for (const file of audio) {
    if (signal.aborted) break;
    current += 1;
    context.events.emit('imports.progress', { jobId, current, total, fileName: file.name });
    const stem = pairingStem(file.name);
    const transcript = transcripts.get(stem);
    transcripts.delete(stem);
    try {
      const callId = await importPair(file, transcript, context, signal, issues);
      if (callId) {
        importedCallIds.push(callId);
        context.events.emit('calls.changed', {});
      }
    } catch (error) {
      if (signal.aborted) break;
      // With the disk full the next files would fail the same way: stop, keeping what is imported.
      diskFull = isDiskFull(error);
      issues.push(
        issue(
          file.name,
          diskFull ? 'disk_full' : 'file_unreadable',
          error instanceof Error ? error.message : String(error),
        ),
      );
      if (diskFull) break;
    }
    if (transcript) current += 1;
  }
  for (const orphan of transcripts.values()) {
    if (signal.aborted || diskFull) break;
    issues.push(issue(orphan.name, 'transcript_without_audio', 'no audio file with the same name'));
  }
  context.events.emit('imports.finished', { jobId, importedCallIds, issues, cancelled: signal.aborted });
}

export const importHandlers = {
  'imports.start': (input, context) => {
    if (!context.allowPathSources && input.sources.some((source) => source.kind === 'path')) {
      return fail('invalid_input', 'This transport imports uploaded files only');
    }
    const jobId = context.importQueue.enqueue((id) => (signal) => runImport(id, input.sources, context, signal));
    return ok({ jobId });
  },
  'imports.cancel': (input, context) => ok({ cancelled: context.importQueue.cancel(input.jobId) }),
} satisfies Partial<Handlers>;

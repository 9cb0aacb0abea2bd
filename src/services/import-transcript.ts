import { readFile } from 'node:fs/promises';
import type { ImportIssue } from '../contract/imports';
import { maxBy } from '../domain/extremes';
import { parseTranscript } from '../domain/transcript/parse-transcript';
import { guessSpeakerRoles } from '../domain/transcript/speaker-roles';
import { getAudio } from '../storage/audio-repository';
import { callsWithAudioNamed, getCall, getCallSummary } from '../storage/calls-repository';
import { getTranscript, saveTranscript } from '../storage/transcripts-repository';
import { writeTransaction } from '../storage/transactions';
import type { ServiceContext } from './context';
import type { ImportFile } from './import-files';
import { pairingStem } from './import-files';
import { scanCallTranscript } from './redaction-scan';

/** Transcripts may run a little past the audio (rounding, trailing silence trimmed by the recorder). */
const transcriptOverrunToleranceMs = 1500;

export const importIssue = (
  fileName: string,
  code: ImportIssue['code'],
  detail: string,
  severity: ImportIssue['severity'] = 'error',
): ImportIssue => ({ fileName, code, severity, detail });

/** Reads, decodes and parses a transcript file; returns the issues it raised and the transcript if usable. */
export async function readTranscript(file: ImportFile, context: ServiceContext, audioDurationMs: number) {
  const issues: ImportIssue[] = [];
  const { text, encoding } = context.ports.decodeText(await readFile(file.path));
  if (encoding === 'windows-1252')
    issues.push(importIssue(file.name, 'transcript_not_utf8', 'read as Windows-1252', 'warning'));
  const parsed = parseTranscript(text);
  if (!parsed.ok) {
    issues.push(importIssue(file.name, parsed.error.code, parsed.error.detail));
    return { issues, transcript: null };
  }
  const lastEndMs = maxBy(parsed.transcript.segments, (segment) => segment.endMs);
  if (lastEndMs > audioDurationMs + transcriptOverrunToleranceMs) {
    issues.push(
      importIssue(
        file.name,
        'transcript_longer_than_audio',
        `transcript ends at ${lastEndMs} ms, audio lasts ${audioDurationMs} ms`,
      ),
    );
    return { issues, transcript: null };
  }
  return { issues, transcript: parsed.transcript };
}

export interface AttachOutcome {
  /** The call that received the transcript, or null when it was refused (the reasons are in `issues`). */
  readonly callId: string | null;
  readonly issues: readonly ImportIssue[];
}

/**
 * Adds a transcript to a call that has none: read and checked against the call's recording like an imported pair,
 * stored with its speaker roles and redaction suggestions in one transaction. A call that already has a transcript,
 * or whose media were removed (retention, a customer's erasure), is left as it is.
 */
export async function attachTranscript(
  file: ImportFile,
  callId: string,
  context: ServiceContext,
): Promise<AttachOutcome> {
  const call = getCall(context.db, callId);
  const audio = call?.audioId ? getAudio(context.db, call.audioId) : undefined;
  if (!call || !audio || isMediaRemoved(context, callId))
    return refused(file, 'transcript_call_unavailable', `call ${callId} has no recording to add a transcript to`);
  if (getTranscript(context.db, callId)) return refused(file, 'transcript_call_has_one', `call ${callId}`);
  const read = await readTranscript(file, context, audio.durationMs);
  if (!read.transcript) return { callId: null, issues: read.issues };
  const transcript = read.transcript;
  const now = context.now();
  writeTransaction(context.db, () => {
    saveTranscript(
      context.db,
      callId,
      { ...transcript, sourceName: file.name, speakerRoles: guessSpeakerRoles(transcript, call.agentChannel) },
      now,
    );
    scanCallTranscript(context.db, callId, now, transcript.segments);
  });
  return { callId, issues: read.issues };
}

/**
 * A transcript imported without its audio goes to the one call whose recording has the same name ("call-12.vtt" to
 * the call made from "call-12.wav") when that call has no transcript yet. Otherwise it is refused with the reason.
 */
export async function attachByName(file: ImportFile, context: ServiceContext): Promise<AttachOutcome> {
  const stem = pairingStem(file.name);
  const candidates = callsWithAudioNamed(context.db, stem).filter(
    (candidate) => pairingStem(candidate.audioName) === stem && !candidate.mediaRemoved,
  );
  const open = candidates.filter((candidate) => !candidate.hasTranscript);
  if (open.length === 1) return attachTranscript(file, open[0]!.callId, context);
  if (open.length > 1) return refused(file, 'transcript_call_ambiguous', `${open.length} calls named ${stem}`);
  if (candidates.length > 0) return refused(file, 'transcript_call_has_one', `the call named ${stem}`);
  return refused(file, 'transcript_without_audio', 'no audio file or call with the same name');
}

function refused(file: ImportFile, code: ImportIssue['code'], detail: string): AttachOutcome {
  return { callId: null, issues: [importIssue(file.name, code, detail)] };
}

function isMediaRemoved(context: ServiceContext, callId: string): boolean {
  return (getCallSummary(context.db, callId)?.mediaRemovedAtMs ?? null) !== null;
}

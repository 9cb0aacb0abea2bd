import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, ok, type Result } from '../contract/errors';
import { maskTranscript, mergeRanges, type RedactedRange } from '../domain/privacy/redaction-ranges';
import type { AudioAnalysis } from '../domain/audio/audio-analysis';
import { getAudio, replaceCallAudio, type AudioFileRow } from '../storage/audio-repository';
import { getCall } from '../storage/calls-repository';
import { acceptedRanges, auditRedaction, listRedactions, markRedactionApplied } from '../storage/redactions-repository';
import { storedMediaOf } from '../storage/retention-repository';
import { getTranscript, saveTranscript } from '../storage/transcripts-repository';
import { scrubWriteAheadLog, writeTransaction } from '../storage/transactions';
import type { ServiceContext } from './context';
import { requireLocalReviewer } from './reviewer-service';
import { computeSignalsAtImport } from './signals-service';

const sameRanges = (a: readonly RedactedRange[], b: readonly RedactedRange[]) =>
  a.length === b.length &&
  a.every((range, index) => range.startMs === b[index]!.startMs && range.endMs === b[index]!.endMs);

/**
 * "Apply permanently": the stored recording is written again with every redacted range silent (peaks recomputed),
 * the stored transcript keeps only the masked words, and the original file is removed, so nothing of the redacted
 * content is left to play, export or undo. The rewritten file is on disk before the rows point at it; the original
 * goes after the commit (a crash in between leaves a file no row names, which start-up removes). A redaction decided
 * while the recording was being rewritten makes the whole step refuse, with nothing changed.
 */
export async function applyRedactionsPermanently(
  context: ServiceContext,
  callId: string,
  reason: string,
): Promise<Result<{ applied: number }>> {
  const { db } = context;
  const reviewer = requireLocalReviewer(db);
  if (!reviewer.ok) return reviewer;
  if (!getCall(db, callId)) return fail('not_found', `No call ${callId}`);
  const media = storedMediaOf(db, callId);
  const audio = media ? getAudio(db, media.audioId) : undefined;
  if (!media || !audio) return fail('media_removed', 'The call has no recording left to rewrite');
  const pending = listRedactions(db, callId).filter((entry) => entry.status === 'accepted' && !entry.appliedAtMs);
  if (pending.length === 0) return fail('conflict', 'No redaction waits to be applied');
  const ranges = mergeRanges(acceptedRanges(db, callId));

  const rewritten = await rewriteSilenced(context, audio, ranges);
  if (!rewritten.ok) return rewritten;
  const { staged, discard, facts, sizeBytes } = rewritten.value;
  const sha256 = await context.ports.hashFile(staged);
  // Ranges that miss every sample leave the sound as it was: then only the transcript and the redactions change.
  const changed = sha256 !== audio.sha256;
  const storedName = `${sha256}.wav`;
  const target = join(context.paths.audioDir, storedName);
  if (changed) await context.ports.files.moveInto(staged, target);
  else await discard();

  const nowMs = context.now();
  const committed = writeTransaction(db, () => {
    // Decided meanwhile (another window, the CLI): the file written does not match the redactions any more.
    if (!sameRanges(mergeRanges(acceptedRanges(db, callId)), ranges) || storedMediaOf(db, callId)?.audioId !== audio.id)
      return false;
    if (changed)
      replaceCallAudio(
        db,
        callId,
        audio,
        {
          id: randomUUID(),
          sha256,
          storedName,
          originalName: audio.originalName,
          container: facts.container,
          codec: facts.codec,
          mimeType: facts.mimeType,
          sampleRateHz: facts.sampleRateHz,
          channels: facts.channels,
          durationMs: audio.durationMs,
          sizeBytes,
          createdAtMs: nowMs,
        },
        facts.peaks,
        facts.pairsPerSecond,
      );
    const transcript = getTranscript(db, callId);
    if (transcript)
      saveTranscript(db, callId, { ...transcript, segments: maskTranscript(transcript.segments, ranges) }, nowMs);
    for (const redaction of pending) {
      markRedactionApplied(db, redaction.id, nowMs);
      auditRedaction(db, redaction, 'applied_permanently', reviewer.value, reason, nowMs);
    }
    return true;
  });
  if (!committed) {
    if (changed) await context.ports.files.remove(target);
    return fail('conflict', 'The redactions changed while the recording was being rewritten');
  }
  if (changed)
    await context.ports.files
      .remove(join(context.paths.audioDir, audio.storedName))
      .catch((error: unknown) =>
        context.ports.errorLog.error('backend', 'The original recording was not removed', error),
      );
  scrubWriteAheadLog(db);
  context.events.emit('calls.changed', {});
  // The signals were computed from the original sound: they follow the new recording (in a worker, in the background).
  void computeSignalsAtImport(context, callId, new AbortController().signal);
  return ok({ applied: pending.length });
}

/**
 * The recording written again into the staging folder with `ranges` silent, and what it now holds; on failure
 * nothing is left behind.
 */
async function rewriteSilenced(
  context: ServiceContext,
  audio: AudioFileRow,
  ranges: readonly RedactedRange[],
): Promise<Result<{ staged: string; discard: () => Promise<void>; facts: AudioAnalysis; sizeBytes: number }>> {
  await mkdir(context.paths.stagingDir, { recursive: true });
  const staged = join(context.paths.stagingDir, `redacted-${randomUUID()}.wav`);
  const discard = () => rm(staged, { force: true });
  const written = await context.ports.redactAudio({
    sourcePath: join(context.paths.audioDir, audio.storedName),
    targetPath: staged,
    ranges,
  });
  if (!written.ok) {
    await discard();
    return fail('redaction_not_applied', `The recording could not be rewritten: ${written.detail}`, {
      reason: written.problem,
    });
  }
  const analysis = await context.ports.analyzeAudio(staged);
  if (!analysis.ok) {
    await discard();
    return fail('redaction_not_applied', `The rewritten recording cannot be read: ${analysis.detail}`, {
      reason: analysis.problem,
    });
  }
  return ok({ staged, discard, facts: analysis.value, sizeBytes: written.value.sizeBytes });
}

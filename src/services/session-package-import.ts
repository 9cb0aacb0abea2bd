import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { ok, type Result } from '../contract/errors';
import {
  sessionPackageContentSchema,
  type PackageImportResult,
  type SessionPackageContent,
} from '../contract/packages';
import { parseRubricFile, serialiseRubricFile } from '../contract/rubric-file';
import { audioMimeType } from '../domain/audio/containers';
import type { Transcript } from '../domain/transcript/model';
import { parseTranscript } from '../domain/transcript/parse-transcript';
import { findAudioBySha, insertAudio } from '../storage/audio-repository';
import { findCallIdByAudio, insertCall } from '../storage/calls-repository';
import { getReviewer, upsertReviewer } from '../storage/reviewers-repository';
import { getRubric, insertRubric } from '../storage/rubrics-repository';
import { getPackageKey, getSession, insertSession, setPackageKey } from '../storage/sessions-repository';
import { saveTranscript } from '../storage/transcripts-repository';
import { writeTransaction } from '../storage/transactions';
import type { ServiceContext } from './context';
import { readPackageJson, refused, type OpenedPackage } from './package-archive';
import { receiveRedactions } from './redaction-scan';
import { sessionIdentity, setSessionIdentity } from './session-identity';

export type PackagedCall = SessionPackageContent['calls'][number];
/** Transcripts may run a little past the audio, as in a file import. */
const transcriptOverrunToleranceMs = 1500;

/** What a packaged call brings once checked: its audio's real type, its peaks and its transcript. */
export interface CheckedCall {
  readonly call: PackagedCall;
  readonly stagedAudio: string;
  readonly sizeBytes: number;
  readonly mimeType: string;
  readonly peaks: Int16Array[];
  readonly transcript: Transcript | null;
}

function readHead(path: string, length: number): Uint8Array {
  const handle = openSync(path, 'r');
  try {
    const head = new Uint8Array(length);
    return head.subarray(0, readSync(handle, head, 0, length, 0));
  } finally {
    closeSync(handle);
  }
}

/** The transcript through the same reader as an imported transcript file, and no longer than the audio. */
function readPackagedTranscript(
  context: ServiceContext,
  opened: OpenedPackage,
  call: PackagedCall,
): Result<Transcript | null> {
  if (!call.transcript) return ok(null);
  const file = opened.files.get(call.transcript.file);
  if (!file) return refused('package_invalid', `${call.transcript.file} is missing`);
  const parsed = parseTranscript(context.ports.decodeText(readFileSync(file)).text);
  if (!parsed.ok)
    return refused('package_bad_transcript', `${call.title}: ${parsed.error.code} ${parsed.error.detail}`);
  let lastEndMs = 0;
  for (const segment of parsed.transcript.segments) lastEndMs = Math.max(lastEndMs, segment.endMs);
  if (lastEndMs > call.audio.durationMs + transcriptOverrunToleranceMs)
    return refused('package_bad_transcript', `${call.title}: the transcript runs past the audio`);
  return ok(parsed.transcript);
}

/** Checks a packaged call's content: the audio is the recording its key names and really is audio of its container. */
export function checkCall(context: ServiceContext, opened: OpenedPackage, call: PackagedCall): Result<CheckedCall> {
  const stagedAudio = opened.files.get(call.audio.file);
  const peaksFile = opened.files.get(call.audio.peaksFile);
  if (!stagedAudio || !peaksFile) return refused('package_invalid', `Audio of ${call.title} is missing`);
  // Its SHA-256 was checked against the manifest while unpacking; the call's key must be that same hash.
  const listed = opened.manifest.files.find((file) => file.path === call.audio.file);
  if (!listed || listed.sha256 !== call.key)
    return refused('package_tampered', `Audio of ${call.title} does not match its key`);
  const container = context.ports.sniffAudioContainer(readHead(stagedAudio, 64));
  const mimeType = container ? audioMimeType(container) : undefined;
  if (!container || !mimeType || container !== call.audio.container)
    return refused('package_bad_audio', `Audio of ${call.title} is not ${call.audio.container} audio`);
  // Peaks are read into memory: no more than the recording's length at its peak rate can need.
  const peaksListed = opened.manifest.files.find((file) => file.path === call.audio.peaksFile)?.bytes ?? 0;
  const peaksLimit =
    call.audio.channels * 4 * Math.ceil((call.audio.durationMs / 1000 + 1) * call.audio.pairsPerSecond);
  if (peaksListed > peaksLimit)
    return refused('package_invalid', `Peaks of ${call.title} are larger than its recording needs`);
  const peakBytes = readFileSync(peaksFile);
  const perChannel = peakBytes.length / call.audio.channels;
  if (!Number.isInteger(perChannel) || perChannel % 4 !== 0)
    return refused('package_invalid', `Peaks of ${call.title} do not fit ${call.audio.channels} channels`);
  const peaks = Array.from(
    { length: call.audio.channels },
    (_, channel) =>
      new Int16Array(
        peakBytes.buffer.slice(
          peakBytes.byteOffset + channel * perChannel,
          peakBytes.byteOffset + (channel + 1) * perChannel,
        ),
      ),
  );
  const transcript = readPackagedTranscript(context, opened, call);
  if (!transcript.ok) return transcript;
  return ok({ call, stagedAudio, sizeBytes: listed.bytes, mimeType, peaks, transcript: transcript.value });
}

/**
 * Keeps the recipient's key when this computer holds none for them yet, and then makes them its user in the session
 * (unless that is settled). A computer that already holds the key (the lead's, which made it) is left as it is.
 */
function acceptRecipient(context: ServiceContext, content: SessionPackageContent): void {
  const { db } = context;
  const { session, recipient } = content;
  if (getPackageKey(db, session.id, recipient.reviewerId)) return;
  setPackageKey(db, session.id, recipient.reviewerId, recipient.key);
  const stored = getSession(db, session.id);
  if (stored && !sessionIdentity(db, stored)) setSessionIdentity(db, session.id, recipient.reviewerId);
}

/**
 * Moves each new recording into the audio folder, durably (file and folder fsynced) before any row names it. On a
 * failure the ones already placed are removed, so a refused or failed package leaves no audio without a row.
 */
export async function placeAudio(
  context: ServiceContext,
  checked: readonly CheckedCall[],
): Promise<{ storedNames: Map<string, string>; placed: string[] }> {
  const storedNames = new Map<string, string>();
  const placed: string[] = [];
  try {
    for (const { call, stagedAudio } of checked) {
      const extension = call.audio.file.includes('.') ? call.audio.file.slice(call.audio.file.lastIndexOf('.')) : '';
      const storedName = `${call.key}${extension}`;
      const destination = join(context.paths.audioDir, storedName);
      if (!existsSync(destination)) {
        await context.ports.files.moveInto(stagedAudio, destination);
        placed.push(destination);
      }
      storedNames.set(call.key, storedName);
    }
  } catch (error) {
    await removePlaced(context, placed);
    throw error;
  }
  return { storedNames, placed };
}

export async function removePlaced(context: ServiceContext, placed: readonly string[]): Promise<void> {
  for (const path of placed) await context.ports.files.remove(path).catch(() => undefined);
}

/** Stores a session package's calls, rubric, reviewers and session; the same package twice changes nothing. */
export async function importSessionPackage(
  context: ServiceContext,
  opened: OpenedPackage,
): Promise<Result<PackageImportResult>> {
  const { db } = context;
  const parsed = readPackageJson(opened, 'session.json', sessionPackageContentSchema);
  if (!parsed.ok) return parsed;
  const content = parsed.value;
  const { session, reviewers, calls } = content;
  if (session.id !== opened.manifest.sessionId)
    return refused('package_tampered', 'session.json is not the manifest session');
  if (new Set(calls.map((call) => call.key)).size !== calls.length)
    return refused('package_invalid', 'A recording is listed twice');
  const recipient = reviewers.find((reviewer) => reviewer.id === content.recipient.reviewerId);
  if (!recipient) return refused('package_unknown_reviewer', 'The package is for someone outside the session');
  const rubricFile = opened.files.get('rubric.json');
  const rubric = rubricFile ? parseRubricFile(readFileSync(rubricFile, 'utf8')) : null;
  if (!rubric?.ok) return refused('package_invalid', 'rubric.json is not a valid rubric');
  if (rubric.rubric.id !== session.rubricId || rubric.rubric.version !== session.rubricVersion)
    return refused('package_rubric_mismatch', 'rubric.json is not the session rubric');
  const local = getRubric(db, rubric.rubric.id, rubric.rubric.version);
  if (local && serialiseRubricFile(local.rubric) !== serialiseRubricFile(rubric.rubric))
    return refused('package_rubric_mismatch', 'A different rubric with this id and version exists here');
  const base = {
    kind: 'session' as const,
    sessionId: session.id,
    sessionName: session.name,
    reviewers,
    recipient,
    reviewsAdded: 0,
    reviewsRevised: 0,
  };
  if (getSession(db, session.id)) {
    acceptRecipient(context, content);
    return ok({ ...base, alreadyPresent: true, callsAdded: 0 });
  }

  const checked: CheckedCall[] = [];
  for (const call of calls) {
    if (findAudioBySha(db, call.key)) continue;
    const result = checkCall(context, opened, call);
    if (!result.ok) return result;
    checked.push(result.value);
  }
  const { storedNames, placed } = await placeAudio(context, checked);
  try {
    storeSession(context, content, rubric.rubric, local === undefined, checked, storedNames);
  } catch (error) {
    await removePlaced(context, placed);
    throw error;
  }
  context.events.emit('calls.changed', {});
  return ok({ ...base, alreadyPresent: false, callsAdded: checked.length });
}

function storeSession(
  context: ServiceContext,
  content: SessionPackageContent,
  rubric: Parameters<typeof insertRubric>[1],
  newRubric: boolean,
  checked: readonly CheckedCall[],
  storedNames: ReadonlyMap<string, string>,
): void {
  const { db } = context;
  const nowMs = context.now();
  writeTransaction(db, () => {
    if (newRubric) insertRubric(db, rubric, 'published', nowMs);
    for (const reviewer of content.reviewers) if (!getReviewer(db, reviewer.id)) upsertReviewer(db, reviewer, nowMs);
    const localCallIds: string[] = [];
    for (const call of content.calls) {
      const fresh = checked.find((entry) => entry.call.key === call.key);
      if (!fresh) {
        const audio = findAudioBySha(db, call.key)!;
        localCallIds.push(findCallIdByAudio(db, audio.id)!);
        continue;
      }
      const callId = insertPackagedCall(db, call, fresh, storedNames.get(call.key)!, nowMs);
      localCallIds.push(callId);
    }
    insertSession(db, {
      ...content.session,
      callIds: localCallIds,
      reviewerIds: content.reviewers.map((reviewer) => reviewer.id),
    });
    acceptRecipient(context, content);
  });
}

/** Stores a checked call that is new here: its audio and peaks, the call, its transcript and redactions. */
export function insertPackagedCall(
  db: Database.Database,
  call: PackagedCall,
  fresh: CheckedCall,
  storedName: string,
  nowMs: number,
): string {
  const audioId = randomUUID();
  const { audio } = call;
  insertAudio(
    db,
    {
      id: audioId,
      sha256: call.key,
      storedName: storedName,
      originalName: audio.originalName,
      container: audio.container,
      codec: audio.codec,
      mimeType: fresh.mimeType,
      sampleRateHz: audio.sampleRateHz,
      channels: audio.channels,
      durationMs: audio.durationMs,
      sizeBytes: fresh.sizeBytes,
      createdAtMs: nowMs,
    },
    fresh.peaks,
    audio.pairsPerSecond,
  );
  const callId = insertCallOfPackage(db, call, audio.durationMs, audioId, nowMs);
  if (fresh.transcript && call.transcript)
    saveTranscript(
      db,
      callId,
      { ...fresh.transcript, sourceName: call.transcript.sourceName, speakerRoles: call.transcript.speakerRoles },
      nowMs,
    );
  receiveRedactions(db, callId, call.redactedRanges ?? [], nowMs);
  return callId;
}

/** A call a package describes, as a new call here (with a fresh id); `audioId` null when its recording stayed behind. */
export function insertCallOfPackage(
  db: Database.Database,
  call: {
    readonly title: string;
    readonly agentName: string;
    readonly customerRef: string;
    readonly recordedAt: string | null;
    readonly agentChannel: 0 | 1;
  },
  durationMs: number,
  audioId: string | null,
  nowMs: number,
): string {
  const callId = randomUUID();
  insertCall(db, {
    id: callId,
    title: call.title,
    agentName: call.agentName,
    customerRef: call.customerRef,
    recordedAt: call.recordedAt,
    durationMs,
    createdAtMs: nowMs,
    audioId,
    agentChannel: call.agentChannel,
  });
  return callId;
}

import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { ok, type Result } from '../contract/errors';
import type { TeamCall } from '../contract/team-packages';
import { findAudioBySha, insertAudio } from '../storage/audio-repository';
import { findCallIdByAudio } from '../storage/calls-repository';
import { addEvidenceClip, findCallIdByKey, listEvidenceClips, setCallKey } from '../storage/team-exchange-repository';
import type { ServiceContext } from './context';
import { refused, type OpenedPackage } from './package-archive';
import { receiveRedactions } from './redaction-scan';
import {
  checkCall,
  insertCallOfPackage,
  insertPackagedCall,
  placeAudio,
  removePlaced,
  type CheckedCall,
  type PackagedCall,
} from './session-package-import';

/** An evidence clip that passed its checks, waiting in the staging folder (or already stored, by its hash). */
interface CheckedClip {
  readonly fromMs: number;
  readonly toMs: number;
  readonly staged: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly sampleRateHz: number;
  readonly channels: number;
}

/** A packaged call as it will be stored: the local call it already is, or what is new about it. */
export interface IncomingCall {
  readonly call: TeamCall;
  readonly localCallId: string | undefined;
  readonly whole: CheckedCall | undefined;
  readonly clips: readonly CheckedClip[];
}

/** The local call with this recording hash: by its audio (or the audio's hash before a redaction), or a clip-only call. */
export function localCallOf(db: Database.Database, key: string): string | undefined {
  const audio = findAudioBySha(db, key);
  return (audio ? findCallIdByAudio(db, audio.id) : undefined) ?? findCallIdByKey(db, key);
}

/** A whole-recording team call in the shape a session package's call has, so it is checked and stored the same way. */
function asPackagedCall(call: TeamCall, audio: Extract<TeamCall['audio'], { kind: 'whole' }>): PackagedCall {
  const { transcript, kind: _kind, ...facts } = audio;
  return {
    key: call.key,
    title: call.title,
    agentName: call.agentName,
    customerRef: call.customerRef,
    recordedAt: call.recordedAt,
    agentChannel: call.agentChannel,
    audio: { ...facts, durationMs: call.durationMs },
    transcript,
    redactedRanges: call.redactedRanges,
  };
}

function head(path: string): Uint8Array {
  const handle = openSync(path, 'r');
  try {
    const bytes = new Uint8Array(64);
    return bytes.subarray(0, readSync(handle, bytes, 0, 64, 0));
  } finally {
    closeSync(handle);
  }
}

function checkClips(
  context: ServiceContext,
  opened: OpenedPackage,
  call: TeamCall,
  audio: Extract<TeamCall['audio'], { kind: 'clips' }>,
  localCallId: string | undefined,
): Result<CheckedClip[]> {
  const stored = localCallId ? listEvidenceClips(context.db, localCallId) : [];
  const checked: CheckedClip[] = [];
  for (const clip of audio.clips) {
    if (clip.toMs <= clip.fromMs || clip.toMs > call.durationMs)
      return refused('package_invalid', `A clip of ${call.title} lies outside the call`);
    if (stored.some((known) => known.fromMs === clip.fromMs && known.toMs === clip.toMs)) continue;
    const staged = opened.files.get(clip.file);
    const listed = opened.manifest.files.find((file) => file.path === clip.file);
    if (!staged || !listed) return refused('package_invalid', `A clip of ${call.title} is missing`);
    if (context.ports.sniffAudioContainer(head(staged)) !== 'wav')
      return refused('package_bad_audio', `A clip of ${call.title} is not WAV audio`);
    checked.push({ ...clip, staged, sha256: listed.sha256, sizeBytes: listed.bytes });
  }
  return ok(checked);
}

/** Checks every packaged call: new recordings as a session package's, clips as WAV inside the call. */
export function checkTeamCalls(
  context: ServiceContext,
  opened: OpenedPackage,
  calls: readonly TeamCall[],
): Result<IncomingCall[]> {
  if (new Set(calls.map((call) => call.key)).size !== calls.length)
    return refused('package_invalid', 'A recording is listed twice');
  const incoming: IncomingCall[] = [];
  for (const call of calls) {
    const localCallId = localCallOf(context.db, call.key);
    let whole: CheckedCall | undefined;
    let clips: CheckedClip[] = [];
    if (call.audio.kind === 'whole' && !localCallId) {
      const result = checkCall(context, opened, asPackagedCall(call, call.audio));
      if (!result.ok) return result;
      whole = result.value;
    }
    if (call.audio.kind === 'clips') {
      const result = checkClips(context, opened, call, call.audio, localCallId);
      if (!result.ok) return result;
      clips = result.value;
    }
    incoming.push({ call, localCallId, whole, clips });
  }
  return ok(incoming);
}

/**
 * Moves new recordings and clips into the audio folder, durably, before any row names them; on a failure the ones
 * placed are removed. Returns each placed file's stored name by its hash, and `undo` for a failure after this.
 */
export async function placeTeamAudio(
  context: ServiceContext,
  incoming: readonly IncomingCall[],
): Promise<{ storedNames: Map<string, string>; undo: () => Promise<void> }> {
  const wholes = incoming.flatMap((entry) => (entry.whole ? [entry.whole] : []));
  const { storedNames, placed } = await placeAudio(context, wholes);
  try {
    for (const clip of incoming.flatMap((entry) => entry.clips)) {
      const storedName = `${clip.sha256}.wav`;
      const destination = join(context.paths.audioDir, storedName);
      if (!existsSync(destination)) {
        await context.ports.files.moveInto(clip.staged, destination);
        placed.push(destination);
      }
      storedNames.set(clip.sha256, storedName);
    }
  } catch (error) {
    await removePlaced(context, placed);
    throw error;
  }
  return { storedNames, undo: () => removePlaced(context, placed) };
}

/** Stores what is new (inside the caller's transaction); returns the local call of each recording hash. */
export function storeTeamCalls(
  db: Database.Database,
  incoming: readonly IncomingCall[],
  storedNames: ReadonlyMap<string, string>,
  nowMs: number,
): { callIds: Map<string, string>; callsAdded: number; clipsAdded: number } {
  const callIds = new Map<string, string>();
  let callsAdded = 0;
  let clipsAdded = 0;
  for (const { call, localCallId, whole, clips } of incoming) {
    let callId = localCallId;
    if (!callId && whole && call.audio.kind === 'whole') {
      callId = insertPackagedCall(db, asPackagedCall(call, call.audio), whole, storedNames.get(call.key)!, nowMs);
    } else if (!callId) {
      // Known to the reviewer as held here, or sent as clips only: the call without its recording, known by its hash.
      callId = insertCallOfPackage(db, call, call.durationMs, null, nowMs);
      setCallKey(db, callId, call.key);
      receiveRedactions(db, callId, call.redactedRanges, nowMs);
    }
    if (!localCallId) callsAdded += 1;
    for (const clip of clips) {
      const audioId = findAudioBySha(db, clip.sha256)?.id ?? randomUUID();
      if (!findAudioBySha(db, clip.sha256))
        insertAudio(
          db,
          {
            id: audioId,
            sha256: clip.sha256,
            storedName: storedNames.get(clip.sha256)!,
            originalName: `${call.title} ${clip.fromMs}-${clip.toMs}.wav`,
            container: 'wav',
            codec: 'pcm',
            mimeType: 'audio/wav',
            sampleRateHz: clip.sampleRateHz,
            channels: clip.channels,
            durationMs: clip.toMs - clip.fromMs,
            sizeBytes: clip.sizeBytes,
            createdAtMs: nowMs,
          },
          [],
          1,
        );
      if (addEvidenceClip(db, callId, { fromMs: clip.fromMs, toMs: clip.toMs, audioId })) clipsAdded += 1;
    }
    callIds.set(call.key, callId);
  }
  return { callIds, callsAdded, clipsAdded };
}

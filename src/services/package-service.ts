import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { fail, ok, type Result } from '../contract/errors';
import type { ImportSource } from '../contract/imports';
import {
  manifestSchema,
  maxPackageBytes,
  packageFormatVersion,
  reviewPackageContentSchema,
  reviewPackageFormat,
  sessionPackageContentSchema,
  sessionPackageFormat,
  type PackageImportResult,
  type PackageManifest,
  type PackageProblemCode,
  type ReviewPackageContent,
  type SessionPackageContent,
} from '../contract/packages';
import { parseRubricFile, serialiseRubricFile } from '../contract/rubric-file';
import { findAudioBySha, getAudio, insertAudio, readPeaks } from '../storage/audio-repository';
import { getCall, insertCall } from '../storage/calls-repository';
import { listMoments, saveMoment, deleteMoment } from '../storage/moments-repository';
import { getReviewer, upsertReviewer } from '../storage/reviewers-repository';
import { addAuditEntry, createReview, listAnswers, listReviews, updateReview, upsertAnswer } from '../storage/reviews-repository';
import { getRubric, insertRubric } from '../storage/rubrics-repository';
import { getSession, insertSession } from '../storage/sessions-repository';
import { getTranscript, saveTranscript } from '../storage/transcripts-repository';
import { writeTransaction } from '../storage/transactions';
import type { ServiceContext } from './context';
import { writeExport } from './exports-folder';
import type { Handlers } from './handlers';
import { sessionIdentity } from './session-identity';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const json = (value: unknown) => encoder.encode(`${JSON.stringify(value, null, 2)}\n`);

function refused<T>(packageCode: PackageProblemCode, message: string): Result<T> {
  return fail('package_refused', message, { packageCode });
}

/** Zips files with a manifest listing each one's SHA-256 and size. */
function buildPackage(context: ServiceContext, format: PackageManifest['format'], sessionId: string, files: Record<string, Uint8Array>): Uint8Array {
  const manifest: PackageManifest = {
    format,
    formatVersion: packageFormatVersion,
    packageId: randomUUID(),
    createdAtMs: context.now(),
    sessionId,
    files: Object.entries(files).map(([path, bytes]) => ({ path, sha256: sha256(bytes), bytes: bytes.length })),
  };
  return context.ports.zip({ 'manifest.json': json(manifest), ...files });
}

/** Unzips and checks a package: the manifest, then every file against it; nothing more, nothing less. */
function openPackage(context: ServiceContext, bytes: Uint8Array): Result<{ manifest: PackageManifest; files: Record<string, Uint8Array> }> {
  if (bytes.length > maxPackageBytes) return refused('package_too_large', `${bytes.length} bytes`);
  let files: Record<string, Uint8Array>;
  try {
    files = context.ports.unzip(bytes);
  } catch (error) {
    return refused('package_corrupt', error instanceof Error ? error.message : 'unreadable archive');
  }
  const manifestBytes = files['manifest.json'];
  if (!manifestBytes) return refused('package_not_klankbord', 'No manifest.json');
  let raw: unknown;
  try {
    raw = JSON.parse(decoder.decode(manifestBytes));
  } catch {
    return refused('package_not_klankbord', 'manifest.json is not JSON');
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== sessionPackageFormat && format !== reviewPackageFormat) return refused('package_not_klankbord', 'Not a Klankbord package');
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > packageFormatVersion) return refused('package_newer_version', `Format version ${version}`);
  const manifest = manifestSchema.safeParse(raw);
  if (!manifest.success) return refused('package_invalid', manifest.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  const listed = new Set(manifest.data.files.map((file) => file.path));
  for (const name of Object.keys(files)) {
    if (name !== 'manifest.json' && !listed.has(name)) return refused('package_tampered', `${name} is not in the manifest`);
  }
  for (const file of manifest.data.files) {
    const content = files[file.path];
    if (!content) return refused('package_tampered', `${file.path} is missing`);
    if (content.length !== file.bytes || sha256(content) !== file.sha256) return refused('package_tampered', `${file.path} does not match its hash`);
  }
  return ok({ manifest: manifest.data, files });
}

function readJson<T>(files: Record<string, Uint8Array>, path: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }): Result<T> {
  const bytes = files[path];
  if (!bytes) return refused('package_invalid', `${path} is missing`);
  let raw: unknown;
  try {
    raw = JSON.parse(decoder.decode(bytes));
  } catch {
    return refused('package_invalid', `${path} is not JSON`);
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? ok(parsed.data) : refused('package_invalid', parsed.error.issues.slice(0, 10).map((issue) => `${path} ${issue.path.map(String).join('.')}: ${issue.message}`).join('; '));
}

/** Reads the bytes of an import source (a path from the desktop dialog, or a browser-mode upload). */
function readSource(context: ServiceContext, source: ImportSource): Result<Uint8Array> {
  if (source.kind === 'path' && !context.allowPathSources) return fail('invalid_input', 'Paths are not accepted here');
  const path = source.kind === 'path' ? source.path : join(context.paths.stagingDir, source.stagedId);
  try {
    if (!existsSync(path)) return fail('not_found', 'The file is gone');
    if (statSync(path).size > maxPackageBytes) return refused('package_too_large', 'Over the size limit');
    return ok(readFileSync(path));
  } catch (error) {
    return fail('not_found', error instanceof Error ? error.message : 'unreadable');
  }
}

/** The session package: calls (audio, peaks, transcript), the rubric version and the assignment. */
function exportSessionPackage(context: ServiceContext, sessionId: string): Result<{ exportId: string; fileName: string }> {
  const { db } = context;
  const session = getSession(db, sessionId);
  if (!session) return fail('not_found', `No session ${sessionId}`);
  const rubric = getRubric(db, session.rubricId, session.rubricVersion);
  if (!rubric) return fail('not_found', 'The session rubric is missing');
  const files: Record<string, Uint8Array> = { 'rubric.json': encoder.encode(serialiseRubricFile(rubric.rubric)) };
  const calls: SessionPackageContent['calls'] = [];
  for (const callId of session.callIds) {
    const call = getCall(db, callId);
    const audio = call?.audioId ? getAudio(db, call.audioId) : undefined;
    const peaks = audio ? readPeaks(db, audio.id) : undefined;
    if (!call || !audio || !peaks) return fail('not_found', `Call ${callId} has no audio to package`);
    const folder = `calls/${audio.sha256.slice(0, 16)}`;
    const extension = audio.storedName.includes('.') ? audio.storedName.slice(audio.storedName.lastIndexOf('.')) : '';
    files[`${folder}/audio${extension}`] = readFileSync(join(context.paths.audioDir, audio.storedName));
    files[`${folder}/peaks.bin`] = peaks.bytes;
    const transcript = getTranscript(db, callId);
    if (transcript) files[`${folder}/transcript.json`] = json(transcript);
    calls.push({
      key: audio.sha256,
      title: call.title,
      agentName: call.agentName,
      customerRef: call.customerRef,
      recordedAt: call.recordedAt,
      agentChannel: call.agentChannel,
      audio: { file: `${folder}/audio${extension}`, peaksFile: `${folder}/peaks.bin`, originalName: audio.originalName, container: audio.container, codec: audio.codec, mimeType: audio.mimeType, sampleRateHz: audio.sampleRateHz, channels: audio.channels, durationMs: audio.durationMs, pairsPerSecond: peaks.pairsPerSecond },
      transcriptFile: transcript ? `${folder}/transcript.json` : null,
    });
  }
  const { callIds: _callIds, reviewerIds, ...sessionFields } = session;
  const content: SessionPackageContent = {
    session: sessionFields,
    reviewers: reviewerIds.map((id) => ({ id, name: getReviewer(db, id)?.name ?? id })),
    calls,
  };
  files['session.json'] = json(content);
  const fileName = `${session.name}.klankbord-session`;
  return ok({ exportId: writeExport(context.paths.exportsDir, fileName, buildPackage(context, sessionPackageFormat, session.id, files)), fileName });
}

/** Stores a session package's calls, rubric, reviewers and session; the same package twice changes nothing. */
function importSessionPackage(context: ServiceContext, files: Record<string, Uint8Array>): Result<PackageImportResult> {
  const { db } = context;
  const content = readJson(files, 'session.json', sessionPackageContentSchema);
  if (!content.ok) return content;
  const { session, reviewers, calls } = content.value;
  const rubricFile = files['rubric.json'];
  const rubric = rubricFile ? parseRubricFile(decoder.decode(rubricFile)) : null;
  if (!rubric?.ok) return refused('package_invalid', 'rubric.json is not a valid rubric');
  if (rubric.rubric.id !== session.rubricId || rubric.rubric.version !== session.rubricVersion) return refused('package_rubric_mismatch', 'rubric.json is not the session rubric');
  const local = getRubric(db, rubric.rubric.id, rubric.rubric.version);
  if (local && serialiseRubricFile(local.rubric) !== serialiseRubricFile(rubric.rubric)) return refused('package_rubric_mismatch', 'A different rubric with this id and version exists here');
  const base = { kind: 'session' as const, sessionId: session.id, sessionName: session.name, reviewers, reviewsAdded: 0, reviewsRevised: 0 };
  if (getSession(db, session.id)) return ok({ ...base, alreadyPresent: true, callsAdded: 0 });

  // Audio files are written before the transaction (rename is atomic); rows come in one transaction.
  const nowMs = context.now();
  const localCallIds: string[] = [];
  const newAudio: { call: (typeof calls)[number]; audioId: string; storedName: string; bytes: Uint8Array }[] = [];
  for (const call of calls) {
    const bytes = files[call.audio.file];
    const peaks = files[call.audio.peaksFile];
    if (!bytes || !peaks) return refused('package_invalid', `Audio of ${call.title} is missing`);
    if (sha256(bytes) !== call.key) return refused('package_tampered', `Audio of ${call.title} does not match its key`);
    const existing = findAudioBySha(db, call.key);
    if (existing) continue;
    const extension = call.audio.file.includes('.') ? call.audio.file.slice(call.audio.file.lastIndexOf('.')) : '';
    const storedName = `${call.key}${extension}`;
    if (!existsSync(join(context.paths.audioDir, storedName))) {
      const temporary = join(context.paths.audioDir, `${storedName}.${randomUUID()}.partial`);
      writeFileSync(temporary, bytes);
      // A rename within one folder is atomic: no half-written audio under the real name.
      renameSync(temporary, join(context.paths.audioDir, storedName));
    }
    newAudio.push({ call, audioId: randomUUID(), storedName, bytes });
  }
  let callsAdded = 0;
  writeTransaction(db, () => {
    if (!local) insertRubric(db, rubric.rubric, 'published', nowMs);
    for (const reviewer of reviewers) if (!getReviewer(db, reviewer.id)) upsertReviewer(db, reviewer, nowMs);
    for (const call of calls) {
      const fresh = newAudio.find((entry) => entry.call.key === call.key);
      if (fresh) {
        const peaksBytes = files[call.audio.peaksFile]!;
        const perChannel = peaksBytes.length / 2 / call.audio.channels;
        const peaks = Array.from({ length: call.audio.channels }, (_, channel) => new Int16Array(peaksBytes.slice(channel * perChannel * 2, (channel + 1) * perChannel * 2).buffer));
        insertAudio(db, { id: fresh.audioId, sha256: call.key, storedName: fresh.storedName, originalName: call.audio.originalName, container: call.audio.container, codec: call.audio.codec, mimeType: call.audio.mimeType, sampleRateHz: call.audio.sampleRateHz, channels: call.audio.channels, durationMs: call.audio.durationMs, sizeBytes: fresh.bytes.length, createdAtMs: nowMs }, peaks, call.audio.pairsPerSecond);
        const callId = randomUUID();
        insertCall(db, { id: callId, title: call.title, agentName: call.agentName, customerRef: call.customerRef, recordedAt: call.recordedAt, durationMs: call.audio.durationMs, createdAtMs: nowMs, audioId: fresh.audioId, agentChannel: call.agentChannel });
        const transcriptBytes = call.transcriptFile ? files[call.transcriptFile] : undefined;
        if (transcriptBytes) saveTranscript(db, callId, JSON.parse(decoder.decode(transcriptBytes)), nowMs);
        localCallIds.push(callId);
        callsAdded += 1;
      } else {
        const audio = findAudioBySha(db, call.key)!;
        localCallIds.push(db.prepare('SELECT id FROM calls WHERE audio_id = ?').pluck().get(audio.id) as string);
      }
    }
    insertSession(db, { ...session, callIds: localCallIds, reviewerIds: reviewers.map((reviewer) => reviewer.id) });
  });
  context.events.emit('calls.changed', {});
  return ok({ ...base, alreadyPresent: false, callsAdded });
}

/** The recording's hash of a local call: the key other machines know the call by. */
function callKey(db: Database.Database, callId: string): string | undefined {
  const call = getCall(db, callId);
  return call?.audioId ? getAudio(db, call.audioId)?.sha256 : undefined;
}

/** A reviewer's session reviews (answers, moments) in one file for the lead. */
function exportReviewPackage(context: ServiceContext, sessionId: string): Result<{ exportId: string; fileName: string }> {
  const { db } = context;
  const session = getSession(db, sessionId);
  if (!session) return fail('not_found', `No session ${sessionId}`);
  const reviewerId = sessionIdentity(db, session);
  if (!reviewerId) return fail('conflict', 'You are not a reviewer in this session');
  const reviewer = getReviewer(db, reviewerId);
  const reviews = listReviews(db, { sessionId, reviewerId }).map((review) => ({
    id: review.id,
    callKey: callKey(db, review.callId) ?? '',
    status: review.status,
    context: review.context,
    comment: review.comment,
    createdAtMs: review.createdAtMs,
    updatedAtMs: review.updatedAtMs,
    submittedAtMs: review.submittedAtMs,
    answers: listAnswers(db, review.id),
    moments: listMoments(db, review.id),
  }));
  const content: ReviewPackageContent = { sessionId, rubricId: session.rubricId, rubricVersion: session.rubricVersion, reviewer: { id: reviewerId, name: reviewer?.name ?? reviewerId }, reviews };
  const fileName = `${session.name} - ${reviewer?.name ?? 'reviewer'}.klankbord-reviews`;
  return ok({ exportId: writeExport(context.paths.exportsDir, fileName, buildPackage(context, reviewPackageFormat, sessionId, { 'reviews.json': json(content) })), fileName });
}

/** What makes two versions of a review the same: everything the reviewer decided. */
function reviewFingerprint(review: Pick<ReviewPackageContent['reviews'][number], 'status' | 'context' | 'comment' | 'answers' | 'moments'>): string {
  const answers = [...review.answers].sort((a, b) => a.itemId.localeCompare(b.itemId)).map((answer) => [answer.itemId, answer.answer, answer.comment, answer.evidenceOverride]);
  const moments = [...review.moments].sort((a, b) => a.id.localeCompare(b.id)).map((moment) => JSON.stringify(moment, Object.keys(moment).sort()));
  return JSON.stringify([review.status, review.context, review.comment, answers, moments]);
}

/** Brings a reviewer's reviews into the lead's session: new ones are added, changed ones come in as a new revision. */
function importReviewPackage(context: ServiceContext, files: Record<string, Uint8Array>): Result<PackageImportResult> {
  const { db } = context;
  const content = readJson(files, 'reviews.json', reviewPackageContentSchema);
  if (!content.ok) return content;
  const { sessionId, reviewer, reviews } = content.value;
  const session = getSession(db, sessionId);
  if (!session) return refused('package_unknown_session', 'This session is not known here');
  if (content.value.rubricId !== session.rubricId || content.value.rubricVersion !== session.rubricVersion) return refused('package_rubric_mismatch', 'Scored with another rubric version');
  if (!session.reviewerIds.includes(reviewer.id)) return refused('package_unknown_reviewer', `${reviewer.name} is not a reviewer in this session`);
  const localCall = new Map(session.callIds.map((callId) => [callKey(db, callId), callId]));
  for (const review of reviews) if (!localCall.has(review.callKey)) return refused('package_unknown_call', 'A review is of a call outside the session');
  let reviewsAdded = 0;
  let reviewsRevised = 0;
  const nowMs = context.now();
  const result = writeTransaction(db, (): Result<void> => {
    for (const review of reviews) {
      const callId = localCall.get(review.callKey)!;
      const existing = listReviews(db, { sessionId, callId, reviewerId: reviewer.id })[0];
      if (existing && existing.id !== review.id) return refused('package_conflict', 'Another review of this call by this reviewer exists here');
      if (existing) {
        const current = { status: existing.status, context: existing.context, comment: existing.comment, answers: listAnswers(db, existing.id), moments: listMoments(db, existing.id) };
        if (reviewFingerprint(current) === reviewFingerprint(review)) continue;
      } else {
        createReview(db, { id: review.id, callId, reviewerId: reviewer.id, rubricId: session.rubricId, rubricVersion: session.rubricVersion, sessionId }, review.createdAtMs);
      }
      // Replace the content with the package's version.
      db.prepare('DELETE FROM review_answers WHERE review_id = ?').run(review.id);
      for (const moment of listMoments(db, review.id)) deleteMoment(db, review.id, moment.id);
      for (const answer of review.answers) upsertAnswer(db, review.id, answer.itemId, { answer: answer.answer, comment: answer.comment, evidenceOverride: answer.evidenceOverride }, review.updatedAtMs);
      for (const moment of review.moments) saveMoment(db, review.id, moment, review.updatedAtMs);
      updateReview(db, review.id, { context: review.context, comment: review.comment, status: review.status, submittedAtMs: review.submittedAtMs }, review.updatedAtMs);
      const revision = existing ? existing.revision + 1 : 1;
      db.prepare('UPDATE reviews SET revision = ? WHERE id = ?').run(revision, review.id);
      addAuditEntry(db, review.id, { atMs: nowMs, reviewerId: reviewer.id, action: 'imported', reason: '', details: { revision } });
      if (existing) reviewsRevised += 1;
      else reviewsAdded += 1;
    }
    return ok(undefined);
  });
  if (!result.ok) return result;
  if (reviewsAdded + reviewsRevised > 0) context.events.emit('calls.changed', {});
  return ok({ kind: 'reviews', sessionId, sessionName: session.name, alreadyPresent: reviewsAdded + reviewsRevised === 0, callsAdded: 0, reviewsAdded, reviewsRevised, reviewers: [reviewer] });
}

export const packageHandlers = {
  'sessions.exportPackage': (input, context) => exportSessionPackage(context, input.sessionId),
  'sessions.exportReviews': (input, context) => exportReviewPackage(context, input.sessionId),
  'packages.import': (input, context) => {
    const bytes = readSource(context, input.source);
    if (!bytes.ok) return bytes;
    const opened = openPackage(context, bytes.value);
    if (!opened.ok) return opened;
    return opened.value.manifest.format === sessionPackageFormat ? importSessionPackage(context, opened.value.files) : importReviewPackage(context, opened.value.files);
  },
} satisfies Partial<Handlers>;


import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Result } from '../contract/errors';
import {
  manifestName,
  manifestSchema,
  maxJsonPartBytes,
  maxPackageFiles,
  maxUnpackedBytes,
  packageFormatVersion,
  packageFormats,
  packageSignatureSchema,
  signatureName,
  type PackageManifest,
  type PackageProblemCode,
  type PackageSignature,
} from '../contract/packages';
import type { ServiceContext } from './context';
import { isDiskFull } from './disk-full';
import { reserveExport } from './exports-folder';
import type { ArchiveFailure, ArchiveSource } from './ports';

/*
 * Reading and writing the package container. Reading never trusts the archive: the central directory is checked
 * first (entry count, duplicate names, declared sizes against the manifest and the limits), then each file is
 * inflated on its own into a staging folder with its manifest size as a hard cap, and its real size and SHA-256
 * compared with the manifest. Only then does a caller look at the content.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
export const json = (value: unknown) => encoder.encode(`${JSON.stringify(value, null, 2)}\n`);
const maxEntries = maxPackageFiles + 2;
const maxSignatureBytes = 4096;

export function refused<T>(packageCode: PackageProblemCode, message: string): Result<T> {
  return fail('package_refused', message, { packageCode });
}

const archiveRefusal = (failure: ArchiveFailure) =>
  // Unpacking onto a full disk says nothing about the package: the user must free space, not distrust it.
  isDiskFull(new Error(failure.detail))
    ? fail<never>('disk_full', failure.detail)
    : refused<never>(
        failure.problem === 'duplicate_entry'
          ? 'package_duplicate_entry'
          : failure.problem === 'corrupt' ||
              failure.problem === 'unsupported_entry' ||
              failure.problem === 'missing_entry'
            ? 'package_corrupt'
            : 'package_too_large',
        `${failure.problem}: ${failure.detail}`,
      );

/** A checked package, unpacked in its own staging folder; `close` removes that folder. */
export interface OpenedPackage {
  readonly manifest: PackageManifest;
  readonly manifestBytes: Uint8Array;
  readonly signature: PackageSignature | null;
  /** Where each manifest path was unpacked (never under the path's own name). */
  readonly files: ReadonlyMap<string, string>;
  close(): void;
}

/** The largest a file at this path may be: JSON parts are read into memory, so they are kept small. */
const partLimit = (path: string) => (path.endsWith('.json') ? maxJsonPartBytes : maxUnpackedBytes);

function parseManifest(bytes: Uint8Array): Result<PackageManifest> {
  let raw: unknown;
  try {
    raw = JSON.parse(decoder.decode(bytes));
  } catch {
    return refused('package_not_klankbord', 'manifest.json is not JSON');
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (!packageFormats.some((known) => known === format))
    return refused('package_not_klankbord', 'Not a Klankbord package');
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > packageFormatVersion)
    return refused('package_newer_version', `Format version ${version}`);
  if (typeof version === 'number' && version < packageFormatVersion)
    return refused('package_old_version', `Format version ${version}`);
  const manifest = manifestSchema.safeParse(raw);
  if (!manifest.success)
    return refused(
      'package_invalid',
      manifest.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    );
  if (new Set(manifest.data.files.map((file) => file.path)).size !== manifest.data.files.length)
    return refused('package_invalid', 'A path is listed twice');
  if (manifest.data.files.some((file) => file.path === manifestName || file.path === signatureName))
    return refused('package_invalid', 'The manifest lists itself or the signature');
  return ok(manifest.data);
}

function readJsonFile(path: string): unknown {
  return JSON.parse(decoder.decode(readFileSync(path)));
}

/** Reads, checks and unpacks a package file; the caller must `close` what it gets. */
export async function openPackage(context: ServiceContext, archivePath: string): Promise<Result<OpenedPackage>> {
  const { ports } = context;
  const listed = await ports.listArchive(archivePath, { maxEntries });
  if (!listed.ok) return archiveRefusal(listed);
  const entries = new Map(listed.value.map((entry) => [entry.name, entry]));
  if (!entries.has(manifestName)) return refused('package_not_klankbord', 'No manifest.json');
  const declaredTotal = listed.value.reduce((sum, entry) => sum + entry.uncompressedBytes, 0);
  if (declaredTotal > maxUnpackedBytes) return refused('package_too_large', `${declaredTotal} bytes unpacked`);

  const folder = join(context.paths.stagingDir, `package-${randomUUID()}`);
  mkdirSync(folder);
  const close = () => rmSync(folder, { recursive: true, force: true });
  try {
    const opened = await unpack(context, archivePath, folder, entries);
    if (!opened.ok) close();
    return opened.ok ? ok({ ...opened.value, close }) : opened;
  } catch (error) {
    close();
    throw error;
  }
}

async function unpack(
  context: ServiceContext,
  archivePath: string,
  folder: string,
  entries: ReadonlyMap<string, { uncompressedBytes: number }>,
): Promise<Result<Omit<OpenedPackage, 'close'>>> {
  const head = [{ name: manifestName, target: join(folder, 'manifest'), maxBytes: maxJsonPartBytes }];
  if (entries.has(signatureName))
    head.push({ name: signatureName, target: join(folder, 'signature'), maxBytes: maxSignatureBytes });
  const headResult = await context.ports.extractArchive(archivePath, head, { maxEntries });
  if (!headResult.ok) return archiveRefusal(headResult);
  const manifestBytes = readFileSync(join(folder, 'manifest'));
  const manifest = parseManifest(manifestBytes);
  if (!manifest.ok) return manifest;

  // The archive holds exactly what the manifest lists (plus the manifest and signature), each declared at its size.
  const listedPaths = new Map(manifest.value.files.map((file) => [file.path, file]));
  for (const name of entries.keys()) {
    if (name !== manifestName && name !== signatureName && !listedPaths.has(name))
      return refused('package_tampered', `${name} is not in the manifest`);
  }
  for (const file of manifest.value.files) {
    const entry = entries.get(file.path);
    if (!entry) return refused('package_tampered', `${file.path} is missing`);
    if (entry.uncompressedBytes !== file.bytes)
      return refused('package_tampered', `${file.path} is declared at another size`);
    if (file.bytes > partLimit(file.path)) return refused('package_too_large', `${file.path}: ${file.bytes} bytes`);
  }

  const files = new Map(manifest.value.files.map((file, index) => [file.path, join(folder, `part-${index}`)]));
  const requests = manifest.value.files.map((file) => ({
    name: file.path,
    target: files.get(file.path)!,
    maxBytes: file.bytes,
  }));
  const extracted = await context.ports.extractArchive(archivePath, requests, { maxEntries });
  if (!extracted.ok)
    return extracted.problem === 'entry_too_large'
      ? refused('package_tampered', extracted.detail)
      : archiveRefusal(extracted);
  for (const [index, real] of extracted.value.entries()) {
    const expected = manifest.value.files[index]!;
    if (real.bytes !== expected.bytes || real.sha256 !== expected.sha256)
      return refused('package_tampered', `${expected.path} does not match its hash`);
  }

  let signature: PackageSignature | null = null;
  if (entries.has(signatureName)) {
    let parsed: ReturnType<typeof packageSignatureSchema.safeParse>;
    try {
      parsed = packageSignatureSchema.safeParse(readJsonFile(join(folder, 'signature')));
    } catch {
      return refused('package_bad_signature', 'signature.json is not JSON');
    }
    if (!parsed.success) return refused('package_bad_signature', 'signature.json is not valid');
    signature = parsed.data;
  }
  return ok({ manifest: manifest.value, manifestBytes, signature, files });
}

/** Reads a JSON part of an opened package and checks it against its schema. */
export function readPackageJson<T>(
  opened: OpenedPackage,
  path: string,
  schema: {
    safeParse(
      value: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
): Result<T> {
  const file = opened.files.get(path);
  if (!file) return refused('package_invalid', `${path} is missing`);
  let raw: unknown;
  try {
    raw = readJsonFile(file);
  } catch {
    return refused('package_invalid', `${path} is not JSON`);
  }
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? ok(parsed.data)
    : refused(
        'package_invalid',
        parsed.error.issues
          .slice(0, 10)
          .map((issue) => `${path} ${issue.path.map(String).join('.')}: ${issue.message}`)
          .join('; '),
      );
}

/** The signature of a manifest under a reviewer's key (64 hex digits). */
export function manifestMac(key: string, manifestBytes: Uint8Array): string {
  return createHmac('sha256', Buffer.from(key, 'hex')).update(manifestBytes).digest('hex');
}

/** True when `mac` is the manifest's signature under `key` (compared in constant time). */
export function validManifestMac(key: string, manifestBytes: Uint8Array, mac: string): boolean {
  const expected = Buffer.from(manifestMac(key, manifestBytes), 'hex');
  const given = Buffer.from(mac, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A part of a package being written: in memory (JSON, peaks) or a file on disk (audio), with its SHA-256. */
export type PackagePart =
  | { readonly path: string; readonly bytes: Uint8Array }
  | { readonly path: string; readonly file: string; readonly sizeBytes: number; readonly sha256: string };

/**
 * Writes a package to `target`: the manifest (every part's SHA-256 and size) first, the parts streamed from disk
 * or memory, and, given a reviewer's key, `signature.json` over the manifest. Refused before writing when it would
 * exceed the import limit.
 */
export async function writePackage(
  context: ServiceContext,
  target: string,
  header: { readonly format: PackageManifest['format']; readonly sessionId: string },
  parts: readonly PackagePart[],
  signer?: { readonly reviewerId: string; readonly key: string },
): Promise<Result<void>> {
  const manifest: PackageManifest = {
    format: header.format,
    formatVersion: packageFormatVersion,
    packageId: randomUUID(),
    createdAtMs: context.now(),
    sessionId: header.sessionId,
    files: parts.map((part) =>
      'bytes' in part
        ? { path: part.path, sha256: sha256(part.bytes), bytes: part.bytes.length }
        : { path: part.path, sha256: part.sha256, bytes: part.sizeBytes },
    ),
  };
  const manifestBytes = json(manifest);
  const sources: ArchiveSource[] = [{ name: manifestName, bytes: manifestBytes }];
  if (signer)
    sources.push({
      name: signatureName,
      bytes: json({
        algorithm: 'HMAC-SHA256',
        reviewerId: signer.reviewerId,
        mac: manifestMac(signer.key, manifestBytes),
      } satisfies PackageSignature),
    });
  for (const part of parts)
    sources.push(
      'bytes' in part
        ? { name: part.path, bytes: part.bytes }
        : { name: part.path, path: part.file, sizeBytes: part.sizeBytes },
    );
  const written = await context.ports.writeArchive(target, sources, { maxBytes: maxUnpackedBytes });
  if (written.ok) return ok(undefined);
  if (written.problem === 'too_large') return fail('package_too_large_to_export', written.detail);
  return isDiskFull(new Error(written.detail)) ? fail('disk_full', written.detail) : fail('internal', written.detail);
}

/**
 * Writes a package into the exports folder as `fileName`: written beside its final place first and moved in when
 * complete, so a failure (refusal or exception) leaves nothing half-written behind.
 */
export async function exportPackage(
  context: ServiceContext,
  fileName: string,
  header: Parameters<typeof writePackage>[2],
  parts: readonly PackagePart[],
  signer?: Parameters<typeof writePackage>[4],
): Promise<Result<{ exportId: string; fileName: string }>> {
  const target = reserveExport(context.paths.exportsDir, fileName);
  const written = await writePackage(context, target.partialPath, header, parts, signer).catch((error: unknown) => {
    target.discard();
    throw error;
  });
  if (!written.ok) {
    target.discard();
    return written;
  }
  await target.publish(context.ports.files);
  return ok({ exportId: target.exportId, fileName });
}

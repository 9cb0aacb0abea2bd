import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { MomentsExportRequest } from '../../services/ports';
import { writeExport } from '../../services/exports-folder';
import { sealForPath } from '../encryption/sealed-files';
import { buildCallMoments } from './build-call-moments';
import { writeCallMomentsFile } from './write-call-moments';

/** Writes one call's moments (a track or tier per reviewer) as WebVTT or ELAN .eaf for download. */
export function makeMomentsExporter(db: Database.Database, exportsDir: string) {
  return async (request: MomentsExportRequest): Promise<{ exportId: string; fileName: string } | undefined> => {
    const moments = buildCallMoments(db, request.callId, { status: 'submitted', sessionId: request.sessionId });
    if (!moments) return undefined;
    const workDir = mkdtempSync(join(tmpdir(), 'klankbord-moments-'));
    try {
      const fileName = `${request.baseName.replace(/[\\/]/g, '-')}.${request.format === 'webvtt' ? 'vtt' : 'eaf'}`;
      const path = join(workDir, fileName);
      await writeCallMomentsFile(path, moments, {
        format: request.format,
        language: request.language,
        createdAtMs: request.exportedAtMs,
      });
      return { exportId: writeExport(exportsDir, fileName, sealForPath(exportsDir, readFileSync(path))), fileName };
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  };
}

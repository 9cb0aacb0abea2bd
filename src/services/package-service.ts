import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Result } from '../contract/errors';
import type { ImportSource } from '../contract/imports';
import { maxPackageBytes, sessionPackageFormat, teamInvitationFormat, teamReviewsFormat } from '../contract/packages';
import type { ServiceContext } from './context';
import type { Handlers } from './handlers';
import { openPackage, refused } from './package-archive';
import { exportReviewPackage, importReviewPackage } from './review-package';
import { exportSessionPackage } from './session-package';
import { importSessionPackage } from './session-package-import';
import { exportTeamInvitation, importTeamInvitation } from './team-invitation';
import { exportTeamReviews } from './team-review-export';
import { importTeamReviews } from './team-review-import';
import { listTeamExchange } from './team-exchange-list';

/** The file of an import source (a path from the desktop dialog, or a browser-mode upload), within the size limit. */
function sourcePath(context: ServiceContext, source: ImportSource): Result<string> {
  if (source.kind === 'path' && !context.allowPathSources) return fail('invalid_input', 'Paths are not accepted here');
  const path = source.kind === 'path' ? source.path : join(context.paths.stagingDir, source.stagedId);
  try {
    if (!existsSync(path) || !statSync(path).isFile()) return fail('not_found', 'The file is gone');
    if (statSync(path).size > maxPackageBytes) return refused('package_too_large', 'Over the size limit');
    return ok(path);
  } catch (error) {
    return fail('not_found', error instanceof Error ? error.message : 'unreadable');
  }
}

export const packageHandlers = {
  'sessions.exportPackage': (input, context) => exportSessionPackage(context, input.sessionId, input.reviewerId),
  'sessions.exportReviews': (input, context) => exportReviewPackage(context, input.sessionId),
  'team.invite': (input, context) => exportTeamInvitation(context, input.reviewerName),
  'team.exportReviews': (input, context) => exportTeamReviews(context, input),
  'team.exchange': (_input, context) => ok(listTeamExchange(context.db)),
  'packages.import': async (input, context) => {
    try {
      const path = sourcePath(context, input.source);
      if (!path.ok) return path;
      const opened = await openPackage(context, path.value);
      if (!opened.ok) return opened;
      try {
        switch (opened.value.manifest.format) {
          case sessionPackageFormat:
            return await importSessionPackage(context, opened.value);
          case teamInvitationFormat:
            return importTeamInvitation(context, opened.value);
          case teamReviewsFormat:
            return await importTeamReviews(context, opened.value);
          default:
            return importReviewPackage(context, opened.value);
        }
      } finally {
        opened.value.close();
      }
    } finally {
      // An upload is removed once imported or refused (start-up clears what a crash left).
      if (input.source.kind === 'staged')
        rmSync(join(context.paths.stagingDir, input.source.stagedId), { force: true });
    }
  },
} satisfies Partial<Handlers>;

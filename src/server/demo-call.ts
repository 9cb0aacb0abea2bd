import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from '../services/context';
import { runImport } from '../services/import-service';
import { countCalls } from '../storage/calls-repository';
import { readPreferences, writePreferences } from '../storage/preferences-repository';

export const demoFiles = ['demo-klantgesprek.wav', 'demo-klantgesprek.json'] as const;

/**
 * On first start (empty library, never seeded before) imports the demo call in the background, so a new user has a
 * real, playable call at once. Marked as done first: deleting the demo later does not bring it back.
 */
export function seedDemoOnce(context: ServiceContext, demoDir: string): void {
  const seeded = readPreferences(context.db).demoSeeded === 'yes';
  const empty = countCalls(context.db) === 0;
  const paths = demoFiles.map((name) => join(demoDir, name));
  if (seeded || !empty || !paths.every((path) => existsSync(path))) return;
  writePreferences(context.db, { demoSeeded: 'yes' });
  context.importQueue.enqueue(
    (jobId) => (signal) =>
      runImport(
        jobId,
        paths.map((path) => ({ kind: 'path' as const, path })),
        context,
        signal,
      ),
  );
}

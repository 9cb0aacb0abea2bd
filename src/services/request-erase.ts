import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Result } from '../contract/errors';
import { getCall } from '../storage/calls-repository';
import { anonymiseCallReviews, eraseCallMedia } from '../storage/customer-requests-repository';
import { writeTransaction } from '../storage/transactions';
import type { ServiceContext } from './context';
import { requestArchivePrefix } from './request-archive';

/** What replaces free text about an erased call (an evidence override stays one, its reason gone). */
export const erasedTextPlaceholder = '—';

/** An erased call's title: its id's start, so the call can still be told apart in the library and the reviews list. */
export const erasedCallTitle = (callId: string) => `#${callId.slice(0, 8)}`;

/** Request archives still waiting in the exports folder may hold the erased calls: they go too. */
function removeWaitingRequestArchives(exportsDir: string): void {
  for (const entry of readdirSync(exportsDir))
    if (entry.includes(`--${requestArchivePrefix}`)) rmSync(join(exportsDir, entry), { force: true });
}

/**
 * Erases calls for a customer's request, in one transaction with its log line (`record`): recordings, peaks and
 * transcripts removed, identifying call fields cleared, reviews anonymised with their scores kept. The audio files
 * are removed after the commit (a row never points at a missing file); one that cannot be removed then is a file no
 * row points at, which start-up removes.
 */
export async function eraseCustomerCalls(
  context: ServiceContext,
  callIds: readonly string[],
  record: (erased: number) => void,
): Promise<Result<{ erased: number }>> {
  const { db } = context;
  const ids = [...new Set(callIds)];
  const unknown = ids.find((id) => !getCall(db, id));
  if (unknown) return fail('not_found', `No call ${unknown}`);
  const atMs = context.now();
  const files = writeTransaction(db, () => {
    const stored: string[] = [];
    for (const id of ids) {
      const { storedAudioName } = eraseCallMedia(db, id, erasedCallTitle(id), atMs);
      if (storedAudioName) stored.push(storedAudioName);
      anonymiseCallReviews(db, id, erasedTextPlaceholder);
    }
    record(ids.length);
    return stored;
  });
  for (const name of files)
    await context.ports.files
      .remove(join(context.paths.audioDir, name))
      .catch((error: unknown) => context.ports.errorLog.error('backend', `Erased audio not removed: ${name}`, error));
  removeWaitingRequestArchives(context.paths.exportsDir);
  context.events.emit('calls.changed', {});
  return ok({ erased: ids.length });
}

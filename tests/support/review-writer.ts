/*
 * Child process for tests: a second connection to the same database (as a second process on the data folder would
 * have), editing one review through the real services. Says READY, waits for a line on stdin, applies <count>
 * comment edits as fast as it can, and prints one JSON line: { ok, failed, firstError }.
 *
 *   review-writer <dataDir> <reviewId> <label> <count>
 */
import { createInterface } from 'node:readline';
import { makeServiceContext } from '../unit/service-context';
import { serviceDispatch } from '../unit/service-dispatch';

const [dataDir, reviewId, label, countText] = process.argv.slice(2);
if (!dataDir || !reviewId || !label || !countText)
  throw new Error('usage: review-writer <dataDir> <reviewId> <label> <count>');
const context = makeServiceContext(dataDir, { now: () => Date.now() });
const { dispatch } = serviceDispatch(context);
process.stdout.write('READY\n');

createInterface({ input: process.stdin }).once('line', () => {
  void (async () => {
    let ok = 0;
    let failed = 0;
    let firstError: unknown = null;
    for (let index = 0; index < Number(countText); index += 1) {
      const result = await dispatch('reviews.setComment', { reviewId, comment: `${label} ${index}` });
      if (result.ok) ok += 1;
      else {
        failed += 1;
        firstError ??= result.error;
      }
    }
    context.db.close();
    process.stdout.write(`${JSON.stringify({ ok, failed, firstError })}\n`);
    process.exit(0);
  })();
});

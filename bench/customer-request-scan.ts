// How long finding one customer's calls takes when every transcript is scanned (no transcript index yet), and
// whether memory stays flat: builds a library with bench/scale-data (REQUEST_CALLS calls, default 5,000, each
// with a five-minute transcript), then times requests.find for a phone number and for a name. Prints JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCustomerQuery } from '../src/domain/requests/customer-query';
import { findCustomerCalls } from '../src/services/request-find';
import { openDatabase } from '../src/storage/connection';
import { buildScaleFolder } from './scale-data';

const calls = Number(process.env.REQUEST_CALLS ?? 5000);
const dataDir = mkdtempSync(join(tmpdir(), 'klankbord-request-bench-'));
try {
  const built = Date.now();
  buildScaleFolder(dataDir, { calls, reviews: 0, sessions: 0, peaksEvery: 1_000_000 });
  const buildMs = Date.now() - built;
  const { db } = openDatabase(join(dataDir, 'klankbord.db'));
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const measure = (typed: string) => {
    const query = parseCustomerQuery(typed)!;
    const started = performance.now();
    const found = findCustomerCalls(db, query);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { query: typed, kind: query.kind, ms: Math.round(performance.now() - started), calls: found.length };
  };
  const results = [measure('06-12345678'), measure('Jansen'), measure('m.jansen@voorbeeld.nl')];
  clearInterval(timer);
  db.close();
  console.log(
    JSON.stringify({
      calls,
      transcriptMinutesEach: 5,
      buildMs,
      results,
      rssBeforeMb: Math.round(rssBefore / 1e6),
      peakRssMb: Math.round(peakRss / 1e6),
    }),
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

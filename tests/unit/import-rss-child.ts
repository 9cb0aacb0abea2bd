// Runs one import in this process and prints, as JSON on its last line, the summary and the process's peak resident
// memory (the kernel's high-water mark): the memory tests run this as a child, so nothing else shares the figure.
import type { ImportSummary } from '../../src/contract/imports';
import { runImport } from '../../src/services/import-service';
import { makeServiceContext } from './service-context';

async function main(): Promise<void> {
  const [dataDir, ...files] = process.argv.slice(2);
  const context = makeServiceContext(dataDir!);
  let summary: ImportSummary | undefined;
  context.events.listen((message) => {
    if (message.name === 'imports.finished') summary = message.payload as ImportSummary;
  });
  const startRssBytes = process.memoryUsage().rss;
  await runImport(
    'memory',
    files.map((path) => ({ kind: 'path' as const, path })),
    context,
    new AbortController().signal,
  );
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  const transcriptSegments = context.db
    .prepare('SELECT json_array_length(segments_json) FROM transcripts')
    .pluck()
    .all() as number[];
  context.db.close();
  console.log(JSON.stringify({ startRssBytes, maxRssBytes, summary, transcriptSegments }));
}

void main();

import type { ImportIssue, ImportIssueCode, ImportSummary } from '../../../contract/imports';

/** One file in the import summary, with every reason it was refused or noted, and the audio that came in without it. */
export interface SummaryEntry {
  readonly fileName: string;
  readonly codes: readonly ImportIssueCode[];
  readonly importedWithout?: string;
}

function entriesOf(issues: readonly ImportIssue[]): SummaryEntry[] {
  const byFile = new Map<string, { codes: ImportIssueCode[]; importedWithout?: string }>();
  for (const issue of issues) {
    const entry = byFile.get(issue.fileName) ?? { codes: [] };
    if (!entry.codes.includes(issue.code)) entry.codes.push(issue.code);
    if (issue.importedWithout) entry.importedWithout = issue.importedWithout;
    byFile.set(issue.fileName, entry);
  }
  return [...byFile].map(([fileName, entry]) => ({ fileName, ...entry }));
}

/**
 * The summary as the user reads it: one entry per refused file (so "3 files were not imported" lists exactly 3), and
 * apart from them the files that came in with a note (a duplicate recording, a transcript read as Windows-1252).
 */
export function summaryEntries(summary: Pick<ImportSummary, 'issues'>): {
  refused: SummaryEntry[];
  notes: SummaryEntry[];
} {
  const refused = entriesOf(summary.issues.filter((issue) => issue.severity === 'error'));
  const refusedNames = new Set(refused.map((entry) => entry.fileName));
  const notes = entriesOf(
    summary.issues.filter((issue) => issue.severity === 'warning' && !refusedNames.has(issue.fileName)),
  );
  return { refused, notes };
}

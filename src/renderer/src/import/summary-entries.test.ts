import { describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../../contract/imports';
import { summaryEntries } from './summary-entries';

const issue = (
  fileName: string,
  code: ImportIssue['code'],
  severity: ImportIssue['severity'],
  importedWithout?: string,
): ImportIssue => ({ fileName, code, severity, detail: '', ...(importedWithout ? { importedWithout } : {}) });

describe('the import summary entries', () => {
  it('lists each refused file once, so the count matches the list, and keeps notes apart', () => {
    const { refused, notes } = summaryEntries({
      issues: [
        issue('a.wav', 'audio_truncated', 'error'),
        issue('b.vtt', 'transcript_not_utf8', 'warning'),
        issue('b.vtt', 'transcript_malformed', 'error', 'b.wav'),
        issue('c.png', 'unsupported_file', 'error'),
        issue('d.wav', 'duplicate_audio', 'warning'),
      ],
    });
    expect(refused.map((entry) => entry.fileName)).toEqual(['a.wav', 'b.vtt', 'c.png']);
    expect(refused[1]).toEqual({ fileName: 'b.vtt', codes: ['transcript_malformed'], importedWithout: 'b.wav' });
    expect(notes).toEqual([{ fileName: 'd.wav', codes: ['duplicate_audio'] }]);
  });

  it('gives a file refused for two reasons one entry with both', () => {
    const { refused } = summaryEntries({
      issues: [issue('x.vtt', 'transcript_malformed', 'error'), issue('x.vtt', 'transcript_without_audio', 'error')],
    });
    expect(refused).toEqual([{ fileName: 'x.vtt', codes: ['transcript_malformed', 'transcript_without_audio'] }]);
  });
});

import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../tests/unit/pdf-text';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { makeServiceContext } from '../../tests/unit/service-context';
import { serviceDispatch } from '../../tests/unit/service-dispatch';
import { defaultRubric } from '../domain/rubric/default-rubric';
import { rubricItems } from '../domain/rubric/model';
import { insertCall } from '../storage/calls-repository';
import { saveMoment } from '../storage/moments-repository';
import { saveTranscript } from '../storage/transcripts-repository';
import { ensureBuiltInRubrics } from './built-in-rubrics';
import { findExport } from './exports-folder';

const tempDir = useTempDirs();
const start = Date.UTC(2026, 10, 2, 9);

/** Sanne weak on section 2 in four of five calls, Piet never; each weak call has a moment and a transcript. */
async function setup() {
  let clock = start;
  const context = makeServiceContext(tempDir(), { now: () => (clock += 60_000) });
  ensureBuiltInRubrics(context.db, clock);
  const { call, dispatch } = serviceDispatch(context);
  await call('reviewer.set', { name: 'Anouk' });
  let n = 0;
  for (const agentName of ['Sanne', 'Piet']) {
    for (let index = 0; index < 5; index += 1) {
      n += 1;
      const callId = `call-${n}`;
      insertCall(context.db, { id: callId, title: `Call ${n}`, agentName, durationMs: 60_000, createdAtMs: start });
      saveTranscript(
        context.db,
        callId,
        {
          format: 'webvtt',
          language: 'nl',
          sourceName: 't.vtt',
          warnings: [],
          speakerRoles: {},
          segments: [
            { speaker: 'Klant', channel: null, startMs: 9000, endMs: 11_000, text: 'Ik ben echt boos.', words: [] },
            {
              speaker: 'Agent',
              channel: null,
              startMs: 11_000,
              endMs: 13_000,
              text: `Volgende klant ${n}.`,
              words: [],
            },
          ],
        },
        clock,
      );
      const { review } = await call('reviews.open', { callId });
      const weak = agentName === 'Sanne' && index < 4;
      for (const { section, item } of rubricItems(defaultRubric)) {
        const low = weak && section.id === '2';
        const answer =
          item.scale.kind === 'ordinal'
            ? { kind: 'level' as const, value: low ? 0 : item.scale.levels.length - 1 }
            : { kind: low ? ('no' as const) : ('yes' as const) };
        await call('reviews.setAnswer', { reviewId: review.id, itemId: item.id, answer });
        if (low) await call('reviews.setEvidenceOverride', { reviewId: review.id, itemId: item.id, reason: 'Heard.' });
      }
      await call('reviews.submit', { reviewId: review.id });
      if (weak)
        saveMoment(
          context.db,
          review.id,
          {
            id: `00000000-0000-4000-8000-00000000000${n}`,
            startMs: 10_000,
            endMs: 12_000,
            type: 'missed-empathy-opportunity',
            speaker: 'agent',
            polarity: 'gap',
            itemIds: [defaultRubric.sections[1]!.items[0]!.id],
            note: 'Geen erkenning van de boosheid.',
          },
          clock,
        );
    }
  }
  return { context, call, dispatch, period: { fromMs: start, toMs: start + 86_400_000 } };
}

describe('team report files', () => {
  it('writes the report as XLSX and PDF and the coaching sheet as PDF, each read back', async () => {
    const { context, call, dispatch, period } = await setup();
    const fileOf = (exportId: string) => readFileSync(findExport(context.paths.exportsDir, exportId)!.path);

    const xlsx = await call('exports.teamReport', { ...period, format: 'xlsx', language: 'en' });
    expect(xlsx.fileName).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(findExport(context.paths.exportsDir, xlsx.exportId)!.path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Summary',
      'Agents by skill',
      'Team by skill',
      'Training needs',
      'Trend',
      'Evidence',
    ]);
    const needs = workbook.getWorksheet('Training needs')!;
    expect(needs.rowCount).toBe(2);
    // Sanne on section 2: four reviews at 0 and one at 100 (mean 20), the rest of the team (Piet) 100, 80 lower.
    const need = needs.getRow(2).values as unknown[];
    expect(need.slice(1, 3)).toEqual(['Sanne', `2 ${defaultRubric.sections[1]!.title.en}`]);
    expect(need[3]).toBe(20);
    expect(need[6]).toBe(5);
    expect(need[7]).toBe(100);
    expect(need[8]).toBe(80);
    expect(workbook.getWorksheet('Evidence')!.rowCount).toBe(6);
    expect(workbook.getWorksheet('Summary')!.getRow(3).getCell(2).value).toBe('As scored');

    const pdf = await call('exports.teamReport', { ...period, format: 'pdf', language: 'nl' });
    const report = await PDFDocument.load(fileOf(pdf.exportId));
    expect(report.getTitle()).toBe('Teamrapport');
    expect(report.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdfText(fileOf(pdf.exportId))).toContain('Sanne');

    for (const language of ['nl', 'en'] as const) {
      const sheet = await call('exports.coachingSheet', { ...period, agentName: 'Sanne', language });
      const bytes = fileOf(sheet.exportId);
      const document = await PDFDocument.load(bytes);
      expect(document.getTitle()).toBe(language === 'nl' ? 'Coachingsblad: Sanne' : 'Coaching sheet: Sanne');
      expect(document.getPageCount()).toBeGreaterThanOrEqual(1);
      const text = pdfText(bytes);
      expect(text).toContain(language === 'nl' ? 'Ontwikkelpunten' : 'Needs');
      // Three example moments, each with the note and what was said around it.
      expect(text.match(/^Geen erkenning van de boosheid\.$/gm)).toHaveLength(3);
      expect(text).toContain('Klant: Ik ben echt boos.');
    }
    // Without calibration sessions there is no reviewer effect to remove: the same figures, named as adjusted.
    const plain = await call('team.report', period);
    const adjusted = await call('team.report', { ...period, severityAdjusted: true });
    expect(adjusted).toMatchObject({ severityAdjusted: true, adjustmentSessionCount: 0, needs: plain.needs });
    expect(await dispatch('exports.coachingSheet', { ...period, agentName: 'Nobody' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

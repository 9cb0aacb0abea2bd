import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { makeServiceContext } from '../../tests/unit/service-context';
import { serviceDispatch } from '../../tests/unit/service-dispatch';
import { defaultRubric } from '../domain/rubric/default-rubric';
import { insertCall } from '../storage/calls-repository';
import { ensureBuiltInRubrics } from './built-in-rubrics';

const tempDir = useTempDirs();
const fixtures = join(__dirname, '../../tests/fixtures/rubrics');

function setup() {
  const context = makeServiceContext(tempDir());
  ensureBuiltInRubrics(context.db, 1);
  const { dispatch, call } = serviceDispatch(context);
  return { context, dispatch, call };
}

describe('rubric versions', () => {
  it('ships the default rubric published; a copy is an editable draft under a new id', async () => {
    const { call, dispatch } = setup();
    expect(await call('rubrics.list', {})).toEqual([
      expect.objectContaining({
        id: defaultRubric.id,
        version: 1,
        status: 'published',
        builtIn: true,
        itemCount: 18,
        usedForNewReviews: true,
      }),
    ]);
    const copy = await call('rubrics.copy', { id: defaultRubric.id, version: 1 });
    expect(copy.id).not.toBe(defaultRubric.id);
    expect(copy.name.nl).toBe('Kopie van Empathie & actief luisteren');
    const edited = {
      ...copy,
      sections: copy.sections.map((section, index) => (index === 0 ? { ...section, weight: 40 } : section)),
    };
    await call('rubrics.saveDraft', { rubric: edited });
    expect((await call('rubrics.get', { id: copy.id, version: 1 })).rubric.sections[0]!.weight).toBe(40);
    // A rule broken: nothing is saved and the problems are named.
    const broken = {
      ...edited,
      sections: [{ ...edited.sections[0]!, items: [edited.sections[0]!.items[0]!, edited.sections[0]!.items[0]!] }],
    };
    expect(await dispatch('rubrics.saveDraft', { rubric: broken })).toMatchObject({
      ok: false,
      error: {
        code: 'rubric_invalid',
        details: { problems: [expect.objectContaining({ code: 'duplicate_item_id' })] },
      },
    });
    expect((await call('rubrics.get', { id: copy.id, version: 1 })).rubric.sections).toHaveLength(5);
  });

  it('a published version never changes; edits go into the next version, and new reviews use the chosen rubric', async () => {
    const { call, dispatch, context } = setup();
    expect(
      await dispatch('rubrics.saveDraft', {
        rubric: { ...defaultRubric, name: { nl: 'Anders', en: 'Other' } } as never,
      }),
    ).toMatchObject({ ok: false, error: { code: 'rubric_published' } });
    const next = await call('rubrics.newVersion', { id: defaultRubric.id, version: 1 });
    expect(next.version).toBe(2);
    expect((await call('rubrics.newVersion', { id: defaultRubric.id, version: 1 })).version).toBe(2);
    await call('rubrics.saveDraft', { rubric: { ...next, name: { nl: 'Empathie v2', en: 'Empathy v2' } } });
    await call('rubrics.publish', { id: defaultRubric.id, version: 2 });
    expect(await dispatch('rubrics.publish', { id: defaultRubric.id, version: 2 })).toMatchObject({
      ok: false,
      error: { code: 'rubric_published' },
    });
    insertCall(context.db, { id: 'c', title: 'Gesprek', createdAtMs: 1, durationMs: 60_000 });
    await call('reviewer.set', { name: 'Anouk' });
    expect((await call('reviews.open', { callId: 'c' })).review).toMatchObject({
      rubricId: defaultRubric.id,
      rubricVersion: 2,
    });
    // The version a review used stays as it was, and cannot be removed.
    expect((await call('rubrics.get', { id: defaultRubric.id, version: 1 })).rubric.name.nl).toBe(
      'Empathie & actief luisteren',
    );
    expect(await dispatch('rubrics.deleteDraft', { id: defaultRubric.id, version: 2 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('exports and imports rubric files: round trip, twice is once, conflicts and broken files refused', async () => {
    const first = setup();
    const copy = await first.call('rubrics.copy', { id: defaultRubric.id, version: 1 });
    await first.call('rubrics.publish', { id: copy.id, version: 1 });
    const exported = await first.call('rubrics.export', { id: copy.id, version: 1 });
    expect(exported.fileName).toBe(`${copy.id}-v1.rubric.json`);

    const second = setup();
    expect(await second.call('rubrics.import', { text: exported.text })).toEqual({
      id: copy.id,
      version: 1,
      alreadyPresent: false,
    });
    expect(await second.call('rubrics.import', { text: exported.text })).toEqual({
      id: copy.id,
      version: 1,
      alreadyPresent: true,
    });
    expect((await second.call('rubrics.get', { id: copy.id, version: 1 })).status).toBe('published');
    const tampered = exported.text.replace('"weight": 25', '"weight": 26');
    expect(await second.dispatch('rubrics.import', { text: tampered })).toMatchObject({
      ok: false,
      error: { code: 'rubric_file_refused', details: { fileCode: 'rubric_version_conflict' } },
    });
    for (const [file, fileCode] of [
      ['not-json.json', 'rubric_file_not_json'],
      ['wrong-format.json', 'rubric_file_wrong_format'],
      ['newer-version.json', 'rubric_file_newer_version'],
      ['duplicate-item-ids.json', 'rubric_file_inconsistent'],
    ] as const) {
      expect(
        await second.dispatch('rubrics.import', { text: readFileSync(join(fixtures, file), 'utf8') }),
      ).toMatchObject({ ok: false, error: { code: 'rubric_file_refused', details: { fileCode } } });
    }
    expect((await second.call('rubrics.list', {})).map((row) => row.id).sort()).toEqual(
      [copy.id, defaultRubric.id].sort(),
    );
  });
});

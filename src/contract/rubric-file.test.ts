import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRubric } from '../domain/rubric/default-rubric';
import {
  formatIssuePath,
  maxReportedIssues,
  parseRubricFile,
  serialiseRubricFile,
  type RubricFileParseResult,
} from './rubric-file';

const fixtures = join(__dirname, '../../tests/fixtures/rubrics');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');

function errorOf(result: RubricFileParseResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

describe('serialiseRubricFile and parseRubricFile', () => {
  it('round-trip the default rubric', () => {
    const text = serialiseRubricFile(defaultRubric);
    const result = parseRubricFile(text);
    expect(result).toEqual({ ok: true, rubric: defaultRubric });
    if (result.ok) expect(serialiseRubricFile(result.rubric)).toBe(text);
  });

  it('keep tests/fixtures/rubrics/default-rubric.json in sync with the default rubric', () => {
    // To regenerate after a deliberate change: UPDATE_RUBRIC_FIXTURES=1 npx vitest run src/contract/rubric-file.test.ts
    const expected = serialiseRubricFile(defaultRubric);
    if (process.env.UPDATE_RUBRIC_FIXTURES === '1') writeFileSync(join(fixtures, 'default-rubric.json'), expected);
    expect(fixture('default-rubric.json'), 'default-rubric.json is stale; see the comment above to regenerate it').toBe(
      expected,
    );
  });

  it('write pretty JSON with a header, every field explicit and a trailing newline', () => {
    const text = serialiseRubricFile(defaultRubric);
    expect(
      text.startsWith(
        '{\n  "format": "klankbord-rubric",\n  "formatVersion": 1,\n  "rubric": {\n    "id": "empathie-actief-luisteren",',
      ),
    ).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('"evidenceRequired": false');
  });
});

describe('parseRubricFile', () => {
  it('reads a minimal file and applies the defaults', () => {
    const result = parseRubricFile(fixture('minimal.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const [listening, closing] = result.rubric.sections;
    expect(listening?.items[0]).toMatchObject({
      weight: 1,
      critical: false,
      notApplicableAllowed: false,
      evidenceRequired: true,
      naWhenNoEmotion: false,
    });
    expect(listening?.items[0]?.scale.kind === 'ordinal' && listening.items[0].scale.levels.length).toBe(5);
    expect(listening?.items[1]?.notApplicableAllowed).toBe(true);
    expect(closing?.items[0]).toMatchObject({ critical: true, evidenceRequired: false });
    expect(result.rubric.description).toBeUndefined();
  });

  it('reads the example of docs/rubric-format.md', () => {
    const documentation = readFileSync(join(__dirname, '../../docs/rubric-format.md'), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(documentation)?.[1];
    expect(example).toBeDefined();
    const result = parseRubricFile(example!);
    expect(
      result.ok ? result.rubric.sections.map((section) => section.items.map((item) => item.id)) : result.error,
    ).toEqual([['1.1'], ['2.1']]);
  });

  it('ignores a byte-order mark', () => {
    expect(parseRubricFile(`\uFEFF${fixture('minimal.json')}`).ok).toBe(true);
  });

  it('keeps HTML and script as plain text', () => {
    const result = parseRubricFile(fixture('html-in-text.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.rubric.sections[0]?.items[0]?.title).toEqual({
      nl: '<script>alert("nl")</script> Vat <b>samen</b>',
      en: 'Summarises &amp; <i onmouseover="alert(1)">checks</i>',
    });
  });

  it('refuses text that is not JSON', () => {
    expect(errorOf(parseRubricFile(fixture('not-json.json')))).toMatchObject({
      code: 'rubric_file_not_json',
      details: [{ path: '' }],
    });
    expect(errorOf(parseRubricFile('')).code).toBe('rubric_file_not_json');
  });

  it.each([['[]'], ['null'], ['"klankbord-rubric"'], ['{"formatVersion": 1}']])(
    'refuses %s as the wrong format',
    (text) => {
      expect(errorOf(parseRubricFile(text)).code).toBe('rubric_file_wrong_format');
    },
  );

  it('refuses another Klankbord format', () => {
    expect(errorOf(parseRubricFile(fixture('wrong-format.json')))).toEqual({
      code: 'rubric_file_wrong_format',
      details: [{ path: 'format', message: 'Expected "format": "klankbord-rubric"' }],
    });
  });

  it('refuses a newer format version without reading further', () => {
    expect(errorOf(parseRubricFile(fixture('newer-version.json')))).toEqual({
      code: 'rubric_file_newer_version',
      details: [{ path: 'formatVersion', message: expect.stringContaining('formatVersion 2 is newer than 1') }],
    });
  });

  it('refuses a format version that is not 1 as invalid', () => {
    const text = fixture('minimal.json').replace('"formatVersion": 1', '"formatVersion": "1"');
    expect(errorOf(parseRubricFile(text))).toMatchObject({
      code: 'rubric_file_invalid',
      details: [{ path: 'formatVersion' }],
    });
  });

  it('reports missing and blank translations with their paths', () => {
    const error = errorOf(parseRubricFile(fixture('missing-translation.json')));
    expect(error.code).toBe('rubric_file_invalid');
    expect(error.details.map((issue) => issue.path)).toEqual([
      'rubric.sections[0].items[0].scale.levels[2].anchor.en',
      'rubric.sections[0].items[1].title.en',
    ]);
    expect(error.details[0]?.message).toBe('Must not be blank');
  });

  it('reports duplicate item ids as inconsistent, with the domain code', () => {
    expect(errorOf(parseRubricFile(fixture('duplicate-item-ids.json')))).toEqual({
      code: 'rubric_file_inconsistent',
      details: [
        {
          path: 'rubric.sections[1].items[0].id',
          message: expect.stringContaining('"L1" is used twice'),
          code: 'duplicate_item_id',
        },
      ],
    });
  });

  it('reports non-contiguous scale values as inconsistent', () => {
    const error = errorOf(parseRubricFile(fixture('non-contiguous-levels.json')));
    expect(error.code).toBe('rubric_file_inconsistent');
    expect(error.details).toEqual([
      expect.objectContaining({
        path: 'rubric.sections[0].items[0].scale.levels[3].value',
        code: 'scale_values_not_contiguous',
      }),
    ]);
  });

  it('reports negative and zero weights', () => {
    const error = errorOf(parseRubricFile(fixture('negative-weight.json')));
    expect(error.code).toBe('rubric_file_invalid');
    expect(error.details.map((issue) => issue.path)).toEqual([
      'rubric.sections[0].items[0].weight',
      'rubric.sections[1].weight',
    ]);
  });

  it('reports texts over the limits, HTML or not', () => {
    const error = errorOf(parseRubricFile(fixture('huge-strings.json')));
    expect(error.code).toBe('rubric_file_invalid');
    expect(error.details.map((issue) => issue.path)).toEqual([
      'rubric.name.en',
      'rubric.sections[0].items[0].description.nl',
    ]);
    expect(error.details[1]?.message).toMatch(/2000/);
  });

  it('reports a misspelt key instead of ignoring it', () => {
    const error = errorOf(parseRubricFile(fixture('unknown-key.json')));
    expect(error).toMatchObject({
      code: 'rubric_file_invalid',
      details: [{ path: 'rubric.sections[0].items[1]', message: expect.stringContaining('wieght') }],
    });
  });

  it('reports an empty section', () => {
    expect(errorOf(parseRubricFile(fixture('empty-section.json')))).toMatchObject({
      code: 'rubric_file_invalid',
      details: [{ path: 'rubric.sections[1].items' }],
    });
  });

  it('refuses a file over the size limit before parsing it', () => {
    expect(errorOf(parseRubricFile(' '.repeat(1_000_001))).code).toBe('rubric_file_too_large');
  });

  it('lists at most a bounded number of issues', () => {
    const file = JSON.parse(fixture('minimal.json')) as { rubric: { sections: { items: unknown[] }[] } };
    file.rubric.sections[0]!.items = Array.from({ length: 50 }, (_, index) => ({
      id: `x${index}`,
      title: { nl: '', en: '' },
      scale: { kind: 'yes-no' },
    }));
    const error = errorOf(parseRubricFile(JSON.stringify(file)));
    expect(error.code).toBe('rubric_file_invalid');
    expect(error.details).toHaveLength(maxReportedIssues);
  });

  it('never throws on odd JSON', () => {
    for (const text of [
      '{"format":"klankbord-rubric","formatVersion":1,"rubric":null}',
      '{"format":"klankbord-rubric","formatVersion":1e400}',
      '{"format":"klankbord-rubric","formatVersion":1,"rubric":{"sections":[{"items":[{"scale":{"kind":"stars"}}]}]}}',
    ]) {
      expect(parseRubricFile(text).ok).toBe(false);
    }
  });
});

describe('formatIssuePath', () => {
  it('writes indexes in brackets', () => {
    expect(formatIssuePath(['rubric', 'sections', 0, 'items', 12, 'title', 'en'])).toBe(
      'rubric.sections[0].items[12].title.en',
    );
    expect(formatIssuePath([])).toBe('');
  });
});

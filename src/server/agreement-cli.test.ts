import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRatingsCsv, runAgreementCli } from './agreement-cli';

const root = resolve(__dirname, '../..');
const fixtures = join(root, 'tests/fixtures/agreement');
const fixture = (name: string) => join(fixtures, name);

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runAgreementCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
}

const scratch = mkdtempSync(join(tmpdir(), 'klankbord-agreement-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('agreement command', () => {
  it('prints every statistic for the Krippendorff (2011) data as one JSON object', () => {
    const result = run(fixture('krippendorff-2011.json'));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const output = result.json();
    expect(Object.keys(output)).toEqual([
      'raters',
      'units',
      'level',
      'krippendorff_alpha',
      'reliability',
      'percent_agreement',
      'fleiss_kappa',
      'gwet_ac1',
      'cohen_kappa',
      'icc',
      'icc_tests',
      'severity',
      'benchmark',
      'not_applicable',
    ]);
    expect(output).toMatchObject({
      raters: 4,
      units: 12,
      level: 'ordinal',
      fleiss_kappa: null,
      cohen_kappa: null,
      icc: null,
      benchmark: null,
    });
    expect(output.krippendorff_alpha).toBeCloseTo(0.815, 3);
    expect(output.gwet_ac1).toBeCloseTo(0.77544, 5);
  });

  it('lets options override the file: the same data at nominal and interval level', () => {
    expect(run(fixture('krippendorff-2011.json'), '--level', 'nominal').json().krippendorff_alpha).toBeCloseTo(
      0.743,
      3,
    );
    expect(run(fixture('krippendorff-2011.json'), '--level', 'interval').json().krippendorff_alpha).toBeCloseTo(
      0.849,
      3,
    );
    expect(run(fixture('krippendorff-2011.json'), '--level=ratio').json().krippendorff_alpha).toBeCloseTo(0.797, 3);
  });

  it('reports ICCs with their tests and the benchmark deviations for complete interval data', () => {
    const output = run(fixture('shrout-fleiss-1979.json')).json() as {
      icc: Record<string, number>;
      icc_tests: Record<string, { ci_lower: number }>;
      benchmark: { per_rater: unknown[]; overall: { units: number } };
      severity: { rater_effect: number[] };
    };
    expect(output.icc['ICC(1,1)']).toBeCloseTo(0.17, 2);
    expect(output.icc['ICC(A,1)']).toBeCloseTo(0.29, 2);
    expect(output.icc['ICC(C,1)']).toBeCloseTo(0.71, 2);
    expect(output.icc['ICC(1,k)']).toBeCloseTo(0.44, 2);
    expect(output.icc['ICC(A,k)']).toBeCloseTo(0.62, 2);
    expect(output.icc['ICC(C,k)']).toBeCloseTo(0.91, 2);
    expect(output.icc_tests['ICC(C,1)']!.ci_lower).toBeCloseTo(0.342, 3);
    expect(output.benchmark.per_rater).toHaveLength(4);
    expect(output.benchmark.per_rater[0]).toBeNull();
    expect(output.benchmark.overall.units).toBe(18);
    expect(output.severity.rater_effect).toHaveLength(4);
  });

  it('reads CSV with a header line, rater names, quotes, CRLF and N.v.t.', () => {
    const output = run(fixture('two-reviewers-ja-nee.csv'), '--header', '--row-names').json();
    expect(output).toMatchObject({ raters: 2, units: 6, level: 'nominal', percent_agreement: 75, severity: null });
    expect(output.cohen_kappa).toEqual({ unweighted: 0.5, linear: null, quadratic: null });
    expect(output.not_applicable).toMatchObject({ cells: 3 });
  });

  it('reads Dutch Excel CSV: BOM, semicolons, decimal commas, empty cells as missing', () => {
    const output = run(
      fixture('totals-dutch-excel.csv'),
      '--level',
      'interval',
      '--benchmark',
      '0',
      '--tolerance',
      '5',
    ).json() as {
      units: number;
      benchmark: {
        per_rater: ({ units: number; mean_signed_deviation: number; pct_within_tolerance: number } | null)[];
      };
    };
    expect(output.units).toBe(6);
    // Reviewer 1 - benchmark: -2.5, +4, -4, (missing), +2.5, -3.
    expect(output.benchmark.per_rater[1]).toMatchObject({ units: 5, pct_within_tolerance: 100 });
    expect(output.benchmark.per_rater[1]!.mean_signed_deviation).toBeCloseTo(-0.6, 12);
  });

  it('accepts --categories for the full scale', () => {
    const file = join(scratch, 'scale.json');
    writeFileSync(
      file,
      JSON.stringify({
        ratings: [
          [0, 1, 3, 0, 1, 3],
          [0, 3, 1, 1, 1, 3],
        ],
        level: 'ordinal',
      }),
    );
    expect((run(file, '--categories', '0,1,2,3').json().cohen_kappa as { linear: number }).linear).toBeCloseTo(
      8 / 23,
      12,
    );
  });

  it.each([
    ['ragged.json', /rater 1 has 2 ratings but rater 0 has 3/],
    ['not-json.json', /not valid JSON/],
    ['wrong-shape.json', /wrong shape: ratings: .*expected array/],
    ['unknown-field.json', /Unrecognized key: "tolerence"/],
    ['labels-at-interval.json', /rater 0, unit 1: "goed" is not a number \(level interval/],
    ['benchmark-out-of-range.json', /benchmark 2 is not a rater: there are 2 raters/],
    ['ragged.csv', /line 2 has 2 cells but line 1 has 3/],
  ])('refuses bad/%s with one line on stderr and exit code 1', (name, message) => {
    const result = run(fixture(join('bad', name)));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`agreement: ${fixture(join('bad', name))}: `);
  });

  it('refuses a missing file, a folder and an unreadable file', () => {
    expect(run(fixture('missing.json'))).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/missing\.json: no such file\n$/),
    });
    expect(run(fixtures)).toMatchObject({ code: 1, stderr: expect.stringMatching(/is a folder, not a file\n$/) });
    if (process.getuid?.() !== 0) {
      const locked = join(scratch, 'locked.json');
      writeFileSync(locked, '{"ratings": []}');
      chmodSync(locked, 0o000);
      expect(run(locked)).toMatchObject({ code: 1, stderr: expect.stringMatching(/permission denied/) });
    }
  });

  it('hints at --header when a CSV header meets a numeric level', () => {
    const result = run(fixture('two-reviewers-ja-nee.csv'), '--level', 'ordinal');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/see --header, --row-names\)\n$/);
  });

  it('exits 2 with usage for a bad command line', () => {
    expect(run()).toMatchObject({ code: 2, stderr: expect.stringContaining('which file?') });
    expect(run('a.json', 'b.json').code).toBe(2);
    expect(run(fixture('krippendorff-2011.json'), '--level', 'metric')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--level must be one of'),
    });
    expect(run(fixture('krippendorff-2011.json'), '--benchmark', '-1').code).toBe(2);
    expect(run(fixture('krippendorff-2011.json'), '--tolerance', 'vijf').code).toBe(2);
    expect(run(fixture('krippendorff-2011.json'), '--frobnicate').code).toBe(2);
    expect(run('--help')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Usage: npm run --silent cli -- agreement FILE'),
    });
  });
});

describe('parseRatingsCsv', () => {
  it('detects the delimiter and reads numbers, labels and empty cells', () => {
    expect(parseRatingsCsv('1,2,,Ja\n3,"4",5,"Nee, niet"\n', { header: false, rowNames: false })).toEqual({
      ok: true,
      value: [
        [1, 2, null, 'Ja'],
        [3, 4, 5, 'Nee, niet'],
      ],
    });
    expect(parseRatingsCsv('1;2,5;-0,5\n\n1e2;.5;"a""b"', { header: false, rowNames: false })).toEqual({
      ok: true,
      value: [
        [1, 2.5, -0.5],
        [100, 0.5, 'a"b'],
      ],
    });
    expect(parseRatingsCsv('1\t2\n3\t4', { header: false, rowNames: false })).toEqual({
      ok: true,
      value: [
        [1, 2],
        [3, 4],
      ],
    });
    // With a comma delimiter "2,5" is two cells, never a decimal.
    expect(parseRatingsCsv('2,5\n1,1', { header: false, rowNames: false })).toEqual({
      ok: true,
      value: [
        [2, 5],
        [1, 1],
      ],
    });
  });

  it('refuses an unclosed quote', () => {
    expect(parseRatingsCsv('1,"2\n3,4', { header: false, rowNames: false })).toEqual({
      ok: false,
      message: 'line 1: a quoted cell is never closed',
    });
  });
});

describe('CLI wiring', () => {
  it('runs through `tsx src/server/cli.ts agreement FILE` without a data folder', () => {
    const dataDir = join(scratch, 'must-not-be-created');
    const result = spawnSync(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'src/server/cli.ts'), 'agreement', fixture('krippendorff-2011.json')],
      {
        encoding: 'utf8',
        env: { ...process.env, KLANKBORD_DATA_DIR: dataDir },
      },
    );
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { krippendorff_alpha: number }).krippendorff_alpha).toBeCloseTo(0.815, 3);
    expect(spawnSync('test', ['-e', dataDir]).status).not.toBe(0);
    const bad = spawnSync(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'src/server/cli.ts'), 'agreement', fixture('bad/ragged.json')],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^agreement: .*ragged\.json: rater 1 has 2 ratings/);
  });
});

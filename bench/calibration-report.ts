// calibration-report: every agreement statistic for a large calibration session, timed. Deterministic synthetic
// data: 50 reviewers x 1,000 calls x the 18 items of the default rubric (0-3 items ordinal, Ja/Nee items nominal,
// N.v.t. on the NA items of calls without customer emotion), 20% of reviewer-call pairs unscored, reviewer 0 the
// benchmark who scored every call. Computes summariseAgreement per item, per section and on the total, plus
// Cohen's kappa of every reviewer against the benchmark per item. Prints figures; the last line is one JSON object.
import { performance } from 'node:perf_hooks';
import { cohenKappa } from '../src/domain/agreement/cohen-kappa';
import type { Rating } from '../src/domain/agreement/ratings';
import {
  summariseAgreement,
  type AgreementInput,
  type AgreementSummary,
} from '../src/domain/agreement/summarise-agreement';
import { seededRandom } from '../tests/support/seeded-random';

const reviewers = 50;
const calls = 1000;
const missingShare = 0.2;
const targetMs = 1000;

interface Item {
  readonly id: string;
  readonly section: number;
  readonly scale: '0-3' | 'Ja/Nee';
  readonly notApplicable?: boolean;
  readonly critical?: boolean;
}

// The default rubric "Empathie & actief luisteren" v1 (docs/domain.md).
const items: readonly Item[] = [
  { id: '1.1', section: 1, scale: '0-3', notApplicable: true },
  { id: '1.2', section: 1, scale: 'Ja/Nee', notApplicable: true },
  { id: '1.3', section: 1, scale: 'Ja/Nee' },
  { id: '2.1', section: 2, scale: '0-3' },
  { id: '2.2', section: 2, scale: 'Ja/Nee', notApplicable: true },
  { id: '2.3', section: 2, scale: '0-3' },
  { id: '3.1', section: 3, scale: 'Ja/Nee' },
  { id: '3.2', section: 3, scale: '0-3' },
  { id: '3.3', section: 3, scale: 'Ja/Nee' },
  { id: '3.4', section: 3, scale: 'Ja/Nee' },
  { id: '3.5', section: 3, scale: 'Ja/Nee' },
  { id: '4.1', section: 4, scale: '0-3' },
  { id: '4.2', section: 4, scale: 'Ja/Nee', critical: true },
  { id: '4.3', section: 4, scale: '0-3', notApplicable: true },
  { id: '4.4', section: 4, scale: 'Ja/Nee' },
  { id: '5.1', section: 5, scale: '0-3' },
  { id: '5.2', section: 5, scale: '0-3' },
  { id: '5.3', section: 5, scale: '0-3' },
];
const sectionWeights = new Map([
  [1, 25],
  [2, 25],
  [3, 25],
  [4, 15],
  [5, 10],
]);

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

interface Session {
  /** Per item: rows = reviewers, columns = calls. */
  readonly itemRatings: Rating[][][];
  readonly sectionScores: (number | null)[][][];
  readonly totals: (number | null)[][];
}

function generateSession(): Session {
  const random = seededRandom(20240611);
  const severity = Array.from({ length: reviewers }, (_, reviewer) => (reviewer === 0 ? 0 : 0.25 * normal(random)));
  const scored = Array.from({ length: reviewers }, (_, reviewer) =>
    Array.from({ length: calls }, () => reviewer === 0 || random() >= missingShare),
  );
  const emotion = Array.from({ length: calls }, () => random() < 0.7);
  const itemRatings = items.map((item) => {
    const truth = Array.from({ length: calls }, () =>
      item.scale === '0-3' ? 3 * random() ** 0.7 : random() < (item.critical ? 0.97 : 0.85) ? 1 : 0,
    );
    return Array.from({ length: reviewers }, (_, reviewer) =>
      Array.from({ length: calls }, (_, call): Rating => {
        if (!scored[reviewer]![call]) return null;
        // The NA gate: N.v.t. without customer emotion, but reviewers override it now and then.
        if (item.notApplicable && emotion[call] !== random() < 0.95) return 'N.v.t.';
        if (item.scale === '0-3')
          return Math.max(0, Math.min(3, Math.round(truth[call]! + severity[reviewer]! + 0.3 * normal(random))));
        const flip = random() < (item.critical ? 0.005 : 0.03);
        return (truth[call] === 1) !== flip ? 'Ja' : 'Nee';
      }),
    );
  });
  const itemValue = (rating: Rating): number | null =>
    rating === 'Ja' ? 1 : rating === 'Nee' ? 0 : typeof rating === 'number' ? rating / 3 : null;
  const sectionScores = [...sectionWeights.keys()].map((section) =>
    Array.from({ length: reviewers }, (_, reviewer) =>
      Array.from({ length: calls }, (_, call) => {
        const values = items
          .map((item, index) => (item.section === section ? itemValue(itemRatings[index]![reviewer]![call]!) : null))
          .filter((value): value is number => value !== null);
        return values.length === 0 ? null : (100 * values.reduce((sum, value) => sum + value, 0)) / values.length;
      }),
    ),
  );
  const criticalIndex = items.findIndex((item) => item.critical);
  const totals = Array.from({ length: reviewers }, (_, reviewer) =>
    Array.from({ length: calls }, (_, call) => {
      if (!scored[reviewer]![call]) return null;
      if (itemRatings[criticalIndex]![reviewer]![call] === 'Nee') return 0;
      let weighted = 0;
      let weights = 0;
      [...sectionWeights].forEach(([, weight], sectionIndex) => {
        const score = sectionScores[sectionIndex]![reviewer]![call]!;
        if (score === null) return;
        weighted += weight * score;
        weights += weight;
      });
      return weights === 0 ? null : weighted / weights;
    }),
  );
  return { itemRatings, sectionScores, totals };
}

interface Report {
  readonly items: AgreementSummary[];
  readonly sections: AgreementSummary[];
  readonly total: AgreementSummary;
  readonly benchmarkKappas: number;
  readonly timings: {
    readonly itemsMs: number;
    readonly sectionsMs: number;
    readonly totalMs: number;
    readonly pairwiseMs: number;
  };
}

function summarise(input: AgreementInput): AgreementSummary {
  const result = summariseAgreement(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function computeReport(session: Session): Report {
  let start = performance.now();
  const itemSummaries = items.map((item, index) =>
    item.scale === '0-3'
      ? summarise({
          ratings: session.itemRatings[index]!,
          level: 'ordinal',
          categories: [0, 1, 2, 3],
          benchmark: 0,
          tolerance: 1,
        })
      : summarise({ ratings: session.itemRatings[index]!, level: 'nominal', categories: ['Ja', 'Nee'] }),
  );
  const itemsMs = performance.now() - start;
  start = performance.now();
  const sections = session.sectionScores.map((ratings) =>
    summarise({ ratings, level: 'interval', benchmark: 0, tolerance: 5 }),
  );
  const sectionsMs = performance.now() - start;
  start = performance.now();
  const total = summarise({ ratings: session.totals, level: 'interval', benchmark: 0, tolerance: 5 });
  const totalMs = performance.now() - start;
  start = performance.now();
  let benchmarkKappas = 0;
  items.forEach((item, index) => {
    const ratings = session.itemRatings[index]!;
    const categories = item.scale === '0-3' ? [0, 1, 2, 3] : ['Ja', 'Nee'];
    for (let reviewer = 1; reviewer < reviewers; reviewer += 1) {
      if (cohenKappa(ratings[0]!, ratings[reviewer]!, { categories }).unweighted !== null) benchmarkKappas += 1;
    }
  });
  const pairwiseMs = performance.now() - start;
  return {
    items: itemSummaries,
    sections,
    total,
    benchmarkKappas,
    timings: { itemsMs, sectionsMs, totalMs, pairwiseMs },
  };
}

const format = (value: number | null, digits = 3) => (value === null ? '   null' : value.toFixed(digits).padStart(7));

function main(): void {
  const generationStart = performance.now();
  const session = generateSession();
  const generationMs = performance.now() - generationStart;
  const runs: number[] = [];
  let report: Report | undefined;
  for (let run = 0; run < 3; run += 1) {
    const start = performance.now();
    report = computeReport(session);
    runs.push(performance.now() - start);
  }
  const final = report!;
  console.log(
    `calibration-report: ${reviewers} reviewers x ${calls} calls x ${items.length} items, ${missingShare * 100}% of reviewer-call pairs unscored`,
  );
  console.log(`synthetic data generated in ${generationMs.toFixed(0)} ms (not timed below)`);
  console.log('item  level     alpha   band        AC1  %agree  N.v.t.  severity spread');
  final.items.forEach((summary, index) => {
    const effects = summary.severity?.rater_effect.filter((effect): effect is number => effect !== null) ?? [];
    const spread = effects.length === 0 ? null : Math.max(...effects) - Math.min(...effects);
    console.log(
      `${items[index]!.id.padEnd(5)} ${summary.level.padEnd(8)} ${format(summary.krippendorff_alpha)}  ${(summary.reliability ?? '-').padEnd(10)} ${format(summary.gwet_ac1)} ${format(summary.percent_agreement, 1)} ${String(summary.not_applicable?.cells ?? 0).padStart(7)}  ${format(spread)}`,
    );
  });
  final.sections.forEach((summary, index) =>
    console.log(
      `section ${index + 1}: alpha ${format(summary.krippendorff_alpha)} (${summary.reliability}), within +/-5 of benchmark ${format(summary.benchmark!.overall.pct_within_tolerance, 1)}%`,
    ),
  );
  console.log(
    `total: alpha ${format(final.total.krippendorff_alpha)} (${final.total.reliability}), within +/-5 of benchmark ${format(final.total.benchmark!.overall.pct_within_tolerance, 1)}%, ICC ${final.total.icc === null ? 'skipped (incomplete data)' : 'computed'}`,
  );
  const { itemsMs, sectionsMs, totalMs, pairwiseMs } = final.timings;
  console.log(
    `timing (last run): items ${itemsMs.toFixed(0)} ms, sections ${sectionsMs.toFixed(0)} ms, total ${totalMs.toFixed(0)} ms, ${final.benchmarkKappas} Cohen's kappas vs benchmark ${pairwiseMs.toFixed(0)} ms`,
  );
  console.log(
    `runs: ${runs.map((ms) => `${ms.toFixed(0)} ms`).join(', ')} (first run includes JIT warm-up; "ms" below is that cold first run)`,
  );
  const ms = Math.round(runs[0]!);
  console.log(
    JSON.stringify({
      benchmark: 'calibration-report',
      reviewers,
      calls,
      items: items.length,
      ms,
      warm_ms: Math.round(Math.min(...runs)),
      target_ms: targetMs,
      met: ms < targetMs,
    }),
  );
}

main();

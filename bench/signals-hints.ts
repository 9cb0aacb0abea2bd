// signals bench, part 3: hint precision and recall per kind on the labelled utterances in
// bench/fixtures/signals-hint-utterances.json (Dutch and English, agent and customer, with near misses).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHintMatcher } from '../src/domain/signals/hints';
import { hintKinds, type Hint, type HintKind } from '../src/domain/signals/model';
import { sentencesOf } from '../src/domain/signals/sentences';
import type { Transcript } from '../src/domain/transcript/model';
import { lexiconsFor, loadLexicons } from '../src/server/lexicons';

interface Utterance {
  readonly language: 'nl' | 'en';
  readonly speaker: 'agent' | 'customer';
  readonly kinds: readonly HintKind[];
  readonly text: string;
  readonly customerName?: string;
}

export const hintUtterancesFile = join(__dirname, 'fixtures/signals-hint-utterances.json');
export const heldOutHintsFile = join(__dirname, 'fixtures/signals-hint-utterances-holdout.json');

/** The hints found in one utterance, spoken as a one-segment transcript. */
export function hintsOfUtterance(utterance: Utterance): Hint[] {
  const lexicons = lexiconsFor(loadLexicons(), utterance.language);
  const transcript: Transcript = {
    format: 'klankbord-json',
    language: utterance.language,
    warnings: [],
    segments: [{ speaker: utterance.speaker, channel: null, startMs: 0, endMs: 3000, text: utterance.text, words: [] }],
  };
  const roles = { [`speaker:${utterance.speaker}`]: utterance.speaker } as const;
  return createHintMatcher(lexicons)(sentencesOf(transcript, roles), utterance.customerName);
}

export function measureHints(file = hintUtterancesFile) {
  const utterances = (JSON.parse(readFileSync(file, 'utf8')) as { utterances: Utterance[] }).utterances;
  const counts = Object.fromEntries(
    hintKinds.map((kind) => [kind, { truePositive: 0, falsePositive: 0, falseNegative: 0 }]),
  );
  const mistakes: string[] = [];
  for (const utterance of utterances) {
    const found = new Set(hintsOfUtterance(utterance).map((hint) => hint.kind));
    for (const kind of hintKinds) {
      const expected = utterance.kinds.includes(kind);
      const entry = counts[kind]!;
      if (expected && found.has(kind)) entry.truePositive += 1;
      else if (found.has(kind)) {
        entry.falsePositive += 1;
        mistakes.push(`+${kind}: ${utterance.text}`);
      } else if (expected) {
        entry.falseNegative += 1;
        mistakes.push(`-${kind}: ${utterance.text}`);
      }
    }
  }
  const round3 = (value: number) => Math.round(value * 1000) / 1000;
  const perKind = Object.fromEntries(
    Object.entries(counts).map(([kind, { truePositive, falsePositive, falseNegative }]) => [
      kind,
      {
        labelled: truePositive + falseNegative,
        found: truePositive + falsePositive,
        precision: truePositive + falsePositive === 0 ? null : round3(truePositive / (truePositive + falsePositive)),
        recall: truePositive + falseNegative === 0 ? null : round3(truePositive / (truePositive + falseNegative)),
      },
    ]),
  );
  return {
    utterances: utterances.length,
    languages: {
      nl: utterances.filter((u) => u.language === 'nl').length,
      en: utterances.filter((u) => u.language === 'en').length,
    },
    perKind,
    mistakes,
  };
}

if (require.main === module)
  console.log(JSON.stringify({ tuningSet: measureHints(), heldOut: measureHints(heldOutHintsFile) }, null, 2));

/** Compiles and matches the lexicon's word patterns (syntax in lexicon.ts) against normalised words. */

type Step =
  | {
      readonly type: 'word';
      readonly options: readonly { readonly text: string; readonly prefix: boolean }[];
      readonly optional: boolean;
    }
  | { readonly type: 'gap'; readonly max: number };

export interface PhrasePattern {
  readonly anchored: boolean;
  readonly steps: readonly Step[];
}

/** Lower case, accents removed, only letters and digits: "Begrijp," → "begrijp", "café" → "cafe". */
export function normaliseWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export function compilePattern(source: string): PhrasePattern {
  const parts = source.trim().split(/\s+/);
  const anchored = parts[0] === '^';
  const steps = (anchored ? parts.slice(1) : parts).map((part): Step => {
    const gap = /^~(\d*)$/.exec(part);
    if (gap) return { type: 'gap', max: gap[1] ? Number(gap[1]) : 3 };
    const optional = part.endsWith('?') && part.length > 1;
    const body = optional ? part.slice(0, -1) : part;
    const options = body.split('|').map((option) => {
      const prefix = option.endsWith('*');
      return { text: normaliseWord(prefix ? option.slice(0, -1) : option), prefix };
    });
    return { type: 'word', options, optional };
  });
  return { anchored, steps };
}

const wordMatches = (step: Extract<Step, { type: 'word' }>, word: string) =>
  step.options.some((option) => (option.prefix ? word.startsWith(option.text) : word === option.text));

/** Matches steps from `stepIndex` at word `at`; returns the index after the last matched word, or -1. */
function matchFrom(steps: readonly Step[], words: readonly string[], stepIndex: number, at: number): number {
  if (stepIndex === steps.length) return at;
  const step = steps[stepIndex]!;
  if (step.type === 'gap') {
    for (let skip = 0; skip <= step.max && at + skip <= words.length; skip += 1) {
      const end = matchFrom(steps, words, stepIndex + 1, at + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (at < words.length && wordMatches(step, words[at]!)) {
    const end = matchFrom(steps, words, stepIndex + 1, at + 1);
    if (end >= 0) return end;
  }
  return step.optional ? matchFrom(steps, words, stepIndex + 1, at) : -1;
}

/** The first match in a sentence's words as [first word, after last word), or null. */
export function findPattern(pattern: PhrasePattern, words: readonly string[]): readonly [number, number] | null {
  const lastStart = pattern.anchored ? 0 : words.length - 1;
  for (let start = 0; start <= lastStart; start += 1) {
    const end = matchFrom(pattern.steps, words, 0, start);
    if (end > start) return [start, end];
  }
  return null;
}

import { digitsOf } from './spoken-digits';
import type { Token } from './tokens';

/** A maximal sequence of adjacent number tokens, e.g. "4111 1111 1111 1111" or "nul zes een twee". */
export interface DigitRun {
  /** Index of the first and last token of the run. */
  readonly first: number;
  readonly last: number;
  /** The digits of each token of the run, in order. */
  readonly parts: readonly string[];
  readonly digits: string;
  /** The first token carried a "+" or was preceded by the word "plus". */
  readonly plus: boolean;
}

/** Finds every run of number tokens; any other word ends a run. A "+" inside a run starts a new one. */
export function digitRuns(tokens: readonly Token[]): DigitRun[] {
  const runs: DigitRun[] = [];
  let current: { first: number; parts: string[]; plus: boolean } | undefined;
  const close = (last: number) => {
    if (current)
      runs.push({
        first: current.first,
        last,
        parts: current.parts,
        digits: current.parts.join(''),
        plus: current.plus,
      });
    current = undefined;
  };
  tokens.forEach((token, index) => {
    const spoken = digitsOf(token.lower);
    if (!spoken) {
      close(index - 1);
      return;
    }
    if (current && spoken.plus) close(index - 1);
    if (!current) current = { first: index, parts: [], plus: spoken.plus || tokens[index - 1]?.lower === 'plus' };
    current.parts.push(spoken.digits);
  });
  close(tokens.length - 1);
  return runs;
}

/**
 * Digits as transcripts write them: "4111", "4111-1111", "06-12345678", or spelled out one digit at a time as a
 * speech recogniser hears a customer reading a number ("vier een een een", "four one one one", "oh six").
 */
const digitWords: ReadonlyMap<string, string> = new Map([
  ['nul', '0'],
  ['een', '1'],
  ['één', '1'],
  ['eén', '1'],
  ['twee', '2'],
  ['drie', '3'],
  ['vier', '4'],
  ['vijf', '5'],
  ['zes', '6'],
  ['zeven', '7'],
  ['acht', '8'],
  ['negen', '9'],
  ['zero', '0'],
  ['oh', '0'],
  ['one', '1'],
  ['two', '2'],
  ['three', '3'],
  ['four', '4'],
  ['five', '5'],
  ['six', '6'],
  ['seven', '7'],
  ['eight', '8'],
  ['nine', '9'],
]);

export interface SpokenDigits {
  readonly digits: string;
  /** The token started with "+" (an international phone prefix). */
  readonly plus: boolean;
}

/** The digits a token stands for, or undefined when it is not a number. Dashes and dots between digit groups are allowed. */
export function digitsOf(lowerToken: string): SpokenDigits | undefined {
  const word = digitWords.get(lowerToken);
  if (word !== undefined) return { digits: word, plus: false };
  const match = /^(\+?)(\d+(?:[-./]\d+)*)$/.exec(lowerToken);
  if (!match) return undefined;
  return { digits: match[2]!.replace(/[-./]/g, ''), plus: match[1] === '+' };
}

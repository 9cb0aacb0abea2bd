// The standard PDF fonts write WinAnsi (Windows-1252); this keeps what it has and replaces the rest.

/** The code points of Windows-1252 (WinAnsi) in 0x80-0x9F; 0x20-0x7E and 0xA0-0xFF are Latin-1 itself. */
const winAnsiHigh = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((character) => character.codePointAt(0)!));

/** Whether the standard fonts (WinAnsi encoding) can show this code point. */
export function isWinAnsi(codePoint: number): boolean {
  return (
    (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff) || winAnsiHigh.has(codePoint)
  );
}

/** Replacements for characters WinAnsi lacks that Unicode decomposition does not reduce to WinAnsi. */
const replacements: ReadonlyMap<number, string> = new Map([
  // Minus signs and hyphens.
  [0x2212, '-'],
  [0x2010, '-'],
  [0x2011, '-'],
  [0x2012, '–'],
  [0x2015, '—'],
  [0x2043, '-'],
  [0xfe63, '-'],
  [0x2213, '-/+'],
  // Comparisons and arrows.
  [0x2264, '<='],
  [0x2265, '>='],
  [0x2260, '!='],
  [0x2248, '~'],
  [0x2243, '~'],
  [0x223c, '~'],
  [0x2261, '='],
  [0x2190, '<-'],
  [0x2192, '->'],
  [0x2194, '<->'],
  [0x21d0, '<='],
  [0x21d2, '=>'],
  [0x21d4, '<=>'],
  // Quotes and primes.
  [0x2032, "'"],
  [0x2033, '"'],
  [0x2035, '`'],
  [0x201b, '‘'],
  [0x201f, '“'],
  [0x2e42, '„'],
  [0x301d, '“'],
  [0x301e, '”'],
  // Bullets and dots.
  [0x2023, '•'],
  [0x25cf, '•'],
  [0x25e6, '•'],
  [0x2219, '·'],
  [0x22c5, '·'],
  [0x2027, '·'],
  [0x2713, 'v'],
  [0x2714, 'v'],
  [0x2717, 'x'],
  [0x2718, 'x'],
  // Greek letters a statistics text uses, and µ (WinAnsi has the micro sign, not the Greek mu).
  [0x03b1, 'alpha'],
  [0x03b2, 'beta'],
  [0x03b3, 'gamma'],
  [0x03b4, 'delta'],
  [0x0394, 'Delta'],
  [0x03ba, 'kappa'],
  [0x03c1, 'rho'],
  [0x03c3, 'sigma'],
  [0x03a3, 'Sigma'],
  [0x03c7, 'chi'],
  [0x03bc, 'µ'],
  // Latin letters without a decomposition.
  [0x0142, 'l'],
  [0x0141, 'L'],
  [0x0111, 'd'],
  [0x0110, 'D'],
  [0x0131, 'i'],
  [0x1e9e, 'SS'],
  [0x0127, 'h'],
  [0x0126, 'H'],
  // Line and paragraph separators; non-breaking hyphen handled above.
  [0x2028, ' '],
  [0x2029, ' '],
  // Soft hyphen: WinAnsi has it, but Helvetica draws it as a visible hyphen.
  [0x00ad, ''],
  // Invisible format characters.
  [0x200b, ''],
  [0x200c, ''],
  [0x200d, ''],
  [0x200e, ''],
  [0x200f, ''],
  [0x2060, ''],
  [0xfeff, ''],
]);

/**
 * The text with every character the standard fonts cannot encode replaced: composed first (e + ◌́ → é), then mapped
 * (− → -, ≥ → >=, α → alpha), decomposed where that helps (ĳ → ij, ő → o, ﬁ → fi, narrow spaces → space),
 * combining marks dropped, tabs and line breaks made spaces, other control characters dropped, anything left '?'.
 */
export function winAnsiSafe(text: string): string {
  let safe = '';
  for (const character of text.normalize('NFC')) {
    const codePoint = character.codePointAt(0)!;
    const replacement = replacements.get(codePoint);
    if (replacement !== undefined) {
      safe += replacement;
    } else if (isWinAnsi(codePoint)) {
      safe += character;
    } else if (codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d) {
      safe += ' ';
    } else if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f) || /\p{M}/u.test(character)) {
      // Control characters and stray combining marks carry nothing to show.
    } else {
      const decomposed = character.normalize('NFKD').replace(/\p{M}/gu, '');
      const usable =
        decomposed !== '' &&
        [...decomposed].every((part) => isWinAnsi(part.codePointAt(0)!) || replacements.has(part.codePointAt(0)!));
      safe += usable ? [...decomposed].map((part) => replacements.get(part.codePointAt(0)!) ?? part).join('') : '?';
    }
  }
  return safe;
}

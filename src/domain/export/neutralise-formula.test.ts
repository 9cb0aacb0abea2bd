import { describe, expect, it } from 'vitest';
import { neutraliseCell, neutraliseFormula } from './neutralise-formula';

describe('neutraliseFormula', () => {
  it('prefixes an apostrophe to text starting with = + - @ tab or CR', () => {
    expect(neutraliseFormula('=HYPERLINK("http://evil.example";"klik")')).toBe(
      '\'=HYPERLINK("http://evil.example";"klik")',
    );
    expect(neutraliseFormula('+31 6 1234')).toBe("'+31 6 1234");
    expect(neutraliseFormula('-2+3')).toBe("'-2+3");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('\t=1')).toBe("'\t=1");
    expect(neutraliseFormula('\r=1')).toBe("'\r'=1");
  });

  it('leaves other text alone, formula signs inside a line included', () => {
    for (const text of ['', 'Klant boos', 'a=b', ' =1', "'al veilig", '1,5', 'regel\n 2=1', 'a\r\nb'])
      expect(neutraliseFormula(text)).toBe(text);
  });

  it('neutralises every line that starts with a formula sign, after LF, CRLF or CR', () => {
    expect(neutraliseFormula('\n=1+1')).toBe("\n'=1+1");
    expect(neutraliseFormula('ok\r\n+31 6\r@SUM(A1)\n\n-2')).toBe("ok\r\n'+31 6\r'@SUM(A1)\n\n'-2");
    expect(neutraliseFormula('=1\n=2')).toBe("'=1\n'=2");
    expect(neutraliseFormula('a\n\t=1')).toBe("a\n'\t=1");
  });
});

describe('neutraliseCell', () => {
  it('neutralises text cells only: a negative number cell stays a number', () => {
    expect(neutraliseCell('-5 punten', 'text')).toBe("'-5 punten");
    expect(neutraliseCell(-1.5, 'number')).toBe(-1.5);
    expect(neutraliseCell(null, 'text')).toBeNull();
    expect(neutraliseCell(true, 'boolean')).toBe(true);
    expect(neutraliseCell(1_714_558_530_000, 'date')).toBe(1_714_558_530_000);
  });
});

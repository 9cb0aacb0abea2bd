import { describe, expect, it } from 'vitest';
import { TextLines } from './text-lines';

const splitAsBefore = (text: string) => text.split(/\r\n|\r|\n/);

describe('text lines', () => {
  it.each([
    ['', 'empty text'],
    ['WEBVTT', 'one line'],
    ['WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n', 'LF with a trailing break'],
    ['a\r\nb\rc\nd\r\n\r\ne', 'CRLF, CR and LF mixed'],
    ['\r\n\n\r', 'breaks only'],
    ['één\r\ntwee ✓\n', 'text beyond Latin-1'],
  ])('gives the lines split would give: %j (%s)', (text) => {
    const lines = new TextLines(text);
    const expected = splitAsBefore(text);
    expect(lines.length).toBe(expected.length);
    expect(Array.from({ length: lines.length }, (_, index) => lines.at(index))).toEqual(expected);
    expect(lines.slice(1, 3)).toEqual(expected.slice(1, 3));
    expect(lines.slice(0, expected.length + 5)).toEqual(expected);
  });
});

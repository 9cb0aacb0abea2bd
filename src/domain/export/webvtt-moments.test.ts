import { describe, expect, it } from 'vitest';
import { anoukMoments, carlaReview } from '../../../tests/fixtures/export/score-export-reviews';
import { escapeWebvttText, formatWebvttTime, webvttMoments } from './webvtt-moments';

describe('formatWebvttTime', () => {
  it('writes HH:MM:SS.mmm, hours growing past 99', () => {
    expect(formatWebvttTime(0)).toBe('00:00:00.000');
    expect(formatWebvttTime(1500)).toBe('00:00:01.500');
    expect(formatWebvttTime(3_661_001)).toBe('01:01:01.001');
    expect(formatWebvttTime(100 * 3_600_000)).toBe('100:00:00.000');
    expect(formatWebvttTime(-5)).toBe('00:00:00.000');
  });
});

describe('escapeWebvttText', () => {
  it('escapes & < > so no tag, reference or "-->" survives', () => {
    expect(escapeWebvttText('a <b> & c --> d')).toBe('a &lt;b&gt; &amp; c --&gt; d');
  });
});

describe('webvttMoments', () => {
  const tracks = [
    { reviewerId: 'reviewer-anouk', reviewerName: 'Anouk <de> Vries', moments: anoukMoments },
    { reviewerId: 'reviewer-carla', reviewerName: 'Carla', moments: carlaReview.moments },
  ];
  const text = webvttMoments(tracks);

  it('starts with the signature and has one cue per moment, sorted by start time', () => {
    expect(text.startsWith('WEBVTT\n\n')).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    const blocks = text.trimEnd().split('\n\n').slice(1);
    expect(blocks).toHaveLength(4);
    expect(blocks.map((block) => block.split('\n')[0])).toEqual(['neg-1', 'cue-1', 'response-1', 'gap-1']);
    expect(blocks[0]).toBe('neg-1\n00:00:00.000 --> 01:01:01.001\n<v Carla>Vrije notitie: @team lang gesprek');
    expect(blocks[1]).toBe(
      'cue-1\n00:00:01.500 --> 00:00:09.000\n<v Anouk &lt;de&gt; Vries>Emotie van de klant (Frustratie, 2/3) [1.1]: Klant zucht: "Ik ben het zat"',
    );
  });

  it('escapes markup and "-->" in notes and drops empty lines, which would end the cue', () => {
    const response = text
      .trimEnd()
      .split('\n\n')
      .find((block) => block.startsWith('response-1'))!;
    expect(response).toBe(
      'response-1\n00:00:08.250 --> 00:00:10.000\n<v Anouk &lt;de&gt; Vries>Empathische reactie (+) [1.1, 1.2]: -- benoemt &lt;frustratie&gt; &amp; "--&gt;" zegt sorry\nTweede regel',
    );
    // Only the timing lines hold an arrow.
    expect(text.split('\n').filter((line) => line.includes('-->'))).toHaveLength(4);
    expect(text.split('\n').every((line) => !/-->.*-->/.test(line))).toBe(true);
  });

  it('speaks English when asked, and gives a nameless reviewer their id as voice', () => {
    const english = webvttMoments([{ reviewerId: 'r-9', reviewerName: '', moments: [anoukMoments[2]!] }], {
      language: 'en',
    });
    expect(english).toBe(
      'WEBVTT\n\ngap-1\n00:01:00.000 --> 00:01:02.500\n<v r-9>Scripted or impersonal answer (-) [2.1]\n',
    );
    expect(webvttMoments([])).toBe('WEBVTT\n');
  });
});

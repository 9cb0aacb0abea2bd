import { describe, expect, it } from 'vitest';
import type { Moment } from '../moments/model';
import { nonOverlappingLanes, trackName } from './moment-track';

const moment = (id: string, startMs: number, endMs: number): Moment => ({
  id,
  startMs,
  endMs,
  type: 'free-note',
  speaker: 'unknown',
  polarity: 'neutral',
  itemIds: [],
  note: '',
});

describe('nonOverlappingLanes', () => {
  it('keeps moments without overlap in one lane, in time order; touching moments share it', () => {
    const lanes = nonOverlappingLanes([moment('b', 2000, 3000), moment('a', 0, 2000), moment('c', 5000, 6000)]);
    expect(lanes.map((lane) => lane.map((entry) => entry.id))).toEqual([['a', 'b', 'c']]);
  });

  it('moves overlapping moments to further lanes, using as few as possible', () => {
    const lanes = nonOverlappingLanes([
      moment('a', 0, 5000),
      moment('b', 1000, 2000),
      moment('c', 1500, 4000),
      moment('d', 2000, 3000),
      moment('e', 6000, 7000),
    ]);
    expect(lanes.map((lane) => lane.map((entry) => entry.id))).toEqual([['a', 'e'], ['b', 'd'], ['c']]);
    expect(nonOverlappingLanes([])).toEqual([]);
  });
});

describe('trackName', () => {
  it('is the name, or the id when the name is blank', () => {
    expect(trackName({ reviewerId: 'r1', reviewerName: ' Anouk ', moments: [] })).toBe('Anouk');
    expect(trackName({ reviewerId: 'r1', reviewerName: '  ', moments: [] })).toBe('r1');
  });
});

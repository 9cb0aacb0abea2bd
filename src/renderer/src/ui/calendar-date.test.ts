import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatCalendarDateInput,
  formatDateTime,
  parseCalendarDate,
  parseClockTime,
} from './calendar-date';

describe('calendar dates in the UI language', () => {
  it('reads day-first dates as typed in Dutch and English, and ISO dates', () => {
    expect(parseCalendarDate('31-12-2026')).toBe('2026-12-31');
    expect(parseCalendarDate('5/1/2026')).toBe('2026-01-05');
    expect(parseCalendarDate(' 05.01.2026 ')).toBe('2026-01-05');
    expect(parseCalendarDate('2026-01-05')).toBe('2026-01-05');
  });

  it('refuses what is not a calendar date', () => {
    for (const text of ['31-02-2026', '12/31/2026', '1-1-26', 'morgen', '', '2026-13-01'])
      expect(parseCalendarDate(text), text).toBeNull();
  });

  it("writes dates in the UI language, never in the operating system's", () => {
    expect(formatCalendarDateInput('2026-01-05', 'nl')).toBe('05-01-2026');
    expect(formatCalendarDateInput('2026-01-05', 'en')).toBe('05/01/2026');
    expect(formatCalendarDate('2026-03-05', 'nl')).toBe('5 mrt 2026');
    expect(formatCalendarDate('2026-03-05', 'en')).toBe('5 Mar 2026');
    const atMs = new Date(2026, 2, 5, 14, 30).getTime();
    expect(formatDateTime(atMs, 'nl')).toBe('5 mrt 2026, 14:30');
    expect(formatDateTime(atMs, 'en')).toBe('5 Mar 2026, 14:30');
  });

  it('reads 24-hour clock times', () => {
    expect(parseClockTime('9:05')).toBe('09:05');
    expect(parseClockTime('14.30')).toBe('14:30');
    expect(parseClockTime('24:00')).toBeNull();
    expect(parseClockTime('2 uur')).toBeNull();
  });
});

import type { Locale } from '../../../domain/rubric/localized-text';

/** The date formats of the UI languages: Dutch 31-12-2026, English (British, as the app's English) 31/12/2026. */
const separators: Record<Locale, string> = { nl: '-', en: '/' };
const intlLocale: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** How a date is typed, shown as the field's hint: "dd-mm-jjjj" or "dd/mm/yyyy". */
export const datePattern: Record<Locale, string> = { nl: 'dd-mm-jjjj', en: 'dd/mm/yyyy' };

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads a date as typed in the UI language (day first; "-", "/" or "." between the parts, as people type them),
 * or as an ISO date. Returns "yyyy-mm-dd", or null when it is not a real calendar date.
 */
export function parseCalendarDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  if (dayFirst) return isoOf(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  return null;
}

/** "yyyy-mm-dd" as typed in the UI language: 31-12-2026 or 31/12/2026. */
export function formatCalendarDateInput(isoDate: string, locale: Locale): string {
  const [year, month, day] = isoDate.split('-');
  return [day, month, year].join(separators[locale]);
}

/** "yyyy-mm-dd" for reading, in the UI language: "31 dec 2026" or "31 Dec 2026". */
export function formatCalendarDate(isoDate: string, locale: Locale): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day!)).toLocaleDateString(intlLocale[locale], {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
}

/** A moment in time, in the UI language. */
export function formatDateTime(atMs: number, locale: Locale): string {
  return new Date(atMs).toLocaleString(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short' });
}

/** "9:05" or "09:05" (24-hour, as both UI languages write it) as "09:05", or null. */
export function parseClockTime(text: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` : null;
}

/** An ISO timestamp split into the local "yyyy-mm-dd" and "hh:mm" the date and time fields show. */
export function localDateAndTime(iso: string): { date: string; time: string } {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return { date: '', time: '' };
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

import type { Locale } from '../../../domain/rubric/localized-text';

// Numbers, dates and axis steps in the report's language.

export interface Formats {
  /** '—' for null or not finite. */
  number(value: number | null | undefined, digits: number, signed?: boolean): string;
  percent(value: number | null | undefined): string;
  /** Up to two decimals, no trailing zeros. */
  plain(value: number): string;
  dateTime(ms: number): string;
  date(isoDate: string | null): string;
}

/** Shown where a value could not be computed. */
export const missing = '—';

export function formats(language: Locale): Formats {
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  const cache = new Map<string, Intl.NumberFormat>();
  const numberFormat = (digits: number, signed: boolean): Intl.NumberFormat => {
    const key = `${digits}:${signed}`;
    let format = cache.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        useGrouping: false,
        signDisplay: signed ? 'exceptZero' : 'auto',
      });
      cache.set(key, format);
    }
    return format;
  };
  const plainFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false });
  const number = (value: number | null | undefined, digits: number, signed = false): string => {
    if (value === null || value === undefined || !Number.isFinite(value)) return missing;
    // Rounded first, so -0.04 at one decimal is 0,0 and not -0,0.
    const rounded = Number(value.toFixed(digits)) || 0;
    return numberFormat(digits, signed).format(rounded);
  };
  return {
    number,
    percent(value) {
      const text = number(value, 0);
      return text === missing ? missing : `${text}%`;
    },
    plain(value) {
      return Number.isFinite(value) ? plainFormat.format(value) : missing;
    },
    dateTime(ms) {
      return Number.isFinite(ms)
        ? new Date(ms).toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' })
        : missing;
    },
    date(isoDate) {
      if (isoDate === null || isoDate.trim() === '') return missing;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
      const date = new Date(`${isoDate}T00:00:00Z`);
      return Number.isNaN(date.getTime())
        ? isoDate
        : date.toLocaleDateString(locale, { dateStyle: 'long', timeZone: 'UTC' });
    },
  };
}

/** A round tick step (1, 2, 2.5 or 5 × 10^k) giving at most `ticks` steps up to `extent`, and the range it makes. */
export function niceAxis(extent: number, ticks = 4): { readonly range: number; readonly step: number } {
  const safeExtent = extent > 0 && Number.isFinite(extent) ? extent : 1;
  const exponent = 10 ** Math.floor(Math.log10(safeExtent / ticks));
  for (const factor of [1, 2, 2.5, 5, 10, 20]) {
    const step = factor * exponent;
    const count = Math.ceil(safeExtent / step - 1e-9);
    if (count <= ticks) return { range: count * step, step };
  }
  return { range: safeExtent, step: safeExtent };
}

export function decimalsOf(step: number): number {
  for (let digits = 0; digits < 4; digits += 1)
    if (Math.abs(step * 10 ** digits - Math.round(step * 10 ** digits)) < 1e-9) return digits;
  return 4;
}

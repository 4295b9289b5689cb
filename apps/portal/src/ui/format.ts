import { roundScore } from '@csp/domain';
import { browserLanguages, readerLocale } from './locale';

/** Numbers and dates in the reader's own locale (the browser's), so 1,234.5 reads as they expect. */
const locale = readerLocale(browserLanguages());

const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const scoreFormat = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const changeFormat = new Intl.NumberFormat(locale, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const numberFormat = new Intl.NumberFormat(locale);

/** A calendar date (YYYY-MM-DD) as the reader writes dates; it names a day, so it is read in UTC. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  return dateFormat.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  return dateTimeFormat.format(new Date(instant));
}

/** A 0–100 score, rounded once by the shared rule (`roundScore`), then written in the reader's locale. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) return '—';
  return scoreFormat.format(roundScore(score));
}

export function formatChange(change: number | null | undefined): string {
  if (change === null || change === undefined) return '—';
  return changeFormat.format(roundScore(change));
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

const percentFormats = new Map<number, Intl.NumberFormat>();

/** A percentage (92.5 for 92.5 %) with exactly `decimals` decimals, as the reader writes percentages. */
export function formatPercent(percent: number, decimals = 0): string {
  let format = percentFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    percentFormats.set(decimals, format);
  }
  // Intl multiplies by 100 itself; dividing first keeps the decimals the caller chose.
  return format.format(percent / 100);
}

const zonedFormats = new Map<string, Intl.DateTimeFormat>();

function zoned(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone} ${withTime}`;
  let format = zonedFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone,
    });
    zonedFormats.set(key, format);
  }
  return format;
}

/** The local day of an instant in a given time zone (a client's, not the reader's). */
export function formatDayIn(instant: string | Date, timeZone: string): string {
  return zoned(timeZone, false).format(new Date(instant));
}

/** An instant as the local date and time of a given time zone. */
export function formatDateTimeIn(instant: string | Date, timeZone: string): string {
  return zoned(timeZone, true).format(new Date(instant));
}

/** Today as YYYY-MM-DD in the reader's time zone. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

import { z } from 'zod';

/**
 * Text fields trim surrounding spaces first, so a name of three spaces counts as empty. Limits are generous enough
 * for real names and purposes, small enough that a paste of a whole document is refused with a clear message.
 */
export function requiredText(label: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);
}

export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .nullish()
    .transform((value) => (value ? value : null));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The years a date or an instant may fall in. Nothing a consultancy records (audits, due dates, engagements, key
 * expiry, activity) lies before 1900, and four-digit years end at 9999. The bound also keeps out year 0000, which
 * JavaScript accepts and PostgreSQL (whose calendar has no year 0) refuses.
 */
export const DATE_RANGE = { first: '1900-01-01', last: '9999-12-31' } as const;

/** What a date must look like, for messages: one wording wherever a date is refused. */
export const DATE_RULE = `a real day from ${DATE_RANGE.first} to ${DATE_RANGE.last}, written as YYYY-MM-DD`;

export const DATE_TIME_RULE =
  'an ISO 8601 timestamp with its offset, e.g. 2026-03-31T09:00:00Z, in the years 1900 to 9999';

/** A calendar date as `YYYY-MM-DD`: due dates are days, not instants, whatever the viewer's time zone. */
export function isoDate(label: string) {
  return z.string().refine(isRealDate, `${label} must be ${DATE_RULE}.`);
}

/** A day that exists (no 31 April, no 29 February outside leap years) within DATE_RANGE. */
export function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  if (value < DATE_RANGE.first || value > DATE_RANGE.last) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * An instant written in full ISO 8601 with its offset, on a real day, whose UTC time also falls within
 * DATE_RANGE: `Date.parse` alone would take "1" or "March 7" and guess a year.
 */
export function isRealDateTime(value: string): boolean {
  const match = ISO_TIMESTAMP.exec(value);
  if (!match || !isRealDate(match[1]!)) return false;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  return isRealDate(new Date(time).toISOString().slice(0, 10));
}

/**
 * Why a text cannot be stored, or null when it can. PostgreSQL text cannot hold a NUL character, and an unpaired
 * UTF-16 surrogate is not Unicode at all (JSON columns refuse it; text columns would silently replace it).
 */
export function unstorableText(value: string): 'NUL' | 'UNPAIRED_SURROGATE' | null {
  // One scan for the common case of ordinary text; which of the two it was only matters when one is there.
  if (!ODD_CHARACTER.test(value)) return null;
  return value.includes('\0') ? 'NUL' : 'UNPAIRED_SURROGATE';
}

// With the u flag a well-formed pair is one code point, so \p{Cs} matches only a surrogate standing alone.
const ODD_CHARACTER = /[\0\p{Cs}]/u;

export const LIMITS = {
  name: 200,
  title: 200,
  shortText: 120,
  statement: 500,
  longText: 4000,
  email: 254,
  passwordMin: 10,
  passwordMax: 200,
  listItems: 50,
} as const;

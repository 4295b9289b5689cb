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

/** A calendar date as `YYYY-MM-DD`: due dates are days, not instants, whatever the viewer's time zone. */
export function isoDate(label: string) {
  return z.string().refine(isRealDate, `${label} must be a date written as YYYY-MM-DD.`);
}

export function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

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

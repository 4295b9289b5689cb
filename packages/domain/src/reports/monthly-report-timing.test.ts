import { describe, expect, it } from 'vitest';
import { nextMonthlyReportAt } from './monthly-report-timing.js';

const next = (after: string) => nextMonthlyReportAt(new Date(after)).toISOString();

describe('nextMonthlyReportAt', () => {
  it('is 08:00 UTC on the 1st, strictly after the moment given', () => {
    expect(next('2026-12-01T07:59:59.999Z')).toBe('2026-12-01T08:00:00.000Z');
    expect(next('2026-12-01T08:00:00.000Z')).toBe('2027-01-01T08:00:00.000Z');
    expect(next('2026-12-03T17:00:00.000Z')).toBe('2027-01-01T08:00:00.000Z');
    expect(next('2027-02-28T23:00:00.000Z')).toBe('2027-03-01T08:00:00.000Z');
  });
});

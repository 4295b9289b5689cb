import {
  PERIOD_STATUS_LABELS,
  SERVICE_PERIOD_LABELS,
  canonicalTimeZone,
  isTimeZone,
  type ServicePeriodKind,
} from '@csp/domain';
import { formatDayIn, formatNumber, formatPercent } from '../ui/format';
import { compliancePercent, percentFromShare, targetDecimals } from './percent';

/** The figures of a service level as people read them: percentages, periods as days, budgets in events. */

export function formatTarget(target: number): string {
  return formatPercent(Number(percentFromShare(target)), targetDecimals(target));
}

/** A compliance beside its target, cut down to the target's decimals (see `compliancePercent`). */
export function formatCompliance(compliance: number | null | undefined, target: number): string {
  if (compliance === null || compliance === undefined) return '—';
  const { value, decimals } = compliancePercent(compliance, target);
  return formatPercent(value, decimals);
}

/** The 95 % interval, rounded to one decimal: it says how sure the figure is, not whether it met. */
export function formatInterval(interval: { low: number; high: number } | null | undefined): string {
  if (!interval) return '—';
  return `${formatPercent(interval.low * 100, 1)} – ${formatPercent(interval.high * 100, 1)}`;
}

/** "30 Nov 2026 – 6 Dec 2026": the period's first and last local days (its end is the next period's start). */
export function periodDays(period: { start: string; end: string }, timeZone: string): string {
  const first = formatDayIn(period.start, timeZone);
  const last = formatDayIn(new Date(new Date(period.end).getTime() - 1), timeZone);
  return first === last ? first : `${first} – ${last}`;
}

/** How many more bad events the period can take, or how many too many it has had. */
export function describeBudget(budgetLeft: number, valid: number): string {
  if (valid === 0) return 'No events yet';
  if (budgetLeft >= 0)
    return `${formatNumber(budgetLeft)} more bad ${budgetLeft === 1 ? 'event' : 'events'} allowed`;
  const over = -budgetLeft;
  return `${formatNumber(over)} bad ${over === 1 ? 'event' : 'events'} too many`;
}

export const STATUS_LABELS = PERIOD_STATUS_LABELS;

/** "week", "month": the period in a sentence. */
export function periodNoun(kind: ServicePeriodKind): string {
  return { DAY: 'day', WEEK: 'week', MONTH: 'month', QUARTER: 'quarter' }[kind];
}

export const PERIOD_LABELS = SERVICE_PERIOD_LABELS;

/**
 * The browser's own time zone, as a default for a new service level, or '' when the browser names none Intl
 * accepts (the consultant then picks one). Never the locale: under LANG=C.UTF-8 Chromium reports `en-US@posix`,
 * which Intl refuses; the time zone is asked of Intl's own default.
 */
export function browserTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && isTimeZone(zone) ? canonicalTimeZone(zone) : '';
  } catch {
    return '';
  }
}

/** Every IANA time zone the browser knows, for the picker's suggestions. */
export function timeZoneNames(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

import { instantOfLocalTime, periodContaining } from '../service-levels/periods.js';
import type { DigestSettings } from './preferences.js';

/** The local time a digest goes out: the start of a working day, whatever the recipient's zone. */
export const DIGEST_LOCAL_TIME = '08:00';

const DAY_MS = 86_400_000;

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` day; a civil date's weekday needs no zone. */
function weekdayOf(day: string): number {
  const sunday0 = new Date(`${day}T00:00:00Z`).getUTCDay();
  return sunday0 === 0 ? 7 : sunday0;
}

function dayAfter(day: string, days = 1): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The first digest strictly after `after`: 08:00 on the recipient's wall clock, on the next due local day (every day,
 * or the chosen weekday). Working in local days and asking Intl for the instant of 08:00 on each keeps it right
 * across clock changes: the day before a change is 23 or 25 hours long, but 08:00 is still 08:00. No zone moves its
 * clocks at 08:00, so that time exists, once, on every day (instantOfLocalTime would take the first minute after a
 * gap, and the earlier of two, if one ever did).
 */
export function nextDigestAt(settings: DigestSettings, after: Date): Date {
  let day = periodContaining(after, 'DAY', settings.timeZone).firstDay;
  // A weekly digest is due within 7 days of today's, a daily one tomorrow at the latest: 8 tries cover both.
  for (let tries = 0; tries < 8; tries += 1, day = dayAfter(day)) {
    if (settings.cadence === 'WEEKLY' && weekdayOf(day) !== settings.weekday) continue;
    const at = instantOfLocalTime(day, DIGEST_LOCAL_TIME, settings.timeZone);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new Error(`No digest is due within a week for ${JSON.stringify(settings)}.`);
}

/**
 * The scheduled job that sends a client's leaders their programme report each month, one pending run per client
 * (its key). Named here rather than in the reports module so that the clients module can schedule a new client's
 * first run without importing reports, which already imports clients.
 */
export const MONTHLY_REPORT_JOB = 'MONTHLY_REPORT';

/**
 * The first monthly report strictly after `after`: 08:00 UTC on the 1st of a month. Clients keep no time zone, so
 * UTC it is; 08:00 UTC is still the working morning across Europe, where the consultancy's clients are.
 */
export function nextMonthlyReportAt(after: Date): Date {
  const thisMonths = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), 1, 8));
  if (thisMonths.getTime() > after.getTime()) return thisMonths;
  return new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth() + 1, 1, 8));
}

import { businessElapsedShare } from './business-hours.js';
import {
  breachesAndRecoveries,
  periodCompliance,
  type MeasuredInterval,
  type PeriodCompliance,
  type ServiceLevelEvent,
} from './compliance.js';
import type { ServiceLevelDefinition } from './definition.js';
import { intervalsByPeriod } from './measurements.js';
import type { ServicePeriod } from './periods.js';

export type PeriodResult = PeriodCompliance & { period: ServicePeriod };

/**
 * A service level's periods that have measurements, oldest first, each judged against the definition, with the
 * breaches and recoveries among the closed ones. The API aggregates in SQL for speed; this is the reference it is
 * tested against, and what a small client's figures can be checked with by hand.
 */
export function serviceLevelSeries(
  definition: Pick<ServiceLevelDefinition, 'target' | 'period' | 'timeZone' | 'businessHours'>,
  intervals: readonly MeasuredInterval[],
  now: Date,
): { periods: PeriodResult[]; events: ServiceLevelEvent[] } {
  const periods = intervalsByPeriod(intervals, definition.period, definition.timeZone).map(
    ({ period, intervals: own }) => {
      const elapsed = businessElapsedShare(period, now, definition.businessHours, definition.timeZone);
      return { period, ...periodCompliance(own, period, definition.target, now, elapsed) };
    },
  );
  const events = breachesAndRecoveries(
    periods
      .filter((p) => p.closed)
      .map((p) => ({ label: p.period.label, status: p.status, compliance: p.compliance })),
  );
  return { periods, events };
}

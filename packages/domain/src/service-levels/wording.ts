import type { PeriodStatus } from './compliance.js';
import type { ServiceEventKind, ServiceLevelDefinition, ThresholdUnit } from './definition.js';
import type { ServicePeriodKind } from './periods.js';

/** How service levels read in sentences, for the portal and the API alike. */

const EVENTS: Record<ServiceEventKind, string> = {
  CALL: 'Calls',
  EMAIL: 'Emails',
  CHAT: 'Chats',
  COMPLAINT: 'Complaints',
  VISIT: 'Visits',
  OTHER: 'Events',
};

const UNITS: Record<ThresholdUnit, [string, string]> = {
  SECONDS: ['second', 'seconds'],
  MINUTES: ['minute', 'minutes'],
  HOURS: ['hour', 'hours'],
  DAYS: ['day', 'days'],
};

const PERIOD_NOUNS: Record<ServicePeriodKind, [string, string]> = {
  DAY: ['day', 'days'],
  WEEK: ['week', 'weeks'],
  MONTH: ['month', 'months'],
  QUARTER: ['quarter', 'quarters'],
};

/** A share as a percentage with at most two decimals and no trailing zeros: 0.9 → "90 %", 0.9995 → "99.95 %". */
export function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(2))} %`;
}

/**
 * The rule in one phrase: "Calls answered by a person within 60 seconds, 90 % each week"; without a threshold,
 * "Complaints resolved at first contact, 80 % each month".
 */
export function describeServiceLevel(
  definition: Pick<ServiceLevelDefinition, 'eventKind' | 'goodRule' | 'threshold' | 'target' | 'period'>,
): string {
  const typed = definition.goodRule.trim().replace(/[.\s]+$/, '');
  // It reads on from the event ("Calls answered …"): a capital typed at its start goes, an acronym ("NPS") stays.
  const first = typed.split(/\s/)[0] ?? '';
  const rule =
    first.length > 1 && first === first.toUpperCase()
      ? typed
      : typed.charAt(0).toLowerCase() + typed.slice(1);
  const threshold = definition.threshold
    ? ` ${Number(definition.threshold.value.toFixed(3))} ${UNITS[definition.threshold.unit][definition.threshold.value === 1 ? 0 : 1]}`
    : '';
  const period = PERIOD_NOUNS[definition.period][0];
  return `${EVENTS[definition.eventKind]} ${rule}${threshold}, ${formatShare(definition.target)} each ${period}`;
}

/** How many closed periods the summary looks back over. */
export const SUMMARY_PERIODS = 12;

/**
 * The record in plain words, for a client leader, from the latest periods (oldest first; the running one may be
 * among them). Only the last 12 closed periods count, and of those only the ones with figures (a week with no
 * valid event is neither kept nor missed):
 *
 * - "Kept in 11 of the last 12 weeks" when each of the 12 had figures;
 * - "Kept in 3 of the 4 weeks measured" when some had none (a service level set up a month ago);
 * - "Kept in the last week" or "Not kept in the last week" when only the latest closed week had figures ("… in the
 *   one week measured" when it was an earlier one);
 * - "First week still running" when only the running period has figures, "Not measured yet" when none has.
 */
export function serviceLevelSummary(
  periods: readonly { closed: boolean; status: PeriodStatus }[],
  kind: ServicePeriodKind,
): string {
  const [one, many] = PERIOD_NOUNS[kind];
  const considered = periods.filter((p) => p.closed).slice(-SUMMARY_PERIODS);
  const measured = considered.filter((p) => p.status !== 'NOT_ENOUGH_DATA');
  if (measured.length === 0) {
    const running = periods.some((p) => !p.closed && p.status !== 'NOT_ENOUGH_DATA');
    return running ? `First ${one} still running` : 'Not measured yet';
  }
  const kept = measured.filter((p) => p.status === 'MET').length;
  if (measured.length === 1) {
    const which = considered.at(-1) === measured[0] ? `the last ${one}` : `the one ${one} measured`;
    return kept === 1 ? `Kept in ${which}` : `Not kept in ${which}`;
  }
  if (measured.length === considered.length) return `Kept in ${kept} of the last ${measured.length} ${many}`;
  return `Kept in ${kept} of the ${measured.length} ${many} measured`;
}

import {
  complianceOf,
  formatShare,
  periodContaining,
  totalsOf,
  type ServicePeriod,
  type ThresholdUnit,
} from '@csp/domain';
import type { RequestContext } from '../core/context.js';
import { createAction } from '../modules/actions/index.js';
import { publishedCharterOf } from '../modules/charters/index.js';
import { addDays } from '../modules/engagements/index.js';
import { createServiceLevel, recordMeasurements } from '../modules/service-levels/index.js';
import { QUARTER_HOUR_MS, quarterHourCounts, quarterHoursBetween, type QuarterHour } from './call-traffic.js';
import type { DemoClientRef } from './demo-programme.js';
import type { DemoOwners } from './actions.js';

/** A demo client's telephone standard, measured for a year. */
interface DemoMeasured {
  client: string;
  goodRule: string;
  threshold: { value: number; unit: ThresholdUnit };
  timeZone: string;
  /** Calls per quarter hour at the Monday peak, and the share answered in time on an ordinary quarter hour. */
  peak: number;
  /** Above the target by this much: every week but the bad one keeps the promise. */
  margin: number;
  seed: number;
  /** Weeks before the running one, the week that went wrong, its share of good calls, and why. */
  badWeek?: { weeksAgo: number; goodShare: number; cause: string };
}

const MEASURED: DemoMeasured[] = [
  {
    client: 'Harbourline Bank',
    goodRule: 'answered by a person within',
    threshold: { value: 60, unit: 'SECONDS' },
    timeZone: 'Pacific/Auckland',
    peak: 45,
    margin: 0.03,
    seed: 11,
    badWeek: {
      weeksAgo: 7,
      goodShare: 0.74,
      cause: 'the first week on the new telephone system, when calls queued without reaching the branches',
    },
  },
  {
    client: 'ClearCall Telecom',
    goodRule: 'answered within',
    threshold: { value: 20, unit: 'SECONDS' },
    timeZone: 'Pacific/Auckland',
    peak: 80,
    margin: 0.05,
    seed: 12,
  },
];

/** recordMeasurements takes at most 10,000 intervals a call; a platform loading a year sends them oldest first. */
const PER_CALL = 10_000;
const WEEKS = 52;

/**
 * A year of measured service for two demo clients, through the same services as the API: a weekly service level on
 * the first standard of each one's charter in force, and 52 weeks and the running one of 15-minute call counts as
 * their platforms would send them (`call-traffic.ts`: busy mornings, quiet nights and weekends), about 70,000 rows:
 * more than one GraphQL answer may hold, so the demo consultancy's export is the streamed download's
 * (GET /exports/consultancy). Harbourline Bank
 * had one bad week, a breach its leader sees in "Kept in 11 of the last 12 weeks", and an action raised from it,
 * linked to the promise, naming the week. Run after the charters are published.
 */
export async function seedServiceLevelsDemo(
  context: RequestContext,
  clients: DemoClientRef[],
  now: Date,
  owners: DemoOwners,
): Promise<void> {
  const today = now.toISOString().slice(0, 10);
  for (const demo of MEASURED) {
    const client = clients.find((c) => c.name === demo.client);
    if (!client) continue;
    const charter = await context.db.read((db) => publishedCharterOf(db, client.id));
    const promise = charter?.promises.find((p) => p.standard);
    if (!charter || !promise?.standard) throw new Error(`${demo.client} has no standard to measure.`);
    const target = promise.standard.target / 100;
    const created = await createServiceLevel(context, {
      clientId: client.id,
      promiseKey: promise.key,
      definition: {
        name: promise.standard.metric,
        eventKind: 'CALL',
        goodRule: demo.goodRule,
        threshold: demo.threshold,
        target,
        period: 'WEEK',
        timeZone: demo.timeZone,
        businessHours: null,
        exclusionRule: 'Calls abandoned within 5 seconds are not counted; all others are valid.',
      },
    });
    const serviceLevel = created.serviceLevel;
    if (!serviceLevel) throw new Error(`Demo service level refused: ${JSON.stringify(created.userErrors)}`);

    const running = periodContaining(now, 'WEEK', demo.timeZone);
    const from = weeksBefore(running, WEEKS, demo.timeZone);
    const bad = demo.badWeek ? weeksBefore(running, demo.badWeek.weeksAgo, demo.timeZone) : null;
    const until = new Date(Math.floor(now.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
    const intervals = quarterHoursBetween(from.start, until, demo.timeZone).map((slot) => ({
      serviceLevelId: serviceLevel.id,
      start: new Date(slot.start),
      end: new Date(slot.start + QUARTER_HOUR_MS),
      ...quarterHourCounts(
        slot,
        { peak: demo.peak, goodShare: goodShareAt(slot, demo, target, bad) },
        demo.seed,
      ),
    }));
    for (let at = 0; at < intervals.length; at += PER_CALL) {
      const recorded = await recordMeasurements(context, { intervals: intervals.slice(at, at + PER_CALL) });
      if (recorded.userErrors.length)
        throw new Error(`Demo measurements refused: ${JSON.stringify(recorded.userErrors.slice(0, 3))}`);
    }

    if (bad && demo.badWeek) {
      const week = intervals.filter((i) => i.start >= bad.start && i.start < bad.end);
      const compliance = complianceOf(totalsOf(week)) ?? 0;
      const raised = await createAction(context, {
        clientId: client.id,
        description:
          `Compliance ${formatShare(Math.floor(compliance * 1000) / 1000)} in ${bad.label}, target ${formatShare(target)}: ` +
          `find out what went wrong in ${demo.badWeek.cause}, and agree the checks that stop it happening again.`,
        ownerId: owners.leaderOf.get(client.id) ?? owners.consultantId,
        dueOn: addDays(today, 10),
        priority: 'HIGH',
        charterId: charter.charterId,
        promiseKey: promise.key,
      });
      if (raised.userErrors.length)
        throw new Error(`Demo action refused: ${JSON.stringify(raised.userErrors)}`);
    }
  }
}

/** The week `n` weeks before `week` (a day into it: a week across a clock change is an hour shorter or longer). */
function weeksBefore(week: ServicePeriod, n: number, timeZone: string): ServicePeriod {
  return periodContaining(new Date(week.start.getTime() - n * 7 * 86_400_000 + 86_400_000), 'WEEK', timeZone);
}

/** The share answered in time: a little above target, wandering a point from week to week; lower in the bad week. */
function goodShareAt(
  slot: QuarterHour,
  demo: DemoMeasured,
  target: number,
  bad: ServicePeriod | null,
): number {
  if (bad && demo.badWeek && slot.start >= bad.start.getTime() && slot.start < bad.end.getTime())
    return demo.badWeek.goodShare;
  const week = Math.floor(slot.start / (7 * 86_400_000));
  return target + demo.margin + 0.01 * Math.sin(week * 0.9 + demo.seed);
}

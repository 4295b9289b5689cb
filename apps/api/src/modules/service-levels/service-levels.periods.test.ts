import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  budgetLeft,
  latestPeriods,
  versionedPeriodFinder,
  wilsonInterval,
  type ServicePeriodKind,
  type VersionedPeriod,
} from '@csp/domain';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { seed } from '../../../test/seed.js';
import { graphql } from '../../../test/generated/index.js';
import { DEFINITION, storeMeasurements, type StoredInterval } from '../../../test/service-level-factories.js';

graphql(`
  fragment ServiceLevelsTestPeriod on ServiceLevelPeriod {
    label
    start
    end
    closed
    definitionVersion
    target
    good
    valid
    excluded
    compliance
    complianceInterval {
      low
      high
    }
    status
    budgetLeft
    projected
    atRisk
  }
`);
const PERIODS = graphql(`
  query ServiceLevelsPeriods($id: ID!, $last: Int) {
    serviceLevel(id: $id) {
      id
      summary
      currentPeriod {
        ...ServiceLevelsTestPeriod
      }
      periods(last: $last) {
        ...ServiceLevelsTestPeriod
      }
      changes {
        kind
        period {
          label
          compliance
        }
      }
    }
  }
`);
const SHAPE = graphql(`
  query ServiceLevelsPeriodShape($id: ID!, $last: Int) {
    serviceLevel(id: $id) {
      periods(last: $last) {
        label
        start
        end
        definitionVersion
      }
    }
  }
`);
const FEW = graphql(`
  query ServiceLevelsFewPeriods($id: ID!) {
    serviceLevel(id: $id) {
      currentPeriod {
        label
        projected
      }
      periods(last: 2) {
        label
        compliance
      }
    }
  }
`);
const MANY = graphql(`
  query ServiceLevelsManyPeriods($id: ID!) {
    serviceLevel(id: $id) {
      summary
      currentPeriod {
        label
        projected
      }
      periods(last: 104) {
        label
        compliance
      }
      longer: periods(last: 520) {
        label
      }
      changes(last: 100) {
        kind
      }
    }
  }
`);
const OF_CLIENT = graphql(`
  query ServiceLevelsClientPeriods($id: ID!) {
    client(id: $id) {
      serviceLevels {
        summary
        currentPeriod {
          projected
        }
        periods(last: 52) {
          compliance
        }
      }
    }
  }
`);
const UPDATE = graphql(`
  mutation ServiceLevelsChangeDefinition($input: UpdateServiceLevelInput!) {
    updateServiceLevel(input: $input) {
      serviceLevel {
        revision
        versions {
          version
          effectiveFrom
          period
        }
        periods(last: 3) {
          label
          start
          end
          definitionVersion
          good
          valid
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`);
const CORRECTIONS = graphql(`
  query ServiceLevelsCorrections($id: ID!) {
    serviceLevel(id: $id) {
      corrections {
        id
        periodLabel
        reason
        goodBefore
        validBefore
        goodAfter
        validAfter
        recordedAt
        recordedBy {
          id
        }
      }
    }
  }
`);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const HOUR = 3_600_000;

/** The latest periods of a zone and kind as the domain has them, for a service level with one version. */
function periodsNow(kind: ServicePeriodKind, count: number, timeZone = 'Europe/London'): VersionedPeriod[] {
  return latestPeriods(
    [{ number: 1, effectiveFrom: new Date(0), period: kind, timeZone }],
    new Date(),
    count,
  );
}

/** One interval of an hour at the start of a period (plus `offset` hours). */
function hourOf(period: { start: Date }, good: number, valid: number, offset = 0): StoredInterval {
  const start = period.start.getTime() + offset * HOUR;
  return { start: new Date(start).toISOString(), end: new Date(start + HOUR).toISOString(), good, valid };
}

/** Hourly intervals of the running period that have ended by now, each with these counts. */
function runningHours(period: { start: Date }, good: number, valid: number): StoredInterval[] {
  const hours = Math.floor((Date.now() - period.start.getTime()) / HOUR);
  return Array.from({ length: Math.max(0, hours) }, (_, h) => hourOf(period, good, valid, h));
}

const world = () => seed(api).consultancy().client().leader().charter().serviceLevel();

describe('a service level’s periods', () => {
  it('gives exactly the periods asked for, gaps filled, each judged from the period rows', async () => {
    const { serviceLevel, leader } = await world();
    const weeks = periodsNow('WEEK', 6);
    const [w0, , w2, w3, w4, w5] = weeks as [VersionedPeriod, ...VersionedPeriod[]];
    const running = runningHours(w5!, 50, 100);
    await storeMeasurements(api, serviceLevel.id, [
      hourOf(w0, 95, 100),
      hourOf(w2!, 80, 100),
      hourOf(w3!, 99, 100),
      hourOf(w4!, 45, 50),
      { ...hourOf(w4!, 40, 50, 1), excluded: 7 },
      ...running,
    ]);
    const read = await api.graphql(PERIODS, { id: serviceLevel.id, last: 6 }, leader);
    expect(read.errors).toBeUndefined();
    const level = read.data.serviceLevel!;
    expect(level.periods.map((p) => [p.label, p.start, p.end])).toEqual(
      weeks.map((w) => [w.label, w.start.toISOString(), w.end.toISOString()]),
    );
    expect(level.periods.map((p) => p.status).slice(0, 5)).toEqual([
      'MET',
      'NOT_ENOUGH_DATA',
      'MISSED',
      'MET',
      'MISSED',
    ]);
    expect(level.periods[1]).toMatchObject({
      closed: true,
      good: 0,
      valid: 0,
      compliance: null,
      complianceInterval: null,
      budgetLeft: 0,
      projected: null,
      atRisk: false,
    });
    expect(level.periods[4]).toEqual({
      label: w4!.label,
      start: w4!.start.toISOString(),
      end: w4!.end.toISOString(),
      closed: true,
      definitionVersion: 1,
      target: 0.9,
      good: 85,
      valid: 100,
      excluded: 7,
      compliance: 0.85,
      complianceInterval: wilsonInterval(85, 100),
      status: 'MISSED',
      budgetLeft: budgetLeft({ good: 85, valid: 100 }, 0.9),
      projected: 0.85,
      atRisk: false,
    });
    expect(level.periods[4]!.budgetLeft).toBe(-6);
    // The running week: open, judged on the hours so far, projected at their (poor) rate.
    const current = level.periods[5]!;
    expect(level.currentPeriod).toEqual(current);
    expect(current).toMatchObject({ closed: false, good: 50 * running.length, valid: 100 * running.length });
    expect(current.atRisk).toBe(running.length > 0);
    if (running.length > 0) expect(current.projected).toBeCloseTo(0.5, 6);
    // Newest first; the first met week after a miss is a recovery.
    expect(level.changes.map((c) => [c.kind, c.period.label])).toEqual([
      ['BREACHED', w4!.label],
      ['RECOVERED', w3!.label],
      ['BREACHED', w2!.label],
    ]);
    expect(level.summary).toBe('Kept in 2 of the 4 weeks measured');
  });

  it('sends as many statements for two periods as for two years, and for one service level as for two', async () => {
    const { admin, client, charter, serviceLevel } = await seed(api)
      .consultancy()
      .client()
      .charter({
        content: {
          promises: [
            { title: 'We answer quickly', standard: { metric: 'Calls answered', target: 90, unit: '%' } },
            {
              title: 'We reply the same day',
              standard: { metric: 'Emails answered', target: 95, unit: '%' },
            },
          ],
        },
      })
      .serviceLevel();
    const weeks = periodsNow('WEEK', 104);
    await storeMeasurements(
      api,
      serviceLevel.id,
      weeks.flatMap((week, index) => (index % 3 === 1 ? [] : [hourOf(week, 90 + (index % 10), 100)])),
    );
    const few = await api.graphql(FEW, { id: serviceLevel.id }, admin);
    const many = await api.graphql(MANY, { id: serviceLevel.id }, admin);
    expect(many.errors).toBeUndefined();
    expect(many.data.serviceLevel!.periods).toHaveLength(104);
    expect(many.data.serviceLevel!.longer).toHaveLength(520);
    expect(many.statements).toBe(few.statements);

    const one = await api.graphql(OF_CLIENT, { id: client }, admin);
    expect(one.data.client!.serviceLevels).toHaveLength(1);
    const second = await api.graphql(
      graphql(`
        mutation ServiceLevelsSecond($input: CreateServiceLevelInput!) {
          createServiceLevel(input: $input) {
            serviceLevel {
              id
            }
          }
        }
      `),
      {
        input: {
          clientId: client,
          promiseKey: charter.promises[1]!.key,
          definition: { ...DEFINITION, name: 'Emails answered', eventKind: 'EMAIL', period: 'DAY' },
        },
      },
      admin,
    );
    // Closed days only, as the first level has nothing in its running week: a running period with measurements
    // adds its projection's statement, and whether today's 10:00 had ended made this test depend on the clock.
    const days = periodsNow('DAY', 30).slice(0, -1);
    await storeMeasurements(
      api,
      second.data.createServiceLevel.serviceLevel!.id,
      days.map((day) => hourOf(day, 9, 10, 10)),
    );
    const two = await api.graphql(OF_CLIENT, { id: client }, admin);
    expect(two.data.client!.serviceLevels).toHaveLength(2);
    expect(two.statements).toBe(one.statements);
  });

  it('follows the client’s clock: days of 23 and 25 hours, and weeks of 167 and 169', async () => {
    const { admin, serviceLevel } = await world();
    const hours = (p: { start: string; end: string }) => (Date.parse(p.end) - Date.parse(p.start)) / HOUR;
    const month = (p: { start: string }) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', month: 'long' }).format(
        new Date(p.start),
      );
    const weeks = (await api.graphql(SHAPE, { id: serviceLevel.id, last: 104 }, admin)).data.serviceLevel!
      .periods;
    expect(weeks).toHaveLength(104);
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.start).toBe(weeks[i - 1]!.end);
    // Two years hold springs forward and autumns back: the weeks with the last Sunday of March and of October.
    const short = weeks.filter((w) => hours(w) === 167);
    const long = weeks.filter((w) => hours(w) === 169);
    expect(short.length + long.length).toBe(weeks.filter((w) => hours(w) !== 168).length);
    expect(short.length).toBeGreaterThanOrEqual(1);
    expect(long.length).toBeGreaterThanOrEqual(1);
    for (const week of short) expect(month(week)).toBe('March');
    for (const week of long) expect(month(week)).toBe('October');

    const daily = await seed(api, admin)
      .client()
      .charter()
      .serviceLevel({ definition: { period: 'DAY' } });
    const days = (await api.graphql(SHAPE, { id: daily.serviceLevel.id, last: 400 }, admin)).data
      .serviceLevel!.periods;
    expect(days).toHaveLength(400);
    for (let i = 1; i < days.length; i++) expect(days[i]!.start).toBe(days[i - 1]!.end);
    const shortDays = days.filter((d) => hours(d) === 23);
    const longDays = days.filter((d) => hours(d) === 25);
    expect(shortDays.length).toBeGreaterThanOrEqual(1);
    expect(longDays.length).toBeGreaterThanOrEqual(1);
    expect(shortDays.length + longDays.length).toBe(days.filter((d) => hours(d) !== 24).length);
    for (const day of shortDays) expect(day.label).toMatch(/^\d{4}-03-(2[5-9]|3[01])$/);
    for (const day of longDays) expect(day.label).toMatch(/^\d{4}-10-(2[5-9]|3[01])$/);
    // The day the clocks went forward in 2026: from midnight to midnight, London time, is 00:00 to 23:00 UTC.
    const spring = shortDays.find((d) => d.label === '2026-03-29');
    if (spring)
      expect([spring.start, spring.end]).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T23:00:00.000Z']);
  });

  it('moves the measurements of the running period into the new definition’s periods, and sums them again', async () => {
    const { admin, serviceLevel } = await world();
    const weeks = periodsNow('WEEK', 3);
    const hourly = weeks.flatMap((week) =>
      Array.from({ length: 24 * 7 }, (_, h) => hourOf(week, 9, 10, h)).filter(
        (i) => Date.parse(i.end) <= Date.now(),
      ),
    );
    await storeMeasurements(api, serviceLevel.id, hourly);
    const changed = await api.graphql(
      UPDATE,
      {
        input: {
          id: serviceLevel.id,
          expectedRevision: 1,
          definition: { ...DEFINITION, period: 'DAY', target: 0.95 },
        },
      },
      admin,
    );
    expect(changed.data.updateServiceLevel.userErrors).toEqual([]);
    const level = changed.data.updateServiceLevel.serviceLevel!;
    expect(level.versions.map((v) => [v.version, v.period])).toEqual([
      [2, 'DAY'],
      [1, 'WEEK'],
    ]);
    const versions = level.versions.map((v) => ({
      number: v.version,
      effectiveFrom: new Date(v.effectiveFrom),
      period: v.period,
      timeZone: 'Europe/London',
    }));
    const periodOf = versionedPeriodFinder(versions);
    const measurements = await api.ownerQuery<{ starts_at: Date; period_start: Date }>(
      'SELECT starts_at, period_start FROM service_level_measurements WHERE service_level_id = $1',
      [serviceLevel.id],
    );
    expect(measurements).toHaveLength(hourly.length);
    for (const m of measurements) expect(m.period_start).toEqual(periodOf(m.starts_at).start);
    const rows = await api.ownerQuery<{
      starts_at: Date;
      ends_at: Date;
      label: string;
      definition_version: number;
      good: string;
      valid: string;
    }>(
      `SELECT starts_at, ends_at, label, definition_version, good, valid FROM service_level_periods
        WHERE service_level_id = $1 ORDER BY starts_at`,
      [serviceLevel.id],
    );
    const expected = new Map<number, { period: VersionedPeriod; good: number; valid: number }>();
    for (const interval of hourly) {
      const period = periodOf(new Date(interval.start));
      const sum = expected.get(period.start.getTime()) ?? { period, good: 0, valid: 0 };
      sum.good += interval.good;
      sum.valid += interval.valid;
      expected.set(period.start.getTime(), sum);
    }
    expect(
      rows.map((r) => [
        r.label,
        r.starts_at,
        r.ends_at,
        r.definition_version,
        Number(r.good),
        Number(r.valid),
      ]),
    ).toEqual(
      [...expected.values()].map(({ period, good, valid }) => [
        period.label,
        period.start,
        period.end,
        period.version,
        good,
        valid,
      ]),
    );
    // The old definition's running week ends where the new one starts, and is judged by the old version.
    const effectiveFrom = versions[1]!.effectiveFrom;
    const cut = rows.find((r) => r.ends_at.getTime() === effectiveFrom.getTime());
    if (cut && cut.starts_at.getTime() < effectiveFrom.getTime()) expect(cut.definition_version).toBe(1);
    expect(level.periods.at(-1)).toMatchObject({
      definitionVersion: 2,
      end: periodOf(new Date()).end.toISOString(),
    });
    expect(level.revision).toBe(2);
  });
});

describe('corrections', () => {
  it('lists the corrections of closed periods, newest first, with who sent them', async () => {
    const { admin, serviceLevel, leader } = await world();
    const [first] = await api.ownerQuery<{ tenant_id: string; client_id: string }>(
      'SELECT tenant_id, client_id FROM service_levels WHERE id = $1',
      [serviceLevel.id],
    );
    const weeks = periodsNow('WEEK', 3);
    for (const [index, week] of weeks.slice(0, 2).entries()) {
      await api.ownerQuery(
        `INSERT INTO service_level_corrections
                (tenant_id, service_level_id, client_id, period_start, period_label, reason,
                 good_before, valid_before, good_after, valid_after, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, 80, 100, 90, 100, $7, $8)`,
        [
          first!.tenant_id,
          serviceLevel.id,
          first!.client_id,
          week.start,
          week.label,
          `Late export from the platform, part ${index + 1}`,
          index === 0 ? admin.memberId : null,
          new Date(Date.now() - (2 - index) * HOUR),
        ],
      );
    }
    const read = await api.graphql(CORRECTIONS, { id: serviceLevel.id }, leader);
    expect(read.errors).toBeUndefined();
    expect(
      read.data.serviceLevel!.corrections.map((c) => [
        c.periodLabel,
        c.reason,
        c.goodBefore,
        c.goodAfter,
        c.recordedBy,
      ]),
    ).toEqual([
      [weeks[1]!.label, 'Late export from the platform, part 2', 80, 90, null],
      [weeks[0]!.label, 'Late export from the platform, part 1', 80, 90, { id: admin.memberId }],
    ]);
  });
});

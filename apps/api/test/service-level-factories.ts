import { expect } from 'vitest';
import { versionedPeriodFinder, type ServicePeriodKind } from '@csp/domain';
import type { SignedIn } from './factories.js';
import { graphql } from './generated/index.js';
import type { ServiceLevelDefinitionInput } from './generated/graphql.js';
import type { TestApi } from './test-api.js';

/** The calls-answered standard of the first promise of the charter factory's promises, as a definition. */
export const DEFINITION: ServiceLevelDefinitionInput = {
  name: 'Calls answered within 20 seconds',
  eventKind: 'CALL',
  goodRule: 'answered by a person within',
  threshold: { value: 20, unit: 'SECONDS' },
  target: 0.9,
  period: 'WEEK',
  timeZone: 'Europe/London',
  exclusionRule: 'Calls abandoned within 5 seconds are not counted.',
};

export const CREATE_SERVICE_LEVEL = graphql(`
  mutation FactoryCreateServiceLevel($input: CreateServiceLevelInput!) {
    createServiceLevel(input: $input) {
      serviceLevel {
        id
        revision
        promiseKey
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export interface ServiceLevelRef {
  id: string;
  revision: number;
  promiseKey: string;
}

/** A service level on a promise of the client's published charter (its first promise with a standard unless given). */
export async function createServiceLevel(
  api: TestApi,
  who: SignedIn,
  clientId: string,
  promiseKey: string,
  definition: Partial<ServiceLevelDefinitionInput> = {},
): Promise<ServiceLevelRef> {
  const response = await api.graphql(
    CREATE_SERVICE_LEVEL,
    { input: { clientId, promiseKey, definition: { ...DEFINITION, ...definition } } },
    who,
  );
  expect(response.data.createServiceLevel.userErrors).toEqual([]);
  return response.data.createServiceLevel.serviceLevel!;
}

export interface StoredInterval {
  start: string;
  end: string;
  good: number;
  valid: number;
  excluded?: number | null;
}

/**
 * Measurements written straight into the tables, as the table owner, with their period rows summed as the rollup
 * would: for tests of what is read, without going through recordMeasurements. Periods come from the service
 * level's stored versions (the domain's `versionedPeriodFinder`).
 */
export async function storeMeasurements(
  api: TestApi,
  serviceLevelId: string,
  intervals: readonly StoredInterval[],
): Promise<void> {
  const versions = (
    await api.ownerQuery<{
      number: number;
      effective_from: Date;
      period: ServicePeriodKind;
      time_zone: string;
    }>(
      'SELECT number, effective_from, period, time_zone FROM service_level_versions WHERE service_level_id = $1',
      [serviceLevelId],
    )
  ).map((v) => ({
    number: v.number,
    effectiveFrom: v.effective_from,
    period: v.period,
    timeZone: v.time_zone,
  }));
  const periodOf = versionedPeriodFinder(versions);
  const periods = intervals.map((i) => periodOf(new Date(i.start)));
  await api.ownerQuery(
    `INSERT INTO service_level_measurements
            (tenant_id, service_level_id, client_id, starts_at, ends_at, good, valid, excluded, period_start)
     SELECT s.tenant_id, s.id, s.client_id, m.starts_at, m.ends_at, m.good, m.valid, m.excluded, m.period_start
       FROM service_levels s,
            unnest($2::timestamptz[], $3::timestamptz[], $4::int[], $5::int[], $6::int[], $7::timestamptz[])
              AS m(starts_at, ends_at, good, valid, excluded, period_start)
      WHERE s.id = $1
     ON CONFLICT (tenant_id, service_level_id, starts_at) DO UPDATE
        SET ends_at = excluded.ends_at, good = excluded.good, valid = excluded.valid, excluded = excluded.excluded,
            period_start = excluded.period_start`,
    [
      serviceLevelId,
      intervals.map((i) => i.start),
      intervals.map((i) => i.end),
      intervals.map((i) => i.good),
      intervals.map((i) => i.valid),
      intervals.map((i) => i.excluded ?? null),
      periods.map((p) => p.start.toISOString()),
    ],
  );
  const touched = [...new Map(periods.map((p) => [p.start.getTime(), p])).values()];
  await api.ownerQuery(
    `INSERT INTO service_level_periods
            (tenant_id, service_level_id, client_id, starts_at, ends_at, label, definition_version, good, valid, excluded)
     SELECT m.tenant_id, m.service_level_id, m.client_id, p.start, p.until, p.label, p.version,
            sum(m.good), sum(m.valid), coalesce(sum(m.excluded), 0)
       FROM unnest($2::timestamptz[], $3::timestamptz[], $4::text[], $5::int[]) AS p(start, until, label, version)
       JOIN service_level_measurements m ON m.service_level_id = $1 AND m.period_start = p.start
      GROUP BY m.tenant_id, m.service_level_id, m.client_id, p.start, p.until, p.label, p.version
     ON CONFLICT (tenant_id, service_level_id, starts_at) DO UPDATE
        SET good = excluded.good, valid = excluded.valid, excluded = excluded.excluded,
            ends_at = excluded.ends_at, label = excluded.label, definition_version = excluded.definition_version`,
    [
      serviceLevelId,
      touched.map((p) => p.start.toISOString()),
      touched.map((p) => p.end.toISOString()),
      touched.map((p) => p.label),
      touched.map((p) => p.version),
    ],
  );
  await api.ownerQuery(
    `UPDATE service_levels SET measured_until = GREATEST(measured_until, (
       SELECT max(ends_at) FROM service_level_measurements WHERE service_level_id = $1)) WHERE id = $1`,
    [serviceLevelId],
  );
}

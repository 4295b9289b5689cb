import { EntitySchema, type ValueTransformer } from 'typeorm';
import type { BusinessDay, ServiceEventKind, ServicePeriodKind, ThresholdUnit } from '@csp/domain';

const tenantId = { type: 'uuid', primary: true, name: 'tenant_id' } as const;

/**
 * `numeric` and `bigint` come back from pg as text (they can hold more than a double); the values these columns
 * hold (a target with four decimals, counts well under 2^53) are exact as numbers.
 */
const asNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** One per promise of a client: the thread its definition versions and measurements hang on. */
export interface ServiceLevelRow {
  tenantId: string;
  id: string;
  clientId: string;
  /** The charter the promise is in; the promise is found by its key in the charter's version in force. */
  charterId: string;
  promiseKey: string;
  name: string;
  revision: number;
  /** Whether the newest closed period with figures missed (so a breach and its recovery are each announced once). */
  inBreach: boolean;
  measuredUntil: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const ServiceLevelEntity = new EntitySchema<ServiceLevelRow>({
  name: 'ServiceLevel',
  tableName: 'service_levels',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    clientId: { type: 'uuid', name: 'client_id' },
    charterId: { type: 'uuid', name: 'charter_id' },
    promiseKey: { type: 'text', name: 'promise_key' },
    name: { type: 'text' },
    revision: { type: 'integer' },
    inBreach: { type: 'boolean', name: 'in_breach' },
    measuredUntil: { type: 'timestamptz', name: 'measured_until', nullable: true },
    createdBy: { type: 'uuid', name: 'created_by' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});

/** One definition of a service level, in force from `effectiveFrom` until the next version's. */
export interface ServiceLevelVersionRow {
  tenantId: string;
  serviceLevelId: string;
  clientId: string;
  number: number;
  effectiveFrom: Date;
  eventKind: ServiceEventKind;
  goodRule: string;
  thresholdValue: number | null;
  thresholdUnit: ThresholdUnit | null;
  target: number;
  period: ServicePeriodKind;
  timeZone: string;
  businessHours: BusinessDay[] | null;
  exclusionRule: string;
  createdBy: string;
  createdAt: Date;
}

export const ServiceLevelVersionEntity = new EntitySchema<ServiceLevelVersionRow>({
  name: 'ServiceLevelVersion',
  tableName: 'service_level_versions',
  columns: {
    tenantId,
    serviceLevelId: { type: 'uuid', primary: true, name: 'service_level_id' },
    clientId: { type: 'uuid', name: 'client_id' },
    number: { type: 'integer', primary: true },
    effectiveFrom: { type: 'timestamptz', name: 'effective_from' },
    eventKind: { type: 'text', name: 'event_kind' },
    goodRule: { type: 'text', name: 'good_rule' },
    thresholdValue: { type: 'double precision', name: 'threshold_value', nullable: true },
    thresholdUnit: { type: 'text', name: 'threshold_unit', nullable: true },
    target: { type: 'numeric', precision: 5, scale: 4, transformer: asNumber },
    period: { type: 'text' },
    timeZone: { type: 'text', name: 'time_zone' },
    businessHours: { type: 'jsonb', name: 'business_hours', nullable: true },
    exclusionRule: { type: 'text', name: 'exclusion_rule' },
    createdBy: { type: 'uuid', name: 'created_by' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});

/** One interval's counts as received, keyed by its start; `periodStart` is the period it counts in. */
export interface ServiceLevelMeasurementRow {
  tenantId: string;
  serviceLevelId: string;
  clientId: string;
  startsAt: Date;
  endsAt: Date;
  good: number;
  valid: number;
  excluded: number | null;
  periodStart: Date;
  recordedAt: Date;
}

export const ServiceLevelMeasurementEntity = new EntitySchema<ServiceLevelMeasurementRow>({
  name: 'ServiceLevelMeasurement',
  tableName: 'service_level_measurements',
  columns: {
    tenantId,
    serviceLevelId: { type: 'uuid', primary: true, name: 'service_level_id' },
    clientId: { type: 'uuid', name: 'client_id' },
    startsAt: { type: 'timestamptz', primary: true, name: 'starts_at' },
    endsAt: { type: 'timestamptz', name: 'ends_at' },
    good: { type: 'integer' },
    valid: { type: 'integer' },
    excluded: { type: 'integer', nullable: true },
    periodStart: { type: 'timestamptz', name: 'period_start' },
    recordedAt: { type: 'timestamptz', name: 'recorded_at' },
  },
});

/** The rollup of one period's measurements, judged by `definitionVersion`. */
export interface ServiceLevelPeriodRow {
  tenantId: string;
  serviceLevelId: string;
  clientId: string;
  startsAt: Date;
  endsAt: Date;
  label: string;
  definitionVersion: number;
  good: number;
  valid: number;
  excluded: number;
  atRiskAnnouncedAt: Date | null;
}

export const ServiceLevelPeriodEntity = new EntitySchema<ServiceLevelPeriodRow>({
  name: 'ServiceLevelPeriod',
  tableName: 'service_level_periods',
  columns: {
    tenantId,
    serviceLevelId: { type: 'uuid', primary: true, name: 'service_level_id' },
    clientId: { type: 'uuid', name: 'client_id' },
    startsAt: { type: 'timestamptz', primary: true, name: 'starts_at' },
    endsAt: { type: 'timestamptz', name: 'ends_at' },
    label: { type: 'text' },
    definitionVersion: { type: 'integer', name: 'definition_version' },
    good: { type: 'bigint', transformer: asNumber },
    valid: { type: 'bigint', transformer: asNumber },
    excluded: { type: 'bigint', transformer: asNumber },
    atRiskAnnouncedAt: { type: 'timestamptz', name: 'at_risk_announced_at', nullable: true },
  },
});

/** A recorded change to a closed period's figures, with its reason. */
export interface ServiceLevelCorrectionRow {
  tenantId: string;
  id: string;
  serviceLevelId: string;
  clientId: string;
  periodStart: Date;
  periodLabel: string;
  reason: string;
  goodBefore: number;
  validBefore: number;
  goodAfter: number;
  validAfter: number;
  /** A member, or null when an API key sent it. */
  recordedBy: string | null;
  recordedAt: Date;
}

export const ServiceLevelCorrectionEntity = new EntitySchema<ServiceLevelCorrectionRow>({
  name: 'ServiceLevelCorrection',
  tableName: 'service_level_corrections',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    serviceLevelId: { type: 'uuid', name: 'service_level_id' },
    clientId: { type: 'uuid', name: 'client_id' },
    periodStart: { type: 'timestamptz', name: 'period_start' },
    periodLabel: { type: 'text', name: 'period_label' },
    reason: { type: 'text' },
    goodBefore: { type: 'bigint', name: 'good_before', transformer: asNumber },
    validBefore: { type: 'bigint', name: 'valid_before', transformer: asNumber },
    goodAfter: { type: 'bigint', name: 'good_after', transformer: asNumber },
    validAfter: { type: 'bigint', name: 'valid_after', transformer: asNumber },
    recordedBy: { type: 'uuid', name: 'recorded_by', nullable: true },
    recordedAt: { type: 'timestamptz', name: 'recorded_at' },
  },
});

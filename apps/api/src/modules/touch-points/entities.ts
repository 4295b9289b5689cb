import { EntitySchema } from 'typeorm';
import type { Channel, JourneyChangeKind, JourneyChangeSide } from '@csp/domain';

const tenantId = { type: 'uuid', primary: true, name: 'tenant_id' } as const;

/** One per client with a journey: its revision grows with every change; edits lock this row. */
export interface CustomerJourneyRow {
  tenantId: string;
  clientId: string;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export const CustomerJourneyEntity = new EntitySchema<CustomerJourneyRow>({
  name: 'CustomerJourney',
  tableName: 'customer_journeys',
  columns: {
    tenantId,
    clientId: { type: 'uuid', primary: true, name: 'client_id' },
    revision: { type: 'integer' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});

export interface JourneyStageRow {
  tenantId: string;
  id: string;
  clientId: string;
  name: string;
  /** Its place among the client's live stages, 0..n-1; meaningless once archived. */
  position: number;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const JourneyStageEntity = new EntitySchema<JourneyStageRow>({
  name: 'JourneyStage',
  tableName: 'journey_stages',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    clientId: { type: 'uuid', name: 'client_id' },
    name: { type: 'text' },
    position: { type: 'integer' },
    archivedAt: { type: 'timestamptz', name: 'archived_at', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});

export interface TouchPointRow {
  tenantId: string;
  id: string;
  clientId: string;
  stageId: string;
  name: string;
  channel: Channel;
  owningTeam: string;
  momentOfTruth: boolean;
  /** Its place among its stage's live touch points, 0..n-1; meaningless once archived. */
  position: number;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const TouchPointEntity = new EntitySchema<TouchPointRow>({
  name: 'TouchPoint',
  tableName: 'touch_points',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    clientId: { type: 'uuid', name: 'client_id' },
    stageId: { type: 'uuid', name: 'stage_id' },
    name: { type: 'text' },
    channel: { type: 'text' },
    owningTeam: { type: 'text', name: 'owning_team' },
    momentOfTruth: { type: 'boolean', name: 'moment_of_truth' },
    position: { type: 'integer' },
    archivedAt: { type: 'timestamptz', name: 'archived_at', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});

/** A promise a touch point serves, by the promise's key in the client's charter (so it outlives versions). */
export interface TouchPointPromiseRow {
  tenantId: string;
  clientId: string;
  touchPointId: string;
  charterId: string;
  promiseKey: string;
  createdAt: Date;
}

export const TouchPointPromiseEntity = new EntitySchema<TouchPointPromiseRow>({
  name: 'TouchPointPromise',
  tableName: 'touch_point_promises',
  columns: {
    tenantId,
    clientId: { type: 'uuid', name: 'client_id' },
    touchPointId: { type: 'uuid', primary: true, name: 'touch_point_id' },
    charterId: { type: 'uuid', name: 'charter_id' },
    promiseKey: { type: 'text', primary: true, name: 'promise_key' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});

/** An audit criterion that tests a touch point, by its framework's key and its own. */
export interface TouchPointCriterionRow {
  tenantId: string;
  clientId: string;
  touchPointId: string;
  frameworkKey: string;
  criterionKey: string;
  createdAt: Date;
}

export const TouchPointCriterionEntity = new EntitySchema<TouchPointCriterionRow>({
  name: 'TouchPointCriterion',
  tableName: 'touch_point_criteria',
  columns: {
    tenantId,
    clientId: { type: 'uuid', name: 'client_id' },
    touchPointId: { type: 'uuid', primary: true, name: 'touch_point_id' },
    frameworkKey: { type: 'text', primary: true, name: 'framework_key' },
    criterionKey: { type: 'text', primary: true, name: 'criterion_key' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});

/** One change of a client's journey, as its history shows it. */
export interface JourneyChangeRow {
  tenantId: string;
  id: string;
  clientId: string;
  revision: number;
  kind: JourneyChangeKind;
  stageId: string | null;
  touchPointId: string | null;
  before: JourneyChangeSide | null;
  after: JourneyChangeSide | null;
  /** A member, or null when an API key made the change. */
  changedBy: string | null;
  changedAt: Date;
}

export const JourneyChangeEntity = new EntitySchema<JourneyChangeRow>({
  name: 'JourneyChange',
  tableName: 'journey_changes',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    clientId: { type: 'uuid', name: 'client_id' },
    revision: { type: 'integer' },
    kind: { type: 'text' },
    stageId: { type: 'uuid', name: 'stage_id', nullable: true },
    touchPointId: { type: 'uuid', name: 'touch_point_id', nullable: true },
    before: { type: 'jsonb', nullable: true },
    after: { type: 'jsonb', nullable: true },
    changedBy: { type: 'uuid', name: 'changed_by', nullable: true },
    changedAt: { type: 'timestamptz', name: 'changed_at' },
  },
});

export const touchPointEntities = [
  CustomerJourneyEntity,
  JourneyStageEntity,
  TouchPointEntity,
  TouchPointPromiseEntity,
  TouchPointCriterionEntity,
  JourneyChangeEntity,
];

import {
  definitionChanges,
  effectiveFromOfNewVersion,
  fieldError,
  versionedPeriodContaining,
  versionedPeriodsBetween,
  type FieldError,
  type ServiceLevelDefinition,
} from '@csp/domain';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import { lockById } from '../../core/row-lock.js';
import { refused, type Payload } from '../../core/payloads.js';
import { notFound } from '../../core/user-errors.js';
import {
  ServiceLevelEntity,
  ServiceLevelVersionEntity,
  type ServiceLevelRow,
  type ServiceLevelVersionRow,
} from './entities.js';
import { checkDefinition, definitionOfVersion } from './references.js';

/**
 * Locks the service level and checks the revision the caller last saw, so two people changing its definition
 * cannot overwrite each other (and a change of definition waits for measurements being recorded, which lock the
 * same row).
 */
export async function lockForEdit(
  db: TenantDb,
  id: string,
  expectedRevision: number,
): Promise<ServiceLevelRow | FieldError> {
  const serviceLevel = await lockById(db, ServiceLevelEntity, id);
  if (!serviceLevel) return notFound('id', 'service level');
  if (serviceLevel.revision !== expectedRevision) {
    return fieldError(
      'expectedRevision',
      'CONFLICT',
      'This service level changed since you loaded it. Reload it to see the change, then try again.',
    );
  }
  return serviceLevel;
}

/** Every definition version of a service level, oldest first. */
export function versionsOf(db: TenantDb, serviceLevelId: string): Promise<ServiceLevelVersionRow[]> {
  return db
    .getRepository(ServiceLevelVersionEntity)
    .find({ where: { serviceLevelId }, order: { number: 'ASC' } });
}

export async function insertVersion(
  db: TenantDb,
  serviceLevel: ServiceLevelRow,
  number: number,
  definition: ServiceLevelDefinition,
  effectiveFrom: Date,
  by: { memberId: string; at: Date },
): Promise<ServiceLevelVersionRow> {
  const version: ServiceLevelVersionRow = {
    tenantId: serviceLevel.tenantId,
    serviceLevelId: serviceLevel.id,
    clientId: serviceLevel.clientId,
    number,
    effectiveFrom,
    eventKind: definition.eventKind,
    goodRule: definition.goodRule,
    thresholdValue: definition.threshold?.value ?? null,
    thresholdUnit: definition.threshold?.unit ?? null,
    target: definition.target,
    period: definition.period,
    timeZone: definition.timeZone,
    businessHours: definition.businessHours,
    exclusionRule: definition.exclusionRule,
    createdBy: by.memberId,
    createdAt: by.at,
  };
  await db.getRepository(ServiceLevelVersionEntity).insert(version);
  return version;
}

/**
 * A renamed service level keeps its version (revision + 1); a change to what is measured or how it is judged
 * (`definitionChanges`) adds version n + 1, in force from the start of the period now running under the new
 * definition (never before the previous version's start), and re-sorts the measurements from there into the new
 * definition's periods.
 */
export async function updateServiceLevel(
  context: RequestContext,
  { id, expectedRevision, definition }: { id: string; expectedRevision: number; definition: unknown },
): Promise<Payload<'ServiceLevelPayload'>> {
  const checked = checkDefinition(definition);
  if (!checked.ok) return refused('serviceLevel', ...checked.errors);
  const value = checked.value;
  const viewer = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const serviceLevel = await lockForEdit(db, id, expectedRevision);
    if ('field' in serviceLevel) return refused('serviceLevel', serviceLevel);
    const versions = await versionsOf(db, serviceLevel.id);
    const current = versions.at(-1)!;
    const changes = definitionChanges(definitionOfVersion(current, serviceLevel.name), value);
    if (changes.changed.length === 0) return { serviceLevel, userErrors: [] };
    const now = new Date();
    if (changes.newVersion) {
      const effectiveFrom = effectiveFromOfNewVersion(value, current, now);
      const added = await insertVersion(db, serviceLevel, current.number + 1, value, effectiveFrom, {
        memberId: viewer.memberId,
        at: now,
      });
      await rebuildPeriodsFrom(db, serviceLevel, versions, [...versions, added], now);
    }
    const saved: ServiceLevelRow = {
      ...serviceLevel,
      name: value.name,
      revision: serviceLevel.revision + 1,
      updatedAt: now,
    };
    await db
      .getRepository(ServiceLevelEntity)
      .update({ id: saved.id }, { name: saved.name, revision: saved.revision, updatedAt: saved.updatedAt });
    return { serviceLevel: saved, userErrors: [] };
  });
}

/**
 * After a new version: the period the old definition was running when the new one took over ends there, and the
 * measurements from then on count in the new definition's periods. Each stored measurement is moved to the period
 * it now starts in (periods from the domain, matched in SQL: no statement per row), and the period rows from the
 * old running period on are summed again. Three statements, whatever the number of measurements.
 */
async function rebuildPeriodsFrom(
  db: TenantDb,
  serviceLevel: ServiceLevelRow,
  before: readonly ServiceLevelVersionRow[],
  after: readonly ServiceLevelVersionRow[],
  now: Date,
): Promise<void> {
  if (!serviceLevel.measuredUntil) return;
  const effectiveFrom = after.at(-1)!.effectiveFrom;
  const from = versionedPeriodContaining(before, effectiveFrom).start;
  const until = serviceLevel.measuredUntil > now ? serviceLevel.measuredUntil : now;
  const periods = versionedPeriodsBetween(after, from, until);
  if (periods.length === 0) return;
  const starts = periods.map((p) => p.start.toISOString());
  const ends = periods.map((p) => p.end.toISOString());
  await db.query(
    `UPDATE service_level_measurements m SET period_start = p.start
       FROM unnest($3::timestamptz[], $4::timestamptz[]) AS p(start, until)
      WHERE m.tenant_id = $1 AND m.service_level_id = $2
        AND m.starts_at >= p.start AND m.starts_at < p.until AND m.period_start <> p.start`,
    [db.tenantId, serviceLevel.id, starts, ends],
  );
  await db.query(
    'DELETE FROM service_level_periods WHERE tenant_id = $1 AND service_level_id = $2 AND starts_at >= $3',
    [db.tenantId, serviceLevel.id, from.toISOString()],
  );
  await db.query(
    `INSERT INTO service_level_periods
            (tenant_id, service_level_id, client_id, starts_at, ends_at, label, definition_version, good, valid, excluded)
     SELECT $1, $2, $3, p.start, p.until, p.label, p.version,
            sum(m.good), sum(m.valid), coalesce(sum(m.excluded), 0)
       FROM unnest($4::timestamptz[], $5::timestamptz[], $6::text[], $7::int[]) AS p(start, until, label, version)
       JOIN service_level_measurements m
         ON m.tenant_id = $1 AND m.service_level_id = $2 AND m.period_start = p.start
      GROUP BY p.start, p.until, p.label, p.version`,
    [
      db.tenantId,
      serviceLevel.id,
      serviceLevel.clientId,
      starts,
      ends,
      periods.map((p) => p.label),
      periods.map((p) => p.version),
    ],
  );
}

import {
  check,
  fieldError,
  serviceLevelInput,
  type CharterPromise,
  type Checked,
  type FieldError,
  type ServiceLevelDefinition,
} from '@csp/domain';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { isUuid } from '../../core/user-errors.js';
import { publishedCharterOf } from '../charters/index.js';
import { ServiceLevelEntity, type ServiceLevelRow, type ServiceLevelVersionRow } from './entities.js';

/** The service level with this id, as far as the caller may see it (tenant and client fence); null otherwise. */
export async function serviceLevelOf(db: TenantDb, id: string): Promise<ServiceLevelRow | null> {
  if (!isUuid(id)) return null;
  return db.getRepository(ServiceLevelEntity).findOneBy({ id });
}

/** A definition as given in an input, checked by the domain's rules; errors point into `input.definition`. */
export function checkDefinition(definition: unknown): Checked<ServiceLevelDefinition> {
  const checked = check(serviceLevelInput, definition);
  if (checked.ok) return checked;
  return {
    ok: false,
    errors: checked.errors.map((e) => ({ ...e, field: e.field ? `definition.${e.field}` : 'definition' })),
  };
}

/** A stored version (with the service level's name) as the domain's definition, to compare with a new one. */
export function definitionOfVersion(version: ServiceLevelVersionRow, name: string): ServiceLevelDefinition {
  return {
    name,
    eventKind: version.eventKind,
    goodRule: version.goodRule,
    threshold:
      version.thresholdValue !== null && version.thresholdUnit !== null
        ? { value: version.thresholdValue, unit: version.thresholdUnit }
        : null,
    target: version.target,
    period: version.period,
    timeZone: version.timeZone,
    businessHours: version.businessHours,
    exclusionRule: version.exclusionRule,
  };
}

/**
 * The promise a new service level measures: a promise of the client's charter in force (its newest published
 * version), with a standard. Answers the charter's id with it, or why not, on `promiseKey`.
 */
export async function promiseToMeasure(
  db: TenantDb,
  clientId: string,
  promiseKey: string,
): Promise<{ charterId: string; promise: CharterPromise } | FieldError> {
  const charter = await publishedCharterOf(db, clientId);
  if (!charter) {
    return fieldError(
      'promiseKey',
      'NOT_ALLOWED',
      'This client has no published charter yet: a service level measures a promise of the charter in force.',
    );
  }
  const promise = charter.promises.find((p) => p.key === promiseKey);
  if (!promise) {
    return fieldError(
      'promiseKey',
      'NOT_FOUND',
      'The client’s charter in force has no promise with this key.',
    );
  }
  if (!promise.standard) {
    return fieldError(
      'promiseKey',
      'NOT_ALLOWED',
      'This promise has no service standard to measure: give it one in the charter first.',
    );
  }
  return { charterId: charter.charterId, promise };
}

import type { EntitySchema, FindOptionsWhere } from 'typeorm';
import type { TenantDb, Tenanted } from './tenancy/tenant-db.js';
import { isUuid } from './user-errors.js';

/**
 * Reads a row by id and locks it until the mutation's transaction ends, so two concurrent changes of one object
 * are made one after the other and each checks its rule against what the other wrote. A malformed id names
 * nothing: null, like an unknown id or another tenant's.
 */
export function lockById<T extends Tenanted & { id: string }>(
  db: TenantDb,
  entity: EntitySchema<T>,
  id: string,
): Promise<T | null> {
  if (!isUuid(id)) return Promise.resolve(null);
  return db
    .getRepository(entity)
    .findOne({ where: { id } as FindOptionsWhere<T>, lock: { mode: 'pessimistic_write' } });
}

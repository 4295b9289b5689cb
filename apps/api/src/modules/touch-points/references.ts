import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { isUuid } from '../../core/user-errors.js';
import { IsNull } from 'typeorm';
import { TouchPointEntity, type TouchPointRow } from './entities.js';

/**
 * The touch point with this id of this client, as far as the caller may see it (tenant and client fence); null
 * otherwise, so another tenant's or another client's id answers exactly like an id that does not exist. An archived
 * touch point is still found (evidence recorded before it was archived keeps its link); callers that must refuse
 * new links to it look at `archivedAt`.
 */
export async function touchPointOf(
  db: TenantDb,
  clientId: string,
  touchPointId: string,
): Promise<TouchPointRow | null> {
  if (!isUuid(touchPointId) || !isUuid(clientId)) return null;
  return db.getRepository(TouchPointEntity).findOneBy({ id: touchPointId, clientId });
}

/** The client's current (not archived) touch points, for callers that find one by its name (complaint batches). */
export async function liveTouchPointsOfClient(db: TenantDb, clientId: string): Promise<TouchPointRow[]> {
  if (!isUuid(clientId)) return [];
  return db.getRepository(TouchPointEntity).findBy({ clientId, archivedAt: IsNull() });
}

import { fieldError, type FieldError } from '@csp/domain';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { isUuid, notFound } from '../../core/user-errors.js';
import { ClientEntity, type ClientRow } from './entities.js';

/** The client with this id, as far as the caller may see it; null when there is none. */
export async function clientOf(db: TenantDb, clientId: string): Promise<ClientRow | null> {
  return db.getRepository(ClientEntity).findOneBy({ id: clientId });
}

/** Whether the caller can see a client with this id (the check before pointing something at a client). */
export async function clientExists(db: TenantDb, clientId: string): Promise<boolean> {
  return db.getRepository(ClientEntity).existsBy({ id: clientId });
}

/**
 * Why new work (an engagement, audit, charter draft or role profile) cannot start for this client, or null when
 * it can: the client must exist for the caller and not be archived.
 */
export async function clientClosedToNewWork(db: TenantDb, clientId: string): Promise<FieldError | null> {
  const client = isUuid(clientId) ? await db.getRepository(ClientEntity).findOneBy({ id: clientId }) : null;
  if (!client) return notFound('clientId', 'client');
  if (client.status === 'ARCHIVED') {
    return fieldError('clientId', 'NOT_ALLOWED', 'This client is archived. Reactivate it first.');
  }
  return null;
}
